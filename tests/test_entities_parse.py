"""The dependency-parse path of the membership frames (issue 12): where the trained
pipeline is loaded, the subject or object of a cue verb is read from the parse, so a
country far from its verb ("Poland, which has been fighting ... , still hopes to join
NATO") is checked; without it (fast mode) the clause window runs alone. The parse only
adds: every fast finding stays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import Config
from newslint.nlp import DEFAULT_MODEL, NLP, installed_model

HAVE_MODEL = installed_model(DEFAULT_MODEL) is not None
CASES = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "entities" / "parse.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason="the trained pipeline is not installed")


def _found(case: dict, model: str | None) -> set[tuple[str, str]]:
    return {(f.rule, f.match) for f in lint_text(f"date {case['date']}\n{case['text']}",
                                                 Config(select=("NL3",), nlp_model=model))}


@needs_model
@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_parse_finds_far_subjects_and_stays_quiet_on_look_alikes(case: dict) -> None:
    found = _found(case, None)
    if case["rule"]:
        assert (case["rule"], case["match"]) in found, found
    else:
        assert not found


@needs_model
@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_parse_only_adds(case: dict) -> None:
    assert _found(case, "none") <= _found(case, None)


def test_fast_mode_has_no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    from newslint.knowledge.parse_frames import parse_available

    assert not parse_available(SimpleNamespace(nlp=NLP(None)))
    assert not parse_available(SimpleNamespace(nlp=None))
    monkeypatch.setenv("NEWSLINT_FAST", "1")
    assert not parse_available(SimpleNamespace(nlp=NLP.from_config(None)))


@needs_model
def test_subjects_through_raising_and_relative_clauses() -> None:
    from newslint.knowledge.parse_frames import subjects

    nlp = NLP.from_config(None)
    doc = nlp("Georgia, which applied in 2024, and Moldova still hope to join the bloc.")
    join = next(t for t in doc if t.text == "join")
    heads, negated = subjects(join)
    assert {t.text for t in heads} >= {"Georgia", "Moldova"} and not negated
    doc = nlp("Sweden, which joined in 2024, sent ships.")
    heads, _ = subjects(next(t for t in doc if t.text == "joined"))
    assert [t.text for t in heads] == ["Sweden"]
    doc = nlp("Serbia will not join the alliance.")
    assert subjects(next(t for t in doc if t.text == "join"))[1]
