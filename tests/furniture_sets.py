"""The furniture test sets (tests/data/furniture/) and how they are scored.

Run as a script to print recall and false alarms per class:
``python tests/furniture_sets.py``; ``--unseen`` scores the articles written after the rules
(``tests/data/furniture/unseen``: found-rate per class, false alarms, clean versions);
``--blind5`` the set written before the slogan, section, tag, credit and callout rules
were changed (``tests/data/furniture/blind5``), with its look-alike story lines.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "furniture"
MARK = "@@ "  # marks a furniture line in an article file


@dataclass(frozen=True)
class Case:
    code: str  # the rule expected (furniture lines) or the kind of story line
    site: str
    line: str
    match: str  # the part that must be flagged ("" for story lines)


def _rows(name: str) -> list[list[str]]:
    rows = []
    for raw in (DATA / name).read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            rows.append([cell.replace("\\n", "\n") for cell in raw.split("\t")])
    return rows


def furniture_lines() -> list[Case]:
    return [Case(r[0], r[1], r[2], r[3] if len(r) > 3 else r[2]) for r in _rows("furniture-lines.tsv")]


def story_lines() -> list[Case]:
    return [Case(r[0], "", r[1], "") for r in _rows("story-lines.tsv")]


def article(path: Path) -> tuple[str, set[int]]:
    """An article's text and the 1-based numbers of its furniture lines (marked with ``@@ ``)."""
    lines, marked = [], set()
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith(MARK):
            marked.add(n)
            raw = raw[len(MARK):]
        lines.append(raw)
    return "\n".join(lines) + "\n", marked


def unseen_article(path: Path) -> tuple[str, dict[int, str], str]:
    """An article of the unseen-copy check (``tests/data/furniture/unseen``): its text, its
    furniture lines (1-based number -> class, marked ``@@class ``), and its clean version
    (the same article with the furniture lines taken out)."""
    lines, marked, clean = [], {}, []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("@@"):
            label, _, raw = raw[2:].partition(" ")
            marked[n] = label or "furniture"
        else:
            clean.append(raw)
        lines.append(raw)
    return "\n".join(lines) + "\n", marked, "\n".join(clean) + "\n"


def unseen_articles(folder: str = "unseen") -> list[Path]:
    return sorted((DATA / folder).glob("*.txt"))


def blind5_story_lines(folder: str = "blind5") -> list[Case]:
    """Story lines that look like the classes of blind set 5 (each linted on its own)."""
    return [Case(r[0], "", r[1], "") for r in _rows(f"{folder}/story-lines.tsv")]


def articles() -> list[Path]:
    return sorted((DATA / "articles").glob("*.txt"))


def furniture_codes(enabled_only: bool = True) -> list[str]:
    """The furniture rules a default run uses (or all of them, also those off by default)."""
    from newslint.docs import all_rules

    return sorted(r.code for r in all_rules() if r.category == "furniture"
                  and (not enabled_only or r.spec.get("enabled", True) is not False))


def furniture_findings(text: str, codes: list[str] | None = None) -> list:
    """Findings of the furniture rules that run by default (or of ``codes``)."""
    from newslint.api import lint_text

    select = codes if codes is not None else _DEFAULT_CODES or _default_codes()
    return [f for f in lint_text(text, {"select": select}) if f.category == "furniture"]


_DEFAULT_CODES: list[str] = []


def _default_codes() -> list[str]:
    _DEFAULT_CODES.extend(furniture_codes())
    return _DEFAULT_CODES


def flagged(case: Case) -> list:
    """Findings that cover the expected part of a furniture line (a line may hold line
    breaks: the lines around the furniture that its rule needs)."""
    start = case.line.rfind(case.match)
    end = start + len(case.match)
    return [f for f in furniture_findings(case.line) if f.offset < end and f.offset + f.length > start]


def main() -> int:
    found: Counter[str] = Counter()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    sites: set[str] = set()
    misses = []
    for case in furniture_lines():
        total[case.code] += 1
        sites.add(case.site)
        hits = flagged(case)
        if hits:
            found[case.code] += 1
            right[case.code] += any(f.rule == case.code for f in hits)
        else:
            misses.append(case)
    print(f"furniture lines: {sum(total.values())} from {len(sites)} site styles")
    print("rule    lines  found  recall  (by its own rule)")
    for code in sorted(total):
        print(f"{code}  {total[code]:5}  {found[code]:5}  {found[code] / total[code]:6.2f}  ({right[code]})")
    print(f"all     {sum(total.values()):5}  {sum(found.values()):5}  {sum(found.values()) / sum(total.values()):6.2f}")
    for case in misses:
        print(f"  missed {case.code} {case.site}: {case.line}")
    alarms: dict[str, list[str]] = defaultdict(list)
    kinds: Counter[str] = Counter()
    for case in story_lines():
        kinds[case.code] += 1
        for f in furniture_findings(case.line):
            alarms[f.rule].append(f"{case.code}: {case.line}")
    print(f"story lines: {sum(kinds.values())} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    print(f"false alarms: {sum(len(v) for v in alarms.values())}")
    for rule, lines in sorted(alarms.items()):
        for line in lines:
            print(f"  {rule} {line}")
    for label, codes in (("default rules", None), ("with rules off by default", furniture_codes(False))):
        print(f"articles, {label}:")
        _score_articles(codes)
    return 0


def _score_articles(codes: list[str] | None) -> None:
    tp = fp = marked_total = marked_found = 0
    groups: dict[int, list[int]] = {}
    for path in articles():
        text, marked = article(path)
        hit_lines = {f.line for f in furniture_findings(text, codes)}
        group = groups.setdefault((int(path.name[:2]) - 1) // 10, [0, 0, 0])
        group[0] += len(marked)
        group[1] += len(marked & hit_lines)
        group[2] += len(hit_lines - marked)
        marked_total += len(marked)
        marked_found += len(marked & hit_lines)
        tp += len(hit_lines & marked)
        fp += len(hit_lines - marked)
        for n in sorted(hit_lines - marked):
            print(f"  false alarm {path.name}:{n}")
        for n in sorted(marked - hit_lines):
            print(f"  missed {path.name}:{n}")
    for tens, (total, found, false) in sorted(groups.items()):
        print(f"  articles {tens * 10 + 1:02}-{tens * 10 + 10:02}: furniture lines {total}, "
              f"found {found} ({found / max(total, 1):.2f}), false alarms {false}")
    if marked_total:
        precision = tp / (tp + fp) if tp + fp else 1.0
        print(f"articles: {len(articles())}, furniture lines {marked_total}, found {marked_found} "
              f"({marked_found / marked_total:.2f}), precision {precision:.2f} ({fp} false)")


def main_unseen(folder: str = "unseen") -> int:
    """Found-rate per class and false alarms on the articles written after the rules
    (``unseen``) or before the rules for their classes were changed (``blind5``)."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false = clean_false = 0
    for path in unseen_articles(folder):
        text, marked, clean = unseen_article(path)
        lines = text.split("\n")
        hits: dict[int, str] = {}
        for f in furniture_findings(text):
            hits.setdefault(f.line, f.rule)
        for n, label in marked.items():
            total[label] += 1
            found[label] += n in hits
            if n not in hits:
                print(f"  missed {label} {path.name}:{n}: {lines[n - 1]}")
        for n in sorted(set(hits) - set(marked)):
            false += 1
            print(f"  false alarm {hits[n]} {path.name}:{n}: {lines[n - 1]}")
        for f in furniture_findings(clean):
            clean_false += 1
            print(f"  false alarm on the clean version {f.rule} {path.name}: {f.match}")
    print("class     lines  found  rate")
    for label in sorted(total):
        print(f"{label:8} {total[label]:6} {found[label]:6}  {found[label] / total[label]:.2f}")
    n_all, f_all = sum(total.values()), sum(found.values())
    precision = f_all / (f_all + false) if f_all + false else 1.0
    print(f"all      {n_all:6} {f_all:6}  {f_all / n_all:.2f}  precision {precision:.2f} "
          f"({false} false alarms; {clean_false} on the clean versions)")
    if folder.startswith("blind"):
        alarms = [(f.rule, case) for case in blind5_story_lines(folder) for f in furniture_findings(case.line)]
        for rule, case in alarms:
            print(f"  false alarm on a story line {rule} {case.code}: {case.line}")
        print(f"story lines: {len(blind5_story_lines(folder))}, false alarms {len(alarms)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    if sys.argv[1:] in (["--unseen"], ["--blind5"], ["--blind6"], ["--blind7"]):
        raise SystemExit(main_unseen(sys.argv[1][2:]))
    raise SystemExit(main())


def score_unseen(folder: str = "unseen") -> tuple[int, int, int]:
    """(marked lines, found, false) over an unseen folder's articles; asserts on the way
    that the clean version of each article gets no furniture finding."""
    total = found = false = 0
    for path in unseen_articles(folder):
        text, marked, clean = unseen_article(path)
        lines = {f.line for f in furniture_findings(text)}
        total += len(marked)
        found += len(set(marked) & lines)
        false += len(lines - set(marked))
        assert not furniture_findings(clean), path.name
    return total, found, false
