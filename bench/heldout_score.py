"""Score newslint on held-out copy: folders of ``NAME.txt`` with ``NAME.gold.json`` (a list of
``{"line", "text", "kind", "fix"}``) and optional ``NAME.clean.txt`` twins.

Why: rules written from their own examples score perfectly on them; copy written apart from
the rules says how a rule family generalises. A gold error is found when a finding of the
set's categories lies on its line and overlaps its words (furniture: anywhere on the line;
entities: within a few words, since either end of a wrong relation may carry the finding).
Every other finding of those categories, in an error file or a clean one, is a false alarm.

    python bench/heldout_score.py /work/heldout            # every set found below the folder
    python bench/heldout_score.py /work/heldout --fast     # without the trained pipeline
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

#: The categories a set is about, by folder name (others are ignored in its score).
SET_CATEGORIES = {
    "entities": {"entities"},
    "grammar": {"grammar", "spelling"},
    "furniture": {"furniture"},
    "punctuation": {"punctuation"},
    "places": {"places"},
}

#: How far (characters) a finding may lie from the gold words and still be the same error:
#: an entity error is a relation ("Vilnius, the Latvian capital"), flagged on either end.
NEAR = {"entities": 80}


def lint(paths: list[Path], extra: list[str]) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "newslint", "--format", "json", "--exit-zero", *extra,
                           *map(str, paths)], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"newslint failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)["findings"]


def _span_on_line(path: Path, gold: dict) -> tuple[int, int]:
    line = path.read_text(encoding="utf-8").split("\n")[gold["line"] - 1]
    start = line.find(gold["text"]) + 1
    return start, start + len(gold["text"])


def score_set(folder: Path, categories: set[str], extra: list[str]) -> dict:
    files = sorted(p for p in folder.glob("*.txt"))
    findings = [f for f in lint(files, extra) if f["category"] in categories]
    by_path: dict[str, list[dict]] = {}
    for f in findings:
        by_path.setdefault(str(Path(f["path"]).resolve()), []).append(f)
    found, total, false = Counter(), Counter(), []
    missed: list[str] = []
    for path in files:
        mine = by_path.get(str(path.resolve()), [])
        gold_file = path.with_name(path.name.replace(".txt", ".gold.json"))
        golds = json.loads(gold_file.read_text()) if gold_file.exists() and not path.name.endswith(".clean.txt") else []
        used: set[int] = set()
        for g in golds:
            kind = g["kind"].split(":")[0] if g["kind"].startswith("furniture") else g["kind"]
            total[kind] += 1
            start, end = _span_on_line(path, g)
            slack = NEAR.get(folder.name, 0)
            hit = [i for i, f in enumerate(mine) if f["line"] == g["line"] and (
                kind == "furniture" or (f["column"] < end + slack
                                        and (f["end_column"] if f["end_line"] == f["line"] else 10**9) > start - slack))]
            if hit:
                found[kind] += 1
                used.update(hit)
            else:
                missed.append(f"{path.name}:{g['line']}: {g['kind']}: {g['text'][:70]!r}")
        false.extend(f"{path.name}:{f['line']}: {f['rule']} {f['match'][:60]!r}" for i, f in enumerate(mine) if i not in used)
    return {"found": dict(found), "total": dict(total), "false": false, "missed": missed,
            "files": len(files)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path)
    parser.add_argument("--fast", action="store_true", help="lint with --fast (no trained pipeline)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args()
    extra = ["--fast"] if args.fast else []
    results = {}
    for name, categories in SET_CATEGORIES.items():
        folder = args.root / name
        if not folder.is_dir():
            continue
        r = results[name] = score_set(folder, categories, extra)
        found, total = sum(r["found"].values()), sum(r["total"].values())
        precision = found / max(1, found + len(r["false"]))
        print(f"{name}: found {found}/{total} ({found / max(1, total):.0%}), false alarms {len(r['false'])} "
              f"in {r['files']} files, precision {precision:.2f}")
        for kind in sorted(r["total"]):
            print(f"    {kind}: {r['found'].get(kind, 0)}/{r['total'][kind]}")
        if args.verbose:
            for line in r["missed"]:
                print("    missed", line)
            for line in r["false"]:
                print("    FALSE ", line)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
