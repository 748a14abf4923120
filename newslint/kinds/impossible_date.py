"""``impossible-date``: a date that does not exist (February 30, June 31, 29 February
2022).

Only words that can only be a date are judged: "31 June", "June 31st", "June 31,
2022", "on June 31" — not "in June 31 people died". February 29 is judged only
with a year (or, without one, when every year near the article date is a common
year and the article date is known). ISO dates (2022-02-30) are checked too.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from typing import Any

from ..calendar_names import month_name
from ..records import Hit
from ..regex_cache import compile_pattern
from .base import Context, RuleKind
from .weekday import article_date_known, calendar_from_spec, dates_in, nearest_year

_ISO = compile_pattern(r"(?<![\w.-])(?P<y>(?:1[6-9]|2\d)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>\d\d)(?![\w-]|\.\d)")


class Kind(RuleKind):
    fields = {"calendar": str}

    def configure(self, spec: dict[str, Any]) -> None:
        self.calendar = calendar_from_spec(spec, self.rule)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        for mention in dates_in(text, self.calendar):
            if not mention.trusted:
                continue
            month, day = mention.month, mention.day
            longest = 29 if month == 2 else calendar.monthrange(2001, month)[1]
            if day == 0 or day > longest:
                problem = f"{month_name(month)} has {longest} days at most"
            elif month == 2 and day == 29:
                if mention.year is not None:
                    if calendar.isleap(mention.year):
                        continue
                    problem = f"{mention.year} is not a leap year"
                elif article_date_known(ctx) and nearest_year(2, 29, ctx.date) is None:
                    problem = f"there is no 29 {month_name(2)} near the article date ({ctx.date.year})"
                else:
                    continue
            else:
                continue
            yield Hit(
                mention.start,
                mention.end,
                self.format(match=text[mention.start : mention.end].strip(), problem=problem),
            )
        for match in _ISO.finditer(text):
            year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
            longest = calendar.monthrange(year, month)[1]
            if 1 <= day <= longest:
                continue
            if month == 2 and day == 29:
                problem = f"{year} is not a leap year"
            else:
                problem = f"{month_name(month)} {year} has {longest} days"
            yield Hit(match.start(), match.end(), self.format(match=match.group(), problem=problem))
