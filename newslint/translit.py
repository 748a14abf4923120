"""Transliteration-aware comparison of names: is ``Zelenskiy`` the same name as
``Zelenskyy``, ``Zhovka`` as ``Zhovkva``, but ``Peskova`` not ``Peskov``?

All the linguistic knowledge (letter equivalences, endings, derivational and
feminine suffixes, transliteration markers, known distinct pairs) comes from a
rule pack; this module only applies it, so an editor can tune it in TOML.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import regex

from .kinds.base import PackError


def fold(word: str) -> str:
    """Lower case, accents and apostrophes removed: the base every comparison starts from."""
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return regex.sub(r"[\x27’ʼ`´\-.]", "", bare).lower()


def edit_distance_one(a: str, b: str) -> bool:
    """Exactly one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def _vowel_edit(a: str, b: str) -> bool:
    """The one edit between a and b changes, adds or drops a vowel."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    changed = {a[i:i + 1], b[i:i + 1]} - {""}
    return bool(changed) and all(c in "aeiouy" for c in changed)


_DOUBLED = regex.compile(r"(.)\1+")


@dataclass
class Transliteration:
    """Compiled equivalence rules from a pack (see ``rules/names.toml``, NL103)."""

    endings: list[str] = field(default_factory=list)
    rewrites: list[tuple[str, str]] = field(default_factory=list)
    collapse_doubles: bool = True
    markers: list[Any] = field(default_factory=list)
    suffixes: frozenset[str] = frozenset()
    feminine: list[tuple[str, str]] = field(default_factory=list)
    distinct: set[frozenset[str]] = field(default_factory=set)
    _keys: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Transliteration:
        def strings(name: str) -> list[str]:
            value = spec.get(name, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise PackError(f"'{name}' must be a list of strings")
            return value

        def pairs(name: str) -> list[tuple[str, str]]:
            value = spec.get(name, [])
            if not isinstance(value, list) or not all(
                    isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) for s in p) for p in value):
                raise PackError(f"'{name}' must be a list of [\"a\", \"b\"] pairs")
            return [(p[0], p[1]) for p in value]

        markers = []
        for source in strings("markers"):
            try:
                markers.append(regex.compile(source))
            except regex.error as exc:
                raise PackError(f"markers pattern {source!r} does not compile: {exc}") from None
        return cls(
            endings=sorted((fold(e) for e in strings("endings")), key=len, reverse=True),
            rewrites=[(fold(a), fold(b)) for a, b in pairs("rewrites")],
            collapse_doubles=bool(spec.get("collapse-doubles", True)),
            markers=markers,
            suffixes=frozenset(fold(s) for s in strings("derived-suffixes")),
            feminine=[(fold(a), fold(b)) for a, b in pairs("feminine")],
            distinct={frozenset((fold(a), fold(b))) for a, b in pairs("distinct")},
        )

    def key(self, word: str) -> str:
        """A spelling-independent key: Zelenskiy, Zelenskyy and Zelensky share one
        (remembered: the same names recur from article to article)."""
        known = self._keys.get(word)
        if known is None:
            known = self._keys[word] = self._key(word)
        return known

    def _key(self, word: str) -> str:
        text = fold(word)
        for ending in self.endings:
            if len(text) > len(ending) + 2 and text.endswith(ending):
                text = text[: -len(ending)] + "y"
                break
        for old, new in self.rewrites:
            text = text.replace(old, new)
        if self.collapse_doubles:
            text = _DOUBLED.sub(r"\1", text)
        return text

    def marked(self, word: str) -> bool:
        """Whether the word looks transliterated (zh, kh, -skiy, -enko, ...)."""
        text = fold(word)
        return any(m.search(text) for m in self.markers)

    def derived(self, a: str, b: str) -> bool:
        """One word is a derived, plural or feminine form of the other (Russia/Russian,
        Biden/Bidens, Peskov/Peskova, Zelensky/Zelenska, Ukraine/Ukrainian)."""
        x, y = fold(a), fold(b)
        n = 0
        while n < min(len(x), len(y)) and x[n] == y[n]:
            n += 1
        tails = sorted((x[n:], y[n:]), key=len)
        short, long_ = tails
        if short == "" and long_ in self.suffixes:
            return True
        if len(short) == 1 and short in "aeiouy" and len(long_) >= 2 and long_ in self.suffixes:
            return True  # Ukraine -> Ukrainian
        if short in self.suffixes and long_ in self.suffixes and not (short in self.endings and long_ in self.endings):
            return True  # siblings of one stem: Germans / Germany (but Serhii / Serhiy is a spelling)
        for masc, fem in self.feminine:
            if (x.endswith(masc) and y.endswith(fem) and x[: len(x) - len(masc)] == y[: len(y) - len(fem)]) or \
                    (y.endswith(masc) and x.endswith(fem) and y[: len(y) - len(masc)] == x[: len(x) - len(fem)]):
                return True
        return False

    def is_distinct(self, a: str, b: str) -> bool:
        return frozenset((fold(a), fold(b))) in self.distinct

    def relation(self, a: str, b: str, min_length: int, edit_min_length: int) -> str | None:
        """``"spelling"`` (same key), ``"vowel"`` (one vowel apart: Stoltenberg/Stoltenburg),
        ``"letter"`` (one consonant apart: Bolton/Boston, weaker evidence) or None."""
        if fold(a) == fold(b) or self.is_distinct(a, b) or self.derived(a, b):
            return None
        if min(len(a), len(b)) < min_length:
            return None
        ka, kb = self.key(a), self.key(b)
        if ka == kb:
            return "spelling"
        if min(len(a), len(b)) >= edit_min_length and edit_distance_one(ka, kb) and \
                edit_distance_one(fold(a), fold(b)):
            return "vowel" if _vowel_edit(fold(a), fold(b)) else "letter"
        return None
