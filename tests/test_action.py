"""The GitHub Action: action.yml's shape, and its script run on a local git repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "github-action.sh"
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())
NEWSLINT = str(Path(sys.executable).parent / "newslint")
BAD = "Talks in Kiev resumed.\n"
GOOD = "Talks in Kyiv resumed.\n"


def git(repo: Path, *args: str) -> str:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Desk",
        GIT_AUTHOR_EMAIL="d@example.org",
        GIT_COMMITTER_NAME="Desk",
        GIT_COMMITTER_EMAIL="d@example.org",
    )
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, text=True, capture_output=True
    ).stdout


@pytest.fixture
def repo(tmp_path) -> tuple[Path, str]:
    """A newsroom repository: a base commit, then a branch that adds, edits and deletes copy."""
    repo = tmp_path / "desk"
    (repo / "drafts").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (repo / "drafts" / "old.md").write_text(BAD)
    (repo / "drafts" / "edited.md").write_text(GOOD)
    (repo / "drafts" / "gone.md").write_text(BAD)
    (repo / "drafts" / "renamed.md").write_text("Copy that is moved, not changed: " + GOOD * 5)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "story")
    (repo / "drafts" / "new.md").write_text(BAD)
    (repo / "drafts" / "my draft.MD").write_text(BAD)
    (repo / "drafts" / "edited.md").write_text(GOOD + BAD)
    (repo / "notes.py").write_text("city = 'Kiev'\n")
    (repo / "drafts" / "gone.md").unlink()
    git(repo, "mv", "drafts/renamed.md", "drafts/moved.md")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "story")
    return repo, base


def action(cwd: Path, **settings: str) -> tuple[int, str, str, dict[str, str]]:
    outputs = cwd.parent / "github_output"
    outputs.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLINT_")}
    env.pop("GITHUB_STEP_SUMMARY", None)
    if "step_summary" in settings:
        env["GITHUB_STEP_SUMMARY"] = settings.pop("step_summary")
    env.update({f"NEWSLINT_{k.upper()}": v for k, v in settings.items()})
    env.update(NEWSLINT_BIN=NEWSLINT, GITHUB_OUTPUT=str(outputs), NO_COLOR="1")
    proc = subprocess.run(
        ["bash", str(SCRIPT)], cwd=cwd, env=env, text=True, capture_output=True, timeout=300
    )
    values = dict(line.split("=", 1) for line in outputs.read_text().splitlines() if "=" in line)
    return proc.returncode, proc.stdout, proc.stderr, values


def test_annotations_for_changed_copy_only(repo):
    path, base = repo
    code, out, err, outputs = action(path, base_ref=base)
    assert code == 1, err
    assert "linting 4 changed file(s)" in out, "added, modified and renamed copy"
    lines = [line for line in out.splitlines() if line.startswith("::")]
    assert "::warning file=drafts/new.md,line=1,col=10,endLine=1,endColumn=14,title=NL201::" in out
    assert any(line.startswith("::warning file=drafts/my draft.MD,line=1,") for line in lines)
    assert any(line.startswith("::warning file=drafts/edited.md,line=2,") for line in lines)
    assert not any(name in out for name in ("old.md", "gone.md", "notes.py", "moved.md"))
    assert outputs == {"files": "4", "exit-code": "1"}


def test_limited_to_a_path_and_a_base_branch_name(repo):
    path, _ = repo
    (path / "drafts" / "sub").mkdir()
    code, out, _, _ = action(path, base_ref="main", paths="notes.py drafts/new.md")
    assert code == 1 and "drafts/new.md" in out and "my draft" not in out


def test_no_changed_copy_passes_and_still_writes_a_valid_sarif(repo):
    path, _ = repo
    head = git(path, "rev-parse", "HEAD").strip()
    code, out, _, outputs = action(path, base_ref=head, format="sarif", output_file="out.sarif")
    assert code == 0 and "no changed copy to lint" in out
    assert outputs == {"report": "out.sarif", "files": "0", "exit-code": "0"}
    sarif = json.loads((path / "out.sarif").read_text())
    jsonschema.validate(sarif, SARIF_SCHEMA)
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["version"] and driver["rules"] and all(r["helpUri"] for r in driver["rules"])
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is True


@pytest.mark.parametrize("fmt", ["json", "gitlab"])
def test_no_changed_copy_stubs_are_complete_reports(repo, fmt):
    from newslint.report.json_report import schema

    path, _ = repo
    head = git(path, "rev-parse", "HEAD").strip()
    code, _, _, outputs = action(path, base_ref=head, format=fmt, output_file="out.json")
    report = json.loads((path / "out.json").read_text())
    assert code == 0 and outputs["report"] == "out.json"
    if fmt == "json":
        jsonschema.validate(report, schema())
        assert report["summary"] == {"files": 0, "findings": 0, "by_category": {}, "unreadable": 0}
    else:
        assert report == []


def test_step_summary_is_a_markdown_table(repo, tmp_path):
    path, base = repo
    summary = tmp_path / "step_summary.md"
    (path / "drafts" / "wire.txt").write_bytes("Caf\xe9 in Kiev".encode("cp1252"))
    code, _, _, _ = action(path, paths="drafts", format="text", step_summary=str(summary))
    text = summary.read_text()
    assert code == 2, "a file that cannot be read fails the step"
    assert "## newslint" in text and "1 file could not be read" in text
    assert "| files checked | could not be read | errors | warnings | info |" in text
    assert "| NL201 | `place-name-style` | places | warning |" in text and "| drafts/wire.txt |" in text
    head = git(path, "rev-parse", "HEAD").strip()
    action(path, base_ref=head, step_summary=str(summary))
    assert "No changed copy to lint" in summary.read_text()


def test_sarif_report_for_changed_copy(repo):
    path, base = repo
    code, out, _, outputs = action(path, base_ref=base, format="sarif")
    assert code == 1
    assert "drafts/new.md:1:10: NL201" in out, "the text report goes to the log"
    sarif = json.loads((path / "newslint.sarif").read_text())
    jsonschema.validate(sarif, SARIF_SCHEMA)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]
    }
    assert uris == {"drafts/new.md", "drafts/edited.md", "drafts/my%20draft.MD"}
    assert outputs["report"] == "newslint.sarif"


def test_whole_path_without_base_ref(repo):
    path, _ = repo
    code, out, _, outputs = action(path, paths="drafts", format="text")
    assert code == 1
    assert "drafts/old.md:1:10" in out and "drafts/new.md:1:10" in out and "notes.py" not in out
    assert outputs["exit-code"] == "1"


def test_all_zero_base_of_a_new_branch_lints_the_paths(repo):
    path, _ = repo
    code, out, _, _ = action(path, base_ref="0" * 40, paths="drafts/old.md")
    assert code == 1 and "file=drafts/old.md" in out


@pytest.mark.parametrize("fail_on, expected", [("error", 0), ("never", 0), ("warning", 1), ("info", 1)])
def test_fail_on(repo, fail_on, expected):
    path, base = repo
    code, _, _, outputs = action(path, base_ref=base, fail_on=fail_on)
    assert code == expected and outputs["exit-code"] == str(expected)


def test_extra_args_are_passed(repo):
    path, base = repo
    code, out, _, _ = action(path, base_ref=base, args="--ignore NL201")
    assert "title=NL201" not in out and code == 0


@pytest.mark.parametrize(
    "settings, message",
    [
        ({"base_ref": "no-such-branch"}, "base ref 'no-such-branch' is not in this clone"),
        ({"format": "pdf"}, "unknown format 'pdf'"),
        ({"fail_on": "sometimes"}, "unknown fail-on 'sometimes'"),
    ],
)
def test_bad_settings_give_a_clear_error(repo, settings, message):
    path, _ = repo
    code, _, err, outputs = action(path, **settings)
    assert code == 2 and message in err and outputs["exit-code"] == "2"


def test_outside_git_with_a_base_ref(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    code, _, err, _ = action(folder, base_ref="main")
    assert code == 2 and "not a git repository" in err


def test_action_yml_is_a_composite_action_wired_to_the_script():
    spec = yaml.safe_load((ROOT / "action.yml").read_text())
    assert spec["runs"]["using"] == "composite"
    assert {"paths", "base-ref", "format", "fail-on", "args", "version", "upload-sarif"} <= set(
        spec["inputs"]
    )
    steps = spec["runs"]["steps"]
    install = next(s for s in steps if s.get("name") == "Install newslint")
    assert 'pip install --disable-pip-version-check --quiet "${{ github.action_path }}"' in install["run"]
    lint = next(s for s in steps if s.get("id") == "lint")
    assert "scripts/github-action.sh" in lint["run"]
    used = {v.split(".", 1)[1].rstrip(" }") for v in lint["env"].values()}
    assert used == {"paths", "base-ref", "format", "output-file", "fail-on", "args"}
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert "always()" in upload["if"]
    assert all(s.get("shell") == "bash" for s in steps if "run" in s)
    assert shutil.which("bash")
