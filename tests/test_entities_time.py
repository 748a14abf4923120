"""Time markers in membership claims (issue 12): a past-tense claim is checkable in the
years its marker means ("Denmark joined the alliance last April"); genuine history and
irrealis ("had hoped to join", "Had Finland joined", "falsely claimed", "did not join")
stay quiet. Each sentence of tests/data/entities/time-markers.jsonl is one test."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import Config
from newslint.knowledge.when import explicit_year, leading_years, years_at

CONFIG = Config(select=("NL3",))
CASES = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "entities" / "time-markers.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['frame']}-{c['rule'] or 'quiet'}" for c in CASES])
def test_time_marker_case(case: dict) -> None:
    found = lint_text(f"date {case['date']}\n{case['text']}", CONFIG)
    if case["rule"] is None:
        assert not found, [f.message for f in found]
    else:
        assert any(f.rule in case["rule"].split("|") and f.match == case["match"] for f in found), \
            [(f.rule, f.match) for f in found]


def test_set_has_both_sides() -> None:
    assert sum(1 for c in CASES if c["rule"]) >= 15 and sum(1 for c in CASES if not c["rule"]) >= 30


@pytest.mark.parametrize(("words", "today", "years"), [
    ("last april", "2024-03-12", (2023,)),  # April 2024 has not come yet
    ("last april", "2024-05-01", (2024, 2023)),  # written in May: either
    ("last year", "2025-02-01", (2024,)),
    ("earlier this year", "2025-06-01", (2025,)),
    ("on thursday", "2025-01-03", (2025, 2024)),  # the week may reach back into last year
    ("on july 4", "2024-07-15", (2024,)),  # this month: this year
    ("in july", "2024-09-15", (2024, 2023)),
    ("on july 4 , 2019", "2024-07-15", (2019,)),
    ("two years ago", "2025-06-01", (2023,)),
    ("formally as a full member last month", "2025-03-20", (2025,)),
    ("to the bloc", "2025-03-20", ()),
    ("in the spring", "2025-03-20", ()),
])
def test_relative_markers(words: str, today: str, years: tuple[int, ...]) -> None:
    assert years_at(words.split(), 0, dt.date.fromisoformat(today))[0] == years


def test_explicit_years_and_leading_markers() -> None:
    assert explicit_year("only in 2002 after a referendum".split(), 0) == (2002, 3)
    assert explicit_year("in 2023 and 2024 respectively".split(), 0)[0] is None
    assert leading_years("in 2024 ,".split(), dt.date(2025, 6, 1)) == (2024,)
    assert leading_years("last month".split(), dt.date(2025, 11, 10)) == (2025,)
    assert leading_years("in belgium ,".split(), dt.date(2025, 6, 1)) == ()
    # a clause between the marker and the country: the marker dates that clause
    assert leading_years("on thursday , officials recalled that".split(), dt.date(2025, 6, 1)) == ()


def test_a_relative_year_is_named_in_the_finding() -> None:
    (finding,) = lint_text("date 2024-03-12\nNATO raised the flag. Its neighbour Denmark joined the alliance last "
                           "April.", CONFIG)
    assert finding.rule == "NL304" and "4 April 1949, not in 2023" in finding.message
