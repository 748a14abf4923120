"""Every pack rule's examples must be flagged by that rule, and its counterexamples must not.

An example may start with a ``date YYYY-MM-DD`` line to set the article date.
Rules that need a trained spaCy pipeline run only when one is installed.
"""
from __future__ import annotations

import pytest

from newslint.api import lint_text
from newslint.config import Config
from newslint.docs import all_rules
from newslint.kinds import load_kind
from newslint.nlp import TRAINED_FEATURES, installed_model

MODEL = "en_core_web_sm"
HAVE_MODEL = installed_model(MODEL) is not None


def _cases():
    for rule in all_rules():
        for i, text in enumerate(rule.examples):
            yield pytest.param(rule, text, True, id=f"{rule.code}-example-{i}")
        for i, text in enumerate(rule.counterexamples):
            yield pytest.param(rule, text, False, id=f"{rule.code}-counter-{i}")


def _config(rule) -> Config:
    needs = load_kind(rule.kind).needs | frozenset(rule.spec.get("requires", ()))
    model = MODEL if needs & TRAINED_FEATURES else None
    if needs & TRAINED_FEATURES and not HAVE_MODEL:
        pytest.skip(f"{rule.code} needs a trained pipeline ({MODEL} not installed)")
    style = rule.spec.get("example-style")
    return Config(select=(rule.code,), nlp_model=model, style=style or "default")


@pytest.mark.parametrize(("rule", "text", "flagged"), list(_cases()))
def test_pack_rule_examples(rule, text, flagged):
    findings = [f for f in lint_text(text, _config(rule)) if f.rule == rule.code]
    if flagged:
        assert findings, f"{rule.code} ({rule.name}) should flag: {text!r}"
        for f in findings:
            assert text[f.offset:f.offset + f.length] == f.match
    else:
        assert not findings, f"{rule.code} ({rule.name}) should not flag {text!r}: {[f.message for f in findings]}"


def test_every_rule_is_documented():
    for rule in all_rules():
        assert rule.summary or rule.message, rule.code
        assert rule.examples, f"{rule.code} has no examples"
        assert rule.counterexamples, f"{rule.code} has no counterexamples"
