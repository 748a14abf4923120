"""Compiled patterns kept in the disk cache: the same pattern back, read instead of
parsed, never trusted when damaged, and a `regex` release outside the tested range (or
with another layout) fails here instead of silently slowing every start."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import regex

from newslint import disk_cache, regex_cache

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Kiev", "Kharkov", "Odessa", "Lvov", "Nikolaev"] * 10
SOURCE = r"(?<![\w-])(?:" + "|".join(f"{n}{i}" for i, n in enumerate(NAMES)) + r"|(?P<x>Donbass))(?![\w-])"
TEXT = "kiev0 in KHARKOV1, Donbass and odessa2x; Lvov48-Nikolaev49 " * 3


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text))


def test_regex_is_a_tested_release_and_the_pin_says_so() -> None:
    low, high = regex_cache.TESTED
    assert _version(low) <= _version(regex.__version__) < _version(high), (
        f"regex {regex.__version__} is outside the tested range {low} <= v < {high}: check "
        "newslint.regex_cache against it, then widen TESTED and the pin in pyproject.toml")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"regex>={low},<{high}"' in pyproject


def test_the_stored_layout_is_the_one_this_regex_uses() -> None:
    assert regex_cache.supported(), "regex pickles patterns in a layout regex_cache does not know"


def test_a_pattern_comes_back_the_same_and_is_read_not_parsed(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    flags = regex.V0 | regex.IGNORECASE
    first = regex_cache.compile_cached(SOURCE, flags)
    assert list((tmp_path / "regex").rglob("*.json")), "big patterns are written to the cache"
    parsed: list[str] = []
    real = regex.compile
    monkeypatch.setattr(regex_cache.regex, "compile", lambda s, f=0, **k: parsed.append(s) or real(s, f, **k))
    second = regex_cache.compile_cached(SOURCE, flags)
    assert SOURCE not in parsed, "the second compile is read from the cache"
    expected = [m.span() for m in real(SOURCE, flags).finditer(TEXT)]
    assert [m.span() for m in first.finditer(TEXT)] == expected == [m.span() for m in second.finditer(TEXT)]
    assert second.groupindex == {"x": 1} and second.pattern == SOURCE and second.flags == first.flags
    assert [m.span() for m in second.finditer(TEXT, timeout=1.0)] == expected


def test_damaged_entries_are_compiled_again(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    regex_cache.compile_cached(SOURCE, regex.V0)
    for entry in (tmp_path / "regex").rglob("*.json"):
        entry.write_bytes(entry.read_bytes()[:-7] + b"garbage")
    assert regex_cache.compile_cached(SOURCE, regex.V0).findall(TEXT) == regex.findall(SOURCE, TEXT)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", "off")
    assert regex_cache.cache_dir() is None
    assert regex_cache.compile_cached(SOURCE, regex.V0).search("Kiev0")


@pytest.mark.parametrize("value", [
    None, [], "x", [SOURCE] * 9, [SOURCE, 0, "not base64!", {}, [], 0, [], 0, 0],
    [SOURCE, 0, "", {"x": "1"}, [], 0, [], 0, 0], [SOURCE, 0, "", {}, [[1]], 0, [], 0, 0],
    [SOURCE, 0, "", {}, [], 0, [1.5], 0, 0], [SOURCE, 1 << 70, "", {}, [], 0, [], 0, 0],
])
def test_entries_of_the_wrong_shape_never_reach_the_engine(tmp_path, monkeypatch, value) -> None:
    """Even with a valid MAC (written through the cache's own API), an entry whose fields
    have the wrong types is refused before anything is built from it."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    tags = (*regex_cache._VERSIONS, f"flags {int(regex.V0)}")
    disk_cache.write("regex", SOURCE, value, tags)
    assert disk_cache.read("regex", SOURCE, regex_cache._check, tags) is None
    assert regex_cache.compile_cached(SOURCE, regex.V0).findall(TEXT) == regex.findall(SOURCE, TEXT)


def test_no_private_module_of_regex_is_imported_by_newslint() -> None:
    """The prefilter and the knowledge scan read patterns with newslint's own reader; the
    cache uses regex's registered pickling reducer (public copyreg), not its internals."""
    private = re.compile(r"regex\._[a-z]|_regex_core|re\._parser|re\._constants|sre_parse|sre_constants|"
                         r"get_all_cases|import (?:marshal|pickle)\b|(?:marshal|pickle)\.(?:load|dump)")
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "newslint").rglob("*.py")
                 if private.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert "regex._regex_core" not in sys.modules or "newslint" not in sys.modules["regex._regex_core"].__name__
