"""The library API (``newslint.lint_text``/``lint_file``): the CLI's findings, for CMS and notebooks."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

import newslint
from newslint.cli import main
from newslint.model import Finding, NewslintError

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
