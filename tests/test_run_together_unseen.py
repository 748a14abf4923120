"""Run-together and missing-space slips written after NL505/NL512 were built (the issue's
unseen-copy check for punctuation: 75% found at precision 0.9 or better)."""
from __future__ import annotations

from pathlib import Path

from newslint.toml import load_toml

DATA = Path(__file__).parent / "data" / "punctuation" / "run_together_unseen.toml"
RULES = ["NL505", "NL512"]


def _cases() -> dict:
    return load_toml(DATA)[0]


def test_unseen_slips_found_and_clean_versions_quiet(lint):
    slips = _cases()["slip"]
    assert len(slips) >= 30
    found = sum(bool(lint(c["text"], select=RULES)) for c in slips)
    false = sum(len(lint(c["clean"], select=RULES)) for c in slips)
    false += sum(len(lint(c["text"], select=RULES)) for c in _cases()["legit"])
    assert found / len(slips) >= 0.75
    assert found / (found + false) >= 0.9
