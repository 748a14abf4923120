"""Copy the project had never seen (issue 13): 40 news paragraphs written for this check,
each in a clean version and with one slip swapped in ([[...]] marks it). A slip counts as
found when a grammar or spelling finding overlaps it; any finding on a clean paragraph,
or away from the slip, is a false alarm. Run as a script for the figures per family."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from newslint.api import lint_text
from newslint.config import Config

PATH = Path(__file__).parent / "data" / "grammar" / "unseen" / "paragraphs.jsonl"
CONFIG = Config(select=("grammar", "spelling"))
MARK = re.compile(r"\[\[(.+?)\]\]")


def _rows() -> list[dict]:
    return [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


def measure() -> tuple[Counter, Counter, Counter, list[str]]:
    """(found, total, false alarms) per family, and the false alarms' descriptions."""
    found, total, false = Counter(), Counter(), Counter()
    notes: list[str] = []
    for row in _rows():
        family = row["family"]
        mark = MARK.search(row["slipped"])
        assert mark, row
        text = row["slipped"][:mark.start()] + mark.group(1) + row["slipped"][mark.end():]
        start, end = mark.start(), mark.start() + len(mark.group(1))
        total[family] += 1
        hits = lint_text(text, CONFIG)
        if any(f.offset < end and start < f.offset + f.length for f in hits):
            found[family] += 1
        for f in hits:
            if not (f.offset < end and start < f.offset + f.length):
                false[family] += 1
                notes.append(f"slipped {family}: {f.rule} {f.match!r}")
        for f in lint_text(row["clean"], CONFIG):
            false[family] += 1
            notes.append(f"clean {family}: {f.rule} {f.match!r}")
    return found, total, false, notes


def test_unseen_copy_found_and_precise() -> None:
    found, total, false, notes = measure()
    assert sum(total.values()) >= 40
    recall = sum(found.values()) / sum(total.values())
    precision = sum(found.values()) / max(1, sum(found.values()) + sum(false.values()))
    assert recall >= 0.6, (recall, found, total)
    assert precision >= 0.9, (precision, notes)


if __name__ == "__main__":
    found, total, false, notes = measure()
    for family in total:
        print(f"{family:14} found {found[family]}/{total[family]}  false alarms {false[family]}")
    print(f"all            found {sum(found.values())}/{sum(total.values())}  false alarms {sum(false.values())}")
    print("\n".join(notes))
