"""``balanced-brackets``: a bracket opened in a paragraph and never closed, or closed
without being opened, or closed by the wrong kind of bracket.

List markers ("1)", "a)" at the start of a line or after a space) and emoticons are
not brackets. Paragraphs (and their lines) are judged as in :func:`balanced_quotes.judge`.

Pack fields: ``pairs`` (opening and closing characters, default ``["()", "[]", "{}"]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..records import Hit
from ..regex_cache import compile_pattern
from .balanced_quotes import judge, mark_hit, units
from .base import Context, PackError, RuleKind, as_str_list

# "1)", "a)", "iv)" opening a line or following a space: an enumeration, not a bracket.
_LIST_MARKER = compile_pattern(r"(?:^|(?<=[\s(]))(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\)")
_EMOTICON = compile_pattern(r"[:;]-?[()\[\]]")


class Kind(RuleKind):
    fields = {"pairs": list}

    def configure(self, spec: dict[str, Any]) -> None:
        pairs = as_str_list(spec.get("pairs", ["()", "[]", "{}"]), "pairs")
        if not all(len(p) == 2 and p[0] != p[1] for p in pairs):
            raise PackError("each of 'pairs' must be two different characters, e.g. \"()\"")
        self.closer = {p[0]: p[1] for p in pairs}
        self.opener = {p[1]: p[0] for p in pairs}
        self.marks = re.compile("[" + "".join(re.escape(c) for p in pairs for c in p) + "]")

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        if self.marks.search(text) is None:
            return  # no bracket at all: every paragraph would be quiet
        yield from judge(
            text, units(ctx), lambda s, e, _cont, _carried: (list(self._unit(text, s, e)), False)
        )

    def _unit(self, text: str, start: int, end: int) -> Iterator[Hit]:
        marks = [m.start() for m in self.marks.finditer(text, start, end)]  # nothing else counts
        if not marks:
            return
        ignored: set[int] = set()
        chunk = text[start:end]
        for m in _LIST_MARKER.finditer(chunk):
            ignored.add(start + m.end() - 1)
        for m in _EMOTICON.finditer(chunk):
            ignored.add(start + m.end() - 1)
        stack: list[int] = []
        for pos in marks:
            ch = text[pos]
            if pos in ignored and not (stack and text[stack[-1]] == self.opener.get(ch)):
                continue
            if ch in self.closer:
                stack.append(pos)
            elif ch in self.opener:
                if stack and text[stack[-1]] == self.opener[ch]:
                    stack.pop()
                elif stack and any(text[s] == self.opener[ch] for s in stack):
                    while text[stack[-1]] != self.opener[ch]:
                        wrong = stack.pop()
                        yield self._hit(text, wrong, "is never closed")
                    stack.pop()
                else:
                    yield self._hit(text, pos, "closes a bracket that was never opened", opens=False)
        for pos in stack:
            yield self._hit(text, pos, "is never closed")

    def _hit(self, text: str, pos: int, problem: str, opens: bool = True) -> Hit:
        return mark_hit(self, text, pos, problem, opens)
