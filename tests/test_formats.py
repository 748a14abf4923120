"""--format github / gitlab and --output: the shapes GitHub and GitLab document."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newslint.cli import main
from newslint.records import Finding
from newslint.report import FORMATS, github, gitlab
from newslint.runner import FileResult

PACK = """
[pack]
name = "desk"

[[rules]]
code = "NL951"
name = "desk-banned"
kind = "existence"
category = "style"
severity = "error"
message = "Do not write '{match}': 100% banned, see note 1, 2."
patterns = ['\\bvery unique\\b']

[[rules]]
code = "NL952"
name = "desk-hint"
kind = "existence"
category = "style"
severity = "info"
message = "Consider another word."
patterns = ['\\butilise\\b']
"""

# GitLab Code Quality: the fields GitLab reads (docs.gitlab.com, "Code Quality" report format).
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "not": {"pattern": "^(/|\\./)"}},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk.toml").write_text(PACK, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('packs = ["desk.toml"]\n', encoding="utf-8")
    (tmp_path / "a,b:c.txt").write_text(
        "It was very unique.\nTalks in Kiev. We utilise it.\n", encoding="utf-8"
    )
    return tmp_path


def test_formats_are_registered():
    assert {"text", "json", "sarif", "github", "gitlab"} <= set(FORMATS)


# ----- GitHub --------------------------------------------------------------------------------


def test_github_workflow_commands(capsys, desk):
    code, out, _ = run(capsys, "--format", "github", "a,b:c.txt")
    assert code == 1
    lines = out.splitlines()
    assert lines == [
        "::error file=a%2Cb%3Ac.txt,line=1,col=8,endLine=1,endColumn=19,title=NL951::"
        "Do not write 'very unique': 100%25 banned, see note 1, 2. [desk-banned, style]",
        "::warning file=a%2Cb%3Ac.txt,line=2,col=10,endLine=2,endColumn=14,title=NL201::"
        "House style is 'Kyiv', not 'Kiev'. [place-name-style, places]",
        "::notice file=a%2Cb%3Ac.txt,line=2,col=19,endLine=2,endColumn=26,title=NL952::"
        "Consider another word. [desk-hint, style]",
    ]


def test_github_escaping():
    assert github.escape_data("50% a\r\nb:c,d") == "50%25 a%0D%0Ab:c,d"
    assert github.escape_property("50% a\r\nb:c,d") == "50%25 a%0D%0Ab%3Ac%2Cd"
    assert (
        github.command("warning", "two\nlines", file="x,y.md", line=3)
        == "::warning file=x%2Cy.md,line=3::two%0Alines"
    )
    assert github.command("notice", "plain") == "::notice::plain"


def test_github_reports_unreadable_files(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    _, out, _ = run(capsys, "--format", "github", "bin.txt")
    assert out.startswith(
        "::error file=bin.txt,title=newslint::newslint could not lint this file: binary file"
    )


def test_github_paths_are_relative(capsys, desk):
    _, out, _ = run(capsys, "--format", "github", desk / "a,b:c.txt")
    assert out.startswith("::error file=a%2Cb%3Ac.txt,")


# ----- GitLab --------------------------------------------------------------------------------


def test_gitlab_code_quality_shape(capsys, desk):
    code, out, _ = run(capsys, "--format", "gitlab", "./a,b:c.txt")
    issues = json.loads(out)
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert code == 1
    assert [(i["check_name"], i["severity"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("NL951 desk-banned", "major", 1),
        ("NL201 place-name-style", "minor", 2),
        ("NL952 desk-hint", "info", 2),
    ]
    assert issues[1]["location"]["path"] == "a,b:c.txt"
    assert issues[1]["description"] == "NL201 House style is 'Kyiv', not 'Kiev'."


def test_gitlab_clean_run_is_an_empty_array(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_text("Talks in Kyiv.\n")
    assert run(capsys, "--format", "gitlab", "ok.txt")[:2] == (0, "[]\n")


def fingerprints_of(capsys, path: Path, text: str) -> dict[tuple[str, int], str]:
    path.write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "--format", "gitlab", "--select", "NL201", path.name)
    seen: dict[str, int] = {}
    keyed = {}
    for issue in json.loads(out):
        line = issue["location"]["lines"]["begin"]
        word = text.splitlines()[line - 1]
        seen[word] = seen.get(word, 0) + 1
        keyed[(word, seen[word])] = issue["fingerprint"]
    return keyed


def test_gitlab_fingerprints_survive_edits_above_and_tell_occurrences_apart(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "d.txt"
    before = fingerprints_of(capsys, draft, "Kiev\nKharkov\nKiev\n")
    after = fingerprints_of(capsys, draft, "A new first paragraph.\n\nMore.\nKiev\nKharkov\nKiev\n")
    assert before == after
    assert len(set(before.values())) == 3, "two Kievs in one file have different fingerprints"
    other = tmp_path / "e.txt"
    assert fingerprints_of(capsys, other, "Kiev\nKharkov\nKiev\n").keys() == before.keys()
    assert set(fingerprints_of(capsys, other, "Kiev\nKharkov\nKiev\n").values()).isdisjoint(before.values())


def test_gitlab_fingerprint_depends_on_rule_and_match():
    def f(rule: str, match: str, line: int = 1) -> Finding:
        return Finding("d.md", line, 1, line, 2, 0, 1, rule, "n", "places", "warning", "m", match)

    base = gitlab.fingerprints([f("NL201", "Kiev")])[0]
    assert gitlab.fingerprints([f("NL201", "Kiev", line=9)])[0] == base
    assert gitlab.fingerprints([f("NL202", "Kiev")])[0] != base
    assert gitlab.fingerprints([f("NL201", "Lvov")])[0] != base


def test_gitlab_reports_unreadable_files():
    issues = gitlab.issues([FileResult("x.txt", error="permission denied")])
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert "permission denied" in issues[0]["description"]


# ----- --output ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab", "github"])
def test_output_writes_the_format_and_prints_text(capsys, desk, fmt):
    code, out, _ = run(capsys, "--format", fmt, "--output", "report.out", "a,b:c.txt")
    assert code == 1
    assert out.startswith("a,b:c.txt:1:8: NL951 [style]") and "Found 3 problems" in out
    written = (desk / "report.out").read_text(encoding="utf-8")
    _, direct, _ = run(capsys, "--format", fmt, "a,b:c.txt")
    assert written == direct
    assert [p.name for p in desk.iterdir() if "newslint" in p.name and p.suffix != ".toml"] == []


def test_output_to_an_impossible_place_is_a_usage_error(capsys, desk):
    code, out, err = run(
        capsys, "--format", "sarif", "--output", desk / "no" / "such" / "dir.sarif", "a,b:c.txt"
    )
    assert code == 2 and "cannot write the report to" in err
