"""NL310 on roles-blind5.jsonl: dated sentences in five classes of miss (issue 12, roles).

Classes: ``month`` (a month without a year, resolved by tense), ``narration`` (only a
past period excuses a stale title), ``office`` (heads of international bodies, the
Tánaiste), ``succession`` ("replacing X" must name the predecessor) and ``bare`` (a title
without a country adjective, in every wording). Each class has look-alikes that must stay
quiet: "former", "then-", "outgoing", quoted speech, history sentences with years.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import Config
from newslint.kinds.office_succession import predecessors
from newslint.knowledge.offices import Office, Term, load_offices
from newslint.records import NewslintError

DATA = Path(__file__).parent / "data" / "entities"
CONFIG = Config(select=("NL310",))


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


# roles-blind6.jsonl: a second batch in other wordings, written after the changes and scored
# once (16/20 found, 0/24 false alarms; the four misses were rows dated inside the grace days
# or while the person still held the post, corrected since).
ROWS = _rows("roles-blind5.jsonl")
ALL_ROWS = ROWS + _rows("roles-blind6.jsonl")
CLASSES = ("month", "narration", "office", "succession", "bare")


def _flagged(row: dict) -> bool:
    return any(f.rule == "NL310" for f in lint_text(row["text"], CONFIG, date=row["date"]))


@pytest.mark.parametrize("row", ALL_ROWS, ids=[f"{r['frame']}-{'wrong' if r['wrong'] else 'right'}-{r['text'][:40]}"
                                               for r in ALL_ROWS])
def test_row(row: dict) -> None:
    if row["wrong"]:
        assert _flagged(row), f"NL310 should flag ({row['frame']}, {row['date']}): {row['text']!r}"
    else:
        assert not _flagged(row), f"NL310 should stay quiet ({row['frame']}, {row['date']}): {row['text']!r}"


def test_set_is_large_varied_and_balanced() -> None:
    wrong = [r for r in ROWS if r["wrong"]]
    assert len(wrong) >= 60 and len(ROWS) - len(wrong) >= 80
    for cls in CLASSES:
        assert sum(r["frame"] == cls and r["wrong"] for r in ROWS) >= 10, cls
        assert sum(r["frame"] == cls and not r["wrong"] for r in ROWS) >= 10, cls


def _one(text: str, date: str):
    [finding] = [f for f in lint_text(text, CONFIG, date=date) if f.rule == "NL310"]
    return finding


def test_future_month_is_the_coming_one_and_past_month_the_last_one() -> None:
    # Sunak left office on 5 July 2024: the coming June (2025) is not his, the last one was.
    assert _flagged({"text": "Prime Minister Rishi Sunak will host the summit in June.", "date": "2024-09-10"})
    assert not _flagged({"text": "Prime Minister Rishi Sunak hosted the summit in June.", "date": "2024-09-10"})
    # a future word after the month ("said in June he would") does not move it
    assert not _flagged({"text": "Prime Minister Rishi Sunak said in June that he would call an election.",
                         "date": "2024-09-10"})
    # words that say nothing of tense do not move the month
    assert not _flagged({"text": "Ahead of the election in July, Prime Minister Rishi Sunak promised tax cuts.",
                         "date": "2024-09-01"})
    # a month with its year is that month
    assert _flagged({"text": "Prime Minister Rishi Sunak will host the summit in June 2025.", "date": "2024-09-10"})


def test_article_time_and_since_excuse_nothing() -> None:
    assert _flagged({"text": "Prime Minister Rishi Sunak said on Thursday the cuts made in June would stand.",
                     "date": "2024-09-10"})
    assert _flagged({"text": "Prime Minister Rishi Sunak, in office since 2022, spoke.", "date": "2024-09-10"})
    assert not _flagged({"text": "In 2022, Prime Minister Rishi Sunak spoke.", "date": "2024-09-10"})
    assert _flagged({"text": "Chancellor Olaf Scholz has recently pledged more aid.", "date": "2025-06-20"})
    # a month set before the weekday, or a weekday with its date, is not the article's time
    assert not _flagged({"text": "In June, Prime Minister Rishi Sunak called the election for Thursday 4 July.",
                         "date": "2024-09-01"})


def test_a_period_word_excuses_only_outside_the_article_time() -> None:
    # "Bush's administration" is his time in office; "Trudeau's government ... on Friday" is now
    assert not _flagged({"text": "President George W. Bush's administration invaded Iraq.", "date": "2024-05-01"})
    assert _flagged({"text": "Prime Minister Justin Trudeau's government announced tariffs on Friday.",
                     "date": "2025-05-01"})
    assert not _flagged({"text": "Documents released on Monday show President George W. Bush's administration knew.",
                         "date": "2024-05-01"})


@pytest.mark.parametrize(("text", "wrong"), [
    ("Justin Trudeau, the prime minister, said the tariffs were unjustified.", True),
    ("Ministers briefed Justin Trudeau, the prime minister.", True),
    ("Mark Carney, the prime minister, said the tariffs were unjustified.", False),
    ("Justin Trudeau, the prime minister who legalised cannabis, spoke on Friday.", False),  # a description
    ("Justin Trudeau, the former prime minister, spoke on Friday.", False),
])
def test_bare_title_after_the_name(text: str, wrong: bool) -> None:
    assert _flagged({"text": text, "date": "2025-05-01"}) == wrong, text


def test_succession_message_names_the_predecessor() -> None:
    finding = _one("Shigeru Ishiba became prime minister on Tuesday, replacing Shinzo Abe.", "2024-10-02")
    assert finding.match == "Shinzo Abe"
    assert "Fumio Kishida" in finding.message and "Prime Minister of Japan" in finding.message
    assert finding.replacements == ["Fumio Kishida"]
    finding = _one("Ishiba became prime minister on Tuesday, replacing Abe.", "2024-10-02")
    assert finding.replacements == ["Kishida"]  # a surname is answered with a surname


@pytest.mark.parametrize(("text", "date"), [
    ("Abe was replaced by Kishida as prime minister.", "2022-03-01"),            # passive
    ("Ishiba, the successor to Suga as prime minister, spoke.", "2024-11-01"),   # successor to
    ("Yoshihide Suga's successor as prime minister, Shigeru Ishiba, spoke.", "2024-11-01"),  # possessive
    ("Ishiba became prime minister after Mr Abe resigned.", "2024-10-05"),       # departure
    ("Starmer's predecessor as prime minister, Boris Johnson, stayed away.", "2024-08-01"),  # predecessor
])
def test_succession_wordings(text: str, date: str) -> None:
    assert _flagged({"text": text, "date": date}), text


@pytest.mark.parametrize(("text", "date"), [
    # no office named, or one the replaced person never held: no evidence
    ("Keir Starmer replaced Boris Johnson as the cartoonists' favourite target.", "2024-08-01"),
    ("Rishi Sunak replaced Sajid Javid as chancellor in 2020.", "2024-03-01"),
    # a new holder not yet in office: a prediction, not a fact to check
    ("Sunak will be replaced by Boris Johnson as prime minister, his critics hope.", "2023-03-01"),
    ("Starmer's predecessor as prime minister, Rishi Sunak, stayed away.", "2024-08-01"),
    ("Johnson's predecessor as foreign secretary, Philip Hammond, stayed away.", "2017-08-01"),
    # the passive's subject is the one right before "was replaced by", not any earlier name
    ("Kishida became prime minister in 2021, replacing Yoshihide Suga, and was himself replaced by Shigeru Ishiba "
     "in 2024.", "2025-03-01"),
    # another name in the clause may be the new holder: one reading is right, so no finding
    ("Ishiba, who beat Takaichi in the run-off, replaced Kishida as prime minister.", "2026-03-01"),
    # without a time of its own, a handover may be about any of the new holder's terms
    ("Barack Obama's successor as president, Donald Trump, signed the order.", "2025-02-15"),
    # a year picks the earlier term
    ("Leo Varadkar replaced Enda Kenny as Taoiseach in 2017.", "2024-01-10"),
    # quoted speech
    ("“Ishiba became prime minister, replacing Abe,” he said wrongly.", "2024-10-02"),
])
def test_succession_without_evidence_stays_quiet(text: str, date: str) -> None:
    assert not _flagged({"text": text, "date": date}), text


def test_predecessor_skips_an_acting_holder() -> None:
    office = Office("x", "XXX", ["president"], "x.toml")
    office.terms = [Term("A", "x", dt.date(2020, 1, 1), dt.date(2022, 1, 1)),
                    Term("B", "x", dt.date(2022, 1, 1), dt.date(2022, 3, 1), acting=True),
                    Term("C", "x", dt.date(2022, 3, 1))]
    assert predecessors(office, office.terms[2]) == ["B", "A"]
    assert predecessors(office, office.terms[0]) == []


def test_bodies_table_must_hold_names(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[bodies]\nWHO = 3\n', encoding="utf-8")
    with pytest.raises(NewslintError, match="bodies.WHO"):
        load_offices([bad])


def test_unknown_succession_list_is_a_pack_error(tmp_path: Path) -> None:
    from newslint.kinds.base import PackError
    from newslint.kinds.office_succession import SuccessionCues

    with pytest.raises(PackError, match="unknown list"):
        SuccessionCues({"verb": ["replace"]}, [])
    assert SuccessionCues({}, []).empty


@pytest.mark.parametrize(("text", "date", "wrong"), [
    ("Latvian Prime Minister Krišjānis Kariņš arrived in Vilnius.", "2024-07-10", True),
    ("Latvian Prime Minister Evika Siliņa arrived in Vilnius.", "2024-07-10", False),
    ("Slovenian Prime Minister Janez Janša met Viktor Orbán.", "2023-03-01", True),
    ("Slovenian Prime Minister Robert Golob met Viktor Orbán.", "2023-03-01", False),
    ("Argentine Foreign Minister Diana Mondino arrived in Beijing.", "2025-03-01", True),
    ("Argentine Foreign Minister Gerardo Werthein arrived in Beijing.", "2025-03-01", False),
    ("South Korean Foreign Minister Park Jin met Antony Blinken.", "2024-06-01", True),
    ("South Korean Foreign Minister Cho Tae-yul met Antony Blinken.", "2024-06-01", False),
    # after the window the files vouch for, nothing is said
    ("South Korean Foreign Minister Cho Tae-yul met Marco Rubio.", "2025-09-01", False),
])
def test_posts_added_for_the_gaps(text: str, date: str, wrong: bool) -> None:
    assert _flagged({"text": text, "date": date}) == wrong, text
