"""Scale without stopwatches: work and memory grow linearly with the input, heavy things
load only when needed and only once. (The timings themselves are in bench/bench.py.)"""
from __future__ import annotations

import random
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from newslint.config import Config
from newslint.document import make_document
from newslint.engine import Linter
from newslint.kinds.base import Context, RuleKind
from newslint.records import Hit

WORDS = ("the minister said on Monday that talks in Kiev and Kyiv would resume after a week of shelling "
         "near Kharkov , while officials in Brussels ( NATO ) denied it . \"We are ready,\" she said").split()


def copy(paragraphs: int, markdown: bool = False, seed: int = 7) -> str:
    """Deterministic news-like copy; with ``markdown``, headings, links, code and emphasis too."""
    rng = random.Random(seed)
    out = []
    for index in range(paragraphs):
        words = [rng.choice(WORDS) for _ in range(rng.randint(20, 60))]
        para = " ".join(words).capitalize() + "."
        if markdown:
            para = (f"## Update {index}\n\n" if index % 5 == 0 else "") + para + \
                f" See [the report](https://example.com/{index}) and `code{index}` or *this*."
        out.append(para)
    return "\n\n".join(out) + "\n"


def count_calls(work: Callable[[], object]) -> int:
    """Python and C function calls (and generator steps) made by ``work``: a clock-free work counter."""
    calls = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return calls


def peak_memory(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config())


@pytest.mark.parametrize("markdown", [False, True], ids=["text", "markdown"])
def test_work_grows_linearly(linter, markdown) -> None:
    path = "a.md" if markdown else "a.txt"
    small, large = copy(60, markdown), copy(240, markdown)
    linter.lint(make_document(small, path))  # warm caches, lazy compilation
    calls_small = count_calls(lambda: linter.lint(make_document(small, path)))
    calls_large = count_calls(lambda: linter.lint(make_document(large, path)))
    ratio = calls_large / calls_small
    assert 2.5 < ratio < 5.5, f"4x the copy took {ratio:.1f}x the work"


@pytest.mark.parametrize("markdown", [False, True], ids=["text", "markdown"])
def test_memory_grows_linearly(linter, markdown) -> None:
    path = "a.md" if markdown else "a.txt"
    small, large = copy(100, markdown), copy(400, markdown)
    linter.lint(make_document(small, path))
    peak_small = peak_memory(lambda: linter.lint(make_document(small, path)))
    peak_large = peak_memory(lambda: linter.lint(make_document(large, path)))
    assert peak_large / peak_small < 5.5, f"4x the copy took {peak_large / peak_small:.1f}x the memory"


def test_markdown_reader_is_linear() -> None:
    """Regression: every span was compared with every other span (quadratic in file size)."""
    small, large = copy(150, True), copy(600, True)
    calls_small = count_calls(lambda: make_document(small, "a.md"))
    calls_large = count_calls(lambda: make_document(large, "a.md"))
    assert calls_large / calls_small < 5, calls_large / calls_small


# ----- heavy things load only when needed, and once -------------------------------------------

NO_SPACY = """
import sys
from newslint.cli import main
code = main(sys.argv[1:])
print("SPACY" if "spacy" in sys.modules else "NO-SPACY")
sys.exit(code)
"""


def rule_codes(needs_nlp: bool) -> list[str]:
    linter = Linter(Config())
    return [code for code, kind in linter.kinds.items() if bool(kind.requirements()) == needs_nlp]


def run_lint(tmp_path: Path, codes: Iterable[str], *extra: str) -> str:
    article = tmp_path / "a.md"
    article.write_text("# Talks\n\n" + copy(20, True), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", NO_SPACY, "--select", ",".join(codes), *extra, str(article)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_rules_without_nlp_never_import_spacy(tmp_path) -> None:
    codes = rule_codes(needs_nlp=False)
    assert len(codes) >= 3
    assert run_lint(tmp_path, codes) == "NO-SPACY"


def test_fast_mode_never_imports_spacy(tmp_path) -> None:
    """Token patterns, name variants and the entity kinds read newslint's own tokens; in fast
    mode the rules that would read a trained pipeline's tags are skipped, so spaCy never loads.
    (By default the pipeline runs on the sentences a gate picks: issue 13 item 7.)"""
    assert rule_codes(needs_nlp=True), "some default rules read tokens"
    assert run_lint(tmp_path, ["ALL"], "--fast") == "NO-SPACY"


def test_rules_reading_tags_import_spacy_when_a_trained_pipeline_is_configured(tmp_path) -> None:
    from newslint.nlp import installed_model

    if installed_model("en_core_web_sm") is None:
        pytest.skip("no trained English pipeline installed")
    (tmp_path / "newslint.toml").write_text('[nlp]\nmodel = "en_core_web_sm"\n', encoding="utf-8")
    tagged = [rule.code for rule in Linter(Config()).rules if "pos" in rule.spec.get("requires", [])]
    assert tagged, "the bundled grammar pack has rules that read part-of-speech tags"
    assert run_lint(tmp_path, tagged) == "SPACY"


def test_importing_newslint_and_the_cli_is_light() -> None:
    code = ("import sys, newslint, newslint.cli; newslint.cli.build_parser(); "
            "print(sorted(m for m in ('spacy', 'pycountry', 'markdown_it', 'newslint.engine') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


class CountingKind(RuleKind):
    """Test-only kind that needs tokens: flags every token 'Kiev'."""

    needs = frozenset({"tokens"})

    def check(self, ctx: Context) -> Iterable[Hit]:
        tokens = ctx.tokens()
        for i in tokens.positions("kiev"):
            yield Hit(tokens.starts[i], tokens.ends[i], "token")


def test_one_tokenisation_per_document_shared_by_rules(monkeypatch, tmp_path) -> None:
    from newslint import packs
    from newslint.kinds import kind_exists, load_kind

    monkeypatch.setattr(packs, "kind_exists", lambda k: k == "counting" or kind_exists(k))
    monkeypatch.setattr(packs, "load_kind", lambda k: CountingKind if k == "counting" else load_kind(k))
    pack = tmp_path / "tokens.toml"
    rules = "".join(f'[[rules]]\ncode = "NL90{i}"\nname = "tokens-{i}"\nkind = "counting"\ncategory = "style"\n'
                    f'message = "m"\n' for i in range(3))
    pack.write_text('[pack]\nname = "tokens"\n' + rules, encoding="utf-8")
    calls: list[int] = []
    from newslint.kinds import base

    real_tokens = base.Tokens
    monkeypatch.setattr(base, "Tokens", lambda text, *breaks: calls.append(len(text)) or real_tokens(text, *breaks))
    compiled: list[str] = []
    real_compile = packs.compile_rule
    monkeypatch.setattr("newslint.engine.compile_rule", lambda rule: compiled.append(rule.code) or
                        real_compile(rule))
    linter = Linter(Config(packs=(str(pack),), select=("NL90",)))
    for text in ("Talks in Kiev.", "More talks in Kiev and Kiev."):
        findings = linter.lint(make_document(text, "a.txt"))
        assert sorted(f.rule for f in findings) == sorted(["NL900", "NL901", "NL902"] * text.count("Kiev"))
    assert calls == [len("Talks in Kiev."), len("More talks in Kiev and Kiev.")], "one tokenisation per document"
    assert sorted(compiled) == ["NL900", "NL901", "NL902"], "each rule compiled once, not per document"


# (big patterns compile on first use and are never cached on disk: tests/test_regex_cache.py)


# ----- very long documents are linted in sections ----------------------------------------------

@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_sections_give_the_findings_of_the_whole_document(monkeypatch, path) -> None:
    """Rules that look at a sentence or paragraph find the same things, at the same file
    positions, whether a long file is linted whole or in sections."""
    from newslint import engine

    text = ("---\ndate: 2022-03-01\n---\n" if path == "a.md" else "") + copy(120, path == "a.md", seed=3)
    text += "\r\n\r\nTalks in Kiev ended.  Read more:\r\n" + "x" * 5000 + " Kiev\n"
    local = Config(select=("NL201", "NL801", "NL504", "NL506"))
    linter = Linter(local)
    whole = linter.lint(make_document(text, path))
    monkeypatch.setattr(engine, "SECTION_CHARS", 3000)
    doc = make_document(text, path)
    assert len(engine.section_bounds(doc.prose, 3000)) > 5
    parts = linter.lint(doc)
    assert [f.to_dict() for f in parts] == [f.to_dict() for f in whole]
    assert len(whole) > 10


@pytest.mark.parametrize("prose", ["", "a", "a\n\nb" * 50, "x" * 100, "a\r\n\r\nb\n \nc" * 30, "line\n" * 80])
def test_section_bounds_cover_the_prose_in_order(prose) -> None:
    from newslint.document import section_bounds

    bounds = section_bounds(prose, 16)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(prose)
    assert all(a < b for a, b in bounds) or prose == ""
    assert all(bounds[i][1] == bounds[i + 1][0] for i in range(len(bounds) - 1))
    assert all(b - a <= 32 for a, b in bounds)


# ----- the pattern kind's word index finds what spaCy's Matcher finds --------------------------

INDEX_PATTERNS = {
    "plain": [[{"LOWER": "could"}, {"LOWER": "of"}]],
    "in-list": [[{"LOWER": {"IN": ["a", "an"]}}, {"ORTH": "the"}]],
    "guard-first": [[{"LOWER": {"NOT_IN": ["and", "or"]}}, {"LOWER": {"IN": ["he", "she"]}}, {"LOWER": "were"}]],
    "optional": [[{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "?"}, {"LOWER": "the"}]],
    "negated-end": [[{"LOWER": "less"}, {"LOWER": "people"}, {"LOWER": "than", "OP": "!"}]],
    "open-ended": [[{"LOWER": "very"}, {"LOWER": "very", "OP": "+"}]],
    "no-words": [[{"IS_DIGIT": True}, {"LOWER": "percent"}]],
    "rare-later": [[{"IS_PUNCT": True}, {"LOWER": "and"}, {"LOWER": "than"}]],
}
INDEX_TEXT = ("He could of known. A the plan. The the end and the big the end. Or she were there; she were not. "
              "Less people than ever, less people came. Very very very good. 5 percent rose, and than he left. "
              "Could of, could of.") * 3


def test_token_matcher_matches_like_spacy() -> None:
    """The same patterns find the same character spans with newslint's matcher over its own
    tokens as with spaCy's Matcher over spaCy's tokens (anchors, optional, negated and
    repeated tokens, patterns with no listed word)."""
    import spacy
    from spacy.matcher import Matcher

    from newslint.matcher import Pattern
    from newslint.tokens import Tokens

    nlp = spacy.blank("en")
    doc = nlp(INDEX_TEXT)
    reference = Matcher(nlp.vocab)
    for key, patterns in INDEX_PATTERNS.items():
        reference.add(key, patterns)
    expected: dict[str, set[tuple[int, int]]] = {key: set() for key in INDEX_PATTERNS}
    for match_id, start, end in reference(doc):
        expected[nlp.vocab.strings[match_id]].add((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
    tokens = Tokens(INDEX_TEXT)
    got: dict[str, set[tuple[int, int]]] = {key: set() for key in INDEX_PATTERNS}
    for key, patterns in INDEX_PATTERNS.items():
        for pattern in patterns:
            got[key] |= {(tokens.starts[s], tokens.ends[e - 1]) for s, e in Pattern(pattern).find(tokens)}
    assert got == expected
    assert all(got.values()), "every test pattern matches somewhere"
