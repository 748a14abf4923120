"""Repeated word lists in a pack pattern are parsed once (newslint.regex_share): the
rewritten pattern finds exactly what the pattern as written finds, hides its helper
groups, and is replaced by the pattern as written after many calls."""
from __future__ import annotations

import random

import regex

from newslint import regex_share, safe_regex
from newslint.regex_share import literal_groups, share_repeats
from newslint.safe_regex import SafePattern, SharedPattern, compile_regex

WORDS = ["photo", "photograph", "photo illustration", "AP", "Reuters", "Getty Images", "staff",
         "file", "a", "ab", "abc", "news desk", "Ünïcode", "k", "s", "Agence France-Presse", "AFP",
         "Associated Press", "press association", "PA Media", "EPA-EFE", "Bloomberg", "handout",
         "courtesy", "supplied", "Shutterstock", "Alamy", "pool", "file photo", "video grab"]


def _low_thresholds(monkeypatch) -> None:
    """Small lists in small patterns, so that the mechanism itself is tested."""
    monkeypatch.setattr(regex_share, "MIN_GROUP", 1)
    monkeypatch.setattr(regex_share, "MIN_SAVING", 1)


def _list(words: list[str], flag: str = "i") -> str:
    """A word list as the furniture vocabulary writes it: longest first, spaces as \\s+."""
    body = "|".join(r"\s+".join(regex.escape(p) for p in w.split())
                    for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return f"(?{flag}:{body})"


def _big(words: list[str], copies: int = 40) -> str:
    """A pattern that repeats one list in many branches, as a furniture class does."""
    group = _list(words)
    branches = [rf"(?:{group}[ \t]*(?::|,|-)[ \t]*{group})", rf"(?:(?-i:By)\s+{group})",
                rf"(?:{group}\s+(?P<tail>\w+))", rf"(?:\(\s*{group}\s*\))"]
    return "(?:" + "|".join(branches[k % len(branches)] for k in range(copies)) + ")"


def _same(source: str, flags: int, texts: list[str]) -> None:
    shared, helpers = share_repeats(source)
    assert helpers, "the pattern is rewritten"
    inline, called = regex.compile(source, flags), regex.compile(shared, flags)
    for text in texts:
        for how in ("match", "fullmatch", "search"):
            a, b = getattr(inline, how)(text), getattr(called, how)(text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()[:inline.groups])), (how, text)
        assert [(m.span(), m.groups()) for m in inline.finditer(text)] == \
            [(m.span(), m.groups()[:inline.groups]) for m in called.finditer(text)]


def test_rewritten_patterns_find_what_the_written_ones_find(monkeypatch) -> None:
    _low_thresholds(monkeypatch)
    rng = random.Random(16)
    pieces = [*WORDS, *(w.upper() for w in WORDS), ":", " - ", "(", ")", "By", "by", "  ", "\t", ",", "x", "\n"]
    texts = ["".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 12)))
             for _ in range(400)]
    texts += ["photo: Reuters", "PHOTOGRAPH - getty  images", "By AP", "by AP", "(photo illustration)",
              "ab abc", "Photo illustration: AP", "news\tdesk, staff"]
    for flags in (regex.V0, regex.V0 | regex.IGNORECASE):
        _same(_big(WORDS), flags, texts)


def test_backtracking_into_a_shared_list_is_kept(monkeypatch) -> None:
    _low_thresholds(monkeypatch)
    # "ab" is tried first and the rest fails: the list must give back "a" as written does.
    group = _list(["ab", "a", "quite a long word to pad the list", "another padding phrase"])
    source = "(?:" + "|".join([rf"{group}bc", rf"{group}\d"] * 30) + ")"
    _same(source, regex.V0, ["abc", "abbc", "a1", "ab1", "abd"])


def test_what_is_not_rewritten() -> None:
    group = _list(WORDS)
    assert share_repeats(group)[1] == 0, "short patterns stay as written"
    many = [rf"(?<=x{group})y" for _ in range(40)]
    assert share_repeats("|".join(many))[1] == 0, "inside look-behinds"
    assert share_repeats("(?x)" + _big(WORDS))[1] == 0, "other scoped flags"
    captured = _big(WORDS).replace("(?i:", "(?P<g>(?i:", 1)
    assert share_repeats("|".join([f"(?i:(?P<g{k}>{group[4:-1]}))" for k in range(40)]))[1] == 0 and captured
    assert share_repeats(_big(WORDS) + r"(?&x)(?(DEFINE)(?P<x>a))")[1] == 0, "own calls"
    # a plain group under a scoped flag would lose the flag at the pattern's end
    plain = "(?:" + "|".join(regex.escape(w) for w in WORDS) + ")"
    scoped = "|".join(f"(?i:{plain}z)" for _ in range(60))
    assert all(not scoped[s:e].startswith("(?:") for s, e in literal_groups(scoped) or [])


def test_compile_regex_hides_the_helpers_and_upgrades_after_many_calls(monkeypatch) -> None:
    source = _big(WORDS)
    pattern = compile_regex(source, True)
    plain = regex.compile(source, regex.V0 | regex.IGNORECASE)
    assert isinstance(pattern, SharedPattern) and pattern.raw.pattern != source
    assert pattern.pattern == source and pattern.groups == plain.groups and dict(pattern.groupindex) == dict(
        plain.groupindex)
    monkeypatch.setattr(safe_regex, "UPGRADE_AFTER", 5)
    texts = ["Photo illustration: AP", "getty images staff", "By Reuters", "nothing here"] * 3
    found = [(m.span(), m.groups()[:plain.groups]) for t in texts for m in pattern.finditer(t)]
    assert pattern.raw.pattern == source, "compiled as written after UPGRADE_AFTER calls"
    assert found == [(m.span(), m.groups()) for t in texts for m in plain.finditer(t)]
    assert type(compile_regex(r"\bKiev\b")) is SafePattern


def test_a_rewritten_pattern_is_named_as_written_in_messages() -> None:
    source = _big(WORDS)
    pattern = compile_regex(source)
    assert isinstance(pattern, SharedPattern)
    assert safe_regex._source(pattern.raw) == source == pattern.pattern


def test_thresholds_are_sane() -> None:
    assert 0 < regex_share.MIN_GROUP < regex_share.MIN_SAVING
