"""Month and weekday names are read from rules/data/calendar.toml only (issue 17 item 3)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import newslint
from newslint.calendar_names import full_names, long_date, month_names, weekday_name
from newslint.resources import data_path
from newslint.toml import load_toml

PACKAGE = Path(newslint.__file__).parent


def test_names_come_from_the_calendar_file() -> None:
    data, _ = load_toml(data_path("data", "calendar.toml"))
    assert month_names() == tuple(full_names(data["months"])[n] for n in range(1, 13))
    assert month_names()[2] == "March" and weekday_name(3) == "Thursday"


def test_full_names_prefer_the_longest_spelling() -> None:
    assert full_names({"Sept": 9, "September": 9, "Sep": 9, "May": 5}) == {9: "September", 5: "May"}


def test_long_date_does_not_depend_on_the_locale() -> None:
    assert long_date(dt.date(2024, 3, 7)) == "7 March 2024"
    assert long_date(dt.date(1949, 4, 4)) == "4 April 1949"


def test_no_module_lists_month_names_or_formats_them_with_strftime() -> None:
    months = "january|february|march|april|june|july|august|september|october|november|december"
    # two different names in a row ("january", "february"): a list of its own
    listed = re.compile(rf"\b({months})\b[\s\"',|]+(?!\1\b)(?:{months})\b", re.IGNORECASE)
    formatted = re.compile(r"strftime\([^)]*%[aAbB]")
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        text = path.read_text(encoding="utf-8")
        if formatted.search(text) or listed.search(text):
            offenders.append(rel)
    assert offenders == []
