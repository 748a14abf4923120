"""Patterns of newslint's own modules: big ones compiled on first use, nothing compiled
kept on disk (issue 16: no engine-internal state is loaded from disk), and `regex`
not pinned to the releases whose internals newslint once stored."""
from __future__ import annotations

import pickle
import re
import sys
from pathlib import Path

import regex

from newslint import regex_cache
from newslint.safe_regex import compile_regex

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Kiev", "Kharkov", "Odessa", "Lvov", "Nikolaev"] * 80
SOURCE = r"(?<![\w-])(?:" + "|".join(f"{n}{i}" for i, n in enumerate(NAMES)) + r"|(?P<x>Donbass))(?![\w-])"
TEXT = "kiev0 in KHARKOV1, Donbass and odessa2x; Lvov48-Nikolaev49 " * 3


def test_a_big_pattern_is_compiled_at_its_first_use_and_matches_as_regex_does() -> None:
    assert len(SOURCE) >= regex_cache.LAZY_LENGTH
    flags = regex.V0 | regex.IGNORECASE
    lazy = regex_cache.compile_cached(SOURCE, flags)
    assert lazy.pattern == SOURCE and lazy._compiled is None, "not compiled before it is used"
    expected = regex.compile(SOURCE, flags)
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in expected.finditer(TEXT)]
    assert lazy._compiled is not None
    assert lazy.groupindex == {"x": 1} and lazy.groups == 1 and lazy.flags == expected.flags
    assert lazy.search(TEXT, timeout=1.0).group() == "kiev0"
    again = pickle.loads(pickle.dumps(lazy))
    assert [m.span() for m in again.finditer(TEXT)] == [m.span() for m in expected.finditer(TEXT)]


def test_a_small_pattern_is_compiled_at_once() -> None:
    pattern = regex_cache.compile_cached(r"\bKiev\b", 0)
    assert isinstance(pattern, type(regex.compile("x")))
    assert regex_cache.compile_pattern(r"\d+").findall("a 12 b 3") == ["12", "3"]


def test_no_compiled_pattern_is_written_to_or_read_from_disk(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    regex_cache.compile_cached(SOURCE, regex.V0).search(TEXT)
    compile_regex(SOURCE + "|" + "x" * 50, True).search(TEXT)
    assert not (tmp_path / "regex").exists()
    stored = [p.read_text(encoding="utf-8", errors="replace") for p in tmp_path.rglob("*.json")]
    assert not any("Kharkov7" in text for text in stored), "no pattern (nor its code) is stored"


def test_nothing_in_newslint_rebuilds_regex_objects_from_data() -> None:
    """Compiled programs are the engine's own: no module reaches regex's pickling reducer,
    its private modules, pickle or marshal."""
    private = re.compile(r"regex\._[a-z]|_regex_core|re\._parser|re\._constants|sre_parse|sre_constants|"
                         r"get_all_cases|import (?:marshal|pickle|copyreg)\b|dispatch_table|"
                         r"(?:marshal|pickle)\.(?:load|dump)")
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "newslint").rglob("*.py")
                 if private.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert "regex._regex_core" not in sys.modules or "newslint" not in sys.modules["regex._regex_core"].__name__


def test_regex_has_a_lower_bound_and_no_upper_pin() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    spec = re.search(r'"regex([^"]*)"', pyproject)
    assert spec is not None and ">=" in spec.group(1)
    assert "<" not in spec.group(1).replace(">=", ""), "nothing of regex's internals is stored: no upper pin"
