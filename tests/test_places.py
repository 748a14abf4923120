"""Place names (NL201 house style, NL202 mixed): exceptions, dates, presets, no stacking."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import Config
from newslint.toml import load_toml


def run(text: str, style: str = "default") -> list:
    return lint_text(text, Config(select=("places",), style=style))


def codes(findings: list) -> list[tuple[str, str]]:
    return [(f.rule, f.match) for f in findings]


@pytest.mark.parametrize("text", [
    "Talks in Kiev resumed.",
    "Kiev's mayor spoke.",
    "Kiev’s mayor spoke.",
    "The Moscow-Kiev war goes on.",
    "KIEV REJECTS PEACE PLAN",
    "Kiev Says No To Talks",
    "Dynamo Kiev won at home.",
])
def test_kiev_is_flagged_in_current_copy(text):
    found = run("date 2023-01-01\n" + text)
    assert [f.rule for f in found] == ["NL201"]
    f = found[0]
    assert f.match.lower() == "kiev"
    assert f.fix.replacement in ("Kyiv", "KYIV") and f.fix.safe


@pytest.mark.parametrize("text", [
    "He ordered chicken Kiev.",
    "Chicken Kiev is on the menu.",
    "Kievan Rus' was a medieval state.",
    "The Kiev Rus chronicles survive.",
    "The oil town of Odessa, Texas, lies in the Permian Basin.",
    "Odessa, TX is hot.",
    "The match was at the Donbass Arena.",
    "The Battle of Kiev in 1941 cost many lives.",
    "Kyiv (Kiev) is the capital.",
    "Kyiv (formerly Kiev) is the capital.",
    "Eswatini, formerly known as Swaziland, is a monarchy.",
    "Kyiv, also spelt Kiev, is the capital.",
    "She starred in “Kiev Nights” last year.",
    "He read \"The Odessa File\" twice.",
    "Ivan Nikolaev, a former minister, spoke.",
    "Maria Lvova-Belova was sanctioned.",
    "We ate turkey. Turkey dinners are popular.",
    "Talks in Kyiv resumed.",
    "Donbas miners went on strike.",
])
def test_exceptions_and_correct_copy(text):
    assert run("date 2023-01-01\n" + text) == []


def test_historic_copy_keeps_its_spelling():
    assert run("date 2004-11-25\nProtesters filled Kiev's Independence Square.\n") == []
    assert codes(run("date 2019-09-01\nTalks in Kiev.\n")) == [("NL201", "Kiev")]  # AP from 2019-08-14
    assert run("date 2021-06-01\nShelling hit Kharkov.\n") == []
    assert codes(run("date 2022-06-01\nShelling hit Kharkov.\n")) == [("NL201", "Kharkov")]


def test_guardian_switched_earlier():
    text = "date 2019-05-01\nTalks in Kiev.\n"
    assert run(text) == []
    (f,) = run(text, "guardian")
    assert f.rule == "NL201" and f.message == "Guardian style is 'Kyiv', not 'Kiev'."


def test_default_message_is_house_style():
    (f,) = run("Talks in Kiev resumed.")
    assert f.message == "House style is 'Kyiv', not 'Kiev'."
    assert (f.line, f.column, f.length) == (1, 10, 4)


def test_renamings():
    assert codes(run("date 2020-01-01\nThe king of Swaziland came.")) == [("NL201", "Swaziland")]
    assert run("date 2017-01-01\nThe king of Swaziland came.") == []
    found = run("date 2020-01-01\nThe Former Yugoslav Republic of Macedonia joined.")
    assert [f.fix.replacement for f in found] == ["North Macedonia"]
    assert run("date 2020-01-01\nAlexander the Great was king of Macedonia.") == []
    assert codes(run("date 2020-01-01\nFighting near Artemovsk.")) == [("NL201", "Artemovsk")]


def test_no_two_findings_on_one_word():
    found = run("date 2023-01-01\nKyiv said no. Officials in Kyiv agreed. Kiev later denied it.\n")
    assert codes(found) == [("NL201", "Kiev")]


def test_mixing_is_its_own_finding_where_no_spelling_is_in_force():
    found = run("date 2010-05-01\nKiev said no. Officials in Kiev agreed. Kyiv later denied it.\n")
    assert codes(found) == [("NL202", "Kyiv")]
    assert found[0].message == "Kyiv (line 2) — this article writes Kiev twice (line 2). Use one form."
    assert found[0].fix.replacement == "Kiev" and not found[0].fix.safe


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey said no. Officials in Turkey agreed. Türkiye later denied it.", [("NL202", "Türkiye")]),
    ("Türkiye said no. TURKEY LATER AGREED. Türkiye denied it.", [("NL202", "TURKEY")]),
    ("Myanmar's army took power. Burma was ruled by generals.", [("NL202", "Burma")]),
    ("Myanmar, formerly Burma, held elections.", []),
    ("Myanmar (Burma) held elections.", []),
    ("Turkey said no. Turkey agreed.", []),
    ("Czechia and the Czech Republic are one country.", [("NL202", "Czech Republic")]),
])
def test_places_without_a_house_preference_are_checked_for_mixing(text, expected):
    assert codes(run("date 2023-06-01\n" + text)) == expected


def test_turkey_is_not_flagged_by_any_preset():
    for style in ("default", "ap", "reuters", "bbc", "guardian", "nyt"):
        assert run("date 2023-06-01\nTurkey said no.", style) == []


# --- Mention is not use (issue 14, item 3) ------------------------------------------------
_MENTION_DATA = Path(__file__).parent / "data" / "places" / "mention.toml"


def _mention_cases(section: str) -> list:
    data = load_toml(_MENTION_DATA)[0]
    return [pytest.param(case["text"], case["flagged"], id=f"{section}-{i}") for i, case in enumerate(data[section])]


@pytest.mark.parametrize(("text", "flagged"), _mention_cases("spelling") + _mention_cases("use"))
def test_mention_is_not_use(text, flagged):
    """Articles about a spelling change get no finding but for a real use of the old name;
    articles using the old name as the name of the place are flagged."""
    assert [f.match for f in run("date 2023-05-01\n" + text)] == flagged


def test_mention_sets_are_large_enough():
    data = load_toml(_MENTION_DATA)[0]
    assert len(data["spelling"]) >= 30 and len(data["use"]) >= 30


def test_mentions_leave_the_other_rules_alone():
    # a mention is not counted for mixing either (NL202, no preference in force)
    assert run("date 2023-06-01\nTurkey said no. The word \"Türkiye\" is now used by the UN.") == []
    assert codes(run("date 2023-06-01\nTurkey said no. Türkiye later agreed.")) == [("NL202", "Türkiye")]


MENTION_PACK = '''
[pack]
name = "house"
description = "mention test pack"

[[rules]]
code = "NL951"
name = "house-words"
kind = "substitution"
category = "style"
message = "Use '{replacement}', not '{match}'."
terms = { irregardless = "regardless" }

[[rules]]
code = "NL952"
name = "house-words-off"
kind = "substitution"
category = "style"
message = "Use '{replacement}', not '{match}'."
terms = { irregardless = "regardless" }
mentions = false

[[rules]]
code = "NL953"
name = "house-names"
kind = "consistency"
category = "names"
message = "{match} vs {preferred}"
groups = [["Zelensky", "Zelenskyy"]]
'''


@pytest.mark.parametrize(("text", "expected"), [
    ("Irregardless of the cost, the plan went ahead.", {"NL951", "NL952"}),
    ("Readers wrote in about the word “irregardless”.", {"NL952"}),
    ("Write regardless, not irregardless.", {"NL952"}),
    ("Zelensky spoke. Zelensky left. Zelenskyy returned.", {"NL953"}),
    ("Zelensky spoke. Zelensky left. The spelling Zelenskyy is AP's.", set()),
])
def test_substitution_and_consistency_know_mentions(tmp_path, text, expected):
    from newslint.document import make_document
    from newslint.engine import Linter

    path = tmp_path / "house.toml"
    path.write_text(MENTION_PACK, encoding="utf-8")
    linter = Linter(Config(packs=(str(path),), select=("NL951", "NL952", "NL953")))
    assert {f.rule for f in linter.lint(make_document(text, "t.txt"))} == expected


def test_broken_mention_cues_are_a_pack_error(tmp_path):
    from newslint.kinds.base import PackError
    from newslint.kinds.mention import load_cues

    bad = tmp_path / "cues.toml"
    bad.write_text("[naming]\nbefore = ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(PackError, match="does not compile"):
        load_cues(str(bad))


def test_a_pack_may_bring_its_own_mention_cues(tmp_path):
    from newslint.document import make_document
    from newslint.engine import Linter
    from newslint.records import NewslintError

    (tmp_path / "cues.toml").write_text("[naming]\nbefore = ['\\bthe\\s+label']\n", encoding="utf-8")
    pack = MENTION_PACK.replace('terms = { irregardless = "regardless" }\n\n[[rules]]\ncode = "NL952"',
                                'terms = { irregardless = "regardless" }\nmention-cues = "cues.toml"\n\n'
                                '[[rules]]\ncode = "NL952"', 1)
    (tmp_path / "house.toml").write_text(pack, encoding="utf-8")
    linter = Linter(Config(packs=(str(tmp_path / "house.toml"),), select=("NL951",)))
    lint = lambda text: [f.rule for f in linter.lint(make_document(text, "t.txt"))]  # noqa: E731
    assert lint("They printed the label irregardless on the cover.") == []
    assert lint("Irregardless of the cost, it went ahead.") == ["NL951"]
    (tmp_path / "broken.toml").write_text(pack.replace("cues.toml", "cues2.toml"), encoding="utf-8")
    (tmp_path / "cues2.toml").write_text("[naming]\nbefore = ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(NewslintError, match="does not compile"):
        Linter(Config(packs=(str(tmp_path / "broken.toml"),), select=("NL951",)))
