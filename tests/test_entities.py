"""Entities rules (NL301-NL303) on real-world-style sentences, true and false, at
several article dates. Each case is one test; what must stay quiet is tested as
carefully as what must be found."""

from __future__ import annotations

import pytest

from newslint.api import lint_text
from newslint.config import Config

CONFIG = Config(select=("NL3",))


def findings(text: str, date: str):
    return [f for f in lint_text(f"date {date}\n{text}", CONFIG) if f.rule.startswith("NL3")]


# (article date, sentence, rule expected or None, the text it must flag)
FLAGGED = [
    # NATO: a member where a non-member is needed
    (
        "2022-03-11",
        "In December, Russia had asked NATO not to include Ukraine and Belgium in their military alliance.",
        "NL301",
        "Belgium",
    ),
    ("2022-02-20", "The Kremlin demands that NATO never admit Ukraine or Poland.", "NL301", "Poland"),
    ("2024-06-01", "Finland is expected to join NATO within weeks.", "NL301", "Finland"),
    ("2025-01-10", "Finland's bid to join NATO is stalling in the Turkish parliament.", "NL301", "Finland"),
    ("2025-02-01", "Norway and Finland applied to join NATO in May 2022.", "NL301", "Norway"),
    ("2025-02-01", "Moscow has warned against Ukraine and Poland joining NATO.", "NL301", "Poland"),
    ("2026-02-01", "Stockholm's bid to join NATO is stalling.", "NL301", "Stockholm"),
    ("2026-02-01", "The Swedish bid to join NATO faces a Hungarian veto.", "NL301", "Swedish"),
    ("2024-09-01", "Non-NATO Finland is stepping up border patrols.", "NL301", "Finland"),
    ("2024-02-01", "France is not a member of NATO, the minister claimed.", "NL301", "France"),
    # NATO: a non-member where a member is needed
    (
        "2025-01-10",
        "NATO members such as Poland and Austria are raising defence spending.",
        "NL302",
        "Austria",
    ),
    ("2023-01-15", "Sweden, a NATO member, hosts the exercise this spring.", "NL302", "Sweden"),
    ("2025-01-10", "Ukraine, a NATO ally, asked for more air defence.", "NL302", "Ukraine"),
    ("2023-01-15", "Sweden is now a NATO member, the minister said.", "NL302", "Sweden"),
    # EU
    (
        "2025-02-01",
        "The EU should admit Ukraine, Moldova and Austria as soon as possible.",
        "NL301",
        "Austria",
    ),
    ("2024-05-02", "Sweden will apply to join the EU, officials said on Tuesday.", "NL301", "Sweden"),
    ("2025-01-10", "Ireland and fellow EU member Britain share a land border.", "NL302", "Britain"),
    ("2024-03-01", "EU members such as Norway and Denmark back the plan.", "NL302", "Norway"),
    ("2025-02-01", "Switzerland, an EU member state, signed the deal.", "NL302", "Switzerland"),
    # euro area, Schengen
    ("2025-02-01", "Croatia's bid to join the eurozone is on track.", "NL301", "Croatia"),
    ("2025-02-01", "Ireland is part of the Schengen area.", "NL302", "Ireland"),
    # OPEC, BRICS, G7, UN Security Council
    ("2025-02-01", "OPEC members such as Angola and Nigeria are pumping more.", "NL302", "Angola"),
    ("2023-06-01", "Kuwait's bid to join OPEC stunned the market.", "NL301", "Kuwait"),
    ("2025-02-01", "BRICS members such as Turkey and Indonesia attended.", "NL302", "Turkey"),
    ("2025-02-01", "G7 members such as China and Japan were invited.", "NL302", "China"),
    (
        "2025-02-01",
        "France's bid for a permanent seat on the Security Council has stalled.",
        "NL301",
        "France",
    ),
    (
        "2025-02-01",
        "India, a permanent member of the UN Security Council, vetoed the resolution.",
        "NL302",
        "India",
    ),
    # counts
    ("2025-01-10", "NATO, an alliance of 30 countries, met in Brussels.", "NL303", "30"),
    ("2015-06-01", "The 27-member EU agreed new sanctions.", "NL303", "27"),
    ("2019-06-01", "The 27-member EU agreed new sanctions.", "NL303", "27"),
    ("2025-02-01", "All 30 NATO allies signed the statement.", "NL303", "30"),
    ("2024-06-01", "OPEC, a cartel of 13 countries, agreed to cut output.", "NL303", "13"),
]

QUIET = [
    # true statements, history, negation, reported speech, hypotheticals
    (
        "2022-03-11",
        "In December, Russia had asked NATO not to include Ukraine and Georgia in their military alliance.",
    ),
    ("2022-06-01", "Finland is expected to join NATO within weeks."),
    ("2022-05-20", "Finland's bid to join NATO is stalling in the Turkish parliament."),
    ("2024-04-02", "Finland's 2022 bid to join NATO ended a long history of neutrality."),
    ("2024-04-02", "Before Finland joined NATO, its border with Russia was guarded by conscripts."),
    ("2024-04-02", "Sweden joined NATO in 2024."),
    ("2025-02-01", "Sweden's bid to join NATO was blocked by Turkey for months."),
    ("2022-03-11", "Belgium, a NATO member since 1949, hosts the alliance's headquarters."),
    ("2025-03-01", "Russia wants NATO to withdraw forces from its eastern members."),
    ("2025-03-01", "If Belgium wanted to join NATO today, it would have to apply."),
    ("2022-03-16", "Putin wanted guarantees that Ukraine would never join NATO."),
    (
        "2022-03-16",
        "To prevent Ukraine from joining NATO or the EU, the Kremlin demands changes to the constitution.",
    ),
    (
        "2022-03-11",
        "There are things we proposed, such as the promise that Ukraine and Georgia would become part of NATO.",
    ),
    ("2022-03-16", "NATO is an intergovernmental military alliance of 30 countries including the US."),
    ("2025-01-10", "NATO members such as Poland and Finland are raising defence spending."),
    ("2025-01-10", "Non-NATO countries such as Austria and Ireland stay neutral."),
    ("2025-01-10", "Britain, then an EU member, voted to leave."),
    ("2019-05-01", "Ireland and fellow EU member Britain share a land border."),
    ("2025-03-01", "Britain is no longer a member of the EU."),
    ("2025-02-01", "Non-EU Norway and Switzerland are part of the Schengen area."),
    ("2025-02-01", "Turkey is a member of the EU's customs union."),
    ("2025-02-01", "Bulgaria will adopt the euro in 2026."),
    ("2022-02-01", "Croatia's bid to join the eurozone is on track."),
    ("2023-02-01", "OPEC members such as Angola and Nigeria are pumping more."),
    ("2024-06-01", "OPEC+ producers such as Russia and Saudi Arabia are cutting output."),
    ("2025-02-01", "BRICS members such as Saudi Arabia and Indonesia attended."),
    ("2025-02-01", "G20 members such as China and India were invited."),
    ("2025-02-01", "Japan's bid for a permanent seat on the Security Council has stalled."),
    ("2025-02-01", "Russia, a permanent member of the UN Security Council, vetoed the resolution."),
    ("2025-01-10", "NATO, an alliance of 32 countries, met in Brussels."),
    ("2010-06-01", "The 27-member EU agreed new sanctions."),
    ("2025-01-10", "In 2019, NATO, then an alliance of 29 countries, celebrated its 70th anniversary."),
    ("2025-01-10", "NATO's 12 founding members signed the treaty in Washington."),
    ("2025-02-01", "The Netherlands is a NATO member; Holland hosts the court."),
    ("2025-02-01", "He is the only non-Nato member leader invited to attend the summit."),
    ("2025-02-01", "Ukraine recently said it wants closer European Union links."),
]


@pytest.mark.parametrize(
    ("date", "text", "rule", "match"), FLAGGED, ids=[f"{c[2]}-{c[3]}-{c[0]}" for c in FLAGGED]
)
def test_flagged(date: str, text: str, rule: str, match: str) -> None:
    found = findings(text, date)
    assert [(f.rule, f.match) for f in found] == [(rule, match)], [f.message for f in found]


@pytest.mark.parametrize(("date", "text"), QUIET, ids=[f"quiet-{i}" for i in range(len(QUIET))])
def test_quiet(date: str, text: str) -> None:
    found = findings(text, date)
    assert not found, [f.message for f in found]


def test_message_explains_fact_source_date_and_suggestion() -> None:
    text = "In December, Russia had asked NATO not to include Ukraine and Belgium in their military alliance."
    (finding,) = findings(text, "2022-03-11")
    assert finding.message.startswith("Belgium has been a NATO member since 1949; 'not to include … in their")
    assert "Did you mean Georgia?" in finding.message
    assert "rules/knowledge/nato.toml" in finding.message and "2022-03-11" in finding.message
    assert finding.replacements == ["Georgia"]
    assert finding.fix is not None and not finding.fix.safe
    assert finding.category == "entities" and finding.name == "implausible-membership"


def test_suggestion_prefers_aspirant_the_article_mentions() -> None:
    text = (
        "Bosnia and Herzegovina's leaders met in Sarajevo.\n\n"
        "Russia asked NATO not to include Ukraine and Belgium in the alliance."
    )
    (finding,) = findings(text, "2022-03-11")
    assert finding.replacements == ["Bosnia and Herzegovina"]


def test_no_suggestion_without_a_named_or_mentioned_aspirant() -> None:
    (finding,) = findings("Finland is expected to join NATO within weeks.", "2024-06-01")
    assert finding.replacements == [] and "Did you mean" not in finding.message


def test_count_suggests_the_right_number_in_the_same_form() -> None:
    (finding,) = findings("NATO's thirty members agreed on a new target.", "2025-06-01")
    assert finding.replacements == ["thirty-two"]
    (finding,) = findings("NATO, an alliance of 30 countries, met.", "2025-06-01")
    assert finding.replacements == ["32"]
    assert "NATO had 32 members on 1 June 2025" in finding.message


def test_membership_changes_with_the_article_date() -> None:
    sentence = "Finland wants to join NATO."
    assert not findings(sentence, "2022-05-01")
    assert [f.match for f in findings(sentence, "2024-06-01")] == ["Finland"]


def test_undated_copy_is_judged_with_the_years_it_mentions() -> None:
    text = "The 25-member EU met in Brussels in 2005 to discuss the budget."
    assert not [f for f in lint_text(text, CONFIG) if f.rule.startswith("NL3")]


def test_position_maps_to_the_original_file_in_markdown() -> None:
    text = "---\ndate: 2022-03-11\n---\n\nRussia asked **NATO** not to include Ukraine and Belgium in the alliance.\n"
    found = [f for f in lint_text(text, CONFIG, path="a.md") if f.rule == "NL301"]
    assert len(found) == 1
    assert text[found[0].offset : found[0].offset + found[0].length] == "Belgium"


JOIN_YEARS = [
    ("Sweden, which joined NATO in 2023, sent jets to the exercise.", "Sweden", ["Finland"]),
    ("Finland, a NATO member since 2024, guards a long border with Russia.", "Finland", ["Sweden"]),
    ("Finland and Sweden joined NATO in 2023.", "Sweden", []),
    ("Poland joined the EU in 2007, along with Romania.", "Poland", ["Bulgaria"]),
    ("Austria joined NATO in 1995.", "Austria", []),
]


@pytest.mark.parametrize(("text", "match", "suggested"), JOIN_YEARS)
def test_join_year(text: str, match: str, suggested: list[str]) -> None:
    (finding,) = findings(text, "2025-01-10")
    assert (finding.rule, finding.match, finding.replacements) == ("NL304", match, suggested)


@pytest.mark.parametrize(
    "text",
    [
        "Finland and Sweden joined NATO in 2023 and 2024 respectively.",
        "A united Germany joined NATO in 1990, and Britain joined the EEC in 1973.",
        "Croatia joined the EU in 2013 and the eurozone in 2023.",
        "Spain, which joined NATO in 1982, hosted the summit.",
        "Sweden will have been a NATO member since 2024 for two years in March.",
    ],
)
def test_join_year_quiet(text: str) -> None:
    assert not findings(text, "2025-01-10")


@pytest.mark.parametrize(
    "text",
    [
        # narrative past tense may tell old history: Poland was a non-member before 1999
        "Poland applied to join NATO and was admitted with Hungary and the Czech Republic.",
        "Poland's bid to join NATO was backed by the US.",
        "Russia demanded NATO not admit Poland and Hungary.",
    ],
)
def test_narrative_past_about_a_later_member_is_quiet(text: str) -> None:
    assert not findings(text, "2026-02-01")


@pytest.mark.parametrize(
    ("text", "match"),
    [
        # reported speech and dated past stay checked; a founding member is never an aspirant
        ("Zelensky said Poland would never join NATO.", "Poland"),
        ("In December, Russia asked NATO not to admit Estonia.", "Estonia"),
        ("Russia demanded NATO not admit Georgia and Belgium.", "Belgium"),
        ("NATO has dismissed Poland's applications and aspirations for accession to the alliance.", "Poland"),
    ],
)
def test_reported_and_anchored_past_is_checked(text: str, match: str) -> None:
    assert [f.match for f in findings(text, "2026-02-01")] == [match]


def test_the_alliance_refers_back_to_the_organisation_named_last() -> None:
    text = "NATO leaders met in Brussels.\n\nIn December, Russia had asked the alliance not to include Ukraine and Belgium."
    assert [(f.rule, f.match) for f in findings(text, "2022-03-11")] == [("NL301", "Belgium")]


@pytest.mark.parametrize(
    "text",
    [
        "Poland wants to join the alliance.",  # no organisation named before it
        "The EU met. NATO said Poland should join the bloc.",  # a named organisation wins
        "The EU met. African Union members such as Egypt and Nigeria met too.",
    ],
)
def test_anaphora_quiet(text: str) -> None:
    assert not findings(text, "2022-03-11")


@pytest.mark.parametrize(
    ("date", "text", "rule", "match"),
    [
        (
            "2022-06-01",
            "EU candidates Ukraine and Moldova welcome the decision, as does EU candidate Austria.",
            "NL301",
            "Austria",
        ),
        ("2026-06-01", "Aspiring NATO members such as Georgia and Latvia are invited.", "NL301", "Latvia"),
        ("2026-06-01", "Austria, an EU and NATO member, did not object.", "NL302", "Austria"),
        ("2022-06-01", "In May, Finland and Norway applied to join NATO.", "NL301", "Norway"),
    ],
)
def test_candidates_and_double_memberships(date: str, text: str, rule: str, match: str) -> None:
    assert [(f.rule, f.match) for f in findings(text, date)] == [(rule, match)]


@pytest.mark.parametrize(
    "text",
    [
        "Aspiring NATO members such as Georgia and Ukraine are invited.",
        "New NATO members such as Finland and Sweden are invited.",
        "Hungary, an EU and NATO member, blocked it.",
        "Russia's invasion prompted Finland and Sweden to apply for NATO membership.",
    ],
)
def test_candidates_quiet(text: str) -> None:
    assert not findings(text, "2026-06-01")


def test_count_of_the_alliance_named_earlier() -> None:
    text = "NATO leaders met in The Hague.\n\nThe 30-nation alliance agreed to spend more."
    assert [(f.rule, f.match, f.replacements) for f in findings(text, "2025-06-01")] == [
        ("NL303", "30", ["32"])
    ]
    assert not findings(text.replace("30-nation", "32-nation"), "2025-06-01")
    assert not findings("The 30-nation alliance agreed to spend more.", "2025-06-01")


def test_headline_in_capitals() -> None:
    (finding,) = findings("THE NETHERLANDS AND UKRAINE WILL JOIN NATO", "2025-01-01")
    assert finding.match == "THE NETHERLANDS" and finding.replacements == ["GEORGIA"]
    assert finding.message.startswith("The Netherlands has been a NATO member since 1949")


def test_founding_member() -> None:
    (finding,) = [f for f in findings("Sweden, a founding member of NATO, sent jets.", "2025-01-10")]
    assert finding.rule == "NL305" and finding.message.startswith("Sweden joined NATO on 7 March 2024")
    (finding,) = findings(
        "Founding EU members such as France, Germany and Spain backed the plan.", "2025-01-10"
    )
    assert finding.match == "Spain"
    assert not findings("Norway, a founding member of NATO, sent jets.", "2025-01-10")
    assert not findings("Sweden was not a founding member of NATO.", "2025-01-10")


@pytest.mark.parametrize(
    "text",
    [
        "Britain will join NATO in sending troops to Estonia.",
        "Germany would join the EU in a joint statement.",
        "France will join the EU's single market talks.",
    ],
)
def test_joining_in_an_action_is_not_membership(text: str) -> None:
    assert not findings(text, "2025-01-01")


@pytest.mark.parametrize(
    ("text", "rule", "match"),
    [
        ("Ukraine and Austria, EU candidates since June 2022, hope to begin talks.", "NL301", "Austria"),
        ("Saudi Arabia and Qatar, both OPEC members, would give the bloc more weight.", "NL302", "Qatar"),
    ],
)
def test_appositions_in_2023(text: str, rule: str, match: str) -> None:
    assert [(f.rule, f.match) for f in findings(text, "2023-08-25")] == [(rule, match)]


def test_whole_true_article_is_quiet() -> None:
    text = (
        "South Africa, which joined the group in 2010, hosted the BRICS summit in Johannesburg.\n\n"
        "Saudi Arabia and the UAE, both OPEC members, would give the bloc more weight. Opec, a cartel of "
        "13 countries, and its allies including Russia have cut output.\n\n"
        "The EU, a bloc of 27 countries, has no plans to open talks with the group. Ukraine and Moldova, EU "
        "candidates since June 2022, hope to begin accession talks this year."
    )
    assert not findings(text, "2023-08-25")
