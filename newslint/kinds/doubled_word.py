"""``doubled-word``: the same word twice in a row ("the the"), a classic keying slip.

Pack fields: ``allow`` (words that may be doubled: "had had", "that that"),
``names`` (words that are also first names: "Will will decide", "May may go"),
``particles`` (words doubled when the first is a verb's particle and the second a
preposition: "moved in in June", "handed it over over the weekend": allowed only
right after a verb form or an object pronoun, so "to to" and "in in the" after a noun
are reported), ``pair-first`` / ``pair-second`` (a repeated two-word phrase is reported when its words
are in these lists: "from the from the"),
``allow-if-before`` (table word -> regex: the doubling is allowed when the regex is
found earlier in the same sentence: "what it is is"), ``safe`` (whether the fix,
dropping the second word, is safe; default true).

The fix deletes one of the two and never a line break: across a line break it
deletes the first word ("it would\nwould not" -> "it \nwould not").

Left alone by design: two capitalised words (places and names such as "Bora
Bora", a band called "The The"), words in capitals, single letters other than
"a", and doubles across a blank line (a heading followed by its first paragraph).
A line break between the two words counts only when both are in lower case.
"""
from __future__ import annotations

import operator
from collections.abc import Iterable
from itertools import compress, count
from typing import Any

from ..prefilter import doc_view
from ..records import Hit
from ..regex_cache import compile_pattern
from ..safe_regex import compile_regex, finditer, matches_at
from .base import Context, PackError, RuleKind, as_str_list

_DOUBLE = compile_pattern(r"(?<![\w'’\-])(?P<first>[^\W\d_]+)(?P<gap>[ \t]*\n?[ \t]*)"
                        r"(?P<second>(?i:(?P=first)))"
                        r"(?![\w'’]|-\w)")
# Two words typed twice: "from the from the".
_DOUBLE_PAIR = compile_pattern(r"(?<![\w'’\-])(?P<first>(?P<a>[^\W\d_]+)[ \t]+(?P<b>[^\W\d_]+))[ \t]+"
                             r"(?P<second>(?i:(?P=a))[ \t]+(?i:(?P=b)))(?![\w'’]|-\w)")
_SENTENCE_END = compile_pattern(r"[.!?]\s|\n\s*\n")


class Kind(RuleKind):
    fields = {"allow": list, "allow-if-before": dict, "names": list, "pair-first": list, "pair-second": list,
              "particles": list, "safe": bool}

    def configure(self, spec: dict[str, Any]) -> None:
        self.allow = {w.lower() for w in as_str_list(spec.get("allow", []), "allow")}
        self.names = {w.lower() for w in as_str_list(spec.get("names", []), "names")}
        table = spec.get("allow-if-before", {})
        self.allow_if = {}
        for word, source in table.items():
            if not isinstance(source, str):
                raise PackError(f"allow-if-before.{word} must be a regex string")
            self.allow_if[word.lower()] = compile_regex(source, True, f"allow-if-before.{word}")
        self.safe = bool(spec.get("safe", True))
        self.pair_first = {w.lower() for w in as_str_list(spec.get("pair-first", []), "pair-first")}
        self.pair_second = {w.lower() for w in as_str_list(spec.get("pair-second", []), "pair-second")}
        self.particles = {w.lower() for w in as_str_list(spec.get("particles", []), "particles")}

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        # A double is two equal words in a row: the document's folded words show where
        # there is none, and then neither pattern needs to scan.
        view = doc_view(text)
        tokens = view.tokens
        if any(map(operator.eq, tokens, tokens[1:])):
            # a double starts where a repeated word stands (any other match _DOUBLE may
            # find is one word with no gap, never reported and never overlapping a double)
            repeated = {a for a, b in zip(tokens, tokens[1:], strict=False) if a == b}
            yield from self._doubles(text, sorted(_positions(view.folded, repeated)))
        if self.pair_first and self.pair_second and _has_pair(tokens):
            yield from self._pairs(text)

    def _doubles(self, text: str, starts: list[int]) -> Iterable[Hit]:
        for match in matches_at(_DOUBLE, text, starts):
            first, second, gap = match.group("first"), match.group("second"), match.group("gap")
            if not gap or not self._is_slip(text, match.start(), first, second, gap, match.end()):
                continue
            if "\n" in gap:
                kept = gap[gap.index("\n"):] + second  # delete the first word, keep the line break
                yield Hit(match.start(), match.end(), self.format(match=match.group(), word=first),
                          replacements=[kept], fix=kept, safe=self.safe)
                continue
            yield Hit(
                match.start(), match.end(), self.format(match=match.group(), word=first),
                replacements=[first], fix=first, safe=self.safe,
            )

    def _pairs(self, text: str) -> Iterable[Hit]:
        """Repeated two-word phrases such as "from the from the", limited to the listed words:
        "as big as big business", "a spade a spade" and "hand in hand in" are idioms."""
        for match in finditer(_DOUBLE_PAIR, text):
            a, b = match.group("a"), match.group("b")
            if not (a.islower() and b.islower()) or a not in self.pair_first or b not in self.pair_second:
                continue
            phrase = match.group("first")
            yield Hit(match.start(), match.end(), self.format(match=match.group(), word=phrase),
                      replacements=[phrase], fix=phrase, safe=self.safe)

    def _is_slip(self, text: str, start: int, first: str, second: str, gap: str, end: int | None = None) -> bool:
        if end is None:
            end = start + len(first) + len(gap) + len(second)
        word = first.lower()
        if word in self.allow:
            return False
        if len(first) == 1 and word != "a":
            return False
        if first.isupper() and second.isupper() and len(first) > 1:
            return False
        if first[:1].isupper() and (second[:1].isupper() or word in self.names):
            return False  # "Bora Bora"; "Will will decide" (a name, then the verb)
        if "\n" in gap and not (first.islower() and second.islower()):
            return False
        if word in self.particles and _after_verb(text, start) and not _DETERMINER_AFTER.match(text, end):
            return False  # "moved in in June": a particle, then a preposition (but "held in in the hall")
        rule = self.allow_if.get(word)
        if rule is not None:
            sentence_start = 0
            for end in _SENTENCE_END.finditer(text, 0, start):
                sentence_start = end.end()
            if rule.search(text, sentence_start, start):
                return False
        return True


_DETERMINER_AFTER = compile_pattern(r"[ \t]+(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your)\b")
_WORD_BEFORE = compile_pattern(r"([^\W\d_]+)[ \t]+(?:(it|them|him|her|us|me)[ \t]+)?$")


def _after_verb(text: str, start: int) -> bool:
    """Whether a verb form (from the lexicon) or a verb and its object pronoun end just
    before ``start``: "moved in in", "handed it in in"."""
    from ..wordforms import has

    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return False
    word = match.group(1)
    if not has(word, "verb"):
        return False
    # a noun that is also a plain verb ("a stake in in") is taken as the noun
    return match.group(2) is not None or not has(word, "noun") or any(
        has(word, form) for form in ("verb_past", "verb_participle", "verb_ing", "verb_s"))


def _has_pair(tokens: list[str]) -> bool:
    """Whether some two words come twice in a row ("from the from the")."""
    for i in compress(count(), map(operator.eq, tokens, tokens[2:])):  # word i == word i + 2
        if i + 3 < len(tokens) and tokens[i + 1] == tokens[i + 3]:
            return True
    return False


def _positions(text: str, words: set[str]) -> set[int]:
    """Every offset where one of ``words`` stands in ``text`` (also inside longer words)."""
    found = set()
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            found.add(pos)
            pos = text.find(word, pos + 1)
    return found
