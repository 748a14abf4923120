"""Robustness through the command line: bad user packs and configs, runaway patterns,
rules that crash. Each failure gives a clear message naming the pack and rule, the
exit code of Contract 2, and the rest of the run still happens."""
from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from pathlib import Path

import pytest

from newslint import kinds, packs
from newslint.cli import main
from newslint import safe_regex
from newslint.kinds.base import Context, RuleKind
from newslint.records import Hit

RULE_HEAD = """
[pack]
name = "house"

[[rules]]
code = "NL901"
name = "house-rule"
category = "style"
message = "House rule: {match}."
"""


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "one.txt").write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Shelling near Kharkov.\n", encoding="utf-8")
    return tmp_path


def with_pack(folder: Path, body: str, name: str = "house.toml") -> Path:
    (folder / name).write_text(textwrap.dedent(body), encoding="utf-8")
    config = folder / "newslint.toml"
    config.write_text(f'packs = ["{name}"]\n', encoding="utf-8")
    return config


@pytest.mark.parametrize("body, expected", [
    (RULE_HEAD.replace("[[rules]]", "[[rules]"), ["house.toml:5:8:", "invalid TOML"]),
    (RULE_HEAD + 'kind = "no-such-kind"\n', ["house.toml:", "NL901", "unknown rule kind 'no-such-kind'"]),
    (RULE_HEAD.replace('message = "House rule: {match}."\n', "") + 'kind = "existence"\npatterns = ["x"]\n',
     ["house.toml:", "NL901", "missing required field 'message'"]),
    (RULE_HEAD + 'kind = "substitution"\n', ["house.toml:", "NL901", "needs the field 'terms'"]),
    (RULE_HEAD + 'kind = "existence"\npatterns = ["(unclosed"]\n',
     ["house.toml", "NL901", "house-rule", "'(unclosed' does not compile"]),
    (RULE_HEAD + 'kind = "consistency"\ngroups = 5\n', ["house.toml:", "NL901", "'groups' must be a list"]),
    (RULE_HEAD + 'kind = "substitution"\nterms = { Kiev = "Kyiv" }\npresets = { ap = { allow = 3 } }\n',
     ["house.toml", "NL901", "invalid fields for kind 'substitution'"]),
    (RULE_HEAD + 'kind = "substitution"\nterms = { "" = "x" }\n', ["house.toml", "NL901", "must not be empty"]),
    (RULE_HEAD + 'kind = "existence"\nterms = ["  "]\n', ["house.toml", "NL901", "must not be empty"]),
])
def test_bad_pack_is_a_configuration_error_naming_pack_and_rule(capsys, drafts, body, expected) -> None:
    config = with_pack(drafts, body)
    code, out, err = run(capsys, "--config", config, drafts)
    assert code == 2 and out == ""
    assert err.startswith("newslint: error: ") and "Traceback" not in err
    for part in expected:
        assert part in err, err
    assert len(err.strip().splitlines()) == 1


def test_unparsable_config_is_exit_2(capsys, drafts) -> None:
    (drafts / "newslint.toml").write_text("select = [\n", encoding="utf-8")
    code, _, err = run(capsys, drafts / "one.txt")
    assert code == 2 and "newslint.toml" in err and "invalid TOML" in err


@pytest.mark.parametrize("pyproject", ["tool = 3\n", "[tool]\nnewslint = 3\n", "[tool]\nnewslint = [1]\n"])
def test_odd_pyproject_is_handled(capsys, drafts, pyproject) -> None:
    """Found by fuzz/run.py config: a non-table [tool] or [tool.newslint] crashed the loader."""
    (drafts / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    code, _, err = run(capsys, drafts / "one.txt")
    assert "Traceback" not in err
    if "newslint =" in pyproject:
        assert code == 2 and "[tool.newslint] must be a table" in err
    else:
        assert code == 1, "a pyproject without [tool.newslint] is no config: the defaults apply"


def test_catastrophic_pattern_is_stopped_and_the_run_completes(capsys, drafts, monkeypatch) -> None:
    monkeypatch.setattr(safe_regex, "PATTERN_TIMEOUT", 0.2)
    # (the text ends in "a", or the prefilter would see that '(a+)+$' cannot match and skip it)
    (drafts / "slow.txt").write_text("a" * 30000 + "!\nTalks in Kiev near Yalta", encoding="utf-8")
    config = with_pack(drafts, RULE_HEAD + 'kind = "existence"\npatterns = [\'(a+)+$\']\n')
    code, out, err = run(capsys, "--config", config, "--format", "json", drafts)
    assert code == 1 and "Traceback" not in err
    report = json.loads(out)
    by_file = {(Path(f["path"]).name, f["rule"]): f for f in report["findings"]}
    stopped = by_file[("slow.txt", "NL901")]
    assert "NL901" in stopped["message"] and "house-rule" in stopped["message"]
    assert "house.toml" in stopped["message"] and "ran too long" in stopped["message"]
    assert stopped["severity"] == "error"
    # The other rules on the same file and every other file were still linted.
    assert ("slow.txt", "NL201") in by_file
    assert {("one.txt", "NL201"), ("two.txt", "NL201")} <= set(by_file)
    assert [f["rule"] for f in report["findings"] if f["path"].endswith("slow.txt")].count("NL901") == 1


def test_pattern_timeout_uses_the_regex_timeout(monkeypatch) -> None:
    monkeypatch.setattr(safe_regex, "PATTERN_TIMEOUT", 0.05)
    pattern = safe_regex.compile_regex("(a+)+$")
    with pytest.raises(safe_regex.PatternTimeout) as caught:
        list(safe_regex.finditer(pattern, "a" * 30000 + "!\nYalta"))
    assert caught.value.pattern == "(a+)+$"


# ----- isolation: a rule that crashes ----------------------------------------------------------

class ExplodingKind(RuleKind):
    """Test-only kind: crashes on documents that contain its trigger word, flags 'Kyiv' otherwise."""

    fields = {"trigger": str}

    def configure(self, spec: dict) -> None:
        self.trigger = spec.get("trigger", "BOOM")

    def check(self, ctx: Context) -> Iterable[Hit]:
        at = ctx.text.find("Kyiv")
        if at >= 0:
            yield Hit(at, at + 4, self.format(match="Kyiv"))
        if self.trigger in ctx.text:
            raise ZeroDivisionError("division by zero")


@pytest.fixture
def exploding(monkeypatch):
    real_exists, real_load = kinds.kind_exists, kinds.load_kind
    monkeypatch.setattr(packs, "kind_exists", lambda k: k == "exploding" or real_exists(k))
    monkeypatch.setattr(packs, "load_kind", lambda k: ExplodingKind if k == "exploding" else real_load(k))


def test_crashing_rule_is_an_internal_error_finding_and_others_run(capsys, drafts, exploding) -> None:
    (drafts / "boom.txt").write_text("Kyiv BOOM in Kiev.\n", encoding="utf-8")
    (drafts / "calm.txt").write_text("Calm in Kyiv.\nTalks in Kiev went on.\n", encoding="utf-8")  # a use, not a mention
    config = with_pack(drafts, RULE_HEAD + 'kind = "exploding"\n')
    code, out, err = run(capsys, "--config", config, "--format", "json", drafts)
    assert code == 1 and "Traceback" not in err
    findings = json.loads(out)["findings"]
    boom = [f for f in findings if f["path"].endswith("boom.txt")]
    internal = [f for f in boom if f["rule"] == "NL901"]
    assert len(internal) == 1, "the crash replaces that rule's findings on that file"
    message = internal[0]["message"]
    assert "internal error in rule NL901 (house-rule)" in message and "ZeroDivisionError" in message
    assert "report" in message and internal[0]["severity"] == "error"
    assert any(f["rule"] == "NL201" for f in boom), "other rules still ran on the same file"
    calm = [(f["rule"], f["match"]) for f in findings if f["path"].endswith("calm.txt")]
    assert ("NL901", "Kyiv") in calm and ("NL201", "Kiev") in calm, "the rule itself still ran on other files"
    assert {Path(f["path"]).name for f in findings} >= {"one.txt", "two.txt"}


def test_crashing_rule_in_text_output_names_rule_and_file(capsys, drafts, exploding) -> None:
    (drafts / "boom.txt").write_text("BOOM\n", encoding="utf-8")
    config = with_pack(drafts, RULE_HEAD + 'kind = "exploding"\n')
    code, out, _ = run(capsys, "--config", config, drafts / "boom.txt", drafts / "one.txt")
    assert code == 1
    assert f"{drafts / 'boom.txt'}:1:1: NL901" in out and "internal error" in out
    assert f"{drafts / 'one.txt'}:1:10: NL201" in out


def test_unreadable_file_among_good_ones(capsys, drafts) -> None:
    (drafts / "latin1.txt").write_bytes("Caf\xe9 in Kiev\n".encode("latin-1"))
    (drafts / "nul.txt").write_bytes(b"Kiev\x00\x00")
    code, out, err = run(capsys, "--format", "json", drafts)
    report = json.loads(out)
    errors = {Path(f["path"]).name: f["error"] for f in report["files"] if f["error"]}
    assert set(errors) == {"latin1.txt", "nul.txt"} and "UTF-8" in errors["latin1.txt"]
    # Contract 2 (issue 15): unread input makes the run exit 2, after the others were linted
    assert code == 2 and {Path(f["path"]).name for f in report["findings"]} == {"one.txt", "two.txt"}
