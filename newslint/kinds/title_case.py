"""``title-case``: a job title capitalised where it does not stand before a name
("the two Presidents", "a Spokesman said"), in house styles that lower-case titles
used alone (AP, BBC).

Runs only under the presets in ``styles`` (or ``[options.NL704] styles``). Only a
title after a determiner ("the", "a", "two", "his", ...) is judged, and it is left
alone when a capitalised word follows (a name, or a proper title such as "the
President of Ukraine" or "the Prime Minister's Office"), when the line is a
headline set in title case, and inside the pack's ``exceptions``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from ..records import Hit
from ..regex_cache import compile_cached, compile_pattern
from ..safe_regex import Exceptions
from .base import Context, RuleKind, as_str_list, runs_under_style

_DETERMINERS = (
    "the|a|an|two|three|four|five|several|many|both|all|his|her|its|their|our|your|"
    "this|that|these|those|former|new|acting|deputy|then"
)
_WORDS = compile_pattern(r"\p{L}[\p{L}'’-]*")


class Kind(RuleKind):
    fields = {"titles": list, "styles": list, "exceptions": list}
    required = ("titles",)

    def configure(self, spec: dict[str, Any]) -> None:
        titles = as_str_list(spec["titles"], "titles")
        self.styles = {s.lower() for s in as_str_list(spec.get("styles", ["ap"]), "styles")}
        body = "|".join(regex.escape(t) for t in sorted(titles, key=len, reverse=True))
        # determiner + Title, not followed by a capitalised word, "of", or a possessive
        self.pattern = compile_cached(
            rf"(?i:\b(?:{_DETERMINERS}))[ \t]+(?P<title>(?-i:{body}))\b"
            r"(?![ \t]*(?:\p{Lu}|of\b|['’]s\b|-))",
            0,
        )
        self.exceptions = Exceptions(spec.get("exceptions"))

    def check(self, ctx: Context) -> Iterable[Hit]:
        if not runs_under_style(ctx, self.rule, self.styles):
            return
        text = ctx.text
        exempt = self.exceptions.spans(text)
        for match in self.pattern.finditer(text):
            start, end = match.span("title")
            if Exceptions.covers(exempt, start, end) or _headline(text, start):
                continue
            title = match.group("title")
            lower = title.lower()
            yield Hit(
                start,
                end,
                self.format(match=title, replacement=lower, style=ctx.style),
                replacements=[lower],
                fix=lower,
                safe=False,
            )


def _headline(text: str, pos: int) -> bool:
    """The line is set in title case (most words capitalised): a headline."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = [w for w in _WORDS.findall(line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.7
