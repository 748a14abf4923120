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

from .kinds.base import PackError, str_list


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


def _substitutes(x: str, old: str, new: str, y: str) -> bool:
    """Replacing one ``old`` in x (``^``/``$`` anchor it) by ``new`` gives y."""
    at_start, at_end = old.startswith("^"), old.endswith("$")
    old, new = old.strip("^$"), new.strip("^$")
    if not old or len(x) - len(old) + len(new) != len(y):
        return False
    if at_end:
        return x.endswith(old) and x[: len(x) - len(old)] + new == y
    if at_start:
        return x.startswith(old) and new + x[len(old):] == y
    start = x.find(old)
    while start != -1:
        if x[:start] + new + x[start + len(old):] == y:
            return True
        start = x.find(old, start + 1)
    return False


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
    #: Spelling patterns of names' languages: one substitution turns one spelling into the
    #: other (-berg/-burg, qv/qu, -ski/-sky, -ov/-off, ph/f, ei/ie); "^"/"$" anchor a side.
    patterns: list[tuple[str, str]] = field(default_factory=list)
    #: Letters whose place in a transliterated name wanders (Gandhi / Ghandi).
    movable: str = ""
    _keys: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Transliteration:
        def strings(name: str) -> list[str]:
            return str_list(spec, name)

        def pairs(name: str) -> list[tuple[str, str]]:
            value = spec.get(name, [])
            if not isinstance(value, list) or not all(
                    isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) for s in p) for p in value):
                raise PackError(f"'{name}' must be a list of [\"a\", \"b\"] pairs")
            return [(p[0], p[1]) for p in value]

        from .safe_regex import compile_regex  # a pack's patterns: checked and run with a time limit

        markers = [compile_regex(source, False, "markers pattern") for source in strings("markers")]
        return cls(
            endings=sorted((fold(e) for e in strings("endings")), key=len, reverse=True),
            rewrites=[(fold(a), fold(b)) for a, b in pairs("rewrites")],
            collapse_doubles=bool(spec.get("collapse-doubles", True)),
            markers=markers,
            suffixes=frozenset(fold(s) for s in strings("derived-suffixes")),
            feminine=[(fold(a), fold(b)) for a, b in pairs("feminine")],
            distinct={frozenset((fold(a), fold(b))) for a, b in pairs("distinct")},
            patterns=[(a.lower(), b.lower()) for a, b in pairs("patterns")],
            movable=fold("".join(strings("movable"))),
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
        if short == "" and len(long_) == 1 and n and x[n - 1] == long_:
            return False  # a doubled last letter (Weidman / Weidmann) is a spelling, not a suffix
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

    def pattern_keys(self, word: str) -> set[str]:
        """Keys under which a pattern's two sides meet: each listed substitution applied one
        way (q -> p), and the word without its movable letters."""
        text = fold(word)
        keys = {_DOUBLED.sub(r"\1", text)}
        for p, q in self.patterns:
            new, old = p.strip("^$"), q.strip("^$")
            if old and old in text:
                keys.add(_DOUBLED.sub(r"\1", text.replace(old, new)))
        for letter in self.movable:
            if letter in text:
                keys.add("~" + text.replace(letter, ""))
        return keys

    def pattern(self, a: str, b: str) -> str | None:
        """The spelling pattern that turns one name into the other: a listed substitution
        ("berg/burg"), a doubled or single letter ("double"), two letters swapped ("swap"),
        a movable letter ("h moved"); None when no pattern explains the difference."""
        x, y = fold(a), fold(b)
        if x == y or self.is_distinct(a, b) or self.derived(a, b):
            return None
        if _DOUBLED.sub(r"\1", x) == _DOUBLED.sub(r"\1", y):
            return "double"
        for p, q in self.patterns:
            for old, new in ((p, q), (q, p)):
                if _substitutes(x, old, new, y):
                    return f"{p.strip('^$')}/{q.strip('^$')}"
        if len(x) == len(y):
            diff = [i for i in range(len(x)) if x[i] != y[i]]
            if len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]:
                return "swap"
        for letter in self.movable:
            if letter in x and x.count(letter) == y.count(letter) and x.replace(letter, "") == y.replace(letter, ""):
                return f"{letter} moved"
        return None

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
