"""newslint's own tokens, sentences and token-pattern matcher (no spaCy on the default path)."""
from __future__ import annotations

import pytest

from newslint.matcher import Pattern, PatternError, like_num
from newslint.tokens import Tokens


def words(text: str) -> list[str]:
    return Tokens(text).words


@pytest.mark.parametrize("text, expected", [
    ("Talks in Kyiv, then Lviv.", ["Talks", "in", "Kyiv", ",", "then", "Lviv", "."]),
    ("It's what they don't want; we can't.", ["It", "'s", "what", "they", "do", "n't", "want", ";", "we", "ca",
                                               "n't", "."]),
    ("The UK's and Ukraine’s plans", ["The", "UK", "'s", "and", "Ukraine", "’s", "plans"]),
    ("a well-known 20-year-old", ["a", "well", "-", "known", "20", "-", "year", "-", "old"]),
    ("MPEG-2 and over-55s won 2-1", ["MPEG-2", "and", "over-55s", "won", "2", "-", "1"]),
    ("1,000 people, 3.5% and $5bn at 10:30 on 9/11", ["1,000", "people", ",", "3.5", "%", "and", "$", "5bn", "at",
                                                      "10:30", "on", "9/11"]),
    ("a 5km run at 5pm in the 1990s", ["a", "5", "km", "run", "at", "5", "pm", "in", "the", "1990s"]),
    ("Mr. Smith met Dr. Jones in the U.S. on Jan. 5.", ["Mr.", "Smith", "met", "Dr.", "Jones", "in", "the", "U.S.",
                                                        "on", "Jan.", "5", "."]),
    ("J. K. Rowling and O'Brien", ["J.", "K.", "Rowling", "and", "O'Brien"]),
    ("He said.Then she cannot", ["He", "said", ".", "Then", "she", "can", "not"]),
    ('"Quoted," (bracketed) end...', ['"', "Quoted", ",", '"', "(", "bracketed", ")", "end", "..."]),
])
def test_tokens_split_like_spacy_english(text, expected) -> None:
    assert words(text) == expected


def test_whitespace_other_than_one_space_is_a_token() -> None:
    assert words("a  b\nc \n d\n\ne") == ["a", " ", "b", "\n", "c", "\n ", "d", "\n\n", "e"]
    tokens = Tokens("one two")
    assert [tokens.text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=False)] == tokens.words


def test_offsets_point_into_the_text() -> None:
    text = "It's 5% — “really” fine.\n\nNext."
    tokens = Tokens(text)
    assert all(text[s:e] == w for s, e, w in zip(tokens.starts, tokens.ends, tokens.words, strict=False))
    assert tokens.lower == [w.lower() for w in tokens.words]


def sentences(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in Tokens(text).sentences()]


def test_sentences_end_at_terminal_punctuation_and_blank_lines() -> None:
    assert sentences("He left. Why? She asked! Then\n\nA heading\n\nBody text") == [
        "He left.", "Why?", "She asked!", "Then", "A heading", "Body text"]
    # closing quotes and brackets stay with the sentence they end; the next word starts one
    tokens = Tokens('He said "no." (Really.) Then left.')
    assert [w for w, first in zip(tokens.words, tokens.sent_starts, strict=False) if first] == ["He", "Really", "Then"]


def test_abbreviations_and_ellipses_do_not_end_sentences() -> None:
    assert sentences("Mr. Smith met Gen. Jones in the U.S. at 5 a.m. today... and left.") == [
        "Mr. Smith met Gen. Jones in the U.S. at 5 a.m. today... and left."]


def test_a_sentence_starts_at_its_first_word_not_at_whitespace() -> None:
    tokens = Tokens("One.\nTwo.")
    assert [w for w, first in zip(tokens.words, tokens.sent_starts, strict=False) if first] == ["One", "Two"]
    assert Tokens("").sentences() == []


def find(pattern: list[dict], text: str) -> list[str]:
    tokens = Tokens(text)
    return [text[tokens.starts[s]:tokens.ends[e - 1]] for s, e in Pattern(pattern).find(tokens)]


def test_every_start_and_every_length_matches() -> None:
    assert find([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}], "a b") == ["a", "a b"]
    assert find([{"LOWER": "y"}, {"LOWER": "b", "OP": "*"}], "y b b") == ["y", "y b", "y b b"]
    assert find([{"LOWER": "z"}, {"OP": "{1,2}"}, {"LOWER": "c"}], "z q c z q q c z q q q c") == [
        "z q c", "z q q c"]


def test_negated_token_consumes_one_token_that_does_not_match() -> None:
    pattern = [{"LOWER": "a"}, {"LOWER": "b", "OP": "!"}, {"LOWER": "c"}]
    assert find(pattern, "a x c") == ["a x c"]
    assert find(pattern, "a b c") == []
    assert find(pattern, "a c") == []


def test_a_table_may_combine_in_and_not_in() -> None:
    pattern = [{"LOWER": "has"}, {"ORTH": {"IN": ["modify", "go"], "NOT_IN": ["go"]}}]
    assert find(pattern, "He has modify it; she has go it.") == ["has modify"]


def test_case_flags_length_and_regex() -> None:
    assert find([{"ORTH": "US"}], "US us Us") == ["US"]
    assert find([{"LOWER": "us"}], "US us") == ["US", "us"]
    assert find([{"IS_TITLE": True, "LENGTH": {">=": 4}}], "The Kyiv talks in Lviv") == ["Kyiv", "Lviv"]
    assert find([{"LIKE_NUM": True}, {"LOWER": "people"}], "ten people and 1,000 people and some people") == [
        "ten people", "1,000 people"]
    assert find([{"ORTH": {"REGEX": "^[A-Z]{3}$"}}], "NATO and the EU and the UNO") == ["UNO"]
    assert find([{"IS_SENT_START": True, "LOWER": "but"}], "But yes. And but no. But.") == ["But", "But"]


def test_patterns_are_tried_only_where_an_anchor_word_occurs() -> None:
    tokens = Tokens("could of known")
    pattern = Pattern([{"LOWER": {"NOT_IN": ["x"]}}, {"LOWER": "of"}])
    assert pattern.anchors == [(1, 1, frozenset({"of"}))]
    assert pattern.find(tokens) == [(0, 2)]
    assert Pattern([{"LOWER": "absent"}]).find(tokens) == []


@pytest.mark.parametrize("pattern, message", [
    ([{"LOWERR": "x"}], "unknown token attribute 'LOWERR' (did you mean LOWER?"),
    ([{"LOWER": {"INN": ["x"]}}], "unknown predicate 'INN'"),
    ([{"LOWER": "x", "OP": "??"}], "unknown OP '??'"),
    ([{"ORTH": {"REGEX": "("}}], "does not compile"),
    ([{"POS": "NOUN"}], "needs a trained pipeline"),
    ([{"IS_ALPHA": "yes"}], "must be true or false"),
    ([], "non-empty list"),
])
def test_bad_patterns_say_what_is_wrong(pattern, message) -> None:
    with pytest.raises(PatternError, match=message.replace("(", r"\(").replace("?", r"\?")):
        Pattern(pattern)


@pytest.mark.parametrize("text, expected", [
    ("12", True), ("1,000", True), ("3.5", True), ("1/2", True), ("ten", True), ("Twenty", True),
    ("first", True), ("21st", True), ("x", False), ("one-off", False), ("", False),
])
def test_like_num(text, expected) -> None:
    assert like_num(text) is expected


def test_pattern_index_names_only_patterns_whose_gate_word_occurs() -> None:
    from newslint.matcher import PatternIndex

    index = PatternIndex()
    could_of = Pattern([{"LOWER": "could"}, {"LOWER": "of"}])
    the_the = Pattern([{"LOWER": "the"}, {"LOWER": "the"}])
    digits = Pattern([{"IS_DIGIT": True}])
    for pattern in (could_of, the_the, digits):
        index.add(pattern)
    assert could_of.gate in ({"could"}, {"of"}) and digits.gate is None
    tokens = Tokens("They could of gone.")
    assert index.live(tokens) == {could_of, digits}, "no 'the' in the text: that pattern is not tried"
    assert index.live(tokens) is index.live(tokens), "worked out once per document"
    late = Pattern([{"LOWER": "gone"}])
    index.add(late)
    assert late in index.live(tokens), "a pattern added later is seen"
