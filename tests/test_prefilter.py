"""The prefilter may only ever say "cannot match" when the pattern really has no match."""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import safe_regex
from newslint.docs import all_rules
from newslint.prefilter import (
    ASCII_FOLDS_OF_OTHERS,
    DocView,
    NeedleGate,
    WordGate,
    doc_view,
    fold,
    fold_char,
    gate_of,
    may_match,
    needle_gate,
    squeeze,
    trie_pattern,
)

_W = regex.compile(r"\w")


def _case_partners() -> dict[str, set[str]]:
    """For every character `regex` may match with another when ignoring case (those that
    change under case mapping or folding, as `regex` itself knows them), every character
    it matches: asked of `regex`, one compiled literal per character, over all of Unicode."""
    alphabet = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    cased = "".join(regex.findall(r"[\p{Changes_When_Casemapped}\p{Changes_When_Casefolded}]", alphabet))
    assert len(cased) > 2000
    uncased = regex.sub(r"[\p{Changes_When_Casemapped}\p{Changes_When_Casefolded}]", "", alphabet)
    # an uncased character is matched by none but itself (one pattern holding them all)
    assert not regex.search("[" + regex.escape(cased, special_only=False) + "]", uncased, regex.I | regex.V0)
    return {ch: set(regex.findall(regex.escape(ch), cased, regex.IGNORECASE | regex.V0)) for ch in cased}


def test_fold_merges_every_case_insensitive_pair():
    """Two characters `regex` matches ignoring case fold to one character, of the same
    word-ness; folding keeps lengths; ASCII folds to lower case."""
    partners = _case_partners()
    to_ascii = set()
    for ch, others in partners.items():
        folded = fold_char(ch)
        assert fold(ch) == folded and len(folded) == 1, hex(ord(ch))
        assert bool(_W.match(ch)) == bool(_W.match(folded)), hex(ord(ch))
        for other in others:
            assert fold_char(other) == folded, (hex(ord(ch)), hex(ord(other)))
        if not ch.isascii() and folded.isascii():
            to_ascii.add(folded)
    assert to_ascii == set(ASCII_FOLDS_OF_OTHERS)
    for ch in "’“”—€々":  # characters `regex` matches only with themselves
        assert fold_char(ch) == ch
    assert all(fold_char(chr(c)) == chr(c).lower() for c in range(128))
    assert fold("İstanbul ſtraße Éé") == "istanbul stra\u3005e \u3005\u3005"
    assert fold("ΣΟΦΙΑ") == fold("σοφια") == fold("σοφιας")[:5]


def test_trie_pattern():
    import re

    pattern = re.compile(trie_pattern(["also read", "also", "advert", "b"]))
    assert pattern.pattern == "(?:a(?:dvert|lso(?:\\ read)?)|b)"
    for word in ["also read", "also", "advert", "b"]:
        assert pattern.search(f"x {word} y")
    assert not pattern.search("alsa adver c")


def test_squeeze():
    assert squeeze("a \t  b\t") == "a b "
    assert squeeze("ab") == "ab"
    assert squeeze("a \n\t b\n  \nc") == "a \nb\n\nc"


def test_needles_of_patterns():
    def needles(source: str, flags: int = 0) -> set[str] | None:
        """The gate's needles, a class of characters shown as '#'."""
        gate = needle_gate(source, flags)
        if gate is None:
            return None
        return {"".join("_" if c == "\U0010fffd" else "#" if 0x100000 <= ord(c) else c for c in n)
                for n in gate.needles}

    assert needles(r"(?m)^[ \t]*(?:read|see)[ \t]+more", regex.I) == {"\nread more", "\nsee more"}
    assert needles(r"(?<=[\p{L}”])[ \t]+(?P<flag>[,;])") == {"_,", "_;"}  # _: a space or a line break
    assert needles(r"\bthe[ \t]+(?:mid|late)\b") == {"the late", "the mid"}
    assert needles(r"(?<=[”)])[.!?](?=\p{Lu})") == {").#", ")?#", ")!#", "”.#", "”?#", "”!#"}
    # classes: leading ones are dropped (a needle's tail is needed too)
    assert needles(r"(?<=\p{L}\p{L}),(?=\p{L}\p{L})") == {",##"}
    assert needles(r"\d[ \t]+[.,:][ \t]+\d") == {"_, #", "_. #", "_: #"}
    # nothing certain, or only what every article has: no gate
    assert needles(r"\p{L}+") is None
    assert needles(r"\.") is None
    assert needles(r"(?:ab)?c*") is None
    assert needles(r"(\w)\1") is None
    assert needles(r"(?f)strasse", regex.I) is None  # full case folding is not modelled


def test_classes_in_needles():
    gate = needle_gate(r"\p{Ll}{2}[.!?]\p{Lu}\p{Ll}")
    assert gate is not None
    assert gate.may_match(DocView("the talks.The end"))
    assert gate.may_match(DocView("the talks.Élysée"))  # any non-ASCII character may be a letter
    assert not gate.may_match(DocView("the talks. The end, U.S. News"))
    folded = needle_gate(r"[a-c]x;", regex.I)
    assert folded is not None and folded.folded and set(folded.needles) == {"ax;", "bx;", "cx;"}
    assert folded.may_match(DocView("BX;")) and not folded.may_match(DocView("DX;"))
    big = needle_gate(r"[a-z]x;", regex.I)  # a class too big to spell out
    assert big is not None and big.may_match(DocView("ZX;")) and big.may_match(DocView("KX;"))


def test_gate_says_no_only_without_needles():
    gate = needle_gate(r"(?m)^[ \t]*(?:read|see)[ \t]+more", regex.I)
    assert isinstance(gate, NeedleGate)
    assert gate.may_match(DocView("Intro\n\t READ   More\nx"))
    assert gate.may_match(DocView("Read more"))
    assert not gate.may_match(DocView("You can read more here."))
    assert not gate.may_match(DocView("Nothing at all."))
    ends = needle_gate(r"(?m)^(?:read|more):?$", regex.I)
    assert ends is not None
    for text in ("read", "read\nx", "x\nmore:", "x\nread\ny", "more"):
        assert ends.may_match(DocView(text)), text
    for text in ("reads", "x read", "more x", "xmore"):
        assert not ends.may_match(DocView(text)), text


def test_word_gate_and_positions():
    pattern = safe_regex.terms_regex(["Kiev", "chicken Kiev", "Odessa"])
    gate = gate_of(pattern, now=True)
    assert isinstance(gate, WordGate)
    assert not gate.may_match(DocView("Talks in Kyiv and Lviv."))
    assert not gate.may_match(DocView("Kievan Rus"))  # a longer word is not the term
    view = DocView("KIEV, a chicken Kiev, Kiev's ODESSA")
    assert gate.may_match(view)
    assert gate.starts(view) == [0, 8, 16, 22, 29]
    text = "KIEV, a chicken Kiev, Kiev's ODESSA"
    assert [m.group() for m in safe_regex.finditer(pattern, text)] == ["KIEV", "chicken Kiev", "Kiev", "ODESSA"]


def test_doc_view_is_shared_per_text():
    text = "One text. " * 3
    assert doc_view(text) is doc_view(text)
    assert doc_view(text).tokens == ["one", "text"] * 3
    assert doc_view(text).view(False) == text
    assert doc_view("A\t  b").view(True) == "a b"


def _pack_patterns():
    """Every `regex` pattern the bundled packs give the kinds (the token patterns of the
    ``pattern`` kind are another language and are left out)."""
    found = []
    for rule in all_rules():
        if rule.kind == "pattern":
            continue
        spec = rule.spec
        ignore = bool(spec.get("ignore-case", rule.kind == "existence"))
        sources = [(s, ignore) for s in spec.get("patterns", []) if isinstance(s, str)]
        sources += [(s, False) for s in spec.get("exceptions", []) if isinstance(s, str)]
        for source, case in sources:
            try:
                found.append(regex.compile(source, regex.V0 | (regex.I if case else 0)))
            except regex.error:
                continue
    return found


_PATTERNS = _pack_patterns()
_TEXTS = [t for rule in all_rules() for t in [*rule.examples, *rule.counterexamples]]


def test_pack_patterns_pass_their_own_examples():
    """Wherever a pack pattern matches a pack example, its gate lets it through."""
    assert len(_PATTERNS) > 40
    for pattern in _PATTERNS:
        gate = needle_gate(pattern.pattern, pattern.flags)
        if gate is None:
            continue
        for text in _TEXTS:
            if pattern.search(text):
                assert gate.may_match(DocView(text)), (pattern.pattern, text)


_ALPHABET = st.sampled_from(list("aAbBeEiIİıkKsSſ \t\n.,;:!?'’”“\"()-0123456789") + ["read", "more", "Kiev", "the"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_gates_never_hide_a_match(text):
    patterns = [*_PATTERNS,
                regex.compile(r"(?m)^[ \t]*read[ \t]+more$", regex.I | regex.V0),
                regex.compile(r"(?<=[”)])[.!?](?=\p{Lu})"),
                regex.compile(r"\b(?:is|ka)n[;, ]t\b", regex.I | regex.V0),
                regex.compile(r"[xX]{2}[ \t]*[,.]", regex.V0)]
    for pattern in patterns:
        if pattern.search(text):
            assert may_match(pattern, text), (pattern.pattern, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.booleans())
def test_term_lists_find_what_a_scan_finds(text, ignore_case):
    pattern = safe_regex.terms_regex(["Kiev", "read more", "sea", "İkea", "the", "a b"], ignore_case)
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in safe_regex.finditer(pattern, text)] == expected


def test_gates_are_cached_on_disk(tmp_path, monkeypatch):
    from newslint import prefilter

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    source = r"(?m)^[ \t]*\p{Lu}\p{Ll}+ more:"
    first = needle_gate(source, regex.V0)
    files = list((tmp_path / "gates").rglob("*"))
    assert first is not None and any(f.is_file() for f in files)
    again = needle_gate(source, regex.V0)
    assert again is not None and again.needles == first.needles and again.folded == first.folded
    for text in ("Read more:", "x\nSee more: y", "say more: no"):
        assert again.may_match(DocView(text)) == first.may_match(DocView(text)), text
    assert needle_gate(r"\p{L}+") is None and needle_gate(r"\p{L}+") is None  # "no gate" is cached too
    for f in (tmp_path / "gates").rglob("*"):
        if f.is_file():
            f.write_bytes(b"garbage")
    broken = needle_gate(source, regex.V0)  # a corrupt entry: analysed again
    assert broken is not None and broken.needles == first.needles
    assert prefilter._analysed_gate(source, regex.V0).needles == first.needles
