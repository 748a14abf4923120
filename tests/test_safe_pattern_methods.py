"""SafePattern's bounded methods come from one table (safe_regex.RUN_METHODS): each is the
`regex` method under the time limit, and SharedPattern counts every one of them."""
from __future__ import annotations

import pytest

from newslint import safe_regex
from newslint.safe_regex import RUN_METHODS, SafePattern, SharedPattern, compile_regex


def test_every_method_of_the_table_is_bounded_and_counted() -> None:
    for name in RUN_METHODS:
        assert getattr(SafePattern, name).__qualname__ == f"SafePattern.{name}"
        assert getattr(SharedPattern, name).__qualname__ == f"SharedPattern.{name}"


def test_bounded_methods_give_what_regex_gives() -> None:
    pattern = compile_regex(r"\bKiev\b")
    text = "Kiev and Kiev's mayor; not Kievan"
    raw = pattern.raw
    assert pattern.search(text).span() == raw.search(text).span()
    assert pattern.match(text).span() == (0, 4) and pattern.fullmatch("Kiev") is not None
    assert pattern.findall(text) == ["Kiev", "Kiev"]
    assert pattern.sub("Kyiv", text) == raw.sub("Kyiv", text) and pattern.subn("Kyiv", text)[1] == 2
    assert pattern.split(text) == raw.split(text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in raw.finditer(text)]
    assert list(pattern.splititer(text)) == raw.split(text)


def test_a_shared_pattern_counts_calls_of_every_method(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = compile_regex("Kiev").raw
    shared = SharedPattern(raw)
    monkeypatch.setattr(safe_regex, "UPGRADE_AFTER", 10**9)
    shared.search("Kiev")
    list(shared.finditer("Kiev Kiev"))
    shared.sub("Kyiv", "Kiev")
    assert shared.uses == 3
