"""Property tests over the whole pipeline: any text in, well-formed findings out.

CI runs a bounded, derandomised number of examples (profile ``ci``); a longer
search is ``HYPOTHESIS_PROFILE=long python -m pytest -q tests/test_properties.py``.
Every input these tests ever broke is pinned as a plain regression test at the end.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newslint import lint_text
from newslint.document import make_document

settings.register_profile(
    "ci", max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=5000, derandomize=False, deadline=None, suppress_health_check=list(HealthCheck)
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Characters that have broken text tools before: combining marks, emoji (with ZWJ and
# variation selectors), RTL text and marks, zero-width characters, NUL, BOM, every line
# ending Python or Unicode knows, and escaped lone surrogates.
AWKWARD = [
    "\u0301", "\u0308", "e\u0301", "\U0001F600", "\U0001F469\u200D\U0001F4BB", "\u2764\uFE0F",
    "\u05E9\u05DC\u05D5\u05DD", "\u0645\u0631\u062D\u0628\u0627", "\u200F", "\u202E", "\u200B",
    "\u200C", "\u200D", "\u2060", "\x00", "\ufeff", "\r", "\n", "\r\n", "\u2028", "\u2029", "\x0b",
    "\x0c", "\x1c", "\x85", "\t", "\ud800", "\udfff", "İ", "ß", "ﬁ", "Σ",
]
# Words and snippets that the bundled rules react to, so that findings do occur.
TRIGGERS = [
    "Kiev", "KIEV", "Kyiv", "kiev", "Kiev's", "Donbass", "Kharkov", "Read more:", "Advertisement",
    "Share this article", "Kyiv and Kiev", "Krivoy Rog", "Ivano-Frankovsk",
]
MARKDOWN = [
    "# ", "## ", "---\n", "+++\n", "date: 2022-03-01\n", "`", "```\n", "    ", "> ", "- ", "1. ",
    "* ", "**", "_", "[", "](http://x.y/z)", "]", "(", ")", "![alt](img.png)", "<!-- newslint-disable -->",
    "<!-- newslint-enable -->", "<!-- newslint-disable-next-line NL201 -->", "<b>", "</b>", "<br/>",
    "| a | b |\n|---|---|\n", "https://example.com/Kiev", "\\*", "~~", "===\n", "&amp;", "<!--", "-->",
]
WORDS = ["Talks", "in", "resumed", "the", "on", "Monday", ".", ",", " ", " ", " ", "said", "NATO", "\n\n"]

pieces = st.one_of(
    st.sampled_from(AWKWARD), st.sampled_from(TRIGGERS), st.sampled_from(MARKDOWN), st.sampled_from(WORDS),
    st.text(max_size=8),
)
copy = st.lists(pieces, max_size=60).map("".join)
long_line = st.builds(lambda word, n, tail: (word + " ") * n + tail,
                      st.sampled_from(["Kiev", "a", "x" * 40, "\u200B", "e\u0301"]),
                      st.integers(min_value=500, max_value=4000), copy)


def check_findings(text: str, path: str) -> list[tuple[object, ...]]:
    """Lint ``text`` and assert every finding is well formed; return a comparable digest."""
    findings = lint_text(text, path=path, date="2022-03-01")
    doc = make_document(text, path)
    digest = []
    for f in findings:
        assert 0 <= f.offset and f.length >= 0 and f.offset + f.length <= len(text), f
        assert text[f.offset:f.offset + f.length] == f.match, f
        assert (f.line, f.column) == doc.line_col(f.offset), f
        assert (f.end_line, f.end_column) == doc.line_col(f.offset + f.length), f
        assert doc.offset_of(f.line, f.column) == f.offset
        assert doc.offset_of(f.end_line, f.end_column) == f.offset + f.length
        assert f.line >= 1 and f.column >= 1
        assert "internal error" not in f.message, f.message
        if f.fix is not None:
            assert 0 <= f.fix.offset and f.fix.offset + f.fix.length <= len(text)
        digest.append((f.offset, f.length, f.rule, f.message, f.match, tuple(f.replacements)))
    keys = [f.sort_key() for f in findings]
    assert keys == sorted(keys) and len(set(keys)) == len(keys), "findings in file order, no duplicates"
    return digest


@PROFILE
@given(text=copy, path=st.sampled_from(["a.txt", "a.md", "a.html"]))
@example(text="\ufeffKiev\r\nKiev\rKiev\nKiev", path="a.txt")
@example(text="---\ndate: 2022-01-01\n---\nTalks in Kiev.\n", path="a.md")
def test_any_text_gives_well_formed_findings(text: str, path: str) -> None:
    check_findings(text, path)


@PROFILE
@given(text=copy, path=st.sampled_from(["a.txt", "a.md"]))
def test_findings_are_deterministic(text: str, path: str) -> None:
    assert check_findings(text, path) == check_findings(text, path)


@PROFILE
@given(text=long_line, path=st.sampled_from(["a.txt", "a.md"]))
def test_very_long_lines(text: str, path: str) -> None:
    check_findings(text, path)


@PROFILE
@given(text=st.text(max_size=300))
def test_line_col_round_trips_for_every_offset(text: str) -> None:
    doc = make_document(text, "a.txt")
    previous = (1, 0)
    for offset in range(len(text) + 1):
        line, column = doc.line_col(offset)
        assert doc.offset_of(line, column) == offset
        assert (line, column) > previous
        previous = (line, column)


@PROFILE
@given(text=copy, path=st.sampled_from(["a.md", "a.html", "a.txt"]))
def test_prose_maps_into_the_text(text: str, path: str) -> None:
    """Every prose offset maps inside the file, monotonically, and kept characters are the file's."""
    doc = make_document(text, path)
    assert len(doc.prose) <= len(text)
    last = -1
    for offset in range(len(doc.prose)):
        orig = doc.to_original(offset)
        assert 0 <= orig < len(text) and orig > last
        last = orig
        char = doc.prose[offset]
        assert char == text[orig] or (char == "x" and text[orig] not in "\r\n") or \
            (char == "\ufffd" and "\ud800" <= text[orig] <= "\udfff")


# ----- regression tests: inputs the property tests found -------------------------------------

@pytest.mark.parametrize("text, path", [
    ("\ufeffKiev\r\nKiev\rKiev\nKiev", "a.txt"),
    ("Talks in Kiev\u2028resumed in Kiev.", "a.txt"),
    ("\ud800", "a.txt"),  # a lone surrogate crashed a kind that encodes text (rules now see U+FFFD)
    ("Kiev \udfff Kiev", "a.md"),
])
def test_regressions(text: str, path: str) -> None:
    check_findings(text, path)


# ----- the token matcher means what spaCy's Matcher means --------------------------------------

_VOCAB = ["a", "b", "c", "the", "of"]
_TABLE = st.one_of(
    st.sampled_from(_VOCAB).map(lambda w: {"LOWER": w}),
    st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=3, unique=True).map(lambda ws: {"LOWER": {"IN": ws}}),
    st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=2, unique=True).map(
        lambda ws: {"LOWER": {"NOT_IN": ws}}),
    st.just({"IS_ALPHA": True}),
)
_OPS = st.sampled_from([None, None, "?", "*", "+", "!", "{1,2}", "{2}"])


@st.composite
def token_patterns(draw) -> list[dict]:
    tables = []
    for _ in range(draw(st.integers(1, 4))):
        table = dict(draw(_TABLE))
        op = draw(_OPS)
        if op:
            table["OP"] = op
        tables.append(table)
    return tables


@PROFILE
@given(pattern=token_patterns(), words=st.lists(st.sampled_from(_VOCAB + ["A", "The"]), min_size=1, max_size=12))
def test_token_matcher_finds_what_spacy_finds(pattern, words) -> None:
    """Random patterns over random texts (one space between words, so both tokenizers
    agree): newslint's matcher returns exactly spaCy's Matcher's (start, end) pairs."""
    spacy = pytest.importorskip("spacy")
    from spacy.matcher import Matcher

    from newslint.matcher import Pattern
    from newslint.tokens import Tokens

    text = " ".join(words)
    nlp = _blank_english(spacy)
    doc = nlp(text)
    reference = Matcher(nlp.vocab)
    reference.add("p", [pattern])
    expected = sorted({(start, end) for _, start, end in reference(doc)})
    assert Pattern(pattern).find(Tokens(text)) == expected


_NLP: list = []


def _blank_english(spacy):
    if not _NLP:
        _NLP.append(spacy.blank("en"))
    return _NLP[0]
