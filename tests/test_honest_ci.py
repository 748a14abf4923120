"""Issue 15: a green run means all the copy was checked; selectors are checked; CLI habits."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.config import discover, read_config

CLEAN = "Talks in Kyiv resumed on Monday.\n"
BAD = "Talks in Kiev resumed on Monday.\n"


def run(capsys, *args: object) -> tuple[int, str, str]:
    discover.cache_clear()  # these tests write config files between runs in one process
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "wire.txt").write_bytes("Caf\xe9 owners in Kiev said \u201cno\u201d.\n".encode("cp1252"))
    return tmp_path


# --- 1. exit status and summary ---------------------------------------------------------------

def test_a_cp1252_file_alone_is_not_all_clear(capsys, desk):
    code, out, err = run(capsys, "wire.txt")
    assert code == 2
    assert "All clear" not in out and "1 file could not be read" in out
    assert "--encoding cp1252" in err, "the message says how to read legacy copy on purpose"


def test_a_mistyped_path_next_to_a_clean_file(capsys, desk):
    code, out, err = run(capsys, "clean.md", "clen.md")
    assert code == 2 and "All clear" not in out
    assert "No problems in 1 file checked, but 1 file could not be read" in out
    assert "clen.md: no such file or directory" in err


def test_findings_and_unread_input_is_still_2(capsys, desk):
    code, out, _ = run(capsys, "bad.md", "missing.md")
    assert code == 2 and "Found 1 problem in 1 file (1 checked). 1 file could not be read." in out


def test_encoding_flag_and_config_read_legacy_copy(capsys, desk):
    code, out, _ = run(capsys, "--encoding", "cp1252", "wire.txt")
    assert code == 1 and "NL201" in out and "could not be read" not in out
    (desk / "newslint.toml").write_text('encoding = "cp1252"\n', encoding="utf-8")
    code, out, _ = run(capsys, "--format", "json", "wire.txt")
    report = json.loads(out)
    assert code == 1 and report["unreadable"] == 0 and report["findings"][0]["match"] == "Kiev"
    assert report["findings"][0]["column"] == 16, "columns count the decoded text"


def test_unknown_encoding_is_a_usage_error(capsys, desk):
    code, _, err = run(capsys, "--encoding", "klingon", "clean.md")
    assert code == 2 and "unknown encoding 'klingon'" in err
    (desk / "newslint.toml").write_text('encoding = "klingon"\n', encoding="utf-8")
    code, _, err = run(capsys, "clean.md")
    assert code == 2 and "newslint.toml:1" in err


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "gitlab", "text"])
def test_every_format_carries_the_unread_file(capsys, desk, fmt):
    code, out, _ = run(capsys, "--format", fmt, "bad.md", "wire.txt")
    assert code == 2
    if fmt == "json":
        report = json.loads(out)
        assert report["unreadable"] == 1 and [f["error"] is not None for f in report["files"]] == [False, True]
    elif fmt == "sarif":
        invocation = json.loads(out)["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False and invocation["toolExecutionNotifications"]
    elif fmt == "github":
        assert "::error file=wire.txt" in out and "1 file could not be read" in out
    elif fmt == "gitlab":
        assert any(i["check_name"] == "newslint-unreadable-file" for i in json.loads(out))
    else:
        assert "1 file could not be read" in out


# --- 2. selectors -------------------------------------------------------------------------------

@pytest.mark.parametrize("flag,value,near", [
    ("--select", "plaecs", "places"), ("--ignore", "NL2O1", "NL201"),
    ("--extend-select", "place-name-styel", "place-name-style"), ("--select", "NL6,zzzzzz", None),
])
def test_unknown_cli_selector_is_exit_2_with_the_nearest(capsys, desk, flag, value, near):
    code, out, err = run(capsys, flag, value, "bad.md")
    assert code == 2 and out == "" and "unknown rule selector" in err and flag in err
    if near:
        assert f"did you mean '{near}'?" in err


@pytest.mark.parametrize("toml", [
    'select = ["plaecs"]\n', 'ignore = ["NL2O1"]\n', 'extend-select = ["furnture"]\n',
    '[per-file-ignores]\n"*.md" = ["plces"]\n',
])
def test_unknown_config_selector_is_exit_2_naming_the_file(capsys, desk, toml):
    (desk / "newslint.toml").write_text(toml, encoding="utf-8")
    code, _, err = run(capsys, "bad.md")
    assert code == 2 and "newslint.toml:" in err and "unknown rule selector" in err and "did you mean" in err


def test_valid_selectors_of_every_form_pass(capsys, desk):
    (desk / "newslint.toml").write_text('select = ["ALL"]\nignore = ["NL7", "furniture", "doubled-word"]\n',
                                        encoding="utf-8")
    code, out, _ = run(capsys, "--select", "places,NL2,NL201,place-name-style", "bad.md")
    assert code == 1 and "NL201" in out


def test_cli_select_is_not_undone_by_a_config_ignore(capsys, desk):
    (desk / "newslint.toml").write_text('ignore = ["places"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "bad.md")
    assert code == 0, "the config's ignore applies without a command-line selection"
    code, out, _ = run(capsys, "--select", "NL2", "bad.md")
    assert code == 1 and "NL201" in out, "a command-line --select starts the selection afresh (as ruff)"
    code, out, _ = run(capsys, "--select", "NL2", "--ignore", "NL201", "bad.md")
    assert code == 0, "the command line's own ignore still applies"


def test_cli_extend_select_beats_a_config_ignore(capsys, desk):
    (desk / "newslint.toml").write_text('ignore = ["places"]\n', encoding="utf-8")
    (desk / "mixed.md").write_text("Talks in Kiev. Turkey said T\u00fcrkiye would attend.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--format", "json", "--extend-select", "NL201", "mixed.md")
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert "NL201" in rules and "NL202" not in rules, "only the named rule comes back"
    (desk / "empty.toml").write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "--format", "json", "--config", "empty.toml", "mixed.md")
    assert {"NL201", "NL202"} <= {f["rule"] for f in json.loads(out)["findings"]}, "both fire without the file"
    code, out, _ = run(capsys, "--format", "json", "--extend-select", "NL201", "--ignore", "NL201", "mixed.md")
    assert "NL201" not in {f["rule"] for f in json.loads(out)["findings"]}


def test_disable_comment_naming_no_rule_is_a_warning(capsys, desk):
    (desk / "c.md").write_text("<!-- newslint-disable-next-line NL2O1 -->\n" + BAD, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "json", "c.md")
    findings = json.loads(out)["findings"]
    rules = sorted(f["rule"] for f in findings)
    assert code == 1 and rules == ["NL201", "NL799"]
    nl799 = next(f for f in findings if f["rule"] == "NL799")
    assert (nl799["line"], nl799["column"], nl799["match"]) == (1, 33, "NL2O1")
    assert "did you mean 'NL201'?" in nl799["message"]


def test_disable_comments_with_real_codes_are_quiet(capsys, desk):
    text = ("<!-- newslint-disable-next-line NL201 -->\n" + BAD + "\n<!-- newslint-disable NL2 -->\n" + BAD
            + "<!-- newslint-enable -->\n<!-- newslint-disable -->\n" + BAD)
    (desk / "c.md").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "c.md")
    assert code == 0 and "NL799" not in out
    (desk / "d.md").write_text("<!-- newslint-disable-next-line NL2O1 -->\nCalm.\n", encoding="utf-8")
    assert run(capsys, "--ignore", "NL799", "d.md")[0] == 0


def test_show_settings_names_each_origin(capsys, desk):
    (desk / "newslint.toml").write_text('style = "ap"\nignore = ["NL7"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "config", "bad.md")
    assert code == 0
    lines = {line.split("=")[0].strip(): line for line in out.splitlines() if "=" in line}
    assert "'ap'" not in lines["style"] and "ap" in lines["style"] and "newslint.toml" in lines["style"]
    assert "default" in lines["fail-on"].split("#")[1]
    code, out, _ = run(capsys, "--show-settings", "--fail-on", "error", "bad.md")
    lines = {line.split("=")[0].strip(): line for line in out.splitlines() if "=" in line}
    assert "command line (--fail-on)" in lines["fail-on"] and "error" in lines["fail-on"]
    assert "rules in force:" in out


# --- 3. CLI habits ------------------------------------------------------------------------------

def test_fail_on_never_and_exit_zero(capsys, desk):
    assert run(capsys, "bad.md")[0] == 1
    assert run(capsys, "--fail-on", "never", "bad.md")[0] == 0
    assert run(capsys, "--exit-zero", "bad.md")[0] == 0
    assert run(capsys, "--exit-zero", "bad.md", "wire.txt")[0] == 2, "unread input is never hidden"
    (desk / "newslint.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert run(capsys, "bad.md")[0] == 0


def test_fix_stdin_writes_the_fixed_text_to_stdout(desk):
    for args in (["--fix", "-"], ["--fix", "-", "--stdin-filename", "story.md"]):
        proc = subprocess.run([sys.executable, "-m", "newslint", *args], input=BAD + "It was the the end.\n",
                              capture_output=True, text=True, cwd=desk)
        assert proc.stdout == CLEAN + "It was the the end.\n" or proc.stdout.startswith(CLEAN), proc.stderr
        assert "Kiev" not in proc.stdout and "NL201" not in proc.stderr
        assert "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "newslint", "--fix", "-"], input=CLEAN,
                          capture_output=True, text=True, cwd=desk)
    assert proc.returncode == 0 and proc.stdout == CLEAN


def test_show_fixes(capsys, desk):
    code, out, _ = run(capsys, "--show-fixes", "bad.md")
    assert code == 1 and "Fixable with --fix: 1 problem" in out and "bad.md:1:10: NL201 'Kiev' -> 'Kyiv'" in out
    code, out, _ = run(capsys, "--fix", "--show-fixes", "bad.md")
    assert "Fixed: 1 problem" in out and (desk / "bad.md").read_text(encoding="utf-8") == CLEAN


def test_output_file_alias(capsys, desk):
    code, out, _ = run(capsys, "--format", "json", "--output-file", "r.json", "bad.md")
    assert code == 1 and "NL201" in {f["rule"] for f in json.loads((desk / "r.json").read_text())["findings"]}
    assert "NL201" in out


def test_init_writes_a_commented_config_for_a_preset(capsys, desk):
    target = desk / "newsroom"
    target.mkdir()
    code, out, _ = run(capsys, "init", "--style", "ap", target)
    assert code == 0 and "Wrote" in out
    text = (target / "newslint.toml").read_text(encoding="utf-8")
    assert text.startswith("#") and 'style = "ap"' in text
    config = read_config(target / "newslint.toml")
    assert config is not None and config.style == "ap" and config.fail_on == "warning"
    code, _, err = run(capsys, "init", target)
    assert code == 2 and "already exists" in err
    assert run(capsys, "init", "--force", target)[0] == 0
    (target / "story.md").write_text(BAD, encoding="utf-8")
    assert run(capsys, target / "story.md")[0] == 1, "the written file is a working config"


# --- 4. integrations ----------------------------------------------------------------------------

def test_github_annotations_sorted_by_severity_and_capped(capsys, desk):
    from newslint.report.github import PER_STEP

    lines = [f"Leaders of NATO members such as Austria met in Kiev on day {i}." for i in range(14)]
    (desk / "many.md").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "--format", "github", "--date", "2022-03-16", "many.md")
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    levels = [line.split(" ", 1)[0] for line in annotations]
    assert code == 1
    assert levels == sorted(levels, key=["::error", "::warning", "::notice"].index), "errors first"
    assert levels.count("::error") == PER_STEP and levels.count("::warning") == PER_STEP
    assert any("5 more error annotations not shown" in line for line in annotations)
    assert any("5 more warning annotations not shown" in line for line in annotations)
    hidden = [line for line in out.splitlines() if line.startswith("  many.md:")]
    assert len(hidden) == 10, "the findings beyond the cap are still listed in the log"


def test_github_few_findings_are_all_annotations(capsys, desk):
    code, out, _ = run(capsys, "--format", "github", "bad.md", "wire.txt")
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert annotations[0].startswith("::error file=wire.txt") and annotations[1].startswith("::warning file=bad.md")
    assert annotations[2].startswith("::error title=newslint::1 file could not be read") and code == 2
    assert "not shown" not in out
