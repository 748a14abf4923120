"""The UN, the Commonwealth and the counted groups (issue 12 item 4): dated members and
counts over time, names that belong to other bodies, and counts checked only where
the file can give them."""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.api import lint_text
from newslint.config import Config
from newslint.knowledge import knowledge

CONFIG = Config(select=("NL3",))


def _count(org_id: str, day: str) -> tuple[int, int]:
    return knowledge().organisation(org_id).count(dt.date.fromisoformat(day))


@pytest.mark.parametrize(("org_id", "day", "firm", "unclear"), [
    ("un", "2000-11-02", 189, 0),  # Tuvalu and the FRY in 2000: the UN's own table
    ("un", "2002-09-28", 191, 0),  # Switzerland and Timor-Leste
    ("un", "2006-06-29", 192, 0),  # Montenegro
    ("un", "2011-07-15", 193, 0),  # South Sudan
    ("commonwealth", "2004-01-01", 53, 0),  # Zimbabwe withdrew in December 2003
    ("commonwealth", "2010-01-01", 54, 0),  # Rwanda, November 2009
    ("commonwealth", "2017-01-01", 52, 0),  # the Gambia (2013) and the Maldives (2016) out
    ("commonwealth", "2021-01-01", 54, 0),  # both back
    ("commonwealth", "2023-01-01", 56, 0),  # Gabon and Togo, June 2022
    ("brics", "2023-06-01", 5, 0),
    ("brics", "2024-06-01", 9, 1),  # Saudi Arabia's status is recorded as unclear
    ("brics", "2025-02-01", 10, 1),  # Indonesia, January 2025
    ("g7", "1976-01-01", 6, 0),
    ("g7", "2025-01-01", 7, 0),
])
def test_counts_over_time(org_id: str, day: str, firm: int, unclear: int) -> None:
    assert _count(org_id, day) == (firm, unclear)


def test_counts_are_checked_only_where_the_file_can_give_them() -> None:
    un = knowledge().organisation("un")
    day = dt.date(1995, 6, 1)
    assert not un.counts_known([(day, day)])  # Yugoslavia's old seat is not listed
    assert un.counts_known([(dt.date(2012, 1, 1), dt.date(2025, 1, 1))])
    assert not lint_text("date 1995-06-01\nThe 180-member United Nations debated the war.", CONFIG)


@pytest.mark.parametrize(("text", "match"), [
    ("date 2025-09-23\nLeaders addressed the General Assembly. All 191 UN member states have a vote there.", "191"),
    ("date 2024-10-25\nLeaders met in Samoa. The 54-nation Commonwealth chose a new secretary-general.", "54"),
    ("date 2025-06-16\nLeaders gathered in Canada. The G7's eight members agreed on a statement.", "eight"),
    ("date 2025-07-07\nLeaders met in Rio. BRICS, a grouping of five emerging economies, issued a declaration.", "five"),
])
def test_stale_counts_are_flagged(text: str, match: str) -> None:
    found = lint_text(text, CONFIG)
    assert [(f.rule, f.match) for f in found] == [("NL303", match)]


@pytest.mark.parametrize("text", [
    "date 2025-09-23\nLeaders addressed the General Assembly. All 193 UN member states have a vote there.",
    "date 2024-10-25\nLeaders met in Samoa. The 56-nation Commonwealth chose a new secretary-general.",
    "date 2016-03-01\nThe 53-member Commonwealth met in London.",
    "date 2025-07-07\nLeaders met in Rio. BRICS, a grouping of 10 emerging economies, issued a declaration.",
])
def test_right_counts_stay_quiet(text: str) -> None:
    assert not lint_text(text, CONFIG)


@pytest.mark.parametrize(("text", "rule", "match"), [
    ("date 2025-03-01\nKosovo, a UN member, asked for support.", "NL302", "Kosovo"),
    ("date 2025-03-01\nThe Commonwealth met in London. Algeria, a member of the Commonwealth, sent a minister.",
     "NL302", "Algeria"),
    ("date 2025-10-24\nSwitzerland marked the day. Austria joined the United Nations in 2002.", "NL304", "Austria"),
    ("date 2024-09-03\nRwanda hosted officials. Mozambique, which joined the Commonwealth in 2009, sent a minister.",
     "NL304", "Mozambique"),
    ("date 2025-04-02\nThe United Nations met. Its newest member state, Montenegro, sent troops.", "NL306",
     "Montenegro"),
])
def test_membership_claims_about_the_new_bodies(text: str, rule: str, match: str) -> None:
    found = lint_text(text, CONFIG)
    assert (rule, match) in [(f.rule, f.match) for f in found], [(f.rule, f.match) for f in found]


@pytest.mark.parametrize("text", [
    "date 2025-03-01\nArmenia, a member of the Commonwealth of Independent States, sent a minister.",
    "date 2025-03-01\nKazakhstan, a member of the Commonwealth of Independent States since 1991, sent troops.",
    "date 2025-03-01\nScotland, a Commonwealth Games member, sent athletes.",
    "date 2025-03-01\nSwitzerland joined the United Nations in 2002.",
    "date 2025-03-01\nPalestine, a non-member observer state at the UN, sought full membership.",
    "date 2025-03-01\nZimbabwe, which left the Commonwealth in 2003, has asked to rejoin.",
    "date 2025-03-01\nThe UN Security Council met. Kosovo is not a UN member.",
])
def test_look_alikes_stay_quiet(text: str) -> None:
    assert not lint_text(text, CONFIG), [f.message for f in lint_text(text, CONFIG)]


def test_names_of_other_bodies_are_not_the_organisation() -> None:
    from newslint.knowledge.frames import named_organisations

    orgs = [knowledge().organisation("commonwealth")]
    text = "The Commonwealth of Independent States met. The Commonwealth Games opened. The Commonwealth met."
    assert [at for at, _ in named_organisations(text, orgs)] == [text.rindex("Commonwealth")]


def test_every_new_file_names_its_source() -> None:
    for org_id in ("un", "commonwealth"):
        org = knowledge().organisation(org_id)
        assert "http" not in org.source or org.source  # a citable public page is named
        assert org.source and org.path == f"rules/knowledge/{org_id}.toml"
