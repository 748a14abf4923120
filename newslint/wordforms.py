"""Word forms from a lexicon: is this word a verb's base, -s, past or participle form,
and is it also a noun, adjective or adverb?

Grammar rules that ask "is the word after 'had' a participle?" need every verb, not
a list of examples. The forms come from lemminflect's dictionary (its public
``getAllLemmas`` / ``getInflection``; its guessing model for unknown words is not
used (``inflect_oov=False``), so a word the dictionary lacks has no forms and is
never flagged), with the corrections in ``rules/data/verb-forms.toml``. lemminflect
is imported on the first question asked, so a run whose rules ask none never loads it.

Importing lemminflect costs a noticeable part of a second, so the forms of every
word looked up are kept in the disk cache (:mod:`newslint.disk_cache`), checked against
lemminflect's version and the corrections file: a later run
imports lemminflect only for a word it has not met before.

Pattern rules read the forms as token attributes: ``{_ = {past_only = true}}``
(see :data:`CLASSES`).
"""
from __future__ import annotations

import atexit
import sys
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .resources import data_path
from .toml import load_toml

BASE, PRESENT, S, PAST, PARTICIPLE, ING, NOUN, ADJ, ADV = (1 << k for k in range(9))
FORM_NAMES = {"verb-base": BASE, "verb-present": PRESENT, "verb-s": S, "verb-past": PAST,
              "verb-participle": PARTICIPLE, "verb-ing": ING, "noun": NOUN, "adjective": ADJ, "adverb": ADV}
_TAGS = {"VB": BASE, "VBP": PRESENT, "VBZ": S, "VBD": PAST, "VBN": PARTICIPLE, "VBG": ING}
_VERB = BASE | PRESENT | S | PAST | PARTICIPLE | ING
DATA = ("data", "verb-forms.toml")


#: Word-form classes a pattern can test (``_ = {name = true}``), each a test of a mask.
CLASSES: dict[str, Callable[[int], bool]] = {
    "verb": lambda m: bool(m & _VERB),
    "verb_base": lambda m: bool(m & BASE),
    "verb_s": lambda m: bool(m & S),
    "verb_past": lambda m: bool(m & PAST),
    "verb_participle": lambda m: bool(m & PARTICIPLE),
    "verb_ing": lambda m: bool(m & ING),
    "noun": lambda m: bool(m & NOUN),
    "adjective": lambda m: bool(m & ADJ),
    "adverb": lambda m: bool(m & ADV),
    # a past tense that is neither a participle nor a plain form: "went", "took", "began"
    "past_only": lambda m: bool(m & PAST) and not m & (PARTICIPLE | BASE | PRESENT),
    # a tensed form that can follow no auxiliary: "went", "goes", "was", "are"
    "finite_only": lambda m: bool(m & (PAST | S | PRESENT)) and not m & (BASE | PARTICIPLE),
    # the same, and not also a noun or adjective: "goes", "went" (not "tanks", "cuts")
    "finite_verb_only": lambda m: bool(m & (PAST | S | PRESENT)) and not m & (BASE | PARTICIPLE | NOUN | ADJ),
    # a form that cannot follow "do": past, participle or -s, and not a plain form
    "not_base": lambda m: bool(m & (PAST | PARTICIPLE | S)) and not m & (BASE | PRESENT),
    # a plain form that is only a verb: "bring", "attend", "seem" (not "work", "open", "come")
    "bare_verb": lambda m: bool(m & BASE) and not m & (PAST | PARTICIPLE | S | NOUN | ADJ | ADV),
    # a plain form that is not also a past or -s form, adverb or adjective: "walk",
    # "say", "seem" (not "put", "last", "still")
    "plain_present": lambda m: bool(m & BASE) and not m & (PAST | S | ADJ | ADV),
}


@lru_cache(maxsize=1)
def _corrections() -> tuple[dict[str, int], dict[str, int]]:
    data, _ = load_toml(data_path(*DATA))

    def table(name: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for word, forms in data.get(name, {}).items():
            bits = 0
            for form in forms:
                bits |= FORM_NAMES[form]
            out[word.lower()] = bits
        return out

    return table("add"), table("remove")


class _NoSpacy:
    """An import finder that makes ``import spacy`` fail while lemminflect is imported:
    lemminflect imports spaCy when it can (about a second) only to add token extensions
    that newslint never reads."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "spacy" or name.startswith("spacy."):
            raise ImportError("spaCy is not needed for word forms")
        return None


@lru_cache(maxsize=1)
def lemminflect_module() -> Any:
    """lemminflect, imported without the spaCy import it would make (see :class:`_NoSpacy`)."""
    if "spacy" in sys.modules or "lemminflect" in sys.modules:
        import lemminflect

        return lemminflect
    blocker = _NoSpacy()
    sys.meta_path.insert(0, blocker)
    try:
        import lemminflect
    finally:
        sys.meta_path.remove(blocker)
    return lemminflect


_MAX_CACHED = 200_000
_added: dict[str, int] = {}


@lru_cache(maxsize=1)
def _cache_key() -> tuple[bytes, tuple[str, ...]]:
    """What cached masks are checked against: the corrections file and lemminflect's version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        lemminflect_version = version("lemminflect")
    except PackageNotFoundError:
        lemminflect_version = "?"
    return data_path(*DATA).read_bytes(), (f"lemminflect {lemminflect_version}", "wordforms 2")


def _masks(value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or not all(type(v) is int and isinstance(k, str) for k, v in value.items()):
        raise TypeError("not a table of masks")
    return value


@lru_cache(maxsize=1)
def _disk() -> dict[str, int]:
    """Masks computed by earlier runs (empty when there is no cache or it is unreadable)."""
    from . import disk_cache

    if disk_cache.cache_dir() is None:
        return {}
    source, versions = _cache_key()
    return disk_cache.read("wordforms", source, _masks, versions) or {}


def _store() -> None:
    """Write the masks of this run's new words into the cache (merged with what is there)."""
    from . import disk_cache

    if not _added or disk_cache.cache_dir() is None:
        return
    merged = dict(_disk())
    if len(merged) < _MAX_CACHED:
        merged.update(_added)
    source, versions = _cache_key()
    disk_cache.write("wordforms", source, merged, versions)
    _added.clear()


@lru_cache(maxsize=1 << 16)
def mask(word: str) -> int:
    """The forms of a lower-case word as a bit mask (0 for a word the lexicon lacks)."""
    if not (word.isalpha() and word.isascii()):
        return 0
    known = _disk().get(word)
    if known is not None:
        return known
    bits = _lookup(word)
    if not _added:
        atexit.register(_store)
    _added[word] = bits
    return bits


def _lookup(word: str) -> int:
    """The forms of ``word`` from lemminflect and the corrections file."""
    lex = lemminflect_module()
    bits = 0
    for upos, names in lex.getAllLemmas(word).items():
        if upos in ("VERB", "AUX"):
            for lemma in names:
                for tag, bit in _TAGS.items():
                    if word in lex.getInflection(lemma, tag, inflect_oov=False):
                        bits |= bit
        elif upos == "NOUN":
            bits |= NOUN
        elif upos == "ADJ":
            bits |= ADJ
        elif upos == "ADV":
            bits |= ADV
    if bits & PAST and word.endswith("ed"):
        bits |= PARTICIPLE  # a regular past is also the participle, whatever the spelling ("focussed")
    add, remove = _corrections()
    return (bits | add.get(word, 0)) & ~remove.get(word, 0)


def has(word: str, name: str) -> bool:
    """Whether ``word`` (any case) is in the word-form class ``name`` of :data:`CLASSES`."""
    return CLASSES[name](mask(word.lower()))
