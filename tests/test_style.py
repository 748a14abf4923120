"""Style rules NL701-NL703: spelling systems, acronym case, small numbers."""

from __future__ import annotations

import pytest


def codes(findings, code):
    return [f for f in findings if f.rule == code]


# ----- NL701 locale mix -------------------------------------------------------------------
def test_minority_spelling_flagged_with_counterpart(lint):
    text = (
        "Russia wants to demilitarize Ukraine and to neutralize its army.\n\n"
        "He said this after realising that NATO would not accept Ukraine."
    )
    found = codes(lint(text, select="NL701"), "NL701")
    assert [f.match for f in found] == ["realising"]
    assert found[0].replacements == ["realizing"]


def test_tie_goes_to_the_first_form(lint):
    text = "We realized that Ukraine will not join.\n\nRussia wants to demilitarise Ukraine."
    assert [f.match for f in codes(lint(text, select="NL701"), "NL701")] == ["demilitarise"]


def test_hyphenated_compounds_count(lint):
    text = "The centre-right party won. The center-left party lost. The centre of town was quiet."
    assert [f.match for f in codes(lint(text, select="NL701"), "NL701")] == ["center"]


def test_oxford_spelling_is_not_a_mix(lint):
    text = "The organization said the colour of the flag would not change; analysts analysed it."
    assert not codes(lint(text, select="NL701"), "NL701")


def test_ise_with_american_or_is_a_mix(lint):
    text = "The organisation said the color of the flag would not change. The organisation agreed."
    assert [f.match for f in codes(lint(text, select="NL701"), "NL701")] == ["color"]


@pytest.mark.parametrize(
    "text",
    [
        "The prize was a size too small; police seized the boat before it could capsize. They revised it.",
        "The World Health Organization said the defence budget would not change.",
        "Talks at Pearl Harbor ended. The colour guard marched.",
        "Labor Party leaders met. The colour of the party is red.",
        "The Kennedy Center hosted the gala. The theatre critics were at the centre of the row.",
        "U.S. Defense Secretary Lloyd Austin visited. The defence ministry said so.",
        "Volodymyr Zelensky Says Ukraine Realized Who Its Friends Are\n\nThe colour was blue.",
        "The licence, the practice, the program and the story were checked.",
    ],
)
def test_names_and_shared_words_left_alone(lint, text):
    assert not codes(lint(text, select="NL701"), "NL701")


def test_preset_locale_fixes_the_system(lint):
    text = "The color of the flag is blue. The color was chosen in 1918."
    assert not codes(lint(text, select="NL701"), "NL701")
    found = codes(lint(text, select="NL701", style="bbc"), "NL701")
    assert [f.replacements for f in found] == [["colour"], ["colour"]]
    assert not codes(lint(text, select="NL701", style="ap"), "NL701")


def test_locale_option_overrides_preset(lint):
    text = "The colour of the flag is blue."
    found = codes(lint(text, select="NL701", style="bbc", options={"NL701": {"locale": "en-US"}}), "NL701")
    assert [f.replacements for f in found] == [["color"]]


def test_case_of_the_fix_follows_the_word(lint):
    text = "The colour was blue, the colour was red.\n\nColor was everywhere."
    found = codes(lint(text, select="NL701"), "NL701")
    assert [f.replacements for f in found] == [["Colour"]]


# ----- NL702 acronym case -----------------------------------------------------------------
def test_acronym_in_compounds_counts(lint):
    found = codes(
        lint("The NATO-led force met. The Nato-Russia council met. NATO agreed.", select="NL702"), "NL702"
    )
    assert [f.match for f in found] == ["Nato"]


def test_acronym_two_ways_flags_minority(lint):
    text = 'NATO members met.\n"Nato members have declined our aspirations," he said.\nNATO will meet again.'
    found = codes(lint(text, select="NL702"), "NL702")
    assert [(f.match, f.line) for f in found] == [("Nato", 2)]
    assert found[0].replacements == ["NATO"]


@pytest.mark.parametrize(
    "text",
    [
        "NATO members met. NATO will meet again.",
        "Nato members met. Nato will meet again.",
        "HEARTBREAKING MOMENT: troops retreat. The Moment came at dawn.",
        "The WHO said the virus was spreading. Who said so?",
        "Blackburn v Burnley\n\nBURNLEY make the short journey. Burnley are unbeaten.",
    ],
)
def test_acronym_left_alone(lint, text):
    assert not codes(lint(text, select="NL702"), "NL702")


# ----- NL703 small numbers (AP) ---------------------------------------------------------
def test_small_numbers_only_under_ap(lint):
    text = "Officials said 5 people were killed and 3 ships were sunk."
    assert not codes(lint(text, select="NL703"), "NL703")
    found = codes(lint(text, select="NL703", style="ap"), "NL703")
    assert [f.replacements for f in found] == [["five"], ["three"]]
    assert len(codes(lint(text, select="NL703", style="bbc"), "NL703")) == 2
    assert not codes(lint(text, select="NL703", style="nyt"), "NL703")


@pytest.mark.parametrize(
    "text",
    [
        "The boy, 5, was unhurt.",
        "Growth was 5 percent.",
        "Article 5 commits members to defend each other.",
        "The team won 3 games in a row.",
        "Between 5 and 10 people were hurt.",
        "He was born on March 5 in Kyiv.",
        "The 5-year-old was found.",
        "It cost $5 million.",
        "At 3 p.m. the talks ended.",
        "He is 6 feet tall.",
        "Version 2 adds features.",
        "The 3 D's of design.",
        "It was 5 years ago.",
        "No. 3 seeds lost.",
    ],
)
def test_small_numbers_left_alone(lint, text):
    assert not codes(lint(text, select="NL703", style="ap"), "NL703")


def test_style_never_crashes(lint):
    for text in ["", "NATO", "Nato", "colour", "1", "5 people", "a" * 3000]:
        for style in ("default", "ap", "bbc"):
            for f in lint(text, select="style", style=style):
                assert "internal error" not in f.message


def test_single_caps_and_sentence_opening_word_is_too_thin(lint):
    text = "UNITE said the strike was off.\n\nUnite the party, he urged."
    assert not codes(lint(text, select="NL702"), "NL702")
    twice = "UNITE said the strike was off. UNITE will meet.\n\nUnite members agreed."
    assert [f.match for f in codes(lint(twice, select="NL702"), "NL702")] == ["Unite"]


# ----- NL704 titles ----------------------------------------------------------------------
def test_titles_only_under_presets_that_lower_case_them(lint):
    text = "The Presidents simply have no agreements to approve yet, he said."
    assert not codes(lint(text, select="NL704"), "NL704")
    found = codes(lint(text, select="NL704", style="ap"), "NL704")
    assert [(f.match, f.replacements) for f in found] == [("Presidents", ["presidents"])]


@pytest.mark.parametrize(
    "text",
    [
        "President Zelensky met the president of Poland.",
        "The President of Ukraine spoke on Monday.",
        "The Prime Minister's Office said nothing.",
        "Talks Between The Two Presidents Resume In Istanbul",
        "The former President Donald Trump spoke.",
        "The Pope and the Queen met.",
    ],
)
def test_titles_before_names_and_headlines_left_alone(lint, text):
    assert not codes(lint(text, select="NL704", style="ap"), "NL704")


def test_bbc_preset_wants_ise_not_oxford(lint):
    text = "The organization said the colour would not change."
    assert not codes(lint(text, select="NL701"), "NL701")
    found = codes(lint(text, select="NL701", style="bbc"), "NL701")
    assert [(f.match, f.replacements) for f in found] == [("organization", ["organisation"])]


# ----- newsroom packs using these kinds --------------------------------------------------
HOUSE = """
[pack]
name = "house"

[[rules]]
code = "NL951"
name = "house-spelling"
kind = "locale-mix"
category = "style"
message = "'{match}' -> '{replacement}'"
spellings = "my-spellings.toml"

[[rules]]
code = "NL952"
name = "house-weekday"
kind = "weekday"
category = "dates"
message = "'{match}' should be {weekday}"
calendar = "my-calendar.toml"
"""


def test_newsroom_pack_reads_its_own_data_files(tmp_path):
    from newslint.config import Config
    from newslint.document import make_document
    from newslint.engine import Linter

    (tmp_path / "house.toml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "my-spellings.toml").write_text('[pairs]\ntire = "tyre"\n', encoding="utf-8")
    (tmp_path / "my-calendar.toml").write_text(
        '[months]\n"März" = 3\n[weekdays]\nMontag = 0\nDienstag = 1\n', encoding="utf-8"
    )
    linter = Linter(Config(packs=(str(tmp_path / "house.toml"),), select=("NL951", "NL952")))
    text = "The tyre burst. The tyre was new. The tire was old.\n\nAm Montag, 15 März 2022 begann es."
    found = {(f.rule, f.match) for f in linter.lint(make_document(text, "t.txt"))}
    assert found == {("NL951", "tire"), ("NL952", "Montag")}


def test_missing_data_file_is_a_configuration_error(tmp_path):
    from newslint.config import Config
    from newslint.engine import Linter
    from newslint.records import NewslintError

    (tmp_path / "house.toml").write_text(HOUSE, encoding="utf-8")
    with pytest.raises(NewslintError, match="my-spellings.toml"):
        Linter(Config(packs=(str(tmp_path / "house.toml"),), select=("NL951",)))


def test_dateline_in_capitals_is_not_an_acronym(lint):
    text = "LONDON (AP) — Talks resumed in London on Monday."
    assert not codes(lint(text, select="NL702"), "NL702")


# ----- NL702: all-caps text is not a spelling (issue 14, item 4) ---------------------------
@pytest.mark.parametrize("text", [
    "SAN JOSE — San Jose officials met on Monday. The San Jose council agreed.",
    "SAN JOSE, Calif. (AP) — San Jose officials met on Monday.",
    "KYIV, Ukraine (AP) — Kyiv's mayor said on Monday that Kyiv would hold.",
    "KYIV'S MAYOR SPEAKS\n\nKyiv's mayor said on Monday that Kyiv would hold.",
    "Kyiv's mayor spoke. KYIV'S defences held, he said. Kyiv is calm.",
    "NEW DELHI — Delhi officials said the smog would ease. Delhi schools stay shut.",
    "LIVE UPDATES: KHERSON\n\nKherson was shelled overnight.",
])
def test_capitals_of_datelines_headlines_and_labels_are_not_acronyms(lint, text):
    assert not codes(lint(text, select="NL702"), "NL702")


@pytest.mark.parametrize(("text", "flagged"), [
    ("NATO members met. Nato agreed on Monday. NATO will meet again.", ["Nato"]),
    ("BRUSSELS — NATO members met. Nato agreed. NATO will meet again.", ["Nato"]),
    ("The Nato summit met. Leaders of Nato agreed. NATO's chief spoke.", ["NATO"]),
])
def test_acronyms_in_running_text_are_still_compared(lint, text, flagged):
    assert [f.match for f in codes(lint(text, select="NL702"), "NL702")] == flagged


FIX_ROUND_TRIP = [
    "date 2023-05-01\nKIEV'S MAYOR SPEAKS\n\nKIEV, Ukraine (AP) — Kiev's mayor said Kiev would hold. KIEV'S defences held.",
    "date 2023-05-01\nODESSA — Odessa's port reopened. ODESSA'S GRAIN\n\nShips left Odessa.",
    "date 2023-05-01\nKHARKOV, Ukraine — Shelling hit Kharkov. The KHARKOV REGION was cut off.",
    "date 2023-05-01\nZELENSKIY SPEAKS\n\nZelenskiy said on Monday that Kiev would not give up. President Zelenskiy added more.",
    "date 2023-05-01\nThe the talks in Kiev ended.  Officials left.",
]


@pytest.mark.parametrize("text", FIX_ROUND_TRIP)
def test_a_fix_never_turns_one_finding_into_another(text):
    """Lint, apply the safe fixes, lint again: nothing that was not there before."""
    from newslint.api import lint_text
    from newslint.fix import apply, choose

    before = lint_text(text)
    fixed = apply(text, choose(before))
    assert fixed != text, "the case must have something to fix"
    after = lint_text(fixed)
    old = {(f.rule, f.match.casefold()) for f in before}
    new = [(f.rule, f.match) for f in after if (f.rule, f.match.casefold()) not in old]
    assert new == []
