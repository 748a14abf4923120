"""Every regular expression a pack supplies is compiled and run here: `regex` patterns
with a time limit per document, whole-word term alternations and exception spans."""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from .kinds.base import PackError
from .kinds.prefilter import LONG_TEXT, WordGate, doc_view, gate_of, set_terms
from .regex_cache import compile_cached

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


def compile_regex(source: str, ignore_case: bool = False, what: str = "pattern") -> Any:
    """Compile a pack pattern with the `regex` module, or raise PackError saying why."""
    if not isinstance(source, str):
        raise PackError(f"{what} must be a string, not {type(source).__name__}")
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    try:
        return compile_cached(source, flags)
    except (regex.error, ValueError, OverflowError) as exc:
        raise PackError(f"{what} {source!r} does not compile: {exc}") from None


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
    try:
        yield from pattern.finditer(text, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


def matches_at(pattern: Any, text: str, starts: Iterable[int]) -> Iterator[Any]:
    """What ``pattern.finditer`` finds when its matches can only start at ``starts`` (sorted;
    extra offsets are harmless where the pattern cannot match), bounded like ``finditer``
    by PATTERN_TIMEOUT for the whole scan."""
    deadline = time.monotonic() + PATTERN_TIMEOUT
    end = 0
    try:
        for pos in starts:
            if pos < end:
                continue
            match = pattern.match(text, pos, timeout=max(deadline - time.monotonic(), 0.001))
            if match is not None and match.end() > pos:
                end = match.end()
                yield match
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


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
