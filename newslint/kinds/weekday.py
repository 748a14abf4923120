"""``weekday``: a weekday that does not fall on the date it is given with.

"Monday, March 15, 2022", "Tuesday 15 March 2022", "on Tuesday (March 15)": the
calendar says which weekday the date is. A date without a year takes the year
that puts it nearest the article date, and is checked only when the article date
is known (front matter, a leading date line, --date or config), so undated copy
is never judged against today. Month and weekday names come from
``rules/data/calendar.toml`` (or the file named by the ``calendar`` field).

This module also holds the date grammar the other date kinds share.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from ..calendar_names import full_names, long_date, weekday_name
from ..prefilter import doc_view
from ..records import Hit, NewslintError, Rule
from ..resources import data_path, rules_dir
from ..toml import load_toml
from .base import Context, PackError, RuleKind


@dataclass(frozen=True)
class Calendar:
    """Names of months and weekdays, and the patterns built from them."""

    months: dict[str, int]
    weekdays: dict[str, int]

    def _alternation(self, names: Mapping[str, int]) -> str:
        full = set(full_names(names).values())
        parts = []
        for name in sorted(names, key=len, reverse=True):
            escaped = regex.escape(name)
            # abbreviations may carry a full stop
            parts.append(escaped + (r"\.?" if len(name) <= 5 and name not in full else ""))
        return "(?:" + "|".join(parts) + ")"

    @property
    def month(self) -> str:
        return self._alternation(self.months)

    @property
    def weekday(self) -> str:
        return self._alternation(self.weekdays)

    def month_number(self, name: str) -> int:
        return self.months[name.rstrip(".")]

    def weekday_number(self, name: str) -> int:
        return self.weekdays[name.rstrip(".")]


@lru_cache(maxsize=8)
def load_calendar(path: str) -> Calendar:
    try:
        data, _ = load_toml(path)
    except NewslintError as exc:
        raise PackError(str(exc)) from None
    months, weekdays = data.get("months"), data.get("weekdays")
    if not isinstance(months, dict) or not isinstance(weekdays, dict):
        raise PackError(f"{path}: needs [months] and [weekdays] tables")
    if not all(isinstance(v, int) and 1 <= v <= 12 for v in months.values()):
        raise PackError(f"{path}: month numbers must be 1-12")
    if not all(isinstance(v, int) and 0 <= v <= 6 for v in weekdays.values()):
        raise PackError(f"{path}: weekday numbers must be 0 (Monday) to 6 (Sunday)")
    return Calendar(dict(months), dict(weekdays))


def data_file(rule: Rule, name: str) -> str:
    """A data file named in a pack: beside the pack file, else in the bundled rules/."""
    beside = Path(rule.pack_path).parent / name
    return str(beside if beside.is_file() else rules_dir() / name)


def calendar_from_spec(spec: dict[str, Any], rule: Rule | None = None) -> Calendar:
    """The calendar named by the rule's ``calendar`` field, or the bundled one."""
    name = spec.get("calendar")
    if name is None:
        return load_calendar(str(data_path("data", "calendar.toml")))
    if not isinstance(name, str):
        raise PackError("'calendar' must be a path to a TOML file")
    return load_calendar(data_file(rule, name) if rule is not None else str(rules_dir() / name))


@dataclass
class DateMention:
    """A date in the copy: where, what it says, and the weekday given with it (if any)."""

    start: int
    end: int
    month: int
    day: int
    year: int | None
    weekday: int | None
    weekday_span: tuple[int, int] | None
    trusted: bool  # the words can only be a date (not "in June 31 people died")


_PATTERNS: dict[int, tuple[Calendar, Any]] = {}


def date_pattern(cal: Calendar) -> Any:
    """Weekday (optional) + a date in US or UK order, year optional (compiled once)."""
    cached = _PATTERNS.get(id(cal))
    if cached is not None and cached[0] is cal:
        return cached[1]
    sp = r"[ \t\u00a0]+"  # dates do not run over line breaks
    day = rf"(?:the{sp})?(?P<day{{n}}>\d{{{{1,2}}}})(?P<ord{{n}}>st|nd|rd|th)?"
    year = (
        rf"(?:,?{sp}(?P<year{{n}}>(?:1[6-9]|2\d)\d\d)\b(?![ \t]*(?:GMT|BST|UTC|CET|EST|ET|GMT|hrs?\b|h\b)))?"
    )
    not_a_count = r"(?!\d|[ \t]*(?:%|per[ \t]?cent|[,.]\d))\b"  # "March 40 percent", "May 3.5"
    us = rf"(?P<month1>{cal.month}){sp}{day.format(n=1)}{not_a_count}{year.format(n=1)}"
    uk = rf"{day.format(n=2)}(?:{sp}of)?{sp}(?P<month2>{cal.month})\b{year.format(n=2)}"
    weekday = rf"(?:(?P<weekday>{cal.weekday})(?:[ \t]*,[ \t]*|{sp}|[ \t]*\([ \t]*)(?:the{sp})?)?"
    source = rf"(?<![\w-]){weekday}(?:{us}|{uk})(?P<close>[ \t]*\))?"
    # Python's `re` compiles this (escaped names, no user regex) in a millisecond and scans
    # a fifth faster than `regex`; the date rules run it over every article.
    compiled = re.compile(source)
    _PATTERNS[id(cal)] = (cal, compiled)
    return compiled


def find_dates(text: str, cal: Calendar) -> Iterator[DateMention]:
    return _mentions(text, cal, date_pattern(cal).finditer(text))


def dates_in(text: str, cal: Calendar) -> list[DateMention]:
    """``list(find_dates(text, cal))``, found once per text for every date rule (one full
    scan: faster than trying the pattern near each month name)."""
    memo = doc_view(text).memo
    cached = memo.get(("dates", id(cal)))
    if cached is not None and cached[0] is cal:
        return cached[1]
    found = list(find_dates(text, cal))
    memo[("dates", id(cal))] = (cal, found)
    return found


def _mentions(text: str, cal: Calendar, matches: Iterable[Any]) -> Iterator[DateMention]:
    for m in matches:
        us = m.group("month1") is not None
        n = "1" if us else "2"
        day = int(m.group("day" + n))
        year = int(m.group("year" + n)) if m.group("year" + n) else None
        month = cal.month_number(m.group("month" + n))
        weekday = cal.weekday_number(m.group("weekday")) if m.group("weekday") else None
        if (
            m.group("weekday")
            and "(" in text[m.end("weekday") : m.start("month" + n) if us else m.start("day2")]
            and not m.group("close")
        ):
            weekday = None  # "Tuesday (15 March" without the closing bracket: not a pairing
        after = text[m.end() : m.end() + 2]
        trusted = (
            not us
            or bool(m.group("ord1"))
            or m.group("month1").endswith(".")
            or year is not None
            or weekday is not None
            or after[:1] in (",", ".", ";", ")", ":", "")
            or after[:1] == "\n"
            or text[max(0, m.start() - 3) : m.start()].lower() == "on "
        )
        yield DateMention(
            start=m.start(),
            end=m.end(),
            month=month,
            day=day,
            year=year,
            weekday=weekday,
            weekday_span=m.span("weekday") if m.group("weekday") else None,
            trusted=trusted,
        )


def article_date_known(ctx: Context) -> bool:
    """True unless the date is only the today() fallback of an undated article."""
    return ctx.doc.date is not None or ctx.date != dt.date.today()


def nearest_year(month: int, day: int, article: dt.date) -> int | None:
    """The year that puts month/day nearest the article date (None if it never exists)."""
    best: tuple[int, int] | None = None
    for year in (article.year - 1, article.year, article.year + 1):
        if day > calendar.monthrange(year, month)[1]:
            continue
        distance = abs((dt.date(year, month, day) - article).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


#: A date without a year is judged only against years that put it this near the article:
#: news looks back further than it looks ahead.
NEAR_PAST_DAYS = 300
NEAR_FUTURE_DAYS = 150


def _fits_a_nearby_year(mention: DateMention, article: dt.date) -> bool:
    """True if some year near the article date gives the date that weekday, or if no
    year is near enough to judge (a date far from the article date is ambiguous)."""
    near = []
    for year in (article.year - 1, article.year, article.year + 1):
        if mention.day > calendar.monthrange(year, mention.month)[1]:
            continue
        date = dt.date(year, mention.month, mention.day)
        if -NEAR_PAST_DAYS <= (date - article).days <= NEAR_FUTURE_DAYS:
            near.append(date)
    return not near or any(d.weekday() == mention.weekday for d in near)


def describe(date: dt.date) -> str:
    return f"{weekday_name(date.weekday())} {long_date(date)}"


class Kind(RuleKind):
    fields = {"calendar": str}

    def configure(self, spec: dict[str, Any]) -> None:
        self.calendar = calendar_from_spec(spec, self.rule)

    def check(self, ctx: Context) -> Iterable[Hit]:
        known = article_date_known(ctx)
        for mention in dates_in(ctx.text, self.calendar):
            if mention.weekday is None or mention.weekday_span is None:
                continue
            year = mention.year
            if year is None:
                if not known:
                    continue
                year = nearest_year(mention.month, mention.day, ctx.date)
                if year is None or _fits_a_nearby_year(mention, ctx.date):
                    continue
            if mention.day < 1 or mention.day > calendar.monthrange(year, mention.month)[1]:
                continue  # impossible dates are the impossible-date rule's business
            date = dt.date(year, mention.month, mention.day)
            if date.weekday() == mention.weekday:
                continue
            start, end = mention.weekday_span
            given = ctx.text[start:end]
            right = weekday_name(date.weekday())
            yield Hit(
                start,
                end,
                self.format(
                    match=given,
                    weekday=right,
                    date=describe(date),
                    year_note="" if mention.year else f" (taking the year as {year})",
                ),
                replacements=[right],
                fix=right,
                safe=False,
            )
