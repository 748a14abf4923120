"""The ``pattern`` rule kind: spaCy Matcher patterns declared in a pack."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import Config
from newslint.engine import Linter
from newslint.records import NewslintError

HEADER = '[pack]\nname = "test"\n'


def write_pack(tmp_path: Path, body: str, name: str = "pack.toml") -> str:
    path = tmp_path / name
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return str(path)


def run(tmp_path: Path, body: str, text: str, select: str = "NL9") -> list:
    pack = write_pack(tmp_path, body)
    return lint_text(text, Config(packs=(pack,), select=(select,)))


RULE = """
[[rules]]
code = "NL901"
name = "could-of-test"
kind = "pattern"
category = "grammar"
message = "'{match}' -> '{replacement}'"
patterns = [[{LOWER = {IN = ["could", "should"]}}, {LOWER = "of"}]]
replacement = "{0} have"
"""


def test_flags_match_with_offsets_and_filled_replacement(tmp_path):
    text = "They could of won. They should have won."
    [finding] = run(tmp_path, RULE, text)
    assert finding.match == "could of"
    assert text[finding.offset:finding.offset + finding.length] == "could of"
    assert finding.replacements == ["could have"]
    assert finding.message == "'could of' -> 'could have'"


def test_report_narrows_span_and_templates_use_negative_and_case_specs(tmp_path):
    body = """
    [[rules]]
    code = "NL901"
    name = "connector"
    kind = "pattern"
    category = "grammar"
    message = "{match}"
    patterns = [[{ORTH = ","}, {ORTH = "However"}]]
    report = [1]
    replacement = "{-1:lower}"
    """
    [finding] = run(tmp_path, body, "It rained, However, we went.")
    assert finding.match == "However"
    assert finding.replacements == ["however"]


def test_per_pattern_report_and_first_word_spec(tmp_path):
    body = """
    [[rules]]
    code = "NL901"
    name = "two-patterns"
    kind = "pattern"
    category = "grammar"
    message = "{match}"
    patterns = [[{LOWER = "x1"}, {LOWER = "could"}, {LOWER = "of"}],
                [{LOWER = "might"}, {LOWER = "of"}, {LOWER = "x2"}]]
    report = [[1, 2], [0, 1]]
    replacement = "{match:first} have"
    """
    findings = run(tmp_path, body, "x1 could of. And might of x2.")
    assert [(f.match, f.replacements) for f in findings] == [
        ("could of", ["could have"]), ("might of", ["might have"])]


def test_capitalised_match_gets_capitalised_literal_replacement(tmp_path):
    body = RULE.replace('replacement = "{0} have"', 'replacement = "would have"')
    [finding] = run(tmp_path, body, "Could of happened.")
    assert finding.replacements == ["Would have"]


def test_unless_before_leaves_grammatical_clause_alone(tmp_path):
    body = """
    [[rules]]
    code = "NL901"
    name = "was-is"
    kind = "pattern"
    category = "grammar"
    message = "{match}"
    patterns = [[{LOWER = "was"}, {LOWER = "is"}]]
    unless-before = '\\bwhat\\b'
    """
    assert run(tmp_path, body, "What it was is unclear.") == []
    found = run(tmp_path, body, "The goal was is clear. What it was is unclear.")
    assert [f.match for f in found] == ["was is"]


def test_unless_after_and_exceptions(tmp_path):
    body = """
    [[rules]]
    code = "NL901"
    name = "ordinal"
    kind = "pattern"
    category = "grammar"
    message = "{match}"
    patterns = [[{LOWER = "from"}, {LOWER = "second"}, {LOWER = "round"}]]
    unless-after = '\\G\\s*to\\b'
    exceptions = ['(?i)from second round onwards']
    """
    text = "It ran from second round to final. It ran from second round onwards. It ran from second round."
    assert [f.offset for f in run(tmp_path, body, text)] == [text.rindex("from second round")]


def test_word_lists_are_expanded(tmp_path):
    (tmp_path / "words.toml").write_text('verbs = ["went", "came"]\n', encoding="utf-8")
    body = """
    [[rules]]
    code = "NL901"
    name = "have-went"
    kind = "pattern"
    category = "grammar"
    message = "{match}"
    word-lists = "words.toml"
    patterns = [[{LOWER = "have"}, {LOWER = {IN = ["@verbs", "ran"]}}]]
    """
    found = [f.match for f in run(tmp_path, body, "We have went. We have came. We have ran. We have gone.")]
    assert found == ["have went", "have came", "have ran"]


@pytest.mark.parametrize(("fragment", "complaint"), [
    ('patterns = [[{LOWR = "x"}]]', "invalid token pattern"),
    ('patterns = "could of"', "patterns"),
    ("patterns = [[]]", "non-empty"),
    ('patterns = [[{POS = "VERB"}]]', "requires"),
    ('patterns = [[{LOWER = "x"}]]\nreport = ["a"]', "report"),
    ('patterns = [[{LOWER = "x"}], [{LOWER = "y"}]]\nreport = [[0]]', "report"),
    ('patterns = [[{LOWER = {IN = ["@nosuchlist"]}}]]', "word list"),
    ('patterns = [[{LOWER = "x"}]]\nunless-before = "("', "does not compile"),
])
def test_bad_patterns_are_configuration_errors_naming_the_rule(tmp_path, fragment, complaint):
    body = ('[[rules]]\ncode = "NL901"\nname = "bad"\nkind = "pattern"\ncategory = "grammar"\n'
            'message = "m"\n' + fragment + "\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "grammar-words.toml").write_text('some = ["a"]\n', encoding="utf-8")
    pack = write_pack(tmp_path, body)
    with pytest.raises(NewslintError) as info:
        Linter(Config(packs=(pack,), select=("NL901",)))
    assert "NL901" in str(info.value)
    assert complaint in str(info.value)


def test_pos_rule_is_skipped_without_a_trained_pipeline(tmp_path):
    body = """
    [[rules]]
    code = "NL901"
    name = "needs-tags"
    kind = "pattern"
    category = "grammar"
    message = "{match}"
    requires = ["pos"]
    patterns = [[{LOWER = "he"}, {POS = "VERB"}]]
    """
    pack = write_pack(tmp_path, body)
    fast = Config(packs=(pack,), select=("NL9",), nlp_model="none")  # fast mode: no pipeline
    assert lint_text("He go home.", fast) == []


def test_all_pattern_rules_share_one_tokenisation_per_document(tmp_path, monkeypatch):
    body = RULE + """
    [[rules]]
    code = "NL902"
    name = "second"
    kind = "pattern"
    category = "grammar"
    message = "{match}"
    patterns = [[{LOWER = "the"}, {LOWER = "the"}]]
    """
    pack = write_pack(tmp_path, body)
    linter = Linter(Config(packs=(pack,), select=("NL9",)))
    from newslint.document import make_document

    computed = []
    from newslint.kinds import base

    real = base.Tokens
    monkeypatch.setattr(base, "Tokens", lambda text, *breaks: computed.append(text) or real(text, *breaks))
    findings = linter.lint(make_document("They could of seen the the car.", "b.txt"))
    assert sorted(f.rule for f in findings) == ["NL901", "NL902"]
    assert len(computed) == 1, "the document is tokenised once for all pattern rules"


def test_importing_the_kind_does_not_import_spacy():
    code = ("import sys, newslint.kinds.pattern, newslint.kinds.doubled_word, "
            "newslint.kinds.indefinite_article; print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", ".", ", However", "'s", "\x00\x01 could of", "a " * 5000,
                                  "x" * 20000, "“‘’”" * 50])
def test_odd_input_gives_no_internal_errors(text):
    findings = lint_text(text, Config(select=("grammar",)))
    assert not any("internal error" in f.message for f in findings)
