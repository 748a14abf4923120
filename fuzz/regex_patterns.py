"""Fuzz target ``patterns``: any regular expression a pack can write is refused at load with
a message, or compiles quickly and then runs within the time limit (issue 16 item 2).

    python fuzz/run.py patterns --examples 5000

Each input is a pattern built from pieces that stress the two guards of
:mod:`newslint.safe_regex`: nested counted repeats (compile-time blow-up), group calls
and recursion, verbose mode and comments, classes and escapes that hold brackets, and
backtracking shapes such as ``(a|a)+$``. The pattern is compiled through
``compile_regex`` and run with ``finditer``, ``search`` and ``matches_at`` on texts made
to backtrack. Acceptable: a PackError with a message, a PatternTimeout, or a result;
each step must end within its allowance. On Linux the process's memory is capped, so a
compile that would blow up fails here as a MemoryError instead of taking the machine.
"""
from __future__ import annotations

import time
from typing import Any

from hypothesis import strategies as st

#: Limit for one pattern on one text while fuzzing, and what a step may take beyond it (a
#: scan is stopped within twice the limit at worst; an accepted pattern compiles in at most
#: some 0.2 s, the allowances leave room for a busy machine).
LIMIT = 0.05
SLACK = 2.0
COMPILE_SLACK = 5.0
MEMORY_CAP = 3 << 30

ATOMS = ["a", "b", "ab", ".", r"\w", r"\d", r"\s", "[ab]", "[^a]", "[(]", r"[\]a]", r"\(", r"\)", r"\{", "x",
         "$", "^", r"\b", r"\1", "(?P=g)", r"\p{L}", r"\x{41}", "[[:alpha:]]", " ", "#", "{", "}", "{2", "é"]
QUANTIFIERS = ["", "", "", "*", "+", "?", "{2}", "{0,3}", "{3,}", "{,4}", "{40}", "{1000}", "{2,1000}",
               "{100000}", "*?", "++", "{2}?"]
OPENERS = ["(", "(?:", "(?P<g>", "(?<h>", "(?>", "(?=", "(?!", "(?<=", "(?i:", "(?x:", "(?|", "(?#"]
CALLS = ["(?R)", "(?0)", "(?1)", "(?2)", "(?-1)", "(?+1)", "(?&g)", "(?P>g)", "(?&h)"]
PREFIXES = ["", "", "", "(?x)", "(?i)", "(?s)", "(?V1)"]
TEXTS = ["", "ab ab", "a" * 24 + "b", "Talks in Kiev. (x) {2} [a]\n" * 5, "ab" * 200, "a\n" * 50 + "!"]


@st.composite
def regex_like(draw: Any, depth: int = 3) -> str:
    """Text shaped like a pattern (valid or not)."""
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        item = draw(st.sampled_from(ATOMS))
    else:
        parts = draw(st.lists(regex_like(depth=depth - 1), min_size=1, max_size=3))
        inner = "".join(parts)
        if draw(st.booleans()):
            inner += "|" + draw(regex_like(depth=depth - 1))
        if draw(st.integers(0, 4)) == 0:
            inner += draw(st.sampled_from(CALLS))
        item = draw(st.sampled_from(OPENERS)) + inner + draw(st.sampled_from([")", ")", ")", ""]))
    return item + draw(st.sampled_from(QUANTIFIERS))


def pack_patterns() -> st.SearchStrategy[tuple[str, str]]:
    pattern = st.tuples(st.sampled_from(PREFIXES), regex_like()).map("".join)
    return st.tuples(pattern, st.sampled_from(TEXTS))


_capped = False


def _cap_memory() -> None:
    """Cap the address space once (Linux; elsewhere the check runs uncapped)."""
    global _capped
    if _capped:
        return
    _capped = True
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if soft == resource.RLIM_INFINITY or soft > MEMORY_CAP:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, hard))
    except (ImportError, ValueError, OSError):
        pass


def check_pattern(case: tuple[str, str]) -> None:
    """Refused with a message, or compiled quickly and every scan ends within the limit."""
    from newslint import safe_regex
    from newslint.kinds.base import PackError

    _cap_memory()
    pattern, text = case
    safe_regex.PATTERN_TIMEOUT = LIMIT
    started = time.perf_counter()
    try:
        compiled = safe_regex.compile_regex(pattern, ignore_case=len(pattern) % 2 == 1)
    except PackError as exc:
        assert str(exc).strip(), "a refusal needs a message"
        return
    assert time.perf_counter() - started < COMPILE_SLACK, f"compiling {pattern!r} took too long"
    scans = (lambda: list(safe_regex.finditer(compiled, text)),
             lambda: compiled.search(text),
             lambda: compiled.fullmatch(text),
             lambda: list(safe_regex.matches_at(compiled, text, range(0, len(text), 7))))
    for scan in scans:
        started = time.perf_counter()
        try:
            scan()
        except safe_regex.PatternTimeout:
            pass
        taken = time.perf_counter() - started
        assert taken < 2 * LIMIT + SLACK, f"{pattern!r} ran {taken:.2f} s on {text[:30]!r}"
