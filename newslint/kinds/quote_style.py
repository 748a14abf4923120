"""``quote-style``: straight and curly double quotes mixed in one article.

The style used for most quote marks wins and the other marks are flagged, but only
when the majority is clear: if the minority's share of all marks is above
``max-minority-share`` (default 0.34) the article is a paste of two sources with no
house form to point to, and the rule stays quiet. Inch marks after figures are not
counted. Apostrophes are not checked (a straight apostrophe in curly copy is too
common in wire copy to be worth a warning).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..records import Hit
from ..regex_cache import compile_pattern
from .base import Context, PackError, RuleKind, format_lines, line_numbers

_STRAIGHT = compile_pattern(r'(?<!\d)"|(?<=\d)"(?=\w)')
_CURLY = compile_pattern(r"[“”„]")


class Kind(RuleKind):
    fields = {"max-minority-share": (float, int), "min-marks": int}

    def configure(self, spec: dict[str, Any]) -> None:
        self.share = float(spec.get("max-minority-share", 0.34))
        self.min_marks = int(spec.get("min-marks", 4))
        if not 0 < self.share < 0.5:
            raise PackError("'max-minority-share' must be between 0 and 0.5")

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        straight = [m.start() for m in _STRAIGHT.finditer(text)]
        curly = [m.start() for m in _CURLY.finditer(text)]
        total = len(straight) + len(curly)
        if not straight or not curly or total < self.min_marks:
            return
        if len(straight) >= len(curly):
            majority, minority, style, other = straight, curly, "straight", "curly"
        else:
            majority, minority, style, other = curly, straight, "curly", "straight"
        if len(minority) / total > self.share:
            return
        lines = format_lines(line_numbers(ctx, majority))
        for pos in minority:
            mark = text[pos]
            if style == "straight":
                fix = '"'
            else:
                fix = "“" if pos == 0 or text[pos - 1].isspace() or text[pos - 1] in "([—–" else "”"
            yield Hit(
                pos,
                pos + 1,
                self.format(match=mark, style=style, other=other, lines=lines, count=len(majority)),
                replacements=[fix],
                fix=fix,
                safe=False,
            )
