"""The entity kinds share one claim-checking path (issue 17 item 3): knowledge/checking.py
loads the facts, finds the trigger matches and the organisation each is about; the kinds
only judge them."""
from __future__ import annotations

import pytest

from newslint.api import lint_text
from newslint.config import Config
from newslint.knowledge.checking import FactChecks, cue_span
from newslint.records import NewslintError

ENTITY_KINDS = ("membership", "member_count", "join_date")


@pytest.mark.parametrize("module", ENTITY_KINDS)
def test_every_entity_kind_runs_the_shared_check(module: str) -> None:
    import importlib

    kind = importlib.import_module(f"newslint.kinds.{module}").Kind
    assert kind.check is FactChecks.check, "the kind judges claims in check_facts, not its own loop"
    assert kind.check_facts is not FactChecks.check_facts


def test_a_broken_knowledge_base_is_one_finding_per_entity_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    import newslint.knowledge as kn

    def broken() -> None:
        raise NewslintError("rules/knowledge/nato.toml: 'founded' must be a date")

    monkeypatch.setattr(kn, "knowledge", broken)
    text = "date 2024-06-01\nBelgium wants to join NATO. NATO, an alliance of 12 countries. Sweden joined NATO in 1990."
    found = lint_text(text, Config(select=("NL301", "NL303", "NL304")))
    assert sorted(f.rule for f in found) == ["NL301", "NL303", "NL304"]
    assert all("knowledge base cannot be read" in f.message and f.severity == "error" for f in found)


@pytest.mark.parametrize(("text", "rule", "match"), [
    # a named organisation, "the alliance" pointing back to it, and a count of it
    ("date 2024-06-01\nRussia wants guarantees that Belgium will never join NATO.", "NL301", "Belgium"),
    ("date 2024-06-01\nNATO leaders met. Russia wants guarantees that Belgium will never join the alliance.",
     "NL301", "Belgium"),
    ("date 2024-06-01\nNATO, the 30-member alliance, met in Vilnius.", "NL303", "30"),
    ("date 2024-06-01\nSweden, which joined NATO in 2022, sent jets.", "NL304", "Sweden"),
])
def test_the_shared_path_finds_the_organisation_a_trigger_is_about(text: str, rule: str, match: str) -> None:
    found = [(f.rule, f.match) for f in lint_text(text, Config(select=(rule,)))]
    assert (rule, match) in found


@pytest.mark.parametrize("text", [
    "date 2024-06-01\nRussia wants guarantees that Georgia will never join NATO.",
    "date 2024-06-01\nNATO, the 32-member alliance, met in Washington.",
    "date 2024-06-01\nSweden, which joined NATO in 2024, sent jets.",
    "date 2024-06-01\nThe alliance met. Russia wants guarantees that Belgium will never join the alliance.",
])
def test_true_claims_and_unresolved_references_stay_quiet(text: str) -> None:
    assert [f.rule for f in lint_text(text, Config(select=("NL301", "NL302", "NL303", "NL304")))] == []


def test_cue_span_prefers_the_cue_group() -> None:
    import regex

    with_cue = regex.compile(r"(?P<cue>joined (?P<org>NATO)) in \d+").search("Sweden joined NATO in 2022")
    plain = regex.compile(r"(?P<org>NATO) in \d+").search("Sweden joined NATO in 2022")
    assert cue_span(with_cue, 100) == (107, 118) and cue_span(plain, 100) == (114, 126)
