"""Known names (NL101 mixed, NL102 house spelling): messages, presets with dates, positions."""
from __future__ import annotations

import pytest

from newslint.api import lint_text
from newslint.config import Config
from newslint.records import NewslintError, Rule
from newslint.packs import compile_rule


def run(text: str, style: str = "default", select: tuple[str, ...] = ("names",)) -> list:
    return lint_text(text, Config(select=select, style=style))


def codes(findings: list) -> list[tuple[str, str]]:
    return [(f.rule, f.match) for f in findings]


def test_mixed_message_names_lines_and_majority():
    lines = ["Volodymyr Zelensky spoke." if i in (1, 3, 5) else "Filler line." for i in range(1, 8)]
    lines[6] = "An adviser to President Zelenskyy agreed."
    text = "\n".join(lines) + "\n"
    found = run(text)
    assert codes(found) == [("NL101", "Zelenskyy")]
    f = found[0]
    assert f.message == "Zelenskyy (line 7) — this article spells the name Zelensky 3 times (lines 1, 3, 5). Use one form."
    assert f.line == 7 and text[f.offset:f.offset + f.length] == "Zelenskyy"
    assert f.fix is not None and f.fix.replacement == "Zelensky" and f.fix.safe is False


def test_many_lines_are_elided():
    text = "\n".join(["Zelensky said so."] * 8 + ["Zelenskyy said so."]) + "\n"
    (f,) = run(text)
    assert "Zelensky 8 times (lines 1, 2, 3, 4, 5, 6, ...)" in f.message


def test_tie_first_use_wins():
    found = run("Zelenskiy arrived. Zelensky left.")
    assert codes(found) == [("NL101", "Zelensky")]


def test_consistent_article_is_not_flagged_without_preset():
    text = "Ukraine's Zelenskiy\n\nPresident Volodymyr Zelenskiy spoke. Zelenskiy said no.\n"
    assert run(text) == []


def test_possessive_caps_and_no_match_inside_longer_words():
    found = run("ZELENSKY'S OFFICE said no. Zelensky’s aide agreed. Zelenskyy's spokesman too.")
    assert codes(found) == [("NL101", "Zelenskyy")]
    assert run("The Zelenskyyite movement and Zelensky.") == []
    assert run("Zelenskaya is a surname; Zelensky is another.") == []


def test_multiword_variants_and_hyphens():
    found = run("Kim Jong Un visited. Kim Jong Un left. Kim Jong-un returned.")
    assert codes(found) == [("NL101", "Kim Jong-un")]
    assert run("Kim Jong Un met Kim Yo Jong.") == []


def test_assad_short_form_is_not_a_mix():
    assert run("Bashar al-Assad spoke. Assad later left. Mr Assad returned.") == []
    assert codes(run("Bashar al-Assad spoke. Bashar Assad left. Bashar al-Assad returned.")) == [
        ("NL101", "Bashar Assad")]


@pytest.mark.parametrize(("date", "style", "expected"), [
    ("2019-11-01", "ap", [("NL102", "Zelenskyy")]),   # AP wrote Zelensky in 2019
    ("2023-03-01", "ap", [("NL102", "Zelensky")] * 2),    # and Zelenskyy by 2022
    ("2023-03-01", "reuters", [("NL102", "Zelensky")] * 2 + [("NL102", "Zelenskyy")]),
    ("2023-03-01", "bbc", [("NL102", "Zelenskyy")]),
    ("2019-01-01", "ap", [("NL101", "Zelenskyy")]),   # before any AP evidence: only mixing
])
def test_preset_preference_in_force_on_the_article_date(date, style, expected):
    text = f"date {date}\nPresident Zelensky spoke. Zelensky left. Zelenskyy returned.\n"
    assert codes(run(text, style)) == expected


def test_preset_fix_is_safe_and_keeps_case():
    found = run("date 2023-03-01\nZELENSKY'S ENVOY. Zelensky spoke.\n", "ap")
    assert [(f.match, f.fix.replacement, f.fix.safe) for f in found] == [
        ("ZELENSKY", "ZELENSKYY", True), ("Zelensky", "Zelenskyy", True)]
    assert found[0].message.startswith("AP style spells this name 'ZELENSKYY', not 'ZELENSKY' (in force since 2022-04-01)")


def test_no_stacking_under_preset():
    found = run("date 2023-03-01\nZelensky spoke. Zelensky left. Zelenskyy returned.\n", "ap")
    assert {f.rule for f in found} == {"NL102"}


def test_preset_without_entry_for_a_group_still_flags_mixing():
    found = run("date 2023-03-01\nKhodorkovsky spoke. Khodorkovskiy left.\n", "ap")
    assert codes(found) == [("NL101", "Khodorkovskiy")]


def test_nyt_gaddafi():
    found = run("date 2011-03-01\nColonel Gaddafi spoke. Qaddafi left.\n", "nyt")
    assert codes(found) == [("NL102", "Gaddafi")]
    assert found[0].fix.replacement == "Qaddafi"


def test_zhovka_in_dev_article_shape():
    text = ("Ukraine is not planning anything, Ihor Zhovka, the Deputy Head, told the FT.\n"
            "\"We will not,\" Zhovkva said.\n"
            "Zhovkva said Kyiv expected more.\n")
    found = run(text, select=("names",))
    assert codes(found) == [("NL101", "Zhovka")]
    assert found[0].message.startswith("Zhovka (line 1) — this article spells the name Zhovkva twice (lines 2, 3).")


def _rule(**spec) -> Rule:
    spec = {"code": "NL991", "name": "x", "kind": "name-groups", "category": "names", "message": "m", **spec}
    return Rule(code="NL991", name="x", kind="name-groups", category="names", severity="warning",
                message="m", pack="t", pack_path="/nonexistent/t.toml", spec=spec)


@pytest.mark.parametrize(("spec", "needle"), [
    ({"groups": [{"variants": ["A"]}]}, "at least two variants"),
    ({"groups": [{"variants": ["Aa", "Bb"], "presets": {"nosuch": []}}]}, "unknown style preset"),
    ({"groups": [{"variants": ["Aa", "Bb"], "prefer": [{"spelling": "Cc", "since": "2020-01-01", "source": "s"}]}]},
     "not one of the group's variants"),
    ({"groups": [{"variants": ["Aa", "Bb"], "prefer": [{"spelling": "Aa", "since": "2020-01-01"}]}]}, "needs a 'source'"),
    ({"groups": [{"variants": ["Aa", "Bb"], "prefer": [{"spelling": "Aa", "since": "soon", "source": "s"}]}]},
     "must be a date"),
    ({"groups": [{"variants": ["Aa", "Bb"], "colour": "red"}]}, "unknown field 'colour'"),
    ({"groups": [], "mode": "loud"}, "mode must be"),
    ({"groups-from": "NL999"}, "groups-from NL999"),
    ({}, "needs 'groups' or 'groups-from'"),
])
def test_bad_group_specs_are_configuration_errors(spec, needle):
    with pytest.raises(NewslintError) as info:
        compile_rule(_rule(**spec))
    assert needle in str(info.value) and "NL991" in str(info.value)


def test_name_consistency_kind_only_checks_mixing():
    rule = _rule(groups=[{"variants": ["Aa", "Bb"]}], mode="style")
    rule = Rule(**{**rule.__dict__, "kind": "name-consistency"})
    with pytest.raises(NewslintError, match="only checks mixing"):
        compile_rule(rule)


def test_case_only_variants_are_one_form():
    assert run("Kim Jong-Un Visits Moscow\n\nKim Jong-un arrived. KIM JONG-UN left. Kim Jong-un spoke.\n") == []


def test_more_presets():
    assert codes(run("date 2023-01-01\nKim Jong-un fired a missile.\n", "ap")) == [("NL102", "Kim Jong-un")]
    assert run("date 2023-01-01\nKim Jong Un fired a missile.\n", "ap") == []
    found = run("date 2023-01-01\nPresident Erdogan spoke.\n", "guardian")
    assert [f.fix.replacement for f in found] == ["Erdoğan"]
    assert run("date 2023-01-01\nPresident Erdogan spoke.\n", "ap") == []
