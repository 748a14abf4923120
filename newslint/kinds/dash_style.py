"""``dash-style``: a spaced hyphen (" - ") or double hyphen (" -- ") used as a dash
where the house style wants an en or em dash.

The house dash comes from the rule's options (``[options.NL507] dash = "em"``), else
from the preset's ``dash`` setting; with neither (the default preset) the rule is
quiet, since a spaced hyphen is a legitimate house style (Reuters). Values:
``em`` (closed em dash), ``em-spaced``, ``en-spaced``, ``spaced-hyphen`` (quiet).
Ranges and scores between figures ("2 - 1") and list markers are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..records import Hit
from ..regex_cache import compile_pattern
from .base import Context, PackError, RuleKind

DASHES = {"em": "—", "em-spaced": " — ", "en-spaced": " – ", "en": "–", "spaced-hyphen": None}
NAMES = {
    "em": "an em dash",
    "em-spaced": "a spaced em dash",
    "en-spaced": "a spaced en dash",
    "en": "an en dash",
}

# Text before, one or two hyphens with spaces round them, text after; not between figures.
_SPACED = compile_pattern(r"(?<=[\w.,!?’”\"')\]])(?<!\d)[ \t]+-{1,2}[ \t]+(?=[\w“‘\"'(\[])(?!\d)")


class Kind(RuleKind):
    fields = {"dash": str}

    def configure(self, spec: dict[str, Any]) -> None:
        self.default = spec.get("dash")
        if self.default is not None and self.default not in DASHES:
            raise PackError(f"'dash' must be one of {', '.join(DASHES)}")

    def house_dash(self, ctx: Context) -> str | None:
        value = ctx.rule_options(self.rule).get("dash") or ctx.preset.get("dash") or self.default
        return value if value in DASHES else None

    def check(self, ctx: Context) -> Iterable[Hit]:
        style = self.house_dash(ctx)
        dash = DASHES.get(style) if style else None
        if dash is None or style is None:
            return
        text = ctx.text
        for match in _SPACED.finditer(text):
            start, end = match.span()
            yield Hit(
                start,
                end,
                self.format(match=match.group().strip(), dash=dash.strip(), style=NAMES[style]),
                replacements=[dash],
                fix=dash,
                safe=True,
            )
