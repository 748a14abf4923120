"""``newslint archive``: argument parsing for archive mode (no logic of its own).

    newslint archive SOURCE [--db FILE] [--scheduler tcp://HOST:PORT] [--workers N] [--parquet DIR]
    newslint archive report DB [-o report.html]
    newslint archive sample OUT.jsonl [--articles N]
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..frontend_config import missing_extra

EXIT_OK, EXIT_INTERRUPTED = 0, 130


def main(argv: Sequence[str]) -> int:
    argv = list(argv)
    try:
        if argv and argv[0] == "report":
            return _report(argv[1:])
        if argv and argv[0] == "sample":
            return _sample(argv[1:])
        return _run(argv)
    except ImportError as exc:
        raise missing_extra("archive", exc) from None


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newslint archive",
        description="Lint a whole archive on Dask into a DuckDB database (findings, articles, and how each name "
        "and place is spelled by month). SOURCE is a folder of articles, a glob, a JSON Lines file or a Parquet "
        "dataset (fields id, date, text, and optionally section, url, format). A run that is stopped resumes "
        "where it left off. Also: 'newslint archive report DB', 'newslint archive sample OUT.jsonl'.")
    parser.add_argument("source")
    parser.add_argument("--db", default="newslint-archive.duckdb", help="database file (default: %(default)s)")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="an existing Dask scheduler "
                        "(default: a local cluster sized to this machine)")
    parser.add_argument("--workers", type=int, help="local worker processes (default: one per core)")
    parser.add_argument("--config", metavar="FILE", help="newslint.toml for every article")
    parser.add_argument("--style", metavar="PRESET", help="house-style preset")
    parser.add_argument("--partition-files", type=int, default=200, help="files per partition for a folder")
    parser.add_argument("--partition-bytes", type=int, default=4_000_000, help="bytes per partition of JSON Lines")
    parser.add_argument("--parquet", metavar="DIR", help="also export the tables as Parquet files into DIR")
    parser.add_argument("--quiet", action="store_true", help="no progress output")
    parser.add_argument("--progress-every", type=float, default=5.0, metavar="SECONDS",
                        help="seconds between plain progress lines when not on a terminal (default: %(default)s)")
    args = parser.parse_args(argv)

    from .run import run_archive
    from .work import Settings

    summary = run_archive(args.source, args.db, settings=Settings(args.config, args.style),
                          scheduler=args.scheduler, workers=args.workers, files_per_partition=args.partition_files,
                          jsonl_chunk_bytes=args.partition_bytes, parquet=args.parquet, progress=not args.quiet,
                          progress_every=args.progress_every)
    state = "stopped" if summary.interrupted else "done"
    print(f"newslint archive: {state}: {summary.written} partitions written, {summary.skipped} already there "
          f"(of {summary.partitions}); database {args.db} holds {summary.articles:,} articles, "
          f"{summary.findings:,} findings, {summary.unreadable:,} that could not be read; "
          f"{summary.name_pairs} names spelled two ways across articles; {summary.seconds:.1f} s.")
    if summary.interrupted:
        print("newslint archive: run the same command again to resume.", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK


def _report(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="newslint archive report",
                                     description="Write a self-contained HTML report of an archive database.")
    parser.add_argument("db")
    parser.add_argument("-o", "--output", default="newslint-archive.html", help="HTML file (default: %(default)s)")
    args = parser.parse_args(argv)
    from .report import write_report

    print(f"newslint archive: report written to {write_report(args.db, args.output)}")
    return EXIT_OK


def _sample(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="newslint archive sample",
                                     description="Write a generated archive (JSON Lines) to try archive mode on.")
    parser.add_argument("output")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    from .sample import write_jsonl

    size = write_jsonl(args.output, args.articles, args.seed)
    print(f"newslint archive: {args.articles:,} articles ({size / 1e6:.1f} MB) written to {args.output}")
    return EXIT_OK
