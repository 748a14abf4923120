"""No module of newslint warns when Python compiles it (issue 17 leftover: a "\\p" in a plain
string of pattern_syntax.py printed an "invalid escape sequence" DeprecationWarning whenever
pack patterns with property escapes were read; Python 3.12 makes it a SyntaxWarning and a
later release an error). A compiled .pyc hides such a warning, so the sources are compiled
here afresh, and the property escapes are read with warnings as errors."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import newslint
from newslint import pattern_syntax

SOURCES = sorted(Path(newslint.__file__).parent.rglob("*.py"))


def test_every_module_compiles_without_a_warning() -> None:
    warned: list[str] = []
    for path in SOURCES:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
        warned += [f"{path.name}:{w.lineno}: {w.message}" for w in caught]
    assert len(SOURCES) > 50 and warned == []


@pytest.mark.parametrize("source", [r"\p{Lu}\w+", r"[\p{L}”]", r"\pL+", r"(?i)\P{Script=Latin}x", r"[^\p{Ll}]"])
def test_property_escapes_are_read_without_a_warning(source: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        node = pattern_syntax.parse(source)
    assert node is not None
