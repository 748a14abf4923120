"""The knowledge base: facts as they stood on a date, names, and bad data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newslint.knowledge import knowledge
from newslint.knowledge.claims import parse_number, spell_like
from newslint.knowledge.countries import load_countries
from newslint.knowledge.organisations import MEMBER, NON_MEMBER, UNCLEAR, load_organisation
from newslint.records import NewslintError
from newslint.resources import data_path

D = dt.date


def org(name: str):
    return knowledge().organisation(name)


@pytest.mark.parametrize(
    ("org_id", "day", "count"),
    [
        ("nato", D(1949, 5, 1), 12),
        ("nato", D(1990, 1, 1), 16),
        ("nato", D(2022, 3, 11), 30),
        ("nato", D(2023, 4, 4), 31),
        ("nato", D(2024, 3, 7), 32),
        ("eu", D(2010, 1, 1), 27),
        ("eu", D(2015, 1, 1), 28),
        ("eu", D(2020, 1, 31), 28),
        ("eu", D(2020, 2, 1), 27),
        ("euro-area", D(2024, 1, 1), 20),
        ("euro-area", D(2026, 1, 1), 21),
        ("schengen", D(2025, 1, 1), 29),
        ("opec", D(2024, 1, 1), 12),
        ("g7", D(2025, 1, 1), 7),
        ("unsc-p5", D(2025, 1, 1), 5),
        # counts each organisation's own site publishes (see the files' sources)
        ("asean", D(2025, 10, 25), 10),
        ("asean", D(2025, 10, 26), 11),
        ("sco", D(2017, 6, 8), 6),
        ("sco", D(2023, 7, 4), 9),
        ("sco", D(2024, 7, 4), 10),
        ("oecd", D(2020, 1, 1), 36),
        ("oecd", D(2021, 5, 25), 38),
        ("council-of-europe", D(2022, 3, 15), 47),
        ("council-of-europe", D(2022, 3, 16), 46),
        ("african-union", D(2011, 1, 1), 53),
        ("african-union", D(2017, 1, 30), 55),
        ("csto", D(2025, 1, 1), 5),  # Armenia's frozen participation is unclear
    ],
)
def test_member_counts(org_id: str, day: dt.date, count: int) -> None:
    assert org(org_id).count(day)[0] == count


def test_all_32_nato_members_with_sweden_last() -> None:
    nato = org("nato")
    assert len({m.country for m in nato.members}) == 32
    assert max(nato.members, key=lambda m: m.joined).country == "SWE"
    assert nato.status("SWE", D(2024, 3, 6)) == NON_MEMBER
    assert nato.status("SWE", D(2024, 3, 7)) == MEMBER


def test_uk_left_the_eu_after_31_january_2020() -> None:
    assert org("eu").status("GBR", D(2020, 1, 31)) == MEMBER
    assert org("eu").status("GBR", D(2020, 2, 1)) == NON_MEMBER


def test_unclear_statuses_are_neither() -> None:
    assert org("brics").status("SAU", D(2025, 1, 1)) == UNCLEAR
    assert org("brics").count(D(2025, 2, 1)) == (10, 1)
    assert org("schengen").status("ROU", D(2024, 6, 1)) == UNCLEAR
    assert org("schengen").status("ROU", D(2025, 6, 1)) == MEMBER


def test_leavers_and_returners() -> None:
    opec = org("opec")
    assert opec.status("QAT", D(2018, 6, 1)) == MEMBER and opec.status("QAT", D(2019, 6, 1)) == NON_MEMBER
    assert opec.status("GAB", D(2000, 1, 1)) == NON_MEMBER and opec.status("GAB", D(2020, 1, 1)) == MEMBER
    assert opec.status("AGO", D(2024, 1, 1)) == NON_MEMBER


def test_aspirants_on_a_date() -> None:
    nato = org("nato")
    assert nato.aspirants_on(D(2022, 3, 11)) == ["UKR", "GEO", "BIH"]
    assert "FIN" in nato.aspirants_on(D(2022, 6, 1)) and "FIN" not in nato.aspirants_on(D(2023, 5, 1))


def test_always_looks_at_every_change_inside_an_interval() -> None:
    nato = org("nato")
    assert nato.always("BEL", MEMBER, [(D(1990, 1, 1), D(2025, 1, 1))])
    assert not nato.always("FIN", MEMBER, [(D(2020, 1, 1), D(2025, 1, 1))])
    assert nato.always("AUT", NON_MEMBER, [(D(1949, 4, 4), D(2025, 1, 1))])


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Britain", "GBR"),
        ("the UK", "GBR"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("Holland", "NLD"),
        ("the Netherlands", "NLD"),
        ("Czechia", "CZE"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Belgium", "BEL"),
        ("Russian Federation", "RUS"),
        ("South Korea", "KOR"),
        ("Kyiv", "UKR"),
        ("Bosnia", "BIH"),
    ],
)
def test_country_names(name: str, code: str) -> None:
    assert knowledge().countries.code(name) == code


def test_names_that_are_not_countries_here() -> None:
    names = knowledge().countries
    assert names.code("Jersey") is None
    assert not names.compiled().search("Latin America")
    assert names.compiled().search("Latin America and America").group(0) == "America"


def test_every_organisation_names_a_source() -> None:
    for item in knowledge().organisations.values():
        assert item.source and item.path.startswith("rules/knowledge/"), item.id


def test_numbers() -> None:
    assert parse_number("30") == 30 and parse_number("thirty-two") == 32 and parse_number("Twelve") == 12
    assert parse_number("lots") is None
    assert spell_like("Thirty", 32) == "Thirty-two" and spell_like("27", 28) == "28"


def test_bad_knowledge_file_is_a_clear_error(tmp_path: Path) -> None:
    countries = load_countries(data_path("knowledge", "countries.toml"))
    bad = tmp_path / "club.toml"
    bad.write_text(
        '[organisation]\nid = "club"\nname = "the club"\nnames = ["Club"]\nfounded = 2000-01-01\n'
        '[[members]]\ncountry = "XXX"\njoined = 2000-01-01\n',
        encoding="utf-8",
    )
    with pytest.raises(NewslintError, match="club.toml: members #1: country must be an ISO"):
        load_organisation(bad, countries)
    bad.write_text(
        '[organisation]\nid = "other"\nname = "x"\nnames = ["X"]\nfounded = 2000-01-01\n', encoding="utf-8"
    )
    with pytest.raises(NewslintError, match="must match the file name"):
        load_organisation(bad, countries)
    bad.write_text(
        '[organisation]\nid = "club"\nname = "x"\nnames = ["X"]\nfounded = "2000"\n', encoding="utf-8"
    )
    with pytest.raises(NewslintError, match="'founded' must be a date"):
        load_organisation(bad, countries)


def test_loaded_lazily_only_when_an_entities_rule_runs() -> None:
    from newslint.api import lint_text
    from newslint.config import Config

    knowledge.cache_clear()
    lint_text("Talks in Kiev resumed.", Config(select=("NL201",)))
    assert knowledge.cache_info().currsize == 0
    lint_text("Belgium wants to join NATO.", Config(select=("NL301",)))
    assert knowledge.cache_info().currsize == 1


def test_a_broken_knowledge_file_is_reported_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import newslint.knowledge as kn
    from newslint.api import lint_text
    from newslint.config import Config

    def broken() -> None:
        raise NewslintError("rules/knowledge/nato.toml: 'members #32 joined' must be a date")

    monkeypatch.setattr(kn, "knowledge", broken)
    found = lint_text("date 2022-03-11\nBelgium wants to join NATO.", Config(select=("NL301",)))
    assert [f.rule for f in found] == ["NL301"]
    assert "knowledge base cannot be read" in found[0].message and "nato.toml" in found[0].message


def test_newest_members_and_candidates() -> None:
    assert org("nato").newest(D(2025, 1, 1)) == {"SWE"}
    assert org("nato").newest(D(2023, 6, 1)) == {"FIN"}
    assert org("asean").newest_during([(D(2025, 10, 1), D(2025, 11, 1))]) == {"KHM", "TLS"}
    eu = org("eu")
    assert eu.never_candidate("NOR", [(D(2025, 1, 1), D(2025, 6, 1))])
    assert not eu.never_candidate("MDA", [(D(2025, 1, 1), D(2025, 6, 1))])
    assert not eu.never_candidate("MDA", [(D(2022, 5, 1), D(2022, 6, 1))])  # applied; status came in June
    assert not eu.never_candidate("NOR", [(D(1995, 1, 1), D(1995, 6, 1))])  # list not complete then
    assert not org("oecd").never_candidate("THA", [(D(2025, 1, 1), D(2025, 6, 1))])  # list not declared complete

