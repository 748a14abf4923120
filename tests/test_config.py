"""Configuration: discovery, validation with file:line:key messages, selection semantics."""
from __future__ import annotations

import datetime as dt

import pytest

from newslint.config import Config, discover, read_config
from newslint.docs import all_rules
from newslint.engine import select_rules
from newslint.records import NewslintError


def test_newslint_toml_is_found_from_a_subfolder(tmp_path):
    (tmp_path / "newslint.toml").write_text('style = "ap"\nignore = ["NL8"]\n')
    sub = tmp_path / "drafts" / "2022"
    sub.mkdir(parents=True)
    config = discover(str(sub))
    assert config is not None and config.style == "ap" and config.ignore == ("NL8",)


def test_pyproject_tool_table_and_nearest_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.newslint]\nfail-on = "error"\n')
    inner = tmp_path / "desk"
    inner.mkdir()
    (inner / "newslint.toml").write_text('fail-on = "info"\n')
    assert discover(str(tmp_path)).fail_on == "error"
    assert discover(str(inner)).fail_on == "info"


def test_pyproject_without_tool_table_is_not_a_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert read_config(tmp_path / "pyproject.toml") is None


def test_unknown_key_names_file_line_and_key(tmp_path):
    path = tmp_path / "newslint.toml"
    path.write_text('style = "ap"\n\nfail_on = "error"\n')
    with pytest.raises(NewslintError) as err:
        read_config(path)
    message = str(err.value)
    assert f"{path}:3" in message and "'fail_on'" in message and "fail-on" in message


def test_unknown_key_in_pyproject_points_at_its_line(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n[tool.newslint]\nselect = ["NL2"]\nbogus = 1\n')
    with pytest.raises(NewslintError, match=r"pyproject.toml:5: unknown key 'bogus'"):
        read_config(path)


def test_broken_toml_names_the_file_and_line(tmp_path):
    path = tmp_path / "newslint.toml"
    path.write_text('style = "ap"\nselect = [\n')
    with pytest.raises(NewslintError, match=r"newslint.toml:3: invalid TOML"):
        read_config(path)
    path.write_text('style = "ap"\nfail-on = error\n')
    with pytest.raises(NewslintError, match=r"newslint.toml:2:11: invalid TOML: Invalid value"):
        read_config(path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('select = "NL2"', "wrong type"),
        ('fail-on = "fatal"', "fail-on must be one of"),
        ('date = "yesterday"', "date must be YYYY-MM-DD"),
        ('packs = ["missing.toml"]', "pack file not found"),
        ('[nlp]\nmodels = "x"', "unknown key 'nlp.models'"),
    ],
)
def test_invalid_values(tmp_path, body, message):
    path = tmp_path / "newslint.toml"
    path.write_text(body + "\n")
    with pytest.raises(NewslintError, match=message):
        read_config(path)


def test_values_are_read(tmp_path):
    (tmp_path / "house.toml").write_text('[pack]\nname = "house"\n')
    path = tmp_path / "newslint.toml"
    path.write_text(
        'date = 2022-03-11\npacks = ["house.toml"]\nmax-file-size = 10\n'
        '[per-file-ignores]\n"wires/*.txt" = ["furniture"]\n[options.NL505]\ndash = "em"\n'
    )
    config = read_config(path)
    assert config.date == dt.date(2022, 3, 11)
    assert config.packs == (str((tmp_path / "house.toml").resolve()),)
    assert config.ignores_for(str(tmp_path / "wires" / "a.txt")) == ("furniture",)
    assert config.ignores_for(str(tmp_path / "desk" / "a.txt")) == ()
    assert config.options["NL505"] == {"dash": "em"}


def test_selectors_take_codes_prefixes_names_and_categories():
    rules = all_rules()

    def codes(select=None, ignore=()):
        return {r.code for r in select_rules(rules, select, ignore)}

    assert codes(["NL201"]) == {"NL201"}
    assert codes(["NL2"]) == {r.code for r in rules if r.code.startswith("NL2")}
    assert codes(["place-name-style"]) == {"NL201"}
    assert codes(["furniture"]) == {r.code for r in rules if r.category == "furniture"}
    assert "NL201" not in codes(None, ["places"])
    assert codes(["places"], ["NL202"]) == codes(["places"]) - {"NL202"}
    # "--select NL201," (a trailing comma) selects NL201, not every rule
    assert codes(["NL201", ""]) == {"NL201"}
    assert codes(None, [""]) == codes(None)


def test_exclude_matches_folders_and_globs(tmp_path):
    config = Config(root=str(tmp_path), exclude=("archive", "*.draft.md"))
    assert config.is_excluded(str(tmp_path / "archive" / "a.md"))
    assert config.is_excluded(str(tmp_path / "x" / "b.draft.md"))
    assert not config.is_excluded(str(tmp_path / "x" / "b.md"))
