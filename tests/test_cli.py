"""The command line: output forms, exit codes (Contract 2), JSON (Contract 1), bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newslint.cli import main
from newslint.report.json_report import schema

SCHEMA = schema()  # the JSON Schema shipped in the package
DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "kiev.md").write_text("# Talks\n\nTalks in Kiev resumed.\n\nRead More:\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("Talks in Kyiv resumed on Monday.\n", encoding="utf-8")
    (tmp_path / "notes.py").write_text("x = 'Kiev'\n", encoding="utf-8")
    return tmp_path


def test_text_output_format_and_exit_1(capsys, drafts):
    code, out, _ = run(capsys, drafts, "--select", "NL201")
    assert code == 1
    first = out.splitlines()[0]
    assert first == f"{drafts / 'kiev.md'}:3:10: NL201 [places] House style is 'Kyiv', not 'Kiev'."
    assert "    3 | Talks in Kiev resumed." in out and "^^^^" in out
    assert "\033[" not in out, "no colour when not a terminal"
    assert "notes.py" not in out, "folders are walked with the include globs"


def test_clean_file_exits_0(capsys, drafts):
    code, out, _ = run(capsys, drafts / "clean.txt")
    assert code == 0 and "All clear" in out


def test_quiet_prints_finding_lines_only(capsys, drafts):
    code, out, _ = run(capsys, drafts / "kiev.md", "--quiet", "--select", "NL201")
    assert code == 1 and out.splitlines() == [f"{drafts / 'kiev.md'}:3:10: NL201 [places] House style is 'Kyiv', not 'Kiev'."]


def test_json_report_follows_contract_1(capsys, drafts):
    code, out, _ = run(capsys, "--format", "json", drafts)
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    assert code == 1
    assert {f["path"] for f in report["files"]} == {str(drafts / "kiev.md"), str(drafts / "clean.txt")}
    text = (drafts / "kiev.md").read_text()
    for f in report["findings"]:
        assert text[f["offset"]:f["offset"] + f["length"]] == f["match"]
    assert report["summary"]["findings"] == len(report["findings"])
    kiev = next(f for f in report["findings"] if f["rule"] == "NL201")
    assert kiev["fix"] == {"replacement": "Kyiv", "offset": text.index("Kiev"), "length": 4, "safe": True}


def test_fail_on_error_turns_warnings_into_exit_0(capsys, drafts):
    code, _, _ = run(capsys, drafts / "kiev.md", "--fail-on", "error")
    assert code == 0


def test_select_and_ignore(capsys, drafts):
    _, out, _ = run(capsys, "--format", "json", drafts / "kiev.md", "--select", "furniture")
    assert {f["category"] for f in json.loads(out)["findings"]} == {"furniture"}
    _, out, _ = run(capsys, "--format", "json", drafts / "kiev.md", "--ignore", "NL2,NL8")
    assert json.loads(out)["findings"] == []


def test_statistics(capsys, drafts):
    _, out, _ = run(capsys, drafts / "kiev.md", "--statistics", "--select", "NL201,NL801")
    assert "    1  NL201  place-name-style [places]" in out


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and any(line.startswith("NL201  place-name-style") for line in out.splitlines())
    code, out, _ = run(capsys, "explain", "NL201")
    assert code == 0
    for part in ("NL201 place-name-style", "Why", "How to fix", "Flagged", "Left alone", "chicken Kiev"):
        assert part in out
    code, _, err = run(capsys, "explain", "NL999")
    assert code == 2 and "no rule 'NL999'" in err


def test_no_paths_is_a_usage_error(capsys):
    code, _, err = run(capsys)
    assert code == 2 and "no input" in err


def test_bad_flag_is_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--format", "yaml", "x.md"])
    assert exc.value.code == 2


def test_bad_inputs_are_reported_and_others_still_linted(capsys, tmp_path):
    (tmp_path / "good.md").write_text("Talks in Kiev.\n")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "huge.txt").write_bytes(b"Kiev is big. " * (50_000_000 // 13))
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "image.png").write_bytes(b"\x89PNG")
    code, out, err = run(capsys, "--format", "json", tmp_path, tmp_path / "missing.md", tmp_path / "nothing")
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    errors = {Path(f["path"]).name: f["error"] for f in report["files"]}
    assert "not valid UTF-8" in errors["latin1.txt"]
    assert "binary" in errors["binary.txt"]
    assert "max-file-size" in errors["huge.txt"]
    assert errors["missing.md"] == "no such file or directory"
    assert "no files to lint" in errors["nothing"]
    assert errors["good.md"] is None and errors["empty.md"] is None
    assert "empty file" in err and "Traceback" not in err
    assert code == 2, "unread input makes the run exit 2 (Contract 2), after the others were linted"
    assert report["unreadable"] == report["summary"]["unreadable"] == 5
    assert "5 files could not be read" in err


def test_only_missing_inputs_is_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path / "nope.md")
    assert code == 2 and "no such file" in err


def test_broken_config_is_exit_2_with_location(capsys, tmp_path):
    (tmp_path / "newslint.toml").write_text('style = "ap"\nfailon = "x"\n')
    (tmp_path / "a.md").write_text("Kiev\n")
    code, out, err = run(capsys, tmp_path / "a.md")
    assert code == 2 and "newslint.toml:2: unknown key 'failon'" in err and out == ""


def test_invalid_user_pack_is_exit_2_naming_pack_and_rule(capsys, tmp_path):
    pack = tmp_path / "house.toml"
    pack.write_text('[pack]\nname = "house"\n\n[[rules]]\ncode = "NL901"\nname = "x"\nkind = "existence"\n'
                    'category = "style"\nmessage = "m"\npatterns = ["(unclosed"]\n')
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\n')
    (tmp_path / "a.md").write_text("text\n")
    code, _, err = run(capsys, tmp_path / "a.md")
    assert code == 2 and "house.toml" in err and "NL901" in err and "does not compile" in err


def test_config_file_flag(capsys, tmp_path):
    cfg = tmp_path / "cfg.toml"
    cfg.write_text('ignore = ["places"]\n')
    (tmp_path / "a.md").write_text("Kiev\n")
    code, _, _ = run(capsys, tmp_path / "a.md", "--config", cfg)
    assert code == 0
    code, _, err = run(capsys, tmp_path / "a.md", "--config", tmp_path / "nope.toml")
    assert code == 2 and "config file not found" in err


def test_per_file_ignores_and_inline_suppression(capsys, tmp_path):
    (tmp_path / "newslint.toml").write_text('[per-file-ignores]\n"wire-*.md" = ["NL201"]\n')
    (tmp_path / "wire-1.md").write_text("Kiev\n")
    (tmp_path / "desk.md").write_text("<!-- newslint-disable-next-line NL201 -->\nKiev\nKiev again\n")
    _, out, _ = run(capsys, "--format", "json", tmp_path, "--select", "NL201")
    found = [(Path(f["path"]).name, f["line"]) for f in json.loads(out)["findings"]]
    assert found == [("desk.md", 3)]


def test_console_script_reads_stdin():
    proc = subprocess.run(
        [sys.executable, "-m", "newslint.cli", "-", "--stdin-filename", "story.md", "--format", "json"],
        input=b"# Head\n\nTalks in `Kiev` and in Kiev.\n", capture_output=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    report = json.loads(proc.stdout)
    jsonschema.validate(report, SCHEMA)
    kiev = [f for f in report["findings"] if f["rule"] == "NL201"]
    assert [(f["path"], f["line"], f["column"]) for f in kiev] == [("story.md", 3, 24)]
    assert proc.returncode == 1


@pytest.mark.skipif(not DEV.is_dir(), reason="the shared dev corpus is not beside this checkout")
def test_json_contract_on_every_dev_file_and_stdin(capsys):
    files = sorted(p for p in DEV.iterdir() if p.suffix == ".txt")
    _, out, _ = run(capsys, "--format", "json", *files)
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    texts = {str(p): p.read_text(encoding="utf-8") for p in files}
    for f in report["findings"]:
        assert texts[f["path"]][f["offset"]:f["offset"] + f["length"]] == f["match"]
        line = texts[f["path"]].split("\n")[f["line"] - 1]
        assert line[f["column"] - 1:f["end_column"] - 1] == f["match"] or f["end_line"] != f["line"]
    proc = subprocess.run([sys.executable, "-m", "newslint.cli", "-", "--format", "json"],
                          input=files[4].read_bytes(), capture_output=True)
    from_stdin = json.loads(proc.stdout)
    jsonschema.validate(from_stdin, SCHEMA)
    strip = [{k: v for k, v in f.items() if k != "path"} for f in from_stdin["findings"]]
    assert strip == [{k: v for k, v in f.items() if k != "path"} for f in report["findings"]
                     if f["path"] == str(files[4])]


def test_kinds_lists_and_documents_rule_kinds(capsys):
    code, out, _ = run(capsys, "kinds")
    names = [line.split()[0] for line in out.splitlines()]
    assert code == 0 and {"substitution", "existence", "mixed-terms", "pattern"} <= set(names)
    assert "consistency" not in names  # a deprecated alias is not listed as a kind
    code, out, _ = run(capsys, "kinds", "substitution")
    assert code == 0 and "Fields: " in out and "terms" in out and "Required: terms" in out
    code, _, err = run(capsys, "kinds", "teleport")
    assert code == 2 and "no rule kind 'teleport'" in err
