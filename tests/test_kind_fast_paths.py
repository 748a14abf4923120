"""The kinds' fast paths (a scan only where a match can start, a check skipped when no
finding is possible) find exactly what the plain scans find."""
from __future__ import annotations

import dataclasses
import datetime as dt

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.document import make_document
from newslint.engine import Linter
from newslint.kinds import doubled_word, indefinite_article, locale_mix
from newslint.kinds.base import Context
from newslint.safe_regex import matches_at
from newslint.kinds.weekday import dates_in, find_dates

_LINTER = Linter(dataclasses.replace(Config(), select=(
    "NL401", "NL402", "NL403", "NL701", "NL702", "NL101", "NL102", "NL201", "NL202", "NL601")))

_WORDS = ["the", "The", "THE", "a", "A", "an", "An", "hour", "apple", "NATO", "Nato", "BBC", "Bbc", "Kiev", "Kyiv",
          "KIEV", "Zelensky", "Zelenskyy", "colour", "color", "realise", "realize", "Center", "centre", "from",
          "March", "Monday", "Tuesday", "15", "2022", "had", "that", "go", "Bora", "is", "it", "ſ", "İ", "data"]
_GLUE = [" ", "  ", "\t", "\n", "\n\n", ", ", ". ", "-", "'", "’", "“", "”", "(", ")", ""]
_TEXTS = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=30).map(
    lambda parts: "".join(w + g for w, g in parts))


def _context(text: str) -> Context:
    return Context(doc=make_document(text, "t.txt"), date=dt.date(2022, 3, 16), preset=_LINTER.preset)


def _spans(hits) -> list[tuple[int, int, str]]:
    return [(h.start, h.end, h.message) for h in hits]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_doubled_words_as_a_full_scan(text):
    kind = _LINTER.kinds["NL401"]
    ctx = _context(text)
    prose = ctx.text
    expected = []
    for match in doubled_word._DOUBLE.finditer(prose):
        first, second, gap = match.group("first"), match.group("second"), match.group("gap")
        if gap and kind._is_slip(prose, match.start(), first, second, gap):
            expected.append((match.start(), match.end(), kind.format(match=match.group(), word=first)))
    expected += _spans(kind._pairs(prose))
    assert _spans(kind.check(ctx)) == expected


def test_has_pair():
    assert doubled_word._has_pair("x from the from the y".split())
    assert not doubled_word._has_pair("a b a c".split()) and not doubled_word._has_pair("a b a".split())


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_article_candidates_as_a_full_scan(text):
    assert [m.span() for m in indefinite_article.candidates(text)] == \
        [m.span() for m in indefinite_article._CANDIDATE.finditer(text)]


def _without_shortcut(kind, ctx):
    """What check() finds when _may_hit is not asked."""
    kind._may_hit = lambda *_: True
    try:
        return _spans(kind.check(ctx))
    finally:
        del kind._may_hit


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_skipped_checks_would_find_nothing(text):
    ctx = _context(text)
    for code in ("NL101", "NL102", "NL201", "NL202", "NL702"):
        kind = _LINTER.kinds[code]
        shortcut = kind._may_hit(ctx.text if code == "NL702" else ctx)
        assert _spans(kind.check(ctx)) == (_without_shortcut(kind, ctx) if shortcut else [])
        if not shortcut:
            assert _without_shortcut(kind, ctx) == []


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_listed_spellings_as_a_full_scan(text):
    kind = _LINTER.kinds["NL701"]
    found = [m.span() for m in kind._words(text) if m.group().lower() in kind.table]
    assert found == [m.span() for m in locale_mix._WORD.finditer(text) if m.group().lower() in kind.table]


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_dates_are_shared_and_the_same(text):
    cal = _LINTER.kinds["NL601"].calendar
    first = dates_in(text, cal)
    assert dates_in(text, cal) is first
    assert first == list(find_dates(text, cal))


def test_matches_at():
    pattern = regex.compile(r"(?<!\w)ab+")
    text = "ab xab abbb ab"
    assert [m.span() for m in matches_at(pattern, text, [0, 3, 4, 7, 8, 12])] == \
        [m.span() for m in pattern.finditer(text)]
    assert list(matches_at(pattern, text, [])) == []
