"""The years a time marker next to a membership claim can mean, as of the article date.

A past-tense claim is still a claim: "Belgium joined the alliance last April" is false
when Belgium joined in 1949. Frames read the marker right after the claim ("in 2023",
"last April", "on Thursday", "earlier this year", "two years ago") or at the head of
the sentence ("Last month, Vietnam joined ASEAN"), and the checks judge the claim in
those years only, instead of at any moment of the organisation's history. A marker
that may mean two years ("last April" written in May) gives both.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..calendar_names import month_names, weekday_name

# the names from rules/data/calendar.toml, lower case
MONTH_NUMBERS = {m.lower(): i + 1 for i, m in enumerate(month_names())}
WEEKDAYS = frozenset(weekday_name(d).lower() for d in range(7))
_RECENT = frozenset({"today", "yesterday", "tonight", "recently"})
_SKIP = frozenset({"only", "finally", "formally", "officially", "eventually", "just", "also", "then", "too"})
_MEMBER_WORDS = frozenset({"member", "members", "ally", "state", "country", "nation"})
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "a": 1}


def _year(word: str) -> int | None:
    return int(word) if len(word) == 4 and word.isdigit() and word[:2] in ("19", "20") else None


def _month_years(month: int, today: dt.date) -> tuple[int, ...]:
    """'in April' / 'last April': the Aprils not after the article date, the nearer first;
    both when the nearer one is this year (written in May, "last April" may mean either)."""
    if dt.date(today.year, month, 1) <= today:
        return (today.year, today.year - 1) if month != today.month else (today.year,)
    return (today.year - 1,)


def _recent(today: dt.date, days: int = 8) -> tuple[int, ...]:
    back = today - dt.timedelta(days=days)
    return (today.year,) if back.year == today.year else (today.year, back.year)


def years_at(words: Sequence[str], pos: int, today: dt.date) -> tuple[tuple[int, ...], int]:
    """The years a time marker starting at ``words[pos]`` (lower case tokens) can mean,
    and the position after it; ``((), pos)`` when there is none. An explicit year is
    left to the caller (its context rules differ); this reads the relative markers."""
    n = len(words)
    k = pos
    while k < n and words[k] in _SKIP:
        k += 1
    if k < n and words[k] == "as":  # "joined the SCO as a full member last July"
        for j in range(k + 1, min(k + 5, n)):
            if words[j] in _MEMBER_WORDS:
                k = j + 1
                break
    w = list(words[k:k + 4]) + [""] * 4
    if w[0] == "earlier" and w[1] == "this" and w[2] in ("year", "month", "week"):
        return ((today.year,) if w[2] == "year" else _recent(today, 31)), k + 3
    if w[0] in ("last", "this") and w[1] in MONTH_NUMBERS:
        return _month_years(MONTH_NUMBERS[w[1]], today), k + 2
    if w[0] in ("in", "on") and w[1] in MONTH_NUMBERS and _year(w[2]) is None and not w[2].isdigit():
        return _month_years(MONTH_NUMBERS[w[1]], today), k + 2
    if w[0] == "on" and w[1] in MONTH_NUMBERS and w[2].isdigit() and len(w[2]) <= 2:
        given = _year(w[3]) or (_year(words[k + 4]) if w[3] == "," and k + 4 < n else None)
        if given is not None:  # "on July 4, 2024"
            return (given,), k + (4 if w[3] != "," else 5)
        return _month_years(MONTH_NUMBERS[w[1]], today), k + 3  # "on July 4"
    if w[0] in ("last", "this") and w[1] == "year":
        return ((today.year - 1,) if w[0] == "last" else (today.year,)), k + 2
    if w[0] == "last" and w[1] in ("month", "week", "weekend") or w[0] == "this" and w[1] in ("month", "week"):
        return _recent(today, 40 if w[1] == "month" else 10), k + 2
    if w[0] == "on" and w[1] in WEEKDAYS or w[0] in WEEKDAYS or w[0] in _RECENT:
        return _recent(today), k + (2 if w[0] == "on" else 1)
    if w[1] in ("years", "year") and w[2] == "ago" and w[0] in _COUNT_WORDS or (w[0].isdigit() and w[1] == "years"
                                                                             and w[2] == "ago"):
        back = _COUNT_WORDS.get(w[0]) or int(w[0])
        return (today.year - back,), k + 3
    return (), pos


def explicit_year(words: Sequence[str], pos: int) -> tuple[int | None, int]:
    """'in 2023', 'in March 2024', 'in early 2004', 'since 1999' at ``pos`` (adverbs such as
    "only" skipped): the year and the position after it; None for a pair of years given
    "respectively" or as a range (one year each)."""
    n = len(words)
    k = pos
    while k < n and words[k] in _SKIP:
        k += 1
    if k < n and words[k] == "as":
        for j in range(k + 1, min(k + 5, n)):
            if words[j] in _MEMBER_WORDS:
                k = j + 1
                break
    if k >= n or words[k] not in ("in", "since"):
        return None, pos
    for j in range(k + 1, min(k + 3, n)):
        word = words[j]
        year = _year(word)
        if year is not None:
            rest = words[j + 1:j + 4]
            if "respectively" in words[j:] or (rest[:1] and rest[0] in ("and", ",", "-", "–", "to")
                                                and any(r[:1].isdigit() for r in rest[1:])):
                return None, pos
            return year, j + 1
        if word not in MONTH_NUMBERS and word not in ("early", "late", "mid", "-"):
            return None, pos
    return None, pos


def leading_years(words: Sequence[str], today: dt.date) -> tuple[int, ...]:
    """A time marker that opens the sentence right before the country (``words`` are the
    tokens up to it), closed by a comma or not: "In 2024, Egypt joined", "Last month
    Vietnam joined". Not when a clause stands between: in "On Thursday, officials recalled
    that Poland joined NATO" the marker dates the recalling."""
    year, end = explicit_year(words, 0)
    if year is None:
        years, end = years_at(words, 0, today)
    else:
        years = (year,)
    rest = [w for w in words[end:] if w != ","]
    return years if years and end > 0 and not rest else ()
