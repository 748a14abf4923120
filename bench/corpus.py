"""Realistic news copy for the benchmark, generated from a seed (no data files needed).

Articles read like wire copy: a headline, a dateline, attributed quotes, numbers,
dates, organisations and places, brackets and dashes, and now and then the kind of
slip newslint exists for (an old place spelling, a doubled word, a stray space), so
rules have something to find and every code path runs.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

PEOPLE = ["Olena Kovalenko", "James Whitfield", "Maria Santos", "Dmytro Kuleba", "Anna Schmidt", "Tom Baker",
          "Sophie Martin", "Piotr Nowak", "Aisha Rahman", "Jens Stoltenberg", "Ursula Mayer", "David Okafor"]
ROLES = ["the foreign minister", "a government spokesman", "the central bank governor", "the mayor",
         "an economist at a London bank", "the party leader", "a senior diplomat", "the defence secretary",
         "a union representative", "the company's chief executive"]
PLACES = ["Kyiv", "Kharkiv", "Warsaw", "Brussels", "London", "Berlin", "Paris", "Odesa", "Lviv", "Vilnius",
          "Helsinki", "Madrid", "Rome", "Geneva", "Washington"]
OLD_PLACES = ["Kiev", "Kharkov", "Odessa"]
COUNTRIES = ["Poland", "Germany", "France", "Finland", "Sweden", "Ukraine", "Georgia", "Moldova", "Norway",
             "Austria", "Ireland", "Spain", "Italy", "Lithuania", "Estonia"]
ORGS = ["NATO", "the European Union", "the United Nations", "the IMF", "the World Bank", "the G7", "the OSCE"]
TOPICS = ["energy prices", "the budget", "grain exports", "air defence", "interest rates", "the ceasefire talks",
          "refugee housing", "steel output", "the election", "rail strikes", "gas storage", "the trade deal"]
VERBS = ["said", "told reporters", "said in a statement", "told the BBC", "wrote on social media", "added"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


class _Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    def number(self) -> str:
        r = self.rng.random()
        if r < 0.3:
            return str(self.rng.randint(2, 99))
        if r < 0.6:
            return f"{self.rng.randint(1, 900):,}"
        if r < 0.8:
            return f"${self.rng.randint(1, 90)}bn"
        return f"{self.rng.randint(1, 30)}.{self.rng.randint(0, 9)}%"

    def sentence(self) -> str:
        r = self.rng.random()
        place = self.pick(OLD_PLACES) if self.rng.random() < 0.03 else self.pick(PLACES)
        if r < 0.2:
            return (f"\"We will not accept any deal on {self.pick(TOPICS)} that ignores {self.pick(COUNTRIES)},\" "
                    f"{self.pick(PEOPLE)}, {self.pick(ROLES)}, {self.pick(VERBS)}.")
        if r < 0.35:
            return (f"Officials in {place} {self.pick(VERBS)} on {self.pick(DAYS)} that {self.number()} people had "
                    f"been affected by the changes to {self.pick(TOPICS)}.")
        if r < 0.5:
            return (f"{self.pick(COUNTRIES)} joined talks with {self.pick(ORGS)} in {self.pick(MONTHS)} "
                    f"{self.rng.randint(1995, 2023)} (after months of delay) - and {self.pick(TOPICS)} "
                    f"dominated the agenda.")
        if r < 0.65:
            return (f"The figures, published by {self.pick(ORGS)}, showed that {self.pick(TOPICS)} rose by "
                    f"{self.number()} in the year to {self.pick(MONTHS)}.")
        if r < 0.75:
            return (f"{self.pick(PEOPLE)} {self.pick(VERBS)} that the the plan for {self.pick(TOPICS)} was "
                    f"\"a first step\"." if self.rng.random() < 0.05 else
                    f"{self.pick(PEOPLE)} {self.pick(VERBS)} that the plan for {self.pick(TOPICS)} was "
                    f"\"a first step\".")
        if r < 0.85:
            return (f"Analysts expect {self.pick(TOPICS)} to remain the main concern for ministers meeting in "
                    f"{place} next week , though few expect a breakthrough." if self.rng.random() < 0.05 else
                    f"Analysts expect {self.pick(TOPICS)} to remain the main concern for ministers meeting in "
                    f"{place} next week, though few expect a breakthrough.")
        return (f"On {self.rng.randint(1, 28)} {self.pick(MONTHS)}, {self.pick(ROLES)} in {place} announced a "
                f"review of {self.pick(TOPICS)}, the third this year.")

    def article(self, words: int) -> str:
        topic = self.pick(TOPICS)
        place = self.pick(PLACES)
        parts = [f"{topic.capitalize()}: talks in {place} end without agreement", ""]
        count = 8
        while count < words:
            para = " ".join(self.sentence() for _ in range(self.rng.randint(1, 3)))
            parts += [para, ""]
            count += len(para.split())
        return "\n".join(parts)


def article(seed: int, words: int = 1000) -> str:
    """One article of about ``words`` words."""
    return _Writer(seed).article(words)


def articles(count: int, words: int = 600, seed: int = 1) -> Iterator[str]:
    for index in range(count):
        yield article(seed * 100_003 + index, words)


def read_corpus(folder: str, count: int) -> list[str]:
    """``count`` articles from a folder of .txt/.md files (cycled if it holds fewer)."""
    files = sorted(p for p in Path(folder).rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
    if not files:
        raise SystemExit(f"bench: no .txt or .md files in {folder}")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    return [texts[i % len(texts)] for i in range(count)]


def copy_of_size(megabytes: float, pool: list[str]) -> str:
    """About ``megabytes`` MB of copy: articles from ``pool`` one after another."""
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    size = 0
    index = 0
    while size < target:
        text = pool[index % len(pool)]
        out.append(text)
        size += len(text.encode("utf-8")) + 2
        index += 1
    return "\n\n".join(out)


def write_copy(path: str, megabytes: float, pool: list[str]) -> int:
    """Write about ``megabytes`` MB of copy to ``path`` article by article; return its word count.
    Streamed, so the benchmark process stays small (a child process inherits its peak memory)."""
    target = int(megabytes * 1_000_000)
    size = words = index = 0
    with open(path, "w", encoding="utf-8") as out:
        while size < target:
            text = pool[index % len(pool)] + "\n\n"
            out.write(text)
            size += len(text.encode("utf-8"))
            words += len(text.split())
            index += 1
    return words
