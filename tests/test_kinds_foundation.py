"""The three foundation kinds, configured by a newsroom's own pack."""
from __future__ import annotations

import textwrap

import pytest

from newslint.config import Config
from newslint.document import make_document
from newslint.engine import Linter
from newslint.records import NewslintError

PACK = '''
[pack]
name = "house"
description = "test pack"

[[rules]]
code = "NL901"
name = "house-places"
kind = "substitution"
category = "places"
message = "Use '{replacement}', not '{match}'."
terms = { Kiev = "Kyiv", Bombay = "Mumbai", "Ivory Coast" = ["Côte d'Ivoire", "Ivory Coast"] }
exceptions = ['(?i)chicken\\s+kiev']
presets = { ap = { allow = ["Bombay"] }, reuters = { disable = true } }

[[rules]]
code = "NL902"
name = "house-furniture"
kind = "existence"
category = "furniture"
message = "Residue: '{match}'."
patterns = ['(?m)^[ \\t]*(?P<flag>load more)[ \\t]*$']
terms = ["click here"]

[[rules]]
code = "NL903"
name = "house-consistency"
kind = "consistency"
category = "names"
message = "{match} ({match_lines}) vs {preferred} {times} ({lines})"
groups = [["Zelensky", "Zelenskyy", "Zelenskiy"], { id = "nato", variants = ["NATO", "Nato"] }]
'''


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    path = tmp_path_factory.mktemp("pack") / "house.toml"
    path.write_text(PACK, encoding="utf-8")
    return str(path)


def lint(pack, text, code, style="default"):
    linter = Linter(Config(packs=(pack,), select=(code,), style=style))
    return linter.lint(make_document(textwrap.dedent(text), "t.txt"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks in Kiev resumed.", ["Kyiv"]),
        ("Kiev's mayor spoke.", ["Kyiv"]),
        ("The Moscow-Kiev talks.", ["Kyiv"]),
        ("KIEV REJECTS OFFER", ["KYIV"]),
        ("Flights from Bombay.", ["Mumbai"]),
        ("He ordered chicken Kiev.", []),
        ("Kievan Rus' was a state.", []),
        ("The kievs are not a word we match.", []),
        ("Kyiv said no.", []),
    ],
)
def test_substitution(pack, text, expected):
    assert [f.fix.replacement for f in lint(pack, text, "NL901")] == expected


def test_substitution_with_choices_offers_both_and_fixes_neither(pack):
    [finding] = lint(pack, "Cocoa from Ivory Coast.", "NL901")
    assert finding.replacements == ["Côte d'Ivoire", "Ivory Coast"] and finding.fix is None


def test_substitution_presets(pack):
    assert lint(pack, "Flights from Bombay.", "NL901", style="ap") == []
    assert len(lint(pack, "Talks in Kiev.", "NL901", style="ap")) == 1
    assert lint(pack, "Talks in Kiev.", "NL901", style="reuters") == []


def test_existence_is_line_anchored(pack):
    text = "Load more\nHe would load more trucks.\n  LOAD MORE  \nPlease click here.\n"
    found = [(f.line, f.match) for f in lint(pack, text, "NL902")]
    assert found == [(1, "Load more"), (3, "LOAD MORE"), (4, "click here")]


def test_consistency_flags_the_minority_with_lines(pack):
    text = "Zelensky spoke.\nZelensky left.\nZelenskyy returned.\nZelensky again.\n"
    [finding] = lint(pack, text, "NL903")
    assert (finding.line, finding.match) == (3, "Zelenskyy")
    assert finding.message == "Zelenskyy (line 3) vs Zelensky 3 times (lines 1, 2, 4)"
    assert finding.fix.replacement == "Zelensky" and finding.fix.safe is False


def test_consistency_tie_goes_to_first_use(pack):
    [finding] = lint(pack, "Zelenskiy spoke. Zelensky left.", "NL903")
    assert finding.match == "Zelensky" and "Zelenskiy once" in finding.message


def test_consistency_one_form_is_quiet(pack):
    assert lint(pack, "Zelenskiy spoke. Zelenskiy left. NATO met.", "NL903") == []
    assert [f.match for f in lint(pack, "NATO met. NATO left. Nato said.", "NL903")] == ["Nato"]


@pytest.mark.parametrize(
    ("rule", "error"),
    [
        ('kind = "teleport"', "unknown rule kind 'teleport'"),
        ('kind = "existence"\npatterns = ["(oops"]', "does not compile"),
        ('kind = "substitution"', "needs the field 'terms'"),
        ('kind = "existence"\npatterns = ["x"]\nbogus = 1', "unknown field 'bogus'"),
        ('kind = "existence"\npatterns = ["x"]\nseverity = "fatal"', "unknown severity"),
    ],
)
def test_bad_pack_rules_are_config_errors(tmp_path, rule, error):
    path = tmp_path / "bad.toml"
    path.write_text(f'[pack]\nname = "bad"\n[[rules]]\ncode = "NL950"\nname = "bad-rule"\n'
                    f'category = "style"\nmessage = "m"\n{rule}\n')
    with pytest.raises(NewslintError) as err:
        Linter(Config(packs=(str(path),), select=("NL950",)))
    assert str(path) in str(err.value) and "NL950" in str(err.value) and error in str(err.value)


def test_reused_code_is_an_error(tmp_path):
    path = tmp_path / "dup.toml"
    path.write_text('[pack]\nname = "dup"\n[[rules]]\ncode = "NL201"\nname = "mine"\nkind = "existence"\n'
                    'category = "places"\nmessage = "m"\npatterns = ["x"]\n')
    with pytest.raises(NewslintError, match="NL201 is already used"):
        Linter(Config(packs=(str(path),)))


def test_code_range_must_match_category(tmp_path):
    path = tmp_path / "range.toml"
    path.write_text('[pack]\nname = "r"\n[[rules]]\ncode = "NL250"\nname = "mine"\nkind = "existence"\n'
                    'category = "grammar"\nmessage = "m"\npatterns = ["x"]\n')
    with pytest.raises(NewslintError, match="places range"):
        Linter(Config(packs=(str(path),)))


def test_catastrophic_pattern_is_stopped_and_reported(tmp_path, monkeypatch):
    from newslint import safe_regex

    monkeypatch.setattr(safe_regex, "PATTERN_TIMEOUT", 0.2)
    path = tmp_path / "slow.toml"
    path.write_text('[pack]\nname = "slow"\n[[rules]]\ncode = "NL960"\nname = "slow-rule"\nkind = "existence"\n'
                    'category = "style"\nmessage = "m"\npatterns = [\'(a+)+b\']\n')
    linter = Linter(Config(packs=(str(path),), select=("NL960", "NL201")))
    # ("about" holds a match, or the prefilter would know there is none and skip the scan)
    findings = linter.lint(make_document("a" * 5000 + "!\nTalks in Kiev about it.\n", "t.txt"))
    assert any(f.rule == "NL960" and "ran too long" in f.message for f in findings)
    assert any(f.rule == "NL201" for f in findings), "the other rules still ran"
