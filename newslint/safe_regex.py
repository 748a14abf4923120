"""Every regular expression a pack supplies is compiled and run here: `regex` patterns
with a time limit per document, whole-word term alternations and exception spans.

:func:`compile_regex` refuses patterns that would blow up at compile time or recurse
(:mod:`newslint.regex_guard`) and returns a :class:`SafePattern`, whose ``search``,
``match``, ``fullmatch``, ``finditer``, ``findall``, ``sub`` and ``split`` all run
under the limit: a kind cannot call a pack pattern without it. While the engine runs
one rule on one document (:func:`pattern_budget`), each pattern may spend
PATTERN_TIMEOUT there in all its calls together (counting what each spends beyond
GRACE); outside a run, each call (or scan) may.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import regex

from .kinds.base import PackError
from .prefilter import LONG_TEXT, WordGate, doc_view, gate_of, set_terms
from .regex_guard import UnsafePattern, check_pattern
from .regex_share import share_repeats

#: Seconds one pattern may spend on one document before it is stopped and reported.
PATTERN_TIMEOUT = 2.0

# A term is a whole word: not inside a longer word, but hyphenated compounds
# ("Moscow-Kiev"), possessives ("Kiev's") and all caps are still found.
WORD_LEFT = r"(?<![\w])"
WORD_RIGHT = r"(?![\w])"


class PatternTimeout(Exception):
    """A pattern ran longer than PATTERN_TIMEOUT on a document."""

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self.pattern = pattern


def compile_regex(source: str, ignore_case: bool = False, what: str = "pattern") -> SafePattern:
    """Compile a pack pattern with the `regex` module, or raise PackError saying why."""
    if not isinstance(source, str):
        raise PackError(f"{what} must be a string, not {type(source).__name__}")
    try:
        check_pattern(source)
    except UnsafePattern as exc:
        shown = source if len(source) <= 80 else source[:77] + "..."
        raise PackError(f"{what} {shown!r} is refused: {exc}") from None
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    shared, helpers = share_repeats(source)
    try:
        if helpers:
            try:
                raw = regex.compile(shared, flags)
                _SHARED[raw] = source
                return SharedPattern(raw, source, helpers)
            except (regex.error, ValueError, OverflowError, RecursionError):
                pass  # report (or not) what the pattern as written gives
        return SafePattern(regex.compile(source, flags))
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        raise PackError(f"{what} {source!r} does not compile: {exc}") from None


#: The source as written of each rewritten pattern (see regex_share), for messages.
_SHARED: dict[Any, str] = {}


def _source(raw: Any) -> str:
    return _SHARED.get(raw, raw.pattern) if _SHARED else raw.pattern


#: A search's first tenth of a millisecond is not counted: a pattern searched at every word
#: of a long file takes time in proportion to the file, which is no hang. What adds up
#: against PATTERN_TIMEOUT is the time searches spend beyond that (backtracking). Time is
#: the thread's CPU time, so that waiting for a busy machine's processor is not counted.
GRACE = 0.0001


class Budget:
    """The matching time each pattern has spent on one document for one rule."""

    __slots__ = ("spent",)

    def __init__(self) -> None:
        self.spent: dict[int, float] = {}

    def left(self, pattern: Any) -> float:
        """Seconds ``pattern`` may still run; PatternTimeout when none are left."""
        left = PATTERN_TIMEOUT - self.spent.get(id(pattern), 0.0)
        if left <= 0:
            raise PatternTimeout(_source(pattern))
        return left

    def charge(self, pattern: Any, seconds: float) -> None:
        if seconds > GRACE:
            key = id(pattern)
            self.spent[key] = self.spent.get(key, 0.0) + seconds - GRACE


_BUDGET: ContextVar[Budget | None] = ContextVar("newslint_pattern_budget", default=None)


@contextmanager
def pattern_budget() -> Iterator[Budget]:
    """One rule's run on one document (the engine opens one per rule and document): inside
    it, a pattern's calls share PATTERN_TIMEOUT instead of each having its own."""
    budget = Budget()
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def _budget() -> Budget:
    """The run's budget, or a fresh one (a scan made outside a rule's run)."""
    return _BUDGET.get() or Budget()


def _call(pattern: Any, method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """``method(*args)`` (a bound method of ``pattern``) under the time limit; raises
    PatternTimeout. Outside a rule's run the call has the whole limit to itself."""
    budget = _BUDGET.get()
    if budget is None:
        kwargs["timeout"] = PATTERN_TIMEOUT
        try:
            return method(*args, **kwargs)
        except TimeoutError:
            raise PatternTimeout(_source(pattern)) from None
    kwargs["timeout"] = budget.left(pattern)
    start = time.thread_time()
    try:
        return method(*args, **kwargs)
    except TimeoutError:
        raise PatternTimeout(_source(pattern)) from None
    finally:
        budget.charge(pattern, time.thread_time() - start)


def _iterate(pattern: Any, method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Iterator[Any]:
    """``pattern.finditer`` (or ``splititer``) with every step charged to the budget: the
    whole scan is bounded, not each step (`regex` restarts its clock at every step)."""
    budget = _budget()
    kwargs["timeout"] = budget.left(pattern)
    steps = method(*args, **kwargs)
    while True:
        start = time.thread_time()
        try:
            item = next(steps)
        except StopIteration:
            return
        except TimeoutError:
            raise PatternTimeout(_source(pattern)) from None
        finally:
            budget.charge(pattern, time.thread_time() - start)
        budget.left(pattern)  # stop here once the time is used up, not a step later
        yield item


def _bounded(name: str, run: Callable[..., Any] = _call) -> Callable[..., Any]:
    """SafePattern's method ``name``: the `regex` pattern's own, run by ``run`` (:func:`_call`,
    or :func:`_iterate` for a scan) under the time limit."""

    def method(self: SafePattern, *args: Any, **kwargs: Any) -> Any:
        return run(self.raw, getattr(self.raw, name), args, kwargs)

    method.__name__, method.__qualname__ = name, f"SafePattern.{name}"
    method.__doc__ = f"``{name}`` of the `regex` pattern, under the time limit."
    return method


#: The `regex` pattern methods SafePattern runs under the time limit; SCANS are iterators,
#: bounded as a whole scan (:func:`_iterate`), the rest single calls (:func:`_call`).
RUN_METHODS = ("search", "match", "fullmatch", "findall", "sub", "subn", "split", "finditer", "splititer")
SCANS = frozenset({"finditer", "splititer"})


class SafePattern:
    """A compiled pack pattern: the `regex` pattern's methods, each under the time limit
    (a ``timeout`` argument is ignored: the limit is newslint's). ``raw`` is the `regex`
    pattern, for code that manages the limit itself. ``pattern`` is the source as written;
    ``raw`` may be its rewrite by :func:`newslint.regex_share.share_repeats`, whose helper
    groups (the last ``helpers``) are not counted in ``groups`` and ``groupindex``."""

    __slots__ = ("raw", "pattern", "flags", "groups", "groupindex", "helpers", "__weakref__")

    def __init__(self, raw: Any, source: str | None = None, helpers: int = 0) -> None:
        self.raw = raw
        self.pattern: str = raw.pattern if source is None else source
        self.flags: int = raw.flags
        self.helpers = helpers
        self.groups: int = raw.groups - helpers
        self.groupindex: Any = raw.groupindex if not helpers else {
            name: index for name, index in raw.groupindex.items() if index <= self.groups}

    search = _bounded("search")
    match = _bounded("match")
    fullmatch = _bounded("fullmatch")
    findall = _bounded("findall")
    sub = _bounded("sub")
    subn = _bounded("subn")
    split = _bounded("split")
    finditer = _bounded("finditer", _iterate)
    splititer = _bounded("splititer", _iterate)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.raw, self.pattern, self.helpers))

    def __repr__(self) -> str:
        return f"SafePattern({self.raw!r})"


#: Calls after which a rewritten pattern (see regex_share) is compiled as written: a run
#: over many documents then matches at full speed, while one document (a few hundred
#: calls) never pays for the full parse.
UPGRADE_AFTER = 300


def _counted(name: str, run: Callable[..., Any] = _call) -> Callable[..., Any]:
    """SharedPattern's method ``name``: as SafePattern's, counting calls."""

    def method(self: SharedPattern, *args: Any, **kwargs: Any) -> Any:
        self.uses += 1
        if self.uses == UPGRADE_AFTER:
            self.upgrade()
        return run(self.raw, getattr(self.raw, name), args, kwargs)

    method.__name__, method.__qualname__ = name, f"SharedPattern.{name}"
    return method


class SharedPattern(SafePattern):
    """A pack pattern compiled from its rewrite by :func:`newslint.regex_share.share_repeats`
    (repeated word lists parsed once, matched through group calls), which is replaced by
    the pattern as written after UPGRADE_AFTER calls (calls are slower to match)."""

    __slots__ = ("uses",)

    def __init__(self, raw: Any, source: str | None = None, helpers: int = 0) -> None:
        super().__init__(raw, source, helpers)
        self.uses = 0

    def upgrade(self) -> None:
        """Compile the pattern as written and use it from now on (kept if that fails)."""
        try:
            self.raw = regex.compile(self.pattern, self.flags)
        except (regex.error, ValueError, OverflowError, RecursionError):
            pass


# SharedPattern counts every call of the methods SafePattern bounds (the same table, not a copy)
for _name in RUN_METHODS:
    setattr(SharedPattern, _name, _counted(_name, _iterate if _name in SCANS else _call))


def _raw(pattern: Any) -> Any:
    return pattern.raw if isinstance(pattern, SafePattern) else pattern


def search(pattern: Any, text: str, pos: int = 0, endpos: int | None = None) -> Any:
    """``pattern.search`` under the time limit, for a compiled pattern of any origin."""
    raw = _raw(pattern)
    return _call(raw, raw.search, (text, pos, endpos), {})


def finditer(pattern: Any, text: str) -> Iterator[Any]:
    """``pattern.finditer`` bounded by PATTERN_TIMEOUT; raises PatternTimeout. Nothing is
    scanned when the pattern's prefilter shows it cannot match, and a term list is tried
    only where one of its terms stands (see :mod:`.prefilter`)."""
    gate = gate_of(pattern, now=len(text) >= LONG_TEXT)
    if gate is not None:
        view = doc_view(text)
        if not gate.may_match(view):
            return
        if isinstance(gate, WordGate):
            yield from matches_at(pattern, text, gate.starts(view))
            return
    raw = _raw(pattern)
    yield from _iterate(raw, raw.finditer, (text,), {})


def matches_at(pattern: Any, text: str, starts: Iterable[int]) -> Iterator[Any]:
    """What ``pattern.finditer`` finds when its matches can only start at ``starts`` (sorted;
    extra offsets are harmless where the pattern cannot match), bounded like ``finditer``
    by PATTERN_TIMEOUT for the whole scan."""
    raw = _raw(pattern)
    budget = _budget()
    end = 0
    for pos in starts:
        if pos < end:
            continue
        left = budget.left(raw)
        start = time.thread_time()
        try:
            match = raw.match(text, pos, timeout=left)
        except TimeoutError:
            raise PatternTimeout(_source(raw)) from None
        finally:
            budget.charge(raw, time.thread_time() - start)
        if match is not None and match.end() > pos:
            end = match.end()
            yield match


def case_forms(term: str) -> list[str]:
    """The spellings a term is matched in by default: as written, ALL CAPS, Capitalised."""
    forms = [term, term.upper()]
    if term[:1].islower():
        forms.append(term[:1].upper() + term[1:])
    return list(dict.fromkeys(forms))


def terms_regex(terms: Iterable[str], ignore_case: bool = False) -> Any:
    """One alternation for many terms (longest first), whole words only."""
    forms: list[str] = []
    for term in terms:
        if not term.strip():
            raise PackError("terms must not be empty or only spaces")
        forms.extend([term] if ignore_case else case_forms(term))
    forms = sorted(set(forms), key=lambda t: (-len(t), t))
    if not forms:
        return None
    body = "|".join(regex.escape(f) for f in forms)
    pattern = compile_regex(f"{WORD_LEFT}(?:{body}){WORD_RIGHT}", ignore_case, "terms")
    set_terms(pattern, forms, ignore_case)
    return pattern


class Exceptions:
    """Spans of a document where a rule stays quiet (``exceptions = [patterns]``)."""

    def __init__(self, sources: Any, what: str = "exceptions") -> None:
        if sources is None:
            sources = []
        if isinstance(sources, str):
            sources = [sources]
        if not isinstance(sources, list):
            raise PackError(f"{what} must be a list of patterns")
        self.patterns = [compile_regex(s, False, f"{what} pattern") for s in sources]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every exception match in ``text``; kinds ask only once they have a hit to judge."""
        found: list[tuple[int, int]] = []
        for pattern in self.patterns:
            found.extend(m.span() for m in finditer(pattern, text))
        return found

    @staticmethod
    def covers(spans: list[tuple[int, int]], start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in spans)
