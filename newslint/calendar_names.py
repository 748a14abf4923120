"""Month and weekday names as newslint writes them in messages ("7 March 2024").

They are read from ``rules/data/calendar.toml``, the one file where names of months and
weekdays are spelt (the date rules read their spellings and abbreviations from it
too), so that no module carries its own list and no message depends on the locale
the way a strftime month format does.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

from .resources import data_path
from .toml import load_toml


def full_names(table: Mapping[str, int]) -> dict[int, str]:
    """Number -> the longest name given for it (March, not Mar; Thursday, not Thurs)."""
    found: dict[int, str] = {}
    for name, number in table.items():
        if len(name) > len(found.get(number, "")):
            found[number] = name
    return found


@lru_cache(maxsize=1)
def spellings() -> tuple[dict[str, int], dict[str, int]]:
    """Every spelling of a month and of a weekday (abbreviations included), casefolded,
    mapped to its number: what a reader of dates in copy accepts."""
    data, _ = load_toml(data_path("data", "calendar.toml"))
    return ({k.casefold(): int(v) for k, v in data["months"].items()},
            {k.casefold(): int(v) for k, v in data["weekdays"].items()})


@lru_cache(maxsize=1)
def _bundled() -> tuple[dict[int, str], dict[int, str]]:
    data, _ = load_toml(data_path("data", "calendar.toml"))
    return full_names(data["months"]), full_names(data["weekdays"])


def month_name(number: int) -> str:
    """1 -> "January"."""
    return _bundled()[0][number]


def month_names() -> tuple[str, ...]:
    """The twelve full month names, January first."""
    months = _bundled()[0]
    return tuple(months[n] for n in range(1, 13))


def weekday_name(number: int) -> str:
    """0 (Monday, as ``date.weekday()`` counts) -> "Monday"."""
    return _bundled()[1][number]


def long_date(day: dt.date) -> str:
    """7 March 2024: the form every message that states a date uses."""
    return f"{day.day} {month_name(day.month)} {day.year}"
