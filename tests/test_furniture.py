"""Furniture rules NL801-NL802: web residue is flagged on its own line, prose is not."""

from __future__ import annotations

import pytest


def codes(findings, code):
    return [f for f in findings if f.rule == code]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("The talks ended.\n\nRead More:\n\nMore text here.", "Read More:"),
        ("The talks ended.\nREAD MORE\n", "READ MORE"),
        ("The talks ended.\n\nLoad more", "Load more"),
        ("Related News\n\nMoscow sees any future membership as a threat.", "Related News"),
        ("Image by - President of Ukraine/ Wiki Commons", "Image by -"),
        ("Advertisement\nThe talks ended.", "Advertisement"),
        ("Click here to subscribe", "Click here to subscribe"),
        ("  Share this article  ", "Share this article"),
        ("READ MORE: India 'somewhat shaky' among major US allies", "READ MORE:"),
        ("Image source, Getty Images\nCrowds gathered in Kyiv.", "Image source,"),
        ("The talks ended.\nAFP via Getty Images\n", "AFP via Getty Images"),
        ("4 min read\n\nThe talks ended.", "4 min read"),
        ("Story continues below advertisement", "Story continues below advertisement"),
    ],
)
def test_furniture_lines_flagged(lint, text, match):
    found = codes(lint(text, select="NL801"), "NL801")
    assert [f.match for f in found] == [match]


@pytest.mark.parametrize(
    "text",
    [
        "Readers who want to read more about the talks can find the full text online.",
        "He said he would load more trucks before dawn.",
        "The advertisement ran in three newspapers.",
        "Related news from Brussels suggested the talks had stalled.",
        "Share this article's findings with your colleagues, the minister said.",
        "Image by image, the exhibition tells the story of the siege.",
        "He told voters to click here to subscribe, a slogan that failed.",
        "Getty Images said it would appeal against the ruling.",
        "The story continues below the surface, he said.",
        "It took him 4 min to read the statement.",
    ],
)
def test_furniture_words_in_prose_left_alone(lint, text):
    assert not codes(lint(text, select="NL801"), "NL801")


def test_teaser_headlines_under_read_more(lint):
    text = (
        "Zelensky's comments were not a formal concession.\n\nRead More:\n\n"
        "New Jersey Dad Forced Son to Run on The Treadmill Causing Him to Fall, Die\n\n"
        "HEARTBREAKING MOMENT: Russian Troops Decry President Vladimir Putin's Decision to Invade Ukraine\n"
    )
    found = codes(lint(text, select="NL802"), "NL802")
    assert [f.line for f in found] == [5, 7]
    assert found[0].match.startswith("New Jersey Dad") and found[1].match.startswith("HEARTBREAKING")


def test_teaser_block_ends_at_prose(lint):
    text = (
        "Related News\n\nMinisters to meet again in Brussels next week\n\n"
        "Moscow sees any future Ukraine membership of the alliance as a threat and demands guarantees.\n\n"
        "Talks Resume In Istanbul On Monday Morning\n"
    )
    found = codes(lint(text, select="NL802"), "NL802")
    assert [f.line for f in found] == [3]


@pytest.mark.parametrize(
    "text",
    [
        "Read More:\n\nThe minister said the talks would resume on Tuesday in Istanbul.",
        "The talks ended on Monday.\n\nNew Jersey Dad Forced Son to Run on Treadmill",
        "We want to read more.\nNew Talks Planned For Brussels Next Week",
        "Read more:\n\n“We will not give up,” he said.",
    ],
)
def test_teasers_need_a_label_and_a_headline(lint, text):
    assert not codes(lint(text, select="NL802"), "NL802")
