"""Date rules NL601-NL603: weekday/date mismatches, impossible dates, relative days."""

from __future__ import annotations

import pytest


def codes(findings, code):
    return [f for f in findings if f.rule == code]


# ----- NL601 weekday mismatch ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "date", "right"),
    [
        ("The talks began on Monday, March 15, 2022.", None, "Tuesday"),
        ("The talks began on Wednesday 15 March 2022.", None, "Tuesday"),
        ("The talks began on Monday (March 15) in Istanbul.", "2022-03-16", "Tuesday"),
        ("The vote was on Friday, December 30.", "2022-01-05", "Thursday"),  # the year before
        ("It happened on Sat., Mar. 13, 2022.", None, "Sunday"),
        ("It happened on Thursday the 17th of March 2022.", None, None),  # right: left alone below
    ],
)
def test_weekday_mismatch(lint, text, date, right):
    found = codes(lint(text, select="NL601", date=date), "NL601")
    if right is None:
        assert not found
    else:
        assert len(found) == 1 and found[0].replacements == [right]
        assert found[0].match in text and found[0].match.rstrip(".") in (
            "Monday",
            "Wednesday",
            "Friday",
            "Sat",
        )


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The talks began on Tuesday, March 15, 2022.", None),
        ("The talks began on Tuesday (March 15) in Istanbul.", "2022-03-16"),
        ("The talks began on Tuesday. March 15 was the deadline.", "2022-03-16"),
        ("On Monday 15 soldiers were killed in Kharkiv.", "2022-03-16"),
        # no article date: a date without a year is not judged against today
        ("The talks began on Monday (March 15) in Istanbul.", None),
        # a kick-off time is not a year
        ("Tuesday, 1 March\n\n2000 GMT", "2005-02-10"),
    ],
)
def test_weekday_left_alone(lint, text, date):
    assert not codes(lint(text, select="NL601", date=date), "NL601")


def test_article_date_from_the_leading_date_line(lint):
    text = "date 2022-03-16\nThe talks began on Monday (March 15)."
    assert codes(lint(text, select="NL601"), "NL601")


# ----- NL602 impossible dates -------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire was agreed on February 30.",
        "The deadline is 31 June.",
        "The deadline is 31 June 2022.",
        "The vote took place on 29 February 2022.",
        "Talks resume on April 31st.",
        "It was Feb. 30, they said.",
        "The deadline was September 31, 2021.",
        "The file is dated 2022-02-29.",
        "Due 2021-06-31.",
    ],
)
def test_impossible_date_flagged(lint, text):
    assert codes(lint(text, select="NL602"), "NL602")


@pytest.mark.parametrize(
    "text",
    [
        "The vote took place on 29 February 2020.",
        "The deadline is 30 June.",
        "In June 31 people were killed.",
        "By March 40 percent of the grain had been shipped.",
        "In May 35 children were evacuated.",
        "The 2022 budget.",
        "February 28, 2022 was a Monday.",
        "Dated 2024-02-29.",
        "Ref 2022-02-30-A.",
    ],
)
def test_impossible_date_left_alone(lint, text):
    assert not codes(lint(text, select="NL602"), "NL602")


def test_february_29_without_a_year_uses_the_article_date(lint):
    assert codes(lint("The deadline is 29 February.", select="NL602", date="2022-01-10"), "NL602")
    assert not codes(lint("The deadline is 29 February.", select="NL602", date="2024-01-10"), "NL602")


# ----- NL603 relative day ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("The minister said yesterday, Monday, that talks would go on.", ["Tuesday"]),
        ("The talks resume tomorrow (Friday) in Istanbul.", ["Thursday"]),
        ("The minister said yesterday, 14 March, that talks would go on.", []),
        ("Talks are held today, Tuesday, in Istanbul.", ["Wednesday"]),
        ("Talks were held on Monday (yesterday) in Istanbul.", ["Tuesday"]),
    ],
)
def test_relative_day_contradicts_article_date(lint, text, replacement):
    found = codes(lint(text, select="NL603", date="2022-03-16"), "NL603")
    assert len(found) == 1 and found[0].replacements == replacement
    assert "Wednesday 16 March 2022" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "The minister said yesterday, Tuesday, that talks would go on.",
        "The talks resume tomorrow (Thursday) in Istanbul.",
        "The minister said yesterday, 15 March, that talks would go on.",
        "Talks were held yesterday and on Monday.",
        "Talks are held today. Monday was quiet.",
    ],
)
def test_relative_day_consistent_left_alone(lint, text):
    assert not codes(lint(text, select="NL603", date="2022-03-16"), "NL603")


def test_relative_day_needs_a_known_article_date(lint):
    assert not codes(lint("He said yesterday, Monday, that it was over.", select="NL603"), "NL603")


def test_dates_never_crash(lint):
    for text in [
        "",
        "Monday",
        "February",
        "Monday, February 99, 9999",
        "31 February 0000",
        "yesterday (",
        "today, Monday, Monday, March 1 yesterday,",
    ]:
        for f in lint(text, select="dates", date="2022-03-16"):
            assert "internal error" not in f.message


def test_year_less_date_far_from_the_article_is_not_judged(lint):
    # Tuesday 15 March fits 2022; an article of December 2022 looking back is ambiguous
    assert not codes(lint("On Tuesday, March 15, talks began.", select="NL601", date="2022-12-16"), "NL601")
    # within reach of the article date and fitting no nearby year: judged
    assert codes(lint("On Monday, March 15, talks began.", select="NL601", date="2022-04-01"), "NL601")
