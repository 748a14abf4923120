"""The library API (``newslint.lint_text``/``lint_file``): the CLI's findings, for CMS and notebooks."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

import newslint
from newslint.cli import main
from newslint.records import Finding, NewslintError

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

SAMPLES = {
    "story.md": "---\ndate: 2022-03-01\n---\n# Talks in Kiev\n\n"
    "Officials in Kyiv said no. Kiev later agreed.\n\n`Kiev` in code is left alone.\n\nRead more:\n",
    "crlf.txt": "Caf\u00e9 talks in Kharkov.\r\nThen Odessa.\r\n",
    "page.html": "<p>Talks in <b>Kiev</b> resumed.</p>\n",
    "clean.txt": "Talks in Kyiv resumed on Monday.\n",
}


def cli_json(capsys, *args: object) -> dict:
    main(["--format", "json", *map(str, args)])
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_lint_text_gives_the_cli_findings(capsys, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(SAMPLES[name].encode("utf-8"))
    from_cli = cli_json(capsys, name)["findings"]
    from_api = [f.to_dict() for f in newslint.lint_text(SAMPLES[name], path=name)]
    assert from_api == from_cli
    assert from_api or name == "clean.txt"


def test_lint_file_gives_the_cli_findings(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf# Kiev\r\n\r\nTalks in Kiev.\r\n")
    assert [f.to_dict() for f in newslint.lint_file("bom.md")] == cli_json(capsys, "bom.md")["findings"]


@pytest.mark.skipif(not DEV.is_dir(), reason="the shared dev corpus is not beside this checkout")
def test_dev_corpus_same_findings_as_cli(capsys):
    files = sorted(DEV.glob("*.txt"))
    from_cli = cli_json(capsys, *files)["findings"]
    from_api = [
        f.to_dict() for p in files for f in newslint.lint_text(p.read_text(encoding="utf-8-sig"), path=str(p))
    ]
    assert from_api == from_cli and from_cli


def test_config_as_dict_matches_the_cli_flags(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = SAMPLES["story.md"]
    (tmp_path / "story.md").write_text(text, encoding="utf-8")
    from_cli = cli_json(capsys, "story.md", "--select", "NL2", "--ignore", "NL202")["findings"]
    found = newslint.lint_text(text, {"select": ["NL2"], "ignore": ["NL202"]}, path="story.md")
    assert [f.to_dict() for f in found] == from_cli
    assert {f.rule for f in found} == {"NL201"}


def test_config_file_and_date(tmp_path):
    from newslint.config import read_config

    (tmp_path / "newslint.toml").write_text('select = ["places"]\n', encoding="utf-8")
    config = read_config(tmp_path / "newslint.toml")
    found = newslint.lint_text("Talks in Kiev.\n\nRead more:\n", config, date="2022-03-01")
    assert all(isinstance(f, Finding) for f in found) and [f.rule for f in found] == ["NL201"]


def test_bad_config_raises_a_clear_error():
    with pytest.raises(NewslintError, match="unknown key 'selct'"):
        newslint.lint_text("x", {"selct": ["NL2"]})
    with pytest.raises(TypeError, match="config must be"):
        newslint.lint_text("x", ["NL2"])
    with pytest.raises(NewslintError, match="date must be YYYY-MM-DD"):
        newslint.lint_text("x", date="yesterday")


def test_the_documented_example_runs():
    failures, tried = doctest.testmod(newslint, verbose=False)
    assert tried >= 4 and failures == 0


# --- issue 15: apply_fixes, errors, types -----------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def test_apply_fixes_applies_safe_fixes_only_by_default():
    text = "Talks in Kiev resumed. Zelensky and Zelenskyy met.\n"
    findings = newslint.lint_text(text)
    fixed = newslint.apply_fixes(text, findings)
    assert fixed.startswith("Talks in Kyiv resumed.")
    unsafe_rules = {f.rule for f in findings if f.fix is not None and not f.fix.safe}
    assert not any(f.rule in unsafe_rules for f in findings if f.fix and f.fix.safe)
    again = newslint.lint_text(fixed)
    assert not any(f.fix is not None and f.fix.safe for f in again), "one pass leaves no safe fix here"


def test_apply_fixes_unsafe_also_applies_review_fixes():
    # a spelling suggestion is a fix for review (never safe): a person confirms the word
    text = "The comittee met on Tuesday to discuss the budget.\n"
    findings = newslint.lint_text(text)
    assert [(f.rule, f.fix.safe) for f in findings if f.fix is not None] == [("NL001", False)]
    assert newslint.apply_fixes(text, findings) == text
    assert newslint.apply_fixes(text, findings, unsafe=True) == "The committee met on Tuesday to discuss the budget.\n"


def test_apply_fixes_refuses_findings_of_another_text():
    findings = newslint.lint_text("A long story about the talks in Kiev that resumed.")
    with pytest.raises(newslint.NewslintError):
        newslint.apply_fixes("Kiev", findings)


def test_public_names_and_errors():
    assert set(newslint.__all__) >= {"lint_text", "lint_file", "apply_fixes", "Finding", "Fix", "NewslintError"}
    assert newslint.NewslintError is NewslintError and newslint.Finding is Finding
    with pytest.raises(NewslintError, match="did you mean 'places'"):
        newslint.lint_text("Kiev", {"select": ["plaecs"]})
    with pytest.raises(NewslintError, match="no such file"):
        newslint.lint_file("/nonexistent/story.md")
    with pytest.raises(TypeError):
        newslint.lint_text(b"Kiev")  # type: ignore[arg-type]


def test_lint_file_reads_legacy_encodings(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_bytes("Caf\xe9 talks in Kiev.".encode("cp1252"))
    with pytest.raises(NewslintError, match="--encoding cp1252"):
        newslint.lint_file(path)
    assert [f.rule for f in newslint.lint_file(path, {"encoding": "cp1252"})] == ["NL201"]


def test_py_typed_is_shipped():
    assert (Path(newslint.__file__).parent / "py.typed").is_file()


def test_cms_example_lints_fixes_and_relints():
    import subprocess
    import sys

    script, draft = ROOT / "examples" / "api" / "cms_hook.py", ROOT / "examples" / "api" / "draft.md"
    proc = subprocess.run([sys.executable, str(script), str(draft)], capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    assert "NL302 error" in proc.stdout and "safe fixes applied: True" in proc.stdout
    assert "NL201" not in proc.stdout and "NL401" not in proc.stdout, "the safe fixes were applied"


def test_mypy_sees_typed_results(tmp_path):
    mypy_api = pytest.importorskip("mypy.api")
    probe = tmp_path / "probe.py"
    probe.write_text("import newslint\n"
                     "findings = newslint.lint_text('Talks in Kiev.')\n"
                     "reveal_type(findings)\n"
                     "line: str = findings[0].line\n", encoding="utf-8")
    out, _, status = mypy_api.run(["--no-incremental", "--cache-dir", str(tmp_path / "c"), str(probe)])
    assert "list[newslint.records.Finding]" in out
    assert 'Incompatible types in assignment (expression has type "int"' in out and status == 1
    script = ROOT / "examples" / "api" / "cms_hook.py"
    out, _, status = mypy_api.run(["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "c"), str(script)])
    assert status == 0, out
