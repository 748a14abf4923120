"""The disk cache of parsed TOML files: same data as parsing, keyed by content, and never
a reason to fail."""
from __future__ import annotations

import datetime as dt

import pytest

from newslint import toml
from newslint.toml import load_toml

BODY = ('title = "x"\nsince = 2022-03-01\nat = 2022-03-01T10:00:00+02:00\nclock = 07:30:00\n'
        'list = [1, 2.5, true, "s", [3]]\n[[rules]]\ncode = "NL901"\n' + "# padding\n" * 500)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    return folder


def entries(folder):
    return sorted(p for p in (folder / "toml").rglob("*") if p.is_file()) if (folder / "toml").exists() else []


def test_cached_data_equals_parsed_data_including_dates(tmp_path, cache):
    path = tmp_path / "pack.toml"
    path.write_text(BODY, encoding="utf-8")
    first, raw = load_toml(path)
    assert len(entries(cache)) == 1
    second, raw_again = load_toml(path)
    assert second == first and raw_again == raw
    assert second["since"] == dt.date(2022, 3, 1) and isinstance(second["at"], dt.datetime)
    assert second["clock"] == dt.time(7, 30) and second["list"] == [1, 2.5, True, "s", [3]]


def test_an_edited_file_is_parsed_again(tmp_path, cache):
    path = tmp_path / "pack.toml"
    path.write_text(BODY, encoding="utf-8")
    load_toml(path)
    path.write_text(BODY.replace('"x"', '"y"'), encoding="utf-8")
    assert load_toml(path)[0]["title"] == "y"


def test_a_corrupt_entry_is_ignored(tmp_path, cache):
    path = tmp_path / "pack.toml"
    path.write_text(BODY, encoding="utf-8")
    load_toml(path)
    (entry,) = entries(cache)
    entry.write_bytes(b"garbage")
    assert load_toml(path)[0]["title"] == "x"


def test_cache_off_and_small_files_write_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", "off")
    path = tmp_path / "pack.toml"
    path.write_text(BODY, encoding="utf-8")
    assert load_toml(path)[0]["title"] == "x"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "c"))
    small = tmp_path / "small.toml"
    small.write_text('a = 1\n', encoding="utf-8")
    assert load_toml(small)[0] == {"a": 1}
    assert not (tmp_path / "c").exists()
    assert len(BODY) >= toml.CACHE_MIN_CHARS


def test_broken_toml_is_still_reported_with_its_line(tmp_path, cache):
    from newslint.records import NewslintError

    path = tmp_path / "pack.toml"
    path.write_text(BODY + "oops = \n", encoding="utf-8")
    with pytest.raises(NewslintError, match=r"pack\.toml:\d+:\d+: invalid TOML"):
        load_toml(path)
