"""--format sarif: valid SARIF 2.1.0, the JSON report's positions, rule help, safe fixes only."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newslint.cli import main

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())
DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

PACK = """
[pack]
name = "desk"

[[rules]]
code = "NL951"
name = "desk-banned"
kind = "existence"
category = "style"
severity = "error"
message = "Do not write '{match}'."
summary = "Banned words."
why = "The desk said so."
advice = "Rephrase."
patterns = ['\\bvery unique\\b']
examples = ["It is very unique."]
counterexamples = ["It is unique."]

[[rules]]
code = "NL952"
name = "desk-hint"
kind = "existence"
category = "style"
severity = "info"
message = "Consider '{replacement}'."
patterns = ['\\butilise\\b']
replacement = "use"
"""


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk.toml").write_text(PACK, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('packs = ["desk.toml"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a story.md").write_text(
        "# Talks\n\n\U0001f600 Talks in Kiev were very unique. We utilise it.\n", encoding="utf-8"
    )
    (tmp_path / "drafts" / "bad.txt").write_bytes(b"\xff\xfe not text")
    return tmp_path


def sarif(capsys, *args):
    code, out, err = run(capsys, "--format", "sarif", *args)
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    return code, data, err


def test_valid_sarif_with_json_positions(capsys, desk):
    code, data, _ = sarif(capsys, "drafts")
    _, out, _ = run(capsys, "--format", "json", "drafts")
    findings = json.loads(out)["findings"]
    assert code == 2, "drafts/bad.txt cannot be decoded: the run is not clean"
    assert data["version"] == "2.1.0" and len(data["runs"]) == 1
    run_ = data["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    results = run_["results"]
    assert [r["ruleId"] for r in results] == [f["rule"] for f in findings]
    for result, finding in zip(results, findings, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            finding["line"],
            finding["column"],
            finding["end_line"],
            finding["end_column"],
        )
        assert region["snippet"]["text"] == finding["match"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "drafts/a%20story.md", "uriBaseId": "%SRCROOT%"}
    kiev = next(r for r in results if r["ruleId"] == "NL201")
    assert kiev["locations"][0]["physicalLocation"]["region"]["startColumn"] == 12, (
        "the emoji is one code point"
    )


def test_rules_carry_help_and_default_level(capsys, desk):
    _, data, _ = sarif(capsys, "drafts")
    driver = data["runs"][0]["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"]
    rules = driver["rules"]
    by_id = {r["id"]: r for r in rules}
    assert {"NL201", "NL951", "NL952"} <= set(by_id)
    assert by_id["NL951"]["defaultConfiguration"]["level"] == "error"
    assert by_id["NL952"]["defaultConfiguration"]["level"] == "note"
    assert by_id["NL201"]["defaultConfiguration"]["level"] == "warning"
    assert by_id["NL951"]["help"]["text"] == "Banned words.\n\nThe desk said so.\n\nRephrase."
    assert "**Flagged:** It is very unique." in by_id["NL951"]["help"]["markdown"]
    assert by_id["NL951"]["shortDescription"]["text"] == "Banned words."
    for result in data["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    levels = {r["ruleId"]: r["level"] for r in data["runs"][0]["results"]}
    assert levels["NL951"] == "error" and levels["NL952"] == "note"


def test_fixes_only_where_safe(capsys, desk):
    _, data, _ = sarif(capsys, "drafts")
    results = {r["ruleId"]: r for r in data["runs"][0]["results"]}
    fix = results["NL201"]["fixes"][0]["artifactChanges"][0]
    assert fix["artifactLocation"]["uri"] == "drafts/a%20story.md"
    assert fix["replacements"] == [
        {
            "deletedRegion": {"startLine": 3, "startColumn": 12, "endLine": 3, "endColumn": 16},
            "insertedContent": {"text": "Kyiv"},
        }
    ]
    assert "fixes" not in results["NL952"], "an unsafe fix is not offered to code scanning"


def test_unreadable_file_is_a_notification(capsys, desk):
    code, data, _ = sarif(capsys, "drafts/bad.txt", "drafts/a story.md")
    invocation = data["runs"][0]["invocations"][0]
    notes = invocation["toolExecutionNotifications"]
    assert len(notes) == 1 and "not valid UTF-8" in notes[0]["message"]["text"]
    assert notes[0]["level"] == "error"
    assert invocation["executionSuccessful"] is False and code == 2
    assert data["runs"][0]["results"], "the readable file is still linted and reported"


def test_every_rule_has_a_help_uri_to_its_docs_page(capsys, desk):
    _, data, _ = sarif(capsys, "drafts/a story.md")
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    assert all(r["helpUri"] for r in rules)
    assert by_id["NL201"]["helpUri"].endswith("/docs/rules/NL201.md")
    assert by_id["NL951"]["helpUri"].startswith("file://"), "a newsroom pack rule points at its pack"
    docs = Path(__file__).resolve().parent.parent / "docs" / "rules"
    for rule in rules:
        if "/docs/rules/" in rule["helpUri"]:
            assert (docs / f"{rule['id']}.md").is_file(), f"no docs page for {rule['id']}"


def test_clean_copy_gives_an_empty_valid_run(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_text("Talks in Kyiv resumed on Monday.\n")
    code, data, _ = sarif(capsys, "ok.txt")
    assert code == 0 and data["runs"][0]["results"] == []
    assert data["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert data["runs"][0]["tool"]["driver"]["rules"], "every rule is described even when none fired"


def test_absolute_paths_become_file_uris(capsys, desk, tmp_path_factory):
    other = tmp_path_factory.mktemp("elsewhere") / "x.txt"
    other.write_text("Talks in Kiev.\n")
    _, data, _ = sarif(capsys, other)
    uri = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == other.as_uri()


@pytest.mark.skipif(not DEV.is_dir(), reason="the shared dev corpus is not beside this checkout")
def test_dev_corpus_sarif_validates(capsys):
    code, data, _ = sarif(capsys, DEV)
    _, out, _ = run(capsys, "--format", "json", DEV)
    assert len(data["runs"][0]["results"]) == len(json.loads(out)["findings"]) > 0
