"""Issue 12 follow-up: the four kinds an independent evaluation missed, on sentences
written in news wordings (tests/data/entities/followup.jsonl), each wrong one beside a
look-alike that must stay quiet: outsider frames that list members, member counts
with an organisation noun ("the 47-member body"), join years in relative clauses
("which rejoined the union in 2017"), and roles put under the wrong country
("Kazakh President Shavkat Mirziyoyev"). ``known_miss`` rows are strict xfails: a fix
makes them pass and the mark must go."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import Config

CONFIG = Config(select=("NL3",))
CASES = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "entities" / "followup.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


def _param(case: dict) -> object:
    marks = [pytest.mark.xfail(reason=case["known_miss"], strict=True)] if case.get("known_miss") else []
    return pytest.param(case, id=f"{case['kind']}-{case['rule'] or 'quiet'}-{case['text'][:40]}", marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_followup_case(case: dict) -> None:
    found = lint_text(f"date {case['date']}\n{case['text']}", CONFIG)
    if case["rule"] is None:
        assert not found, [(f.rule, f.match, f.message) for f in found]
    elif case["rule"] == "NL310":  # the finding is on the name, the country is the error
        assert any(f.rule == "NL310" for f in found), [(f.rule, f.match) for f in found]
    else:
        assert any(f.rule == case["rule"] and f.match == case["match"] for f in found), \
            [(f.rule, f.match) for f in found]


def test_every_kind_has_wrong_and_quiet_cases() -> None:
    for kind in ("outsider", "count", "join", "role"):
        rows = [c for c in CASES if c["kind"] == kind]
        assert sum(1 for c in rows if c["rule"]) >= 4 and sum(1 for c in rows if not c["rule"]) >= 4, kind


def test_wrong_country_role_names_the_holders_country() -> None:
    (finding,) = lint_text("date 2024-09-12\nKazakh President Shavkat Mirziyoyev opened the forum in Astana.", CONFIG)
    assert "President of Uzbekistan" in finding.message and "write 'Uzbek President'" in finding.message
    assert "Kassym-Jomart Tokayev" in finding.replacements or "Tokayev" in finding.replacements


def test_rejoin_year_is_checked_against_the_knowledge_base() -> None:
    (finding,) = lint_text("date 2025-02-17\nAfrican Union leaders met. Morocco, which rejoined the union in 2015, "
                           "backed the motion.", CONFIG)
    assert "30 January 2017" in finding.message


def test_rejoin_is_the_later_accession() -> None:
    text = "date 2024-10-25\nCommonwealth leaders met. Pakistan, which rejoined the Commonwealth in {}, spoke."
    assert not lint_text(text.format(1989), CONFIG)
    (finding,) = lint_text(text.format(1947), CONFIG)
    assert finding.match == "Pakistan"
