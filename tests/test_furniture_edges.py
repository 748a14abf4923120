"""Furniture told by its place on the page (NL816-NL818) and by its shape (NL819, NL820):
section labels and mastheads above the headline, slogans, tag lists, production credits and
reader callouts (issue 14 follow-up; blind sets 5 and 6 in tests/data/furniture)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from furniture_sets import blind5_story_lines, furniture_findings, score_unseen, unseen_articles  # noqa: E402

STORY = "The council approved the budget on Tuesday night after a long and bitter debate.\n"


@pytest.mark.parametrize("folder", ["blind5", "blind6", "blind7"])
def test_blind_sets_found_rate_and_precision(folder):
    """Blind set 5 was scored before these rules existed (27/104 found by the older rules),
    set 6 once before they were tuned for it (39/55, 0.71, precision 0.97) and set 7 once
    after the fixes set 6 showed (35/44, 0.80, precision 0.97). A floor against
    regressions: most lines found, no finding on the clean versions or the look-alike lines."""
    total, found, false = score_unseen(folder)
    assert len(unseen_articles(folder)) >= 12 and total >= 44
    assert found / total >= 0.9
    assert false == 0
    for case in blind5_story_lines(folder):
        assert not furniture_findings(case.line), case.line


@pytest.mark.parametrize(("text", "code", "match"), [
    ("World News\nSenate passes stopgap bill hours before the deadline\n\n" + STORY, "NL816", "World News"),
    ("Canada\nBritish Columbia\nB.C. to cap international student permits\n\n" + STORY, "NL816", "British Columbia"),
    ("Ukraine War\nDrone attack hits energy facility overnight\n\n" + STORY, "NL816", "Ukraine War"),
    ("Israel-Palestine conflict\nFamilies shelter in tents as winter sets in\n\n" + STORY, "NL816",
     "Israel-Palestine conflict"),
    ("Canada's National Newspaper\nOttawa tables bill to cap grocery prices\n\n" + STORY, "NL817",
     "Canada's National Newspaper"),
    (STORY + "\nThe Hindu - Since 1878\n", "NL817", "The Hindu - Since 1878"),
    (STORY + "\nRelated topics\nCost of living crisis\nEnergy\n", "NL818", "Cost of living crisis"),
    (STORY + "\nAdditional reporting by agencies\n", "NL819", "Additional reporting by agencies"),
    (STORY + "\nJane Doe reported from Denver, and John Smith from New York.\n", "NL819",
     "Jane Doe reported from Denver, and John Smith from New York."),
    (STORY + "\nDid you witness the crash? Contact us at news@example.com\n", "NL820",
     "Did you witness the crash? Contact us at news@example.com"),
])
def test_edge_furniture_found(lint, text, code, match):
    assert match in [f.match for f in lint(text, select=code)]


@pytest.mark.parametrize("text", [
    # a dateline in capitals, a byline's organisation, a short headline over the story
    "LONDON\nThe Middle East envoy arrived in Cairo on Monday for a fresh round of talks.\n",
    "Gaza aid convoy reaches north after weeks of delays\nBy David Gritten\nBBC News\n\n" + STORY,
    "Fed Holds Rates\nOfficials signal cuts later this year\n\n" + STORY,
    # a crosshead between paragraphs, a fact box and a sign-off below the story
    STORY + "\nMiddle East\n\n" + STORY,
    STORY + "\nKey facts\nPopulation: 1.2 million\nArea: 300 sq km\n",
    STORY + "\nJane Doe\nHealth reporter\n",
    # a headline with a slogan's words, credits under the byline
    "The Long Decline of the Local Newspaper\nWhat happens to a town when its paper dies\n\n" + STORY,
    "Heatwave alert for five states\nEdited by Jane Doe\nWRITER: John Smith\n\n" + STORY,
    # reported speech and appeals that are news
    STORY + "\nTell us what you saw, the aid worker urged the visiting officials.\n",
    STORY + "\nAnyone with information is asked to call police on 101.\n",
    # two short lines are not yet a tag list
    STORY + "\nRoad safety\nAgeing\n",
])
def test_edge_look_alikes_stay_quiet(lint, text):
    assert [f.match for f in lint(text, select=["NL816", "NL817", "NL818", "NL819", "NL820"])] == []


def test_a_line_alone_is_never_an_edge(lint):
    for line in ("Middle East", "Democracy Dies in Darkness", "Road safety", "UK Politics"):
        assert lint(line, select=["NL816", "NL817", "NL818"]) == []


@pytest.mark.parametrize(("body", "error"), [
    ("kicker-words = -1", "kicker-words must be a whole number"),
    ("tag-labels = 'Topics'", "tag-labels must be a list of patterns"),
    ("edge-lines = ['(']", "does not compile"),
    ("tag-block-lines = 'three'", "tag-block-lines must be a whole number"),
])
def test_edge_fields_are_checked(tmp_path, body, error):
    from newslint.kinds.base import PackError
    from newslint.kinds.furniture_line import load_vocabulary

    bad = tmp_path / "furniture.toml"
    bad.write_text(f"[classes.x]\n{body}\n", encoding="utf-8")
    with pytest.raises(PackError, match=error):
        load_vocabulary(str(bad))


def test_mention_regions_must_be_a_list(tmp_path):
    from newslint.kinds.base import PackError
    from newslint.kinds.mention import load_cues

    bad = tmp_path / "cues.toml"
    bad.write_text("[elsewhere]\nregions = 'Texas'\nafter = [',\\\\s*{regions}']\n", encoding="utf-8")
    with pytest.raises(PackError, match="elsewhere.regions"):
        load_cues(str(bad))
