"""Punctuation rules NL501-NL507: what they must flag, and what they must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest


def codes(findings, code):
    return [f for f in findings if f.rule == code]


# ----- NL501 unbalanced quotes ------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "“We will not give up, the minister said.",
        'He said the talks were "productive and left.',
        "The talks failed.” Officials said nothing more.",
        'The talks were productive," the minister said.',
        "Critics called it ‘a sham from the start.",
        "He said 'never again and left the room.",
    ],
)
def test_unbalanced_quotes_flagged(lint, text):
    assert codes(lint(text, select="NL501"), "NL501")


@pytest.mark.parametrize(
    "text",
    [
        "“We will not give up,” the minister said.",
        "Zelensky’s office said the talks were “productive”.",
        "He said: “They told us ‘never again’ and we believed them.”",
        "It was the biggest hit of the ’90s, a rock ’n’ roll revival.",
        "The allies’ position has not changed.",
        "The countries' leaders met in 'the old palace'.",
        'The pipe is 12" wide.',
        'A form "R85", available from the bank, should be completed.',
        # a quotation running over paragraphs: the opening mark is repeated, not closed
        "“We will fight on.\n\n“We will not surrender,” he said.",
        '"We will fight on.\n\n"We will not surrender," he said.',
        # paragraphs run together: the repeated opening mark of the next quoted paragraph
        '"His recovery is going well. "He will come off the bench," said Andrew.',
        "“His recovery is going well. “He will come off the bench,” said Andrew.",
        # an excerpt cut with an ellipsis
        'The building was "stormed by throngs...',
        "Fans sang 'em all night and stayed 'til dawn.",
        "Make sure there isn 't a space.",
        "Glaxo dropped its obesity drug, known as '771, after trials.",
    ],
)
def test_balanced_or_not_quotes_left_alone(lint, text):
    assert not codes(lint(text, select="NL501"), "NL501")


def test_unbalanced_quote_per_line_when_lines_are_paragraphs(lint):
    text = (
        "“NATO should say now that they accept us,” he said on Monday.\n"
        "“And then we need to calm down, he added.\n"
        "Earlier, Zelensky had said Kyiv was no longer pressing for membership.\n"
    )
    found = codes(lint(text, select="NL501"), "NL501")
    assert [f.line for f in found] == [2]


def test_hard_wrapped_paragraphs_are_joined(lint):
    text = (
        'Negotiators met on Tuesday. "We are ready to talk, but we will not give up\n'
        'our land," the minister said.\n\n'
        '"The meetings continue, and the positions already sound more\n'
        "realistic.\n\n"
        '"But time is still needed," he said.\n'
    )
    assert not codes(lint(text, select="NL501"), "NL501")


def test_quote_wrapped_at_a_sentence_end_is_balanced(lint):
    text = '"We are ready.\nWe will talk," he said.\n'
    assert not codes(lint(text, select="NL501"), "NL501")


# ----- NL502 brackets --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The alliance (which has 30 members will meet.",
        "The talks resumed on Monday) in Istanbul.",
        "The report [seen by Reuters) was not published.",
        "Thomas (Toulouse (capt); Luscombe (Dragons).",
    ],
)
def test_unbalanced_brackets_flagged(lint, text):
    assert codes(lint(text, select="NL502"), "NL502")


@pytest.mark.parametrize(
    "text",
    [
        "The alliance (which has 30 members) will meet.",
        "Options: a) talks, b) sanctions.",
        "1) Talks resume on Monday.",
        "Liverpool: Dudek, Luis Garcia (Nunez 73), Kewell (Traore 85), Baros.",
        "Members (the US, the UK (and France)) agreed.",
        "That was funny :) he wrote.",
    ],
)
def test_balanced_brackets_left_alone(lint, text):
    assert not codes(lint(text, select="NL502"), "NL502")


# ----- NL503 mixed quote style -------------------------------------------------------------
def test_mixed_quote_style_flags_the_minority(lint):
    text = (
        "“We will fight,” he said.\n\n“We will not give up,” she said.\n\n“Never,” they said.\n\n"
        '"Not today," he added.'
    )
    found = codes(lint(text, select="NL503"), "NL503")
    assert [f.match for f in found] == ['"', '"']
    assert found[0].replacements == ["“"] and found[1].replacements == ["”"]


def test_even_mix_is_left_alone(lint):
    text = '“One,” he said. “Two,” she said. "Three," they said. "Four," we said.'
    assert not codes(lint(text, select="NL503"), "NL503")


# ----- NL504 space before punctuation ------------------------------------------------------
@pytest.mark.parametrize(
    "text", ["The talks ended , officials said.", "Will they return ?", "He left ; she stayed."]
)
def test_space_before_punctuation_flagged(lint, text):
    found = codes(lint(text, select="NL504"), "NL504")
    assert len(found) == 1 and found[0].match.strip() in ",?;"


@pytest.mark.parametrize(
    "text",
    [
        "He said ... nothing.",
        "The West … There are moments.",
        "Rates rose by .5 percent.",
        "The name was masked as xxxx , for legal reasons.",
        "The score was 5 - 3.",
    ],
)
def test_space_before_punctuation_left_alone(lint, text):
    assert not codes(lint(text, select="NL504"), "NL504")


# ----- NL505 missing space after --------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The talks ended on Monday.Officials said more were planned.",
        "Will they return?Nobody knows.",
        "We could join NATO …I think it is a mistake.",
        "an audio/headphone jack.The machine comes with Mac OS X.",
        "The talks in Kyiv,Ukraine ended.",
        "He said:It is over.",
    ],
)
def test_missing_space_after_flagged(lint, text):
    assert codes(lint(text, select="NL505"), "NL505")


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and the U.K. agreed, e.g. on sanctions.",
        "Growth was 3.5 percent.",
        "J.K. Rowling spoke at 10.30.",
        "See reuters.com or www.BBC.co.uk/News for more.",
        "Mail press@example.Com today.",
        "He said... Nothing more.",
        "...And then it ended.",
        "Some 1,000 people; the ratio was 3:2 at 10:30.",
        "Shares in Amazon.Com rose.",
    ],
)
def test_missing_space_after_left_alone(lint, text):
    assert not codes(lint(text, select="NL505"), "NL505")


# ----- NL506 doubled punctuation ---------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The talks ended,, officials said.",
        "The talks ended.. Officials left.",
        "They met on Monday,. Nothing came of it.",
        "Really??",
    ],
)
def test_doubled_punctuation_flagged(lint, text):
    assert codes(lint(text, select="NL506"), "NL506")


@pytest.mark.parametrize(
    "text",
    [
        "He said... nothing.",
        "He said.... nothing.",
        "Allies (the U.S., the U.K., etc.) agreed.",
        "Really?! That is news.",
        "Sanctions, e.g., on oil, were agreed.",
    ],
)
def test_doubled_punctuation_left_alone(lint, text):
    assert not codes(lint(text, select="NL506"), "NL506")


# ----- NL507 dash style --------------------------------------------------------------------
def test_spaced_hyphen_quiet_without_a_house_dash(lint):
    assert not codes(lint("Don't be shy - that's my appeal.", select="NL507"), "NL507")


@pytest.mark.parametrize(("style", "dash"), [("bbc", " – "), ("ap", " — "), ("nyt", "—")])
def test_spaced_hyphen_flagged_per_preset(lint, style, dash):
    found = codes(lint("Don't be shy - that's my appeal.", select="NL507", style=style), "NL507")
    assert len(found) == 1 and found[0].replacements == [dash]
    assert found[0].fix is not None and found[0].fix.safe


def test_spaced_hyphen_quiet_under_reuters(lint):
    assert not codes(lint("Don't be shy - that's my appeal.", select="NL507", style="reuters"), "NL507")


def test_dash_option_overrides_preset(lint):
    found = codes(
        lint(
            "NATO -- an alliance -- met.", select="NL507", style="reuters", options={"NL507": {"dash": "em"}}
        ),
        "NL507",
    )
    assert [f.replacements for f in found] == [["—"], ["—"]]


@pytest.mark.parametrize("text", ["The score was 2 - 1.", "A Moscow-Kyiv route.", "- The first item"])
def test_dash_left_alone(lint, text):
    assert not codes(lint(text, select="NL507", style="bbc"), "NL507")


def test_punctuation_never_crashes_on_odd_input(lint):
    for text in ["", '"', "“", "(", ")", "’", "'", "...", "“‘’”", '\n\n"\n\n', "a" * 5000 + "("]:
        for f in lint(text, select="punctuation"):
            assert f.category == "punctuation" and "internal error" not in f.message


# ----- NL508-NL511 ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("She´ll make a decision tomorrow.", "NL508"),
        ("You shouldn;t do it.", "NL508"),
        ("They couldn t agree.", "NL508"),
        ("Where were you in the 1990's?", "NL509"),
        ("It was big in the mid-80's.", "NL509"),
        ("He said ``never again'' and left.", "NL510"),
        ("„Never again”, he said.", "NL510"),
        ("; How is it going?", "NL511"),
        ("“Good morning, Frank,”said Hal.", "NL505"),
    ],
)
def test_slips_flagged(lint, text, code):
    assert codes(lint(text, select=code), code)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("She’ll decide; you shouldn't; they couldn’t.", "NL508"),
        ("Ministers can t-bone steaks.", "NL508"),
        ("The 1990s, the ’90s and 2020's record.", "NL509"),
        ("He said “never again” and 'never'.", "NL510"),
        ("The pipe is 3' 6'' long.", "NL510"),
        ("The talks ended; then they left.", "NL511"),
        ("“Good morning, Frank,” said Hal.", "NL505"),
    ],
)
def test_slips_left_alone(lint, text, code):
    assert not codes(lint(text, select=code), code)


def test_tex_quotes_balance(lint):
    assert not codes(lint("``Test” he said.", select="NL501"), "NL501")


# ----- run-together punctuation (issue 14, item 2): NL505 and NL512 ---------------------------
_RUN_TOGETHER = Path(__file__).parent / "data" / "punctuation" / "run_together.toml"


def _run_together(section: str) -> list:
    from newslint.toml import load_toml

    cases = load_toml(_RUN_TOGETHER)[0][section]
    return [pytest.param(c["text"], c.get("match"), id=f"{section}-{i}") for i, c in enumerate(cases)]


@pytest.mark.parametrize(("text", "match"), _run_together("seam"))
def test_run_together_seams_are_found(lint, text, match):
    found = [f for f in lint(text, select=["NL505", "NL512"])]
    assert [f.match for f in found] == [match]


@pytest.mark.parametrize(("text", "match"), _run_together("legit"))
def test_camel_case_names_and_abbreviations_stay_quiet(lint, text, match):
    assert lint(text, select="punctuation") == []


def test_run_together_sets_are_large_enough():
    assert len(_run_together("seam")) >= 50 and len(_run_together("legit")) >= 50


def test_a_camel_case_word_used_twice_is_a_name(lint):
    text = "The WarThe firm said. Later WarThe said more."
    assert lint(text, select="NL512") == []
    assert [f.match for f in lint("The firm said WarThe would grow.", select="NL512")] == ["WarThe"]


def test_run_together_offers_a_sentence_break_but_fixes_nothing(lint):
    (f,) = lint("Talks ended in the KremlinHowever, nobody left.", select="NL512")
    assert f.replacements == ["Kremlin. However", "Kremlin However"] and f.fix is None
