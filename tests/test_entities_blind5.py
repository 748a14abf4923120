"""Issue 12, fifth round: 205 dated sentences written from news wordings before the
rules were changed (tests/data/entities/blind5.jsonl), each wrong one beside a
look-alike that must stay quiet: counts with the organisation named by a generic noun
("the 54-member body"), G20 counting (19, 20 or 21 are all right), ordinals ("joined
NATO as the 31st member"), join years (OAU years for African Union founders) and
membership frames. blind5b.jsonl (82 sentences) was written after the first changes
and scored before it was looked at (20/31 found, no false alarm), then fixed where the
miss was general. ``known_miss`` rows are strict xfails: a fix makes them pass and the
mark must go."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import Config

CONFIG = Config(select=("NL3",))
DATA = Path(__file__).parent / "data" / "entities"
CASES = [json.loads(line) for line in (DATA / "blind5.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
LATER = [json.loads(line) for line in (DATA / "blind5b.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


def _param(case: dict) -> object:
    marks = [pytest.mark.xfail(reason=case["known_miss"], strict=True)] if case.get("known_miss") else []
    return pytest.param(case, id=f"{case['kind']}-{'wrong' if case['match'] else 'right'}-{case['text'][:40]}",
                        marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES + LATER])
def test_blind5_case(case: dict) -> None:
    found = lint_text(f"date {case['date']}\n{case['text']}", CONFIG)
    if case["match"] is None:
        assert not found, [(f.rule, f.match, f.message) for f in found]
    else:
        assert any(f.match == case["match"] for f in found), [(f.rule, f.match) for f in found]


def test_the_set_is_big_and_balanced() -> None:
    wrong = [c for c in CASES if c["match"]]
    right = [c for c in CASES if not c["match"]]
    assert len(wrong) >= 80 and len(right) >= 80
    for kind in ("count", "g20", "ordinal", "join", "oau", "membership"):
        assert any(c["kind"] == kind and c["match"] for c in CASES), kind
        assert any(c["kind"] == kind and not c["match"] for c in CASES), kind


def test_g20_counts_every_common_counting() -> None:
    text = "date 2024-11-18\nLeaders of the {}-member G20 met in Rio de Janeiro."
    assert not any(lint_text(text.format(n), CONFIG) for n in (19, 20, 21))
    (finding,) = lint_text(text.format(22), CONFIG)
    assert "19 to 21 members" in finding.message and "the African Union" in finding.message
    assert not lint_text("date 2022-11-15\nLeaders of the 20-member G20 met in Bali.", CONFIG)
    assert lint_text("date 2022-11-15\nLeaders of the 21-member G20 met in Bali.", CONFIG)  # the AU joined in 2023


def test_au_founders_keep_their_oau_year_and_others_do_not() -> None:
    text = "date 2025-02-15\nAfrican Union leaders met. {}, which joined the union in {}, backed the motion."
    assert not lint_text(text.format("Ghana", 1963), CONFIG)
    assert not lint_text(text.format("Ghana", 2002), CONFIG)
    (finding,) = lint_text(text.format("Eritrea", 1963), CONFIG)
    assert finding.match == "Eritrea" and "african-union.toml" in finding.message


def test_generic_noun_count_names_the_organisation_it_resolved_to() -> None:
    (finding,) = lint_text("date 2024-02-18\nAfrican Union leaders met. The 54-member body suspended Niger.", CONFIG)
    assert finding.rule == "NL303" and "The African Union had 55 members" in finding.message
    assert finding.replacements == ["55"]


def test_a_gapped_clause_gives_each_country_its_own_year() -> None:
    text = "date 2024-03-07\nNATO grew. Greece and Turkey joined in 1952; Germany in 1955; Spain in {}; Poland in 1999."
    assert not lint_text(text.format(1982), CONFIG)
    (finding,) = lint_text(text.format(1985), CONFIG)
    assert finding.match == "Spain" and "30 May 1982" in finding.message


@pytest.mark.parametrize("text", [
    # the noun describes a body the knowledge base does not know
    "date 2023-08-22\nThe African Union suspended Niger. Ecowas, the regional body of 15 states, threatened force.",
    "date 2023-08-22\nThe African Union suspended Niger. Ecowas, the 15-member regional bloc, threatened force.",
    # "the bloc" after two organisations that go by it: right for one of them
    "date 2025-03-01\nEU and NATO leaders met. The 32-member alliance and the 27-member bloc agreed a plan.",
    # numbers that are not member counts
    "date 2025-03-01\nNATO leaders met. The alliance, which has 3 million troops, agreed.",
    "date 2025-03-01\nEU leaders met. The bloc has grown to 450 million people.",
    "date 2025-03-01\nEU leaders met. The union's 27 commissioners took office.",
    "date 2025-03-01\nThe UN Security Council, whose 15 members include five permanent ones, met.",
])
def test_generic_nouns_stay_quiet_when_they_are_not_the_topic(text: str) -> None:
    assert not lint_text(text, CONFIG), [(f.rule, f.match) for f in lint_text(text, CONFIG)]


def test_an_opener_before_the_noun_keeps_the_topic() -> None:
    (finding,) = lint_text("date 2025-03-01\nNATO leaders met. On Thursday, the 30-member alliance agreed.", CONFIG)
    assert finding.match == "30" and "NATO had 32 members" in finding.message


def test_first_in_a_period_is_not_a_place_in_all() -> None:
    quiet = "date 2025-10-27\nASEAN met. Timor-Leste is the first country to join the grouping since Cambodia's admission."
    assert not lint_text(quiet, CONFIG)
    (finding,) = lint_text("date 2025-10-27\nASEAN met. Timor-Leste became the first member of the bloc.", CONFIG)
    assert finding.rule == "NL309" and "11th member" in finding.message
