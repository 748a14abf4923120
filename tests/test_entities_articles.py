"""Unseen copy (issue 12): short news articles written apart from the rules, each in
a right version and one with a membership, count or year error swapped in. The
suite measures how many swapped errors are found and how many articles get a false
alarm; the floors below are today's figures, so a change that loses findings or adds
false alarms fails (the issue's target is 80% found, at most one false alarm in 20)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import Config

CONFIG = Config(select=("NL3",))
DATA = Path(__file__).parent / "data" / "entities"
#: file -> (found at least, false alarms at most). articles.jsonl guided the design;
#: articles-heldout.jsonl was written afterwards and measured once, untuned;
#: articles-fresh.jsonl (32 pairs) was written in new wordings before the time-marker
#: work and measured at 20/32 then (a "rule" may name two codes: "NL301|NL304").
#: articles-heldout2.jsonl (22 pairs, 14 organisations, roles and capitals) was written
#: after this round's rule changes and measured once, untuned: 21/22, no false alarm.
SETS = {"articles.jsonl": (17, 1), "articles-heldout.jsonl": (9, 1), "articles-fresh.jsonl": (32, 1),
        "articles-heldout2.jsonl": (21, 1)}


def _load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _lint(date: str, text: str) -> list:
    return lint_text(f"date {date}\n{text}", CONFIG)


@pytest.mark.parametrize("name", sorted(SETS))
def test_unseen_articles_found_rate_and_false_alarms(name: str) -> None:
    articles = _load(name)
    floor, ceiling = SETS[name]
    found, alarms, missed = 0, [], []
    for article in articles:
        wrong = _lint(article["date"], article["wrong"])
        right = _lint(article["date"], article["right"])
        rules = article["rule"].rstrip("?").split("|")
        hit = any(f.rule in rules and f.match == article["error"] for f in wrong)
        found += hit
        if not hit:
            missed.append(article["id"])
        extra = [f for f in wrong if f.match != article["error"]]
        if right or extra:
            alarms.append((article["id"], [f.message for f in right + extra]))
    assert len(articles) >= 10
    assert found >= floor, f"found {found}/{len(articles)}; missed {missed}"
    assert len(alarms) <= ceiling, alarms


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_article_pair_differs_only_by_the_swap(name: str) -> None:
    for article in _load(name):
        assert article["error"] in article["wrong"]
        assert article["right"] != article["wrong"]
