"""A generated archive to try archive mode on (and to test and benchmark it): no data shipped.

Articles from 2017 to 2024 about Ukraine and Europe, with the newsroom's switch from
"Kiev" to "Kyiv" planted in 2019 (old spelling in 1 article in 4 after it, as real
archives show), a name spelled two ways across articles (Stoltenberg / Stoltenburg),
the Zelensky group, sections, URLs, and now and then a doubled word.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from typing import Any

SECTIONS = ["world", "europe", "business", "politics"]
TOPICS = ["grain exports", "air defence", "energy prices", "the ceasefire talks", "refugee housing", "the budget",
          "rail links", "gas storage", "the trade deal", "the election"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SWITCH = dt.date(2019, 8, 14)
ZELENSKY = dt.date(2019, 5, 20)  # inauguration: "President Zelensky" before it would be a planted error


def _sentences(rng: random.Random, date: dt.date) -> Iterator[str]:
    capital = "Kyiv" if date >= SWITCH and rng.random() > 0.25 else "Kiev"
    zel = rng.choice(["Zelensky", "Zelenskyy"]) if date >= ZELENSKY else "Poroshenko"
    nato = "Stoltenburg" if rng.random() < 0.15 else "Stoltenberg"
    while True:
        r = rng.random()
        topic = rng.choice(TOPICS)
        if r < 0.2:
            yield f"Officials in {capital} said on {rng.choice(DAYS)} that talks on {topic} would go on."
        elif r < 0.35:
            yield f"President {zel} told reporters that {topic} remained the government's priority."
        elif r < 0.5:
            yield f"The alliance's secretary general, Jens {nato}, said allies would discuss {topic} next month."
        elif r < 0.55:
            yield f"Analysts said the the figures on {topic} were better than expected."
        else:
            yield (f"Ministers from {rng.randint(2, 27)} countries met to discuss {topic}, "
                   f"and a statement was expected later in the week.")


def article(index: int, seed: int = 1, words: int = 400) -> dict[str, Any]:
    rng = random.Random(seed * 1_000_003 + index)
    start = dt.date(2017, 1, 1).toordinal()
    date = dt.date.fromordinal(start + rng.randrange(8 * 365))
    length = max(60, int(rng.gauss(words, words / 3)))
    out: list[str] = []
    count = 0
    paragraph: list[str] = []
    for sentence in _sentences(rng, date):
        paragraph.append(sentence)
        count += len(sentence.split())
        if len(paragraph) >= rng.randint(1, 3):
            out.append(" ".join(paragraph))
            paragraph = []
        if count >= length:
            break
    if paragraph:
        out.append(" ".join(paragraph))
    section = rng.choice(SECTIONS)
    return {"id": f"a{index:07d}", "date": date.isoformat(), "section": section,
            "url": f"https://news.example/{section}/{index}", "text": "\n\n".join(out) + "\n"}


def write_jsonl(path: str, count: int, seed: int = 1, words: int = 400) -> int:
    """Write ``count`` articles as JSON Lines; returns the bytes written."""
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(count):
            line = json.dumps(article(i, seed, words), ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
    return size
