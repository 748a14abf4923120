"""Roles and capitals (NL310, NL311) on dated sentences and paragraphs in varied news wordings.

tests/data/entities/roles.jsonl and capitals.jsonl hold one dated sentence a line with
whether it is wrong; roles-paragraphs.jsonl holds short news paragraphs with a role or
capital error swapped in, each beside its correct version.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import Config
from newslint.knowledge.capitals import load_capitals
from newslint.knowledge.offices import fold, load_offices, offices
from newslint.records import NewslintError

DATA = Path(__file__).parent / "data" / "entities"
CONFIG = Config(select=("NL310", "NL311"))


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _case_id(row: dict) -> str:
    return f"{row['date']}-{row['frame']}-{'wrong' if row['wrong'] else 'right'}-{row['text'][:40]}"


SENTENCES = [(row, rule) for name, rule in (("roles.jsonl", "NL310"), ("capitals.jsonl", "NL311"))
             for row in _rows(name)]


@pytest.mark.parametrize(("row", "rule"), SENTENCES, ids=[_case_id(r) for r, _ in SENTENCES])
def test_sentence(row: dict, rule: str) -> None:
    findings = [f for f in lint_text(row["text"], CONFIG, date=row["date"]) if f.rule == rule]
    if row["wrong"]:
        assert findings, f"{rule} should flag ({row['frame']}): {row['text']!r}"
    else:
        assert not findings, f"{rule} should not flag {row['text']!r}: {[f.message for f in findings]}"


def test_sentence_sets_are_large_and_balanced() -> None:
    wrong = sum(r["wrong"] for r, _ in SENTENCES)
    assert wrong >= 50 and len(SENTENCES) - wrong >= 50


PARAGRAPHS = _rows("roles-paragraphs.jsonl")


@pytest.mark.parametrize("row", PARAGRAPHS, ids=[f"{r['date']}-{r['error'][:30]}" for r in PARAGRAPHS])
def test_paragraph_error_found_and_correct_version_quiet(row: dict) -> None:
    wrong = lint_text(row["wrong"], CONFIG, date=row["date"])
    assert any(row["error"] == f.match for f in wrong), [f.match for f in wrong]
    assert not lint_text(row["right"], CONFIG, date=row["date"])


def test_finding_explains_itself() -> None:
    [finding] = lint_text("Russian President Joe Biden spoke.", CONFIG, date="2024-03-01")
    assert finding.match == "Joe Biden"
    assert "President of Russia" in finding.message and "Vladimir Putin" in finding.message
    assert "offices/" in finding.message and "2024-03-01" in finding.message
    assert finding.replacements == ["Vladimir Putin"]
    [finding] = lint_text("Missiles hit Kyiv, the capital of Russia.", CONFIG, date="2024-03-01")
    assert "capital of Ukraine" in finding.message and finding.replacements == ["Moscow"]


def test_undated_article_only_flags_posts_never_held() -> None:
    # Copy without a date is checked as of today; a post held in the past stays quiet.
    assert not lint_text("Prime Minister Tony Blair said the plan would work.", CONFIG)
    assert lint_text("Russian President Joe Biden said the plan would work.", CONFIG)


def test_surname_after_title_and_accents() -> None:
    assert lint_text("President Erdogan met Chancellor Merkel.", CONFIG, date="2024-03-01")
    assert not lint_text("President Erdogan met Chancellor Scholz.", CONFIG, date="2024-03-01")
    assert fold("Erdoğan") == fold("ERDOGAN")


def test_every_office_file_loads_and_is_sourced() -> None:
    data = offices()
    assert len(data.offices) >= 50
    for path in data.files:
        head = Path(path).read_text(encoding="utf-8")[:1500]
        assert "Source" in head or "source" in head, path
    for office in data.offices.values():
        for a, b in zip(office.terms, office.terms[1:], strict=False):
            assert a.end is None or a.start <= a.end, office.id
            assert a.start <= b.start, f"{office.id}: holders out of order at {b.person}"


def test_broken_office_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[office]]\nid = "x"\ncountry = "FRA"\ntitles = ["President"]\n'
                   'holders = [{ name = "A B", start = "yesterday" }]\n', encoding="utf-8")
    with pytest.raises(NewslintError, match="bad.toml.*A B"):
        load_offices([bad])
    bad.write_text('[[capitals]]\ncountry = "FRA"\ncities = [{ city = "Paris", since = "1990" }]\n', encoding="utf-8")
    with pytest.raises(NewslintError, match="bad.toml"):
        load_capitals([bad])


def test_capitals_have_dates_of_moves() -> None:
    from newslint.knowledge.capitals import capitals

    data = capitals()
    astana = [s for s in data.of_country("KAZ") if s.city == "Nur-Sultan"]
    assert astana and astana[0].covers(dt.date(2020, 1, 1)) and not astana[0].covers(dt.date(2023, 1, 1))


def test_swapped_articles_found_and_clean_versions_quiet() -> None:
    """roles-heldout.jsonl: 20 article openings written apart from the rule lists, each with
    one name swapped for a plausible wrong one. Bar from issue 12: at least 80% of the swaps
    found, at most one false alarm in 20 clean versions."""
    rows = _rows("roles-heldout.jsonl")
    found = false_alarms = 0
    for row in rows:
        wrong = row["text"].replace("{X}", row["wrong_name"])
        right = row["text"].replace("{X}", row["right_name"])
        found += any(f.match == row["wrong_name"] for f in lint_text(wrong, CONFIG, date=row["date"]))
        false_alarms += bool(lint_text(right, CONFIG, date=row["date"]))
    assert len(rows) >= 20
    assert found >= 0.8 * len(rows) and false_alarms <= 1, (found, false_alarms)


def test_pack_fields_are_checked() -> None:
    from newslint.kinds.base import PackError
    from newslint.kinds.capital import Kind as Capital
    from newslint.kinds.office_holder import Kind as OfficeHolder
    from newslint.records import Rule

    def rule(kind: str, **spec: object) -> Rule:
        return Rule("NL999", "x", kind, "entities", "error", "{fact}", "test", "test.toml", spec=spec)

    with pytest.raises(PackError, match="unknown class 'sometimes'"):
        OfficeHolder(rule("office-holder", titles=["President"], qualifiers={"sometimes": ["maybe"]}))
    with pytest.raises(PackError, match="undated"):
        OfficeHolder(rule("office-holder", titles=["President"], qualifiers={}, undated="never"))
    with pytest.raises(PackError, match="recent"):
        OfficeHolder(rule("office-holder", titles=["President"], qualifiers={}, recent={"lately": "soon"}))
    with pytest.raises(PackError, match="unknown class"):
        Capital(rule("capital", qualifiers={"ancient": ["old"]}))


def test_missing_knowledge_folder_is_reported_not_raised(tmp_path: Path) -> None:
    from newslint.api import make_document
    from newslint.kinds.base import Context
    from newslint.kinds.office_holder import Kind as OfficeHolder
    from newslint.records import Rule

    spec = {"titles": ["President"], "qualifiers": {}, "knowledge": [str(tmp_path)]}
    kind = OfficeHolder(Rule("NL999", "x", "office-holder", "entities", "error", "{fact}", "t", "t.toml", spec=spec))
    ctx = Context(doc=make_document("Russian President Joe Biden spoke.", "x.txt"), date=dt.date(2024, 3, 1))
    [hit] = list(kind.check(ctx))
    assert "no office files" in hit.message and hit.severity == "error"


def test_newsroom_pack_adds_its_own_office_file(tmp_path: Path) -> None:
    """A newsroom extends the knowledge without Python: its own folder of office files,
    read after the bundled one, and a rule in its own pack."""
    (tmp_path / "offices").mkdir()
    (tmp_path / "offices" / "scotland.toml").write_text(
        '# Source: gov.scot, "First Minister of Scotland"\n[adjectives]\nSCO = ["Scottish"]\n\n[[office]]\n'
        'id = "sco-first-minister"\ncountry = "SCO"\ntitles = ["First Minister"]\nholders = [\n'
        '  { name = "Nicola Sturgeon", start = 2014-11-20, end = 2023-03-29 },\n'
        '  { name = "Humza Yousaf", start = 2023-03-29, end = 2024-05-07 },\n'
        '  { name = "John Swinney", start = 2024-05-07 },\n]\n', encoding="utf-8")
    pack = tmp_path / "house.toml"
    pack.write_text(
        '[pack]\nname = "house"\ndescription = "ours"\n\n[[rules]]\ncode = "NL910"\nname = "scottish-office"\n'
        'kind = "office-holder"\ncategory = "entities"\nmessage = "{fact}.{suggestion}"\n'
        'titles = ["First Minister", "President"]\nqualifiers.past = ["former"]\nknowledge = ["bundled", "offices"]\n'
        'examples = ["date 2024-06-01\\nScottish First Minister Nicola Sturgeon spoke."]\n'
        'counterexamples = ["date 2024-06-01\\nScottish First Minister John Swinney spoke."]\n', encoding="utf-8")
    config = Config(packs=(str(pack),), select=("NL910",))
    [finding] = lint_text("Scottish First Minister Nicola Sturgeon spoke.", config, date="2024-06-01")
    assert "John Swinney" in finding.message
    assert not lint_text("Former First Minister Nicola Sturgeon spoke.", config, date="2024-06-01")
    assert lint_text("Russian President Joe Biden spoke.", config, date="2024-06-01")  # bundled files still read
