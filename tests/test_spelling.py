"""Spelling (NL001) and the shared lexicon (newslint.lexicon)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newslint.lexicon import frequency, is_word, variety_of

DATA = Path(__file__).parent / "data" / "spelling"


def nl001(lint, text: str, **config: object) -> list:
    return [f for f in lint(text, select="NL001", **config) if f.rule == "NL001"]


def _slips() -> list[tuple[str, str, str]]:
    rows = []
    for line in (DATA / "misspellings.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            sentence, typo, meant = line.split("\t")
            rows.append((sentence, typo, meant))
    return rows


def _correct() -> list[str]:
    lines = (DATA / "correct.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


# ----- the test set -----------------------------------------------------------------------------
def test_test_set_is_large_and_varied():
    slips, correct = _slips(), _correct()
    assert len(slips) >= 150 and len(correct) >= 150
    assert len({typo.lower() for _, typo, _ in slips}) >= 140  # not one word many times
    for sentence, typo, _ in slips:
        assert typo in sentence


def test_recall_and_suggestions_on_the_test_set(lint):
    slips = _slips()
    found = suggested = 0
    missed = []
    for sentence, typo, meant in slips:
        hits = [f for f in nl001(lint, sentence) if f.match == typo]
        if not hits:
            missed.append(typo)
            continue
        found += 1
        suggested += meant.lower() in [r.lower() for r in hits[0].replacements]
    assert found / len(slips) >= 0.9, missed
    assert suggested / found >= 0.9


def test_no_false_alarms_on_correct_sentences(lint):
    alarms = [(f.match, sentence) for sentence in _correct() for f in nl001(lint, sentence)]
    assert len(alarms) <= 2, alarms


def test_each_misspelling_is_reported_alone(lint):
    extra = [(f.match, s) for s, typo, _ in _slips() for f in nl001(lint, s) if f.match != typo]
    assert not extra


# ----- behaviour ---------------------------------------------------------------------------------
def test_fix_is_offered_only_when_one_suggestion_is_clearly_best_and_never_safe(lint):
    [clear] = nl001(lint, "The comittee met on Monday.")
    assert clear.fix is not None and clear.fix.replacement == "committee" and clear.fix.safe is False
    [unclear] = nl001(lint, "It is not clear wich of the two men fired.")
    assert unclear.fix is None
    assert "which" in unclear.replacements[:3] and "with" in unclear.replacements[:3]


def test_suggestions_follow_the_variety(lint):
    british = nl001(lint, "The organisaton said so.", style="bbc")
    assert british and british[0].replacements[0] == "organisation"
    assert not nl001(lint, "The organisaton said so.", style="ap")  # no American word is one slip away
    american = nl001(lint, "The organizaton said so.", style="ap")
    assert american[0].replacements[0] == "organization"


@pytest.mark.parametrize("text", [
    "The colour and the programme, the centre and the defence: the organisation's manoeuvre.",
    "The color and the program, the center and the defense: the organization's maneuver.",
])
def test_either_variety_is_never_a_misspelling(lint, text):
    for style in ("bbc", "ap", "default"):
        assert not nl001(lint, text, style=style)


def test_a_capitalised_sentence_opener_is_checked_but_names_are_not(lint):
    assert [f.match for f in nl001(lint, "Goverment officials declined to comment.")] == ["Goverment"]
    quiet = [
        "Sebastien Loeb won the rally. Sebastien said it was hard.",  # a name used twice
        "Calum MacRae surrendered possession.",                        # followed by a capital
        "Subs not used: Hamann, Harrison.",                            # after a colon
        "Dudek, Finnan, Hyypia and Carragher started.",                 # a list of names
        "Mr Roddick won. Rodick lost in the final.",                   # a name's typo is NL103's
        "Cech saved twice.",                                           # near a proper name (Czech)
        "The Zelenskyy government met. Zelenskyy said no.",
    ]
    for text in quiet:
        assert not nl001(lint, text), text


def test_a_word_capitalised_mid_sentence_elsewhere_is_a_name(lint):
    assert not nl001(lint, "The siloviki met. The Siloviki are powerful, Mr Putin said.")


def test_compounds_contractions_and_possessives(lint):
    assert [f.match for f in nl001(lint, "A goverment-backed scheme was launched.")] == ["goverment"]
    assert [f.match for f in nl001(lint, "The goverment's plan emerged.")] == ["goverment"]
    assert not nl001(lint, "They'd said the workers' union wouldn't strike; it's the children's ward.")


@pytest.mark.parametrize("text", [
    "See www.goverment-example.co.uk/comittee for details.",
    "Write to comittee@example.org today.",
    "Follow @goverment_watch and #seperate online.",
    "The 10mph limit, the 5km run and the £5bn bill.",
    "Run `recieve --now` in the shell.",
])
def test_urls_addresses_handles_hashtags_units_and_code_are_skipped(lint, text):
    assert not nl001(lint, text)


def test_markdown_code_is_skipped(lint):
    text = "The comittee met.\n\n```\nseperate = recieve()\n```\n\nInline `occured` code.\n"
    assert [f.match for f in nl001(lint, text, path="t.md")] == ["comittee"]


def test_unknown_words_with_no_common_neighbour_stay_quiet(lint):
    assert not nl001(lint, "The hryvnia, the siloviki and the peshmerga; a staycation and an omnishambles.")


def test_inflections_and_word_building_are_words(lint):
    assert not nl001(lint, "The winless side; 18 to 24 year olds; the unfollowed accounts.")


# ----- the newsroom's word list -----------------------------------------------------------------
def test_newsroom_dictionary_silences_its_words(tmp_path):
    from newslint.api import lint_file

    (tmp_path / "words.txt").write_text("# our words\nvlogger\n\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("The vlogger filmed the comittee.\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('select = ["NL001"]\n', encoding="utf-8")
    before = [f.match for f in lint_file(story)]
    assert before == ["vlogger", "comittee"]
    (tmp_path / "newslint.toml").write_text('select = ["NL001"]\ndictionary = ["words.txt"]\n', encoding="utf-8")
    from newslint.config import read_config

    config = read_config(tmp_path / "newslint.toml")
    assert [f.match for f in lint_file(story, config)] == ["comittee"]


def test_missing_dictionary_file_is_a_configuration_error(tmp_path):
    (tmp_path / "newslint.toml").write_text('dictionary = ["nowhere.txt"]\n', encoding="utf-8")
    (tmp_path / "story.txt").write_text("The comittee met.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "newslint.cli", str(tmp_path / "story.txt")],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2
    assert "dictionary file not found" in run.stderr and "Traceback" not in run.stderr


# ----- the lexicon -----------------------------------------------------------------------------
@pytest.mark.parametrize(("word", "variety", "expected"), [
    ("committee", None, True), ("comittee", None, False), ("Committee", None, True),
    ("COMMITTEE", None, True), ("colour", "en-GB", True), ("colour", "en-US", False),
    ("color", "en-US", True), ("color", "en-GB", False), ("colour", None, True),
    ("Kremlin", None, True), ("KremlinHowever", None, False), ("e-mail", None, True),
    ("manoeuvre", "uk", True), ("don't", None, True), ("minister's", None, True),
    ("", None, False), ("   ", None, False), ("olds", None, True),
])
def test_is_word(word, variety, expected):
    assert is_word(word, variety) is expected


def test_variety_names():
    assert variety_of("en-GB") == variety_of("en_gb") == variety_of("British") == "uk"
    assert variety_of("en-US") == variety_of("american") == "us"
    assert variety_of(None) is None and variety_of("fr") is None


def test_british_spellings_take_their_american_counterparts_frequency():
    assert frequency("colour") == frequency("color") > 0
    assert frequency("comittee") == 0


def test_dictionaries_load_only_when_the_rule_runs():
    code = ("import sys; from newslint.api import lint_text; "
            "lint_text('The comittee met.', {'select': ['NL4']}); "
            "print('spellchecker' in sys.modules or 'spylls' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_reduplicated_words_are_loanwords_not_slips(lint):
    assert not nl001(lint, "The dish is made with mahi mahi and served in Bora Bora.")


def test_a_name_opening_a_sentence_near_two_common_words_is_left_alone(lint):
    assert not nl001(lint, "Starmer attributed the rise to the budget.")  # starter? stammer?
    assert [f.match for f in nl001(lint, "Develoopment will start in May.")] == ["Develoopment"]


def test_a_word_cut_by_an_ellipsis_is_not_a_slip(lint):
    assert not nl001(lint, "...merican Standard Code for Information Interchange is originall...")
