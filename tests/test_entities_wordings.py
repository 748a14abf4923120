"""Issue 12, sixth round: wordings of a wrong count or ordinal that passed unflagged on
unseen copy (tests/data/entities/blind6-wordings.jsonl), each beside look-alikes that
must stay quiet: "the 54 countries of the Commonwealth", counts tied to an accession
("bringing the SCO's membership to eight", checked against the count right after that
accession, with no grace period) and the joining country's own ordinal. ``known_miss``
rows are strict xfails: a fix makes them pass and the mark must go."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import Config

CONFIG = Config(select=("NL3",))
DATA = Path(__file__).parent / "data" / "entities" / "blind6-wordings.jsonl"
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def _param(case: dict) -> object:
    marks = [pytest.mark.xfail(reason=case["known_miss"], strict=True)] if case.get("known_miss") else []
    return pytest.param(case, id=f"{case['kind']}-{'wrong' if case['match'] else 'right'}-{case['text'][:40]}",
                        marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_wording_case(case: dict) -> None:
    found = lint_text(f"date {case['date']}\n{case['text']}", CONFIG)
    if case["match"] is None:
        assert not found, [(f.rule, f.match, f.message) for f in found]
    else:
        assert any(f.match == case["match"] for f in found), [(f.rule, f.match) for f in found]


def test_each_wording_has_wrong_and_right_rows() -> None:
    kinds = {c["kind"] for c in CASES}
    for kind in kinds - {"grace"}:
        assert any(c["kind"] == kind and c["match"] for c in CASES), kind
        assert sum(1 for c in CASES if c["kind"] == kind and not c["match"]) >= 3, kind


def test_a_count_after_an_accession_is_checked_on_the_day_of_joining() -> None:
    text = "date 2025-03-04\nCroatia joined on 1 July, taking the EU's membership to {}."
    assert not lint_text(text.format(28), CONFIG)  # right in 2013, whatever the article's date
    (finding,) = lint_text(text.format(27), CONFIG)
    assert finding.rule == "NL303" and finding.match == "27"


def test_an_accession_count_gets_no_grace_period() -> None:
    # Iran joined on 4 July 2023; a stale 'eight' three months later is still wrong here
    text = "date 2023-10-05\nSCO leaders met. The bloc admitted a new member, bringing the SCO's membership to {}."
    assert lint_text(text.format(8), CONFIG)
    assert not lint_text(text.format(9), CONFIG)
