"""NL001 reads two words that lost the space between them ("thecity") as a slip with the
split as its fix, when one of them is a function word; closed compounds of two content
words ("drugmaker", "smartcard") and rare splits stay quiet."""
from __future__ import annotations

import pytest

from newslint.api import lint_text

SLIPS = [
    ("Officials said thecity would repay the loan.", "thecity", "the city"),
    ("The minister said the plan was inwhich direction the party wanted to go.", "inwhich", "in which"),
    ("Protesters gathered outside theparliament building on Monday.", "theparliament", "the parliament"),
    ("The charity was partly funded bythe council.", "bythe", "by the"),
    ("Prices rose faster than expected, withthe biggest jump in energy.", "withthe", "with the"),
    ("Ministers have oftenpromised reform.", "oftenpromised", "often promised"),
    ("She said the talks would continue forseveral weeks.", "forseveral", "for several"),
    ("Some forty people were hurt, andthe road was closed.", "andthe", "and the"),
]

QUIET = [
    "The drugmaker said its profits rose.",
    "Staff were issued smartcards for the new gates.",
    "Teachers said pupils' wellbeing had improved.",
    "The firm makes rockwool insulation for homes.",
    "A player won the deathmatch at the tournament.",
    "Officials said the city would repay the loan.",
    "The committee met in Cardiff on Tuesday.",
    "Nevertheless, the council agreed to the plan.",
    "The ceasefire held overnight, officials said.",
]


@pytest.mark.parametrize(("sentence", "slip", "fix"), SLIPS)
def test_two_words_run_together_are_found_with_the_split_as_fix(sentence: str, slip: str, fix: str) -> None:
    found = [f for f in lint_text(sentence, {"select": ["NL001"]}) if f.match == slip]
    assert found, sentence
    assert found[0].replacements[0] == fix


@pytest.mark.parametrize("sentence", QUIET)
def test_closed_compounds_and_plain_words_stay_quiet(sentence: str) -> None:
    assert lint_text(sentence, {"select": ["NL001"]}) == []
