"""Archive mode at scale: throughput per core, scaling from 1 to 2 workers, memory per worker.

    python bench/archive_bench.py                       # 100,000 generated articles
    python bench/archive_bench.py --articles 20000 --sample 2000

Generates an archive (JSON Lines, realistic lengths and dates 2017-2024; generated, not
shipped), then, for the default rules (trained pipeline on) and for fast mode
(``NEWSLINT_FAST=1``, no pipeline):

- the single-process baseline: one process linting ``--sample`` articles the way the
  CLI does (articles per second on one core);
- archive mode on the same ``--sample`` articles with 1 and with 2 local workers
  (articles per second, per-core ratio to the baseline, 2-worker speed-up);
- the whole archive with 2 workers (wall time, resident memory of each worker measured
  from the workers at 10, 25, 50, 75 and 100% of the run, and its peak);
- the extrapolation to 10^6 and 10^7 articles on 16 and 64 cores from the per-core
  rate and the measured scaling efficiency.

Not part of the test suite; prints a Markdown table and writes JSON with --json.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from newslint.archive.run import run_archive  # noqa: E402
from newslint.archive.sample import write_jsonl  # noqa: E402
from newslint.archive.sources import plan, read  # noqa: E402
from newslint.archive.work import Settings, engine  # noqa: E402
from newslint.document import make_document  # noqa: E402


def baseline(source: str, count: int) -> float:
    """Articles per second in one process (what ``newslint`` does per file), engine warm."""
    eng = engine(Settings())
    articles = []
    for part in plan(source):
        for article in read(part):
            articles.append(article)
            if len(articles) >= count:
                break
        if len(articles) >= count:
            break
    eng.linter.lint(make_document(articles[0].text, articles[0].path), articles[0].date)  # warm
    start = time.perf_counter()
    for a in articles:
        eng.linter.lint(make_document(a.text, a.path), a.date)
    return len(articles) / (time.perf_counter() - start)


def worker_memory_mb(client) -> list[tuple[float, float]]:
    """(resident now, peak so far) in MB for each worker: "now" shows whether memory plateaus."""
    def memory() -> tuple[float, float]:
        with open("/proc/self/status", encoding="ascii") as status:
            now = next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024
        return round(now), round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

    return sorted(client.run(memory).values())


def archive_rate(source: str, workers: int, chunk: int) -> tuple[float, float, dict[str, list]]:
    """(articles/s excluding cluster start, wall, worker memory at 10/25/50/75/100% of the run)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "b.duckdb")
        marks: dict[str, object] = {}
        memory: dict[str, list] = {}
        total = len(plan(source, jsonl_chunk_bytes=chunk))
        checkpoints = {max(2, total * pct // 100): f"{pct}%" for pct in (10, 25, 50, 75, 100)}

        def on_written(client, written: int) -> None:
            if written == 2:
                marks["t1"] = time.perf_counter()
            if written in checkpoints and checkpoints[written] not in memory:
                memory[checkpoints[written]] = worker_memory_mb(client)
                if "t1" in marks:  # a long run reports as it goes, so a stopped run still says something
                    rate = (written - 2) / max(1e-9, time.perf_counter() - marks["t1"])  # type: ignore[operator]
                    print(f"  {checkpoints[written]} of {total} partitions: {rate:.2f} partitions/s, "
                          f"workers (resident, peak MB) {memory[checkpoints[written]]}", file=sys.stderr, flush=True)
            if written == total:
                marks["t_end"] = time.perf_counter()

        start = time.perf_counter()
        summary = run_archive(source, db, workers=workers, jsonl_chunk_bytes=chunk, progress=False,
                              on_written=on_written)
        wall = time.perf_counter() - start
        # the rate once the workers are up: articles after the first partition, over the time after it
        first_part = 2 * summary.articles / total
        steady = (summary.articles - first_part) / max(1e-9, marks["t_end"] - marks["t1"])  # type: ignore[operator]
        return steady, wall, memory


def _memory_cell(memory: dict[str, list]) -> str:
    """Resident MB of the largest worker at each checkpoint, and its peak at the end."""
    now = [str(max(m[0] for m in memory[k])) for k in memory]
    peak = max(m[1] for m in memory[list(memory)[-1]]) if memory else 0
    return " / ".join(now) + f" (peak {peak})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--modes", default="fast,default", help="fast, default or both (comma-separated)")
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--full-only", action="store_true",
                        help="only the whole-archive run (skip the per-core and 1-vs-2-worker comparisons)")
    args = parser.parse_args()
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "archive.jsonl")
        small = os.path.join(tmp, "sample.jsonl")
        t = time.perf_counter()
        size = write_jsonl(big, args.articles, seed=11, words=args.words)
        write_jsonl(small, args.sample, seed=11, words=args.words)
        print(f"generated {args.articles:,} articles ({size / 1e6:.0f} MB) in {time.perf_counter() - t:.0f} s",
              file=sys.stderr)
        chunk_small = max(20_000, os.path.getsize(small) // 24)
        chunk_big = max(200_000, os.path.getsize(big) // 200)
        for mode in args.modes.split(","):
            if mode == "fast":
                os.environ["NEWSLINT_FAST"] = "1"
            else:
                os.environ.pop("NEWSLINT_FAST", None)
            from newslint.archive import work

            work._ENGINES.clear()
            if args.full_only:
                full, wall, memory = archive_rate(big, 2, chunk_big)
                results[mode] = {"full_archive_articles_per_s": round(full, 1), "full_archive_wall_s": round(wall, 1),
                                 "worker_memory_mb": memory}
                print(json.dumps({mode: results[mode]}), file=sys.stderr)
                continue
            one_core = baseline(small, args.sample)
            r1, _, _ = archive_rate(small, 1, chunk_small)
            r2, _, _ = archive_rate(small, 2, chunk_small)
            full, wall, memory = archive_rate(big, 2, chunk_big)
            efficiency = r2 / (2 * r1)
            row = {"baseline_per_core": round(one_core, 1), "archive_1_worker": round(r1, 1),
                   "archive_2_workers": round(r2, 1), "per_core_vs_cli": round(one_core / r1, 2),
                   "speedup_2_workers": round(r2 / r1, 2), "full_archive_articles_per_s": round(full, 1),
                   "full_archive_wall_s": round(wall, 1), "worker_memory_mb": memory}
            for n in (10**6, 10**7):
                for cores in (16, 64):
                    row[f"hours_{n:.0e}_{cores}_cores"] = round(n / (r1 * cores * efficiency) / 3600, 2)
            results[mode] = row
            print(json.dumps({mode: row}), file=sys.stderr)
    print("| mode | 1 core, CLI way (art/s) | archive 1 worker | 2 workers | CLI/archive per core | 2-worker speed-up "
          f"| {args.articles:,}-article archive, 2 workers | worker resident MB at 10/25/50/75/100% "
          "| 10^6 on 16 / 64 cores | 10^7 on 16 / 64 cores |")
    print("| --- " * 10 + "|")
    for mode, r in results.items():
        if "baseline_per_core" not in r:
            print(f"| {mode} | | | | | | {r['full_archive_articles_per_s']} art/s, {r['full_archive_wall_s']} s | "
                  f"{_memory_cell(r['worker_memory_mb'])} | | |")
            continue
        print(f"| {mode} | {r['baseline_per_core']} | {r['archive_1_worker']} | {r['archive_2_workers']} | "
              f"{r['per_core_vs_cli']} | {r['speedup_2_workers']} | {r['full_archive_articles_per_s']} art/s, "
              f"{r['full_archive_wall_s']} s | {_memory_cell(r['worker_memory_mb'])} | "
              f"{r['hours_1e+06_16_cores']} h / {r['hours_1e+06_64_cores']} h | "
              f"{r['hours_1e+07_16_cores']} h / {r['hours_1e+07_64_cores']} h |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
