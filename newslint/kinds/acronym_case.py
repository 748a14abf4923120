"""``acronym-case``: one acronym written two ways in an article (NATO and Nato).

An all-capitals word of ``min-length`` letters or more (NATO, UNESCO) and the same
word with only its first letter capitalised (Nato, Unesco) both in one article: the
form used more often wins (ties: the first used) and the other is flagged. British
houses write Nato, American ones NATO; either is fine on its own.

Left alone, and not counted as evidence either (all-caps text is not a spelling):
capitals in a run of capitals (a shouted headline, "HEARTBREAKING MOMENT"), two or
more words in capitals opening a line ("SAN JOSE —", "KYIV'S MAYOR SPEAKS"), a
dateline ("LONDON (AP) —", "KYIV, Ukraine (AP) —"), a word whose possessive is in
capitals too ("KYIV'S": the word was set in capitals, an acronym takes "NATO's").
Capitals opening a line (a name set in capitals for emphasis: counted, never flagged),
words longer than ``max-length`` (default 6) and the pack's ``ignore`` list
(words that are also ordinary words: Who, Aids).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from ..records import Hit
from ..regex_cache import compile_pattern
from .base import Context, RuleKind, as_str_list, format_lines, line_numbers

_WORD = compile_pattern(r"(?<![\w.])(\p{Lu}[\p{L}]+)(?!\w)")  # NATO-led and anti-Nato count


class Kind(RuleKind):
    fields = {"min-length": int, "max-length": int, "ignore": list}

    def configure(self, spec: dict[str, Any]) -> None:
        self.min_length = int(spec.get("min-length", 3))
        self.max_length = int(spec.get("max-length", 6))
        self.ignore = {w.upper() for w in as_str_list(spec.get("ignore", []), "ignore")}

    def _may_hit(self, text: str) -> bool:
        """Whether some word stands both in capitals and capitalised (before the finer tests,
        which only drop uses): most articles have no such pair."""
        low, high = self.min_length, self.max_length
        words = [w for w in _WORD.findall(text) if low <= len(w) <= high]
        caps = {w for w in words if w.isupper()}
        return bool(caps) and not caps.isdisjoint(w.upper() for w in words if w[1:].islower())

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        if not self._may_hit(text):
            return
        caps: dict[str, list[tuple[int, int]]] = {}
        title: dict[str, list[tuple[int, int]]] = {}
        for match in _WORD.finditer(text):
            word = match.group(1)
            if not self.min_length <= len(word) <= self.max_length or word.upper() in self.ignore:
                continue
            start, end = match.span(1)
            if word.isupper():
                if not _caps_text(text, start, end):
                    caps.setdefault(word, []).append((start, end))
            elif word[1:].islower():
                title.setdefault(word.upper(), []).append((start, end))
        for key in caps.keys() & title.keys():
            if len(caps[key]) < 2 and all(_opens_sentence(text, s) for s, _ in title[key]):
                continue  # "LIVE: ..." once and "Live music ..." opening a sentence: too thin
            forms = {key: caps[key], key[0] + key[1:].lower(): title[key]}
            preferred = max(forms, key=lambda f: (len(forms[f]), -forms[f][0][0]))
            where = format_lines(line_numbers(ctx, (s for s, _ in forms[preferred])))
            for form, spans in forms.items():
                if form == preferred:
                    continue
                for start, end in spans:
                    if form == key and _opens_line(text, start):
                        continue  # counted, but a line-opening name in capitals is house emphasis
                    yield Hit(
                        start,
                        end,
                        self.format(match=text[start:end], preferred=preferred, lines=where),
                        replacements=[preferred],
                        fix=preferred,
                        safe=False,
                    )


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"“‘'(")
    return before == "" or before.endswith(("\n", ".", "!", "?", ":"))


_CAPS_POSSESSIVE = compile_pattern(r"['’]S(?!\w)")
_LINE_CAPS_SEGMENT = compile_pattern(r"[ \t]*\p{Lu}{2,}(?:['’]S)?(?:[ \t,-]+\p{Lu}{2,}(?:['’]S)?)+(?!\w)")


def _caps_text(text: str, start: int, end: int) -> bool:
    """Capitals that are a way of setting text, not an acronym's spelling: a headline or
    label in capitals, a dateline, a possessive in capitals."""
    if _CAPS_POSSESSIVE.match(text, end):
        return True
    if _in_caps_run(text, start, end) or _dateline(text, start, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    segment = _LINE_CAPS_SEGMENT.match(text, line_start)
    return segment is not None and segment.end() >= end


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """Next to another capitalised word of four letters or more: a headline or label
    set in capitals ("HEARTBREAKING MOMENT"), not an acronym among words."""
    before = text[max(0, start - 40) : start].split()
    after = text[end : end + 40].split()
    for neighbour in (before[-1] if before else "", after[0] if after else ""):
        letters = regex.sub(r"[^\p{L}]", "", neighbour)
        if len(letters) >= 4 and letters.isupper():
            return True
    return False


_DATELINE_TAIL = compile_pattern(r"[ \t]*(?:\(|,[ \t]*\p{Lu}|[—–]|-[ \t])")


def _dateline(text: str, start: int, end: int) -> bool:
    """'LONDON (AP) —', 'KYIV, Ukraine —': a place in capitals opening a line."""
    return _opens_line(text, start) and bool(_DATELINE_TAIL.match(text, end))


def _opens_line(text: str, start: int) -> bool:
    """First word of a line ("- BURNLEY make the journey..."): a name set in capitals
    for emphasis, as match reports and bulletins do."""
    line_start = text.rfind("\n", 0, start) + 1
    return not regex.search(r"\p{L}", text[line_start:start])
