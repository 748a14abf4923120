"""The wheel carries the rule packs, an installed newslint finds them, and the README is honest."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    [path] = out.glob("newslint-*.whl")
    return path


def test_wheel_contains_every_pack(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for pack in (ROOT / "rules").rglob("*.toml"):
        assert f"newslint/_rules/{pack.relative_to(ROOT / 'rules').as_posix()}" in names
    assert "newslint/cli.py" in names
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "newslint = newslint.cli:main" in entry_points


def test_wheel_ships_types_schema_and_license(wheel):
    """Issue 15: py.typed for mypy, the JSON report's schema, and the MIT licence text."""
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    assert {"newslint/py.typed", "newslint/schemas/report.schema.json"} <= names
    licence = next((n for n in names if n.endswith(".dist-info/licenses/LICENSE") or n.endswith("/LICENSE")), None)
    assert licence and "MIT License" in archive.read(licence).decode()


def test_installed_wheel_finds_its_rules(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = "from newslint.resources import rules_dir; print(rules_dir())"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                          env={"PYTHONPATH": str(target), "PATH": ""})
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()) == target / "newslint" / "_rules"


def test_ci_runs_the_readme_test_command():
    proc = subprocess.run(
        ["awk", '/<!-- ci:test-command -->/{f=1; next} f && /^```/{if (in_block) exit; in_block=1; next} '
                'f && in_block {print; exit}', "README.md"], cwd=ROOT, capture_output=True, text=True)
    command = proc.stdout.strip()
    assert "pip install -e '.[test]'" in command and "pytest" in command
    assert "ci:test-command" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert readme.count("```sh\npython3 -m venv") >= 2


def test_readme_rule_table_is_generated_from_the_packs():
    from newslint.docs import readme_is_current

    assert readme_is_current(ROOT / "README.md"), "run: python -m newslint.docs --update-readme"


def test_examples_have_findings_of_several_categories():
    from newslint.api import lint_file

    articles = [p for p in (ROOT / "examples").iterdir() if p.is_file()]  # examples/api/ holds code, not copy
    categories = {f.category for p in articles for f in lint_file(str(p))}
    assert {"places", "furniture"} <= categories
    assert lint_file(str(ROOT / "examples" / "clean-report.md")) == []
