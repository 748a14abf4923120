"""``indefinite-article``: "a" or "an" by the next word's first sound, not its letter.

Pack fields: ``article`` ("a": flag "a" before a vowel sound; "an": flag "an"
before a consonant sound), ``data`` (the word lists, a TOML file relative to the
pack; default ``data/an-words.toml``), ``sounds`` (the words of the CMU
Pronouncing Dictionary whose first sound is not their first letter's, built by
``scripts/build_an_sounds.py``; default ``data/an-sounds.toml``), ``safe`` (default false).

Any word the CMU dictionary knows is decided by its first phoneme ("a ubiquitous",
"an Nvidia", "a eulogy"); the hand-kept lists win over it, and a word it lacks
falls back to the lists and its letter. A hyphenated word goes by its first part
("a once-in-a-century flood"). An exception kept for a capitalised name (the Irish
"An Post") applies only when the word is capitalised.

The lists say what spelling cannot: "a university", "an hour", "a one-off".
Capitals said letter by letter take the letter's sound ("an FBI agent", "an MP");
capitals said as a word take the word's ("a NATO summit"). Where the sound is
unclear (an acronym neither list knows, "an historic"), nothing is reported.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..prefilter import doc_view
from ..records import Hit, NewslintError
from ..regex_cache import compile_pattern
from ..safe_regex import matches_at
from ..toml import load_toml
from .base import Context, PackError, RuleKind

_CANDIDATE = compile_pattern(
    r"(?<![\w'’\-.])(?P<art>a|an|A|An)(?P<gap>[ \t]+|[ \t]*\n[ \t]*)[\"'‘“(]?(?P<word>[^\W_][\w'’.\-]*)"
)
_VOWEL_NUMBER = compile_pattern(r"^(?:8|1[18](?:\d\d)?(?![\d])|1[18],\d{3})")
_LETTERS_SAID_AS_VOWEL = set("AEFHILMNORSX")
_POSSESSIVE = compile_pattern(r"['’]s?$")
_LETTER = compile_pattern(r"^[A-Za-z](?:$|[\-\d])")
_DOTS_AND_DIGITS = compile_pattern(r"[.\d]")
_CAPS = compile_pattern(r"[A-Z]{2,}s?")
_CAPITALISED = compile_pattern(r"[A-Z][a-z]+")
_OPENERS = "\"'‘“([ \t"
_SENTENCE_ENDS = ".!?:;…\n"

VOWEL, CONSONANT = "vowel", "consonant"


@dataclass(frozen=True)
class SoundLists:
    consonant_words: frozenset[str]
    consonant_prefixes: tuple[str, ...]
    vowel_prefixes: tuple[str, ...]
    tolerated_an_h: tuple[str, ...]
    either: tuple[str, ...]
    acronym_words: frozenset[str]
    acronym_letters: frozenset[str]
    acronym_either: frozenset[str]
    irish: frozenset[str]
    cmu_vowel: frozenset[str] = frozenset()
    cmu_consonant: frozenset[str] = frozenset()
    cmu_either: frozenset[str] = frozenset()


@lru_cache(maxsize=8)
def load_sounds(path: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The CMU table: (vowel, consonant, either) words; a broken file is a pack error."""
    try:
        data, _ = load_toml(path)
    except NewslintError as exc:
        raise PackError(str(exc)) from None
    out = []
    for key in ("vowel", "consonant", "either"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise PackError(f"{path}: {key} must be a list of strings")
        out.append(frozenset(v.lower() for v in value))
    return out[0], out[1], out[2]


@lru_cache(maxsize=8)
def load_lists(path: str, sounds: str | None = None) -> SoundLists:
    """Read the word lists; a missing or malformed file is a pack error."""
    try:
        data, _ = load_toml(path)
    except NewslintError as exc:
        raise PackError(str(exc)) from None

    def strings(table: str, key: str, lower: bool = True) -> list[str]:
        value = data.get(table, {}).get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise PackError(f"{path}: [{table}] {key} must be a list of strings")
        return [v.lower() for v in value] if lower else list(value)

    return SoundLists(
        consonant_words=frozenset(strings("consonant-sound", "words")),
        consonant_prefixes=tuple(strings("consonant-sound", "prefixes")),
        vowel_prefixes=tuple(strings("vowel-sound", "prefixes")),
        tolerated_an_h=tuple(strings("tolerated", "an-h")),
        either=tuple(strings("tolerated", "either")),
        acronym_words=frozenset(strings("acronyms", "words", lower=False)),
        acronym_letters=frozenset(strings("acronyms", "letters", lower=False)),
        acronym_either=frozenset(strings("acronyms", "either", lower=False)),
        irish=frozenset(strings("irish", "after-an")),
        **(dict(zip(("cmu_vowel", "cmu_consonant", "cmu_either"), load_sounds(sounds), strict=True))
           if sounds else {}),
    )


def _fold(word: str) -> str:
    """Lower case without accents: 'Élysée' -> 'elysee'."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def first_sound(word: str, lists: SoundLists, article: str = "a") -> str | None:
    """VOWEL, CONSONANT, or None when unsure (then nothing is reported)."""
    word = _POSSESSIVE.sub("", word).rstrip(".-")
    if not word:
        return None
    if word[0].isdigit():
        return VOWEL if _VOWEL_NUMBER.match(word) else CONSONANT
    if _LETTER.match(word):  # a letter: "an X-ray", "an F-16", "a U-turn"
        return VOWEL if word[0].upper() in _LETTERS_SAID_AS_VOWEL else CONSONANT
    head = word.split("-")[0]
    if head != word and len(head) > 1 and head.isupper():
        word = head  # "an MP-led", "a US-led": the capitals decide
    caps = _DOTS_AND_DIGITS.sub("", word)
    if _CAPS.fullmatch(caps) and not _CAPITALISED.fullmatch(caps):
        return _acronym_sound(caps if caps.isupper() else caps[:-1], lists)
    folded = _fold(word)
    if not folded[:1].isascii() or not folded[:1].isalpha():
        return None
    if folded.startswith(lists.either):
        return None
    part = folded.split("-")[0]
    for key in dict.fromkeys((folded, part)):
        if key in lists.cmu_either:
            return None
        if key in lists.consonant_words:
            return CONSONANT
        if key in lists.cmu_vowel and not key.startswith(lists.tolerated_an_h):
            return VOWEL
        if key in lists.cmu_consonant:
            return CONSONANT
    if folded[0] in "aeiou":
        if folded in lists.consonant_words or folded.startswith(lists.consonant_prefixes):
            return CONSONANT
        return VOWEL
    if folded[0] == "h":
        if folded.startswith(lists.vowel_prefixes):
            return VOWEL
        if folded.startswith(lists.tolerated_an_h):
            return None
        return CONSONANT
    if folded[0] == "x":  # "xylophone" (z) but "Xi" (sh): unclear
        return None
    return CONSONANT


def _acronym_sound(caps: str, lists: SoundLists) -> str | None:
    if caps in lists.acronym_either:
        return None
    first = caps[0]
    if first in "AEIO":
        return VOWEL
    if first not in _LETTERS_SAID_AS_VOWEL:
        return CONSONANT  # "a BBC", "a UN", "a YMCA": letter and word sound alike
    if caps in lists.acronym_words:
        return CONSONANT
    if caps in lists.acronym_letters or not any(c in "AEIOU" for c in caps[1:2]):
        return VOWEL  # "an FBI", "an MP", "an NHS"
    return None  # "a SIM"? "an RAC"? unclear unless listed


class Kind(RuleKind):
    fields = {"article": str, "data": str, "sounds": str, "safe": bool}
    required = ("article",)

    def configure(self, spec: dict[str, Any]) -> None:
        self.article = spec["article"]
        if self.article not in ("a", "an"):
            raise PackError("'article' must be \"a\" (flag 'a' before vowel sounds) or \"an\"")
        folder = Path(self.rule.pack_path).parent
        path = folder / spec.get("data", "data/an-words.toml")
        sounds = folder / spec.get("sounds", "data/an-sounds.toml")
        self.lists = load_lists(str(path), str(sounds) if sounds.exists() or "sounds" in spec else None)
        self.safe = bool(spec.get("safe", False))
        self.sounds: dict[str, str | None] = {}  # word -> first_sound (words recur across articles)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        wrong_sound = VOWEL if self.article == "a" else CONSONANT
        for match in candidates(text):
            art, word = match.group("art"), match.group("word")
            if art.lower() != self.article:
                continue
            if art[0].isupper() and not _sentence_start(text, match.start()):
                continue  # "Plan A", "grade A", "Mr An", "A Coruna"
            if art.lower() == "an" and word[:1].isupper() and _fold(word).rstrip(".") in self.lists.irish:
                continue  # "An Post" (Irish), but not "an post-war boom"
            sound = self.sounds.get(word, "")
            if sound == "":
                sound = self.sounds[word] = first_sound(word, self.lists, self.article)
            if sound != wrong_sound:
                continue
            right = "an" if self.article == "a" else "a"
            right = right.capitalize() if art[0].isupper() else right
            start, end = match.span("art")
            yield Hit(start, end, self.format(match=art, replacement=right, word=word.rstrip(".")),
                      replacements=[right], fix=right, safe=self.safe)


# Where an article may stand: "a" or "an" (either case) before a space or line break, not
# after an ASCII letter, figure or mark that _CANDIDATE's look-behind rules out.
# (the letter first, then the look-behind: `re` then skips quickly to each "a")
_ARTICLE_AT = re.compile(r"[aA](?<![A-Za-z0-9_'’\-.][aA])n?[ \t\n]")


def candidates(text: str) -> list[Any]:
    """The matches of _CANDIDATE in ``text``, found once for both article rules and tried only
    where an article may stand."""
    memo = doc_view(text).memo
    found = memo.get("indefinite-article")
    if found is None:
        starts = [m.start() for m in _ARTICLE_AT.finditer(text)]
        found = memo["indefinite-article"] = list(matches_at(_CANDIDATE, text, starts))
    return found


def _sentence_start(text: str, pos: int) -> bool:
    """Whether only opening quotes and space separate ``pos`` from a sentence end."""
    j = pos - 1
    while j >= 0 and text[j] in _OPENERS:
        j -= 1
    if j < 0 or text[j] in _SENTENCE_ENDS:
        return True
    return text[j] in "\"'’”)" and j > 0 and text[j - 1] in ".!?"
