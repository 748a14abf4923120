"""The attribute ruler applied by look-up (newslint.tag_attributes) sets what spaCy's own
AttributeRuler sets, token by token, and anything it does not read is left to spaCy."""
from __future__ import annotations

import pytest

from newslint.tag_attributes import from_ruler, install

SENTENCES = [
    "The ministers says the new rules applies to everyone.",
    "He ain't gonna sign it, and they're gonna have to wait, ain't they?",
    "Y'all can't say the police was there; I dunno what she'd've done.",
    "Prime Minister Rishi Sunak's spokesman said: “We will not comment.”",
    "  Two   spaces\n\nand a blank line, 3.5% of £20m, e-mail me@example.com #tags",
    "Kyiv's mayor, Vitali Klitschko, told the BBC on Tuesday that 1,000 people had fled.",
    "Whom do you trust? Gotta go. Wanna bet? Lemme see. 'Tis the season.",
    "She has went to the shops and were bring the kids, which are late.",
]


@pytest.fixture(scope="module")
def pipelines():
    spacy = pytest.importorskip("spacy")
    from newslint.nlp import installed_model

    package = installed_model("en_core_web_sm")
    if package is None:
        pytest.skip("the small English pipeline is not installed")
    theirs = spacy.load(package, exclude=["ner", "lemmatizer"])
    ours = spacy.load(package, exclude=["ner", "lemmatizer"])
    assert install(ours)
    return theirs, ours


def _tokens(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_the_same_attributes_as_spacys_ruler(pipelines) -> None:
    theirs, ours = pipelines
    assert "attribute_ruler" not in ours.pipe_names and "attribute_ruler" in theirs.pipe_names
    assert ours.pipe_names.index("newslint_tag_attributes") == theirs.pipe_names.index("attribute_ruler")
    for a, b in zip(theirs.pipe(SENTENCES), ours.pipe(SENTENCES), strict=True):
        assert _tokens(a) == _tokens(b)
    assert all(t.pos_ for t in ours("The talks were held in Kyiv.")), "the ruler's output is there"


@pytest.mark.parametrize("pattern", [
    {"patterns": [[{"TAG": "NN", "OP": "?"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"SHAPE": "Xxxx"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"_": {"x": 1}}},
    {"patterns": [[{"TAG": {"FUZZY": "NN"}}]], "attrs": {"POS": "NOUN"}},
    {"patterns": "not a list", "attrs": {"POS": "NOUN"}},
])
def test_patterns_not_read_here_are_left_to_spacy(pattern) -> None:
    assert from_ruler([pattern]) is None


def test_later_rules_win_and_indices_point_into_the_pattern(pipelines) -> None:
    _, ours = pipelines
    doc = ours.make_doc("gon na win")
    rules = from_ruler([
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "first"}, "index": -1},
        {"patterns": [[{"LOWER": {"IN": ["na", "x"]}}]], "attrs": {"LEMMA": "second"}, "index": 0},
        {"patterns": [[{"LOWER": {"REGEX": "^g"}}]], "attrs": {"LEMMA": "go"}, "index": 0},
    ])
    assert rules is not None
    rules(doc)
    assert [t.lemma_ for t in doc] == ["go", "second", ""]
