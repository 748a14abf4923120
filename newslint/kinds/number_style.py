"""``number-style``: a figure from 1 to 9 counting things, where the house style
spells such numbers out (AP: "five people", not "5 people").

Runs only under the presets in ``styles`` (or ``[options.NL703] styles``), since
house styles differ. Deliberately narrow: only a lone figure followed by a plural
count noun in lower case is flagged. Ages, percentages, money, measures, times,
scores and dates keep their figures in every style and are never flagged: the
figure must not be preceded by a capitalised label (Article 5, Phase 2), a month,
"No." or a currency sign, nor followed by a unit from the ``units`` list, and a
sentence that has other figures nearby (ranges, scores) is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..records import Hit
from ..regex_cache import compile_pattern
from .base import Context, RuleKind, as_str_list, runs_under_style

WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_FIGURE = compile_pattern(
    r"(?<![\w$£€¥#.,:/+-])(?P<n>[1-9])"
    r"(?P<after>[ \t]+(?P<noun>\p{Ll}{2,}(?<!s)s|people|children|men|women|police|staff|personnel))"
    r"\b(?![-'’]\w)"
)
_LABEL_BEFORE = compile_pattern(
    r"(?:\b\p{Lu}[\p{L}.]*|\b(?:no|number|page|pages|chapter|aged?|"
    r"rule|room|gate|level|grade|category|size|the\s+top|top)\.?)[ \t]*$"
)
_NOT_NOUNS = {
    "has",
    "was",
    "does",
    "goes",
    "its",
    "this",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "whereas",
    "towards",
    "perhaps",
    "always",
    "sometimes",
    "besides",
    "unless",
    "thus",
    "plus",
    "minus",
    "versus",
    "years",
}  # years: ages keep figures
_FIGURE_NEAR = compile_pattern(r"\d")


class Kind(RuleKind):
    fields = {"styles": list, "units": list}

    def configure(self, spec: dict[str, Any]) -> None:
        self.styles = {s.lower() for s in as_str_list(spec.get("styles", ["ap"]), "styles")}
        self.units = {u.lower() for u in as_str_list(spec.get("units", []), "units")}

    def check(self, ctx: Context) -> Iterable[Hit]:
        if not runs_under_style(ctx, self.rule, self.styles):
            return
        text = ctx.text
        for match in _FIGURE.finditer(text):
            noun = match.group("noun")
            if noun in self.units or noun in _NOT_NOUNS:
                continue
            start = match.start("n")
            head = text[max(0, start - 25) : start]
            if _LABEL_BEFORE.search(head):
                continue
            window = text[max(0, start - 12) : start] + text[match.end() : match.end() + 12]
            if _FIGURE_NEAR.search(window):
                continue  # ranges, scores, lists of figures: keep them alike
            word = WORDS[int(match.group("n"))]
            if _opens_sentence(text, start):
                word = word.capitalize()
            yield Hit(
                start,
                start + 1,
                self.format(match=match.group("n"), replacement=word, style=ctx.style),
                replacements=[word],
                fix=word,
                safe=True,
            )


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"“‘'(")
    return before == "" or before.endswith(("\n", ".", "!", "?"))
