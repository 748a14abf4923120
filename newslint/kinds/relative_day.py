"""``relative-day``: "yesterday", "today" or "tomorrow" pinned to a weekday or date
that contradicts the article date ("yesterday, Monday" in an article dated
Wednesday 16 March 2022).

Only explicit pairings are judged — "yesterday (Monday)", "yesterday, 14 March",
"on Monday, yesterday," — and only when the article date is known, so that
undated copy is never judged against the day it is linted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import regex

from ..calendar_names import weekday_name
from ..records import Hit
from ..regex_cache import compile_cached
from .base import Context, RuleKind
from .weekday import article_date_known, calendar_from_spec, describe, find_dates, nearest_year

OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


class Kind(RuleKind):
    fields = {"calendar": str}

    def configure(self, spec: dict[str, Any]) -> None:
        self.calendar = calendar_from_spec(spec, self.rule)
        cal = self.calendar
        rel = r"(?P<rel>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)"
        claim = (
            rf"(?P<claim>{cal.weekday}(?:\s*,?\s*(?:{cal.month}\s+\d{{1,2}}|\d{{1,2}}\s+{cal.month}))?"
            rf"|{cal.month}\s+\d{{1,2}}|\d{{1,2}}\s+{cal.month})"
        )
        # (big alternations of names: parsed once per machine, see regex_cache)
        self.after = compile_cached(rf"\b{rel}(?:\s*,\s*|\s*\(\s*){claim}(?![\w-])(?!\s+(?:and|or)\b)", 0)
        self.before = compile_cached(rf"(?<![\w-]){claim}(?:\s*,\s*|\s*\(\s*){rel}\b", 0)

    def check(self, ctx: Context) -> Iterable[Hit]:
        if not article_date_known(ctx):
            return
        text = ctx.text
        for pattern in (self.after, self.before):
            for m in pattern.finditer(text):
                hit = self._judge(ctx, m)
                if hit is not None:
                    yield hit

    def _judge(self, ctx: Context, m: Any) -> Hit | None:
        rel = m.group("rel").lower()
        meant = ctx.date + dt.timedelta(days=OFFSETS[rel])
        claim = m.group("claim")
        start, end = m.span("claim")
        weekday = regex.match(self.calendar.weekday, claim)
        if weekday and self.calendar.weekday_number(weekday.group()) != meant.weekday():
            return self._hit(
                m, start, start + weekday.end(), rel, meant, weekday_name(meant.weekday()), ctx.date
            )
        for mention in find_dates(claim, self.calendar):
            year = nearest_year(mention.month, mention.day, meant)
            if year is None:
                return None
            if (mention.month, mention.day) != (meant.month, meant.day):
                return self._hit(m, start + mention.start, start + mention.end, rel, meant, None, ctx.date)
        return None

    def _hit(
        self, m: Any, start: int, end: int, rel: str, meant: dt.date, fix: str | None, article: dt.date
    ) -> Hit:
        return Hit(
            start,
            end,
            self.format(
                match=m.string[start:end].strip(),
                relative=rel,
                date=describe(meant),
                article=describe(article),
            ),
            replacements=[fix] if fix else [],
            fix=fix,
            safe=False,
        )
