"""Command line: parse arguments, call the runner, choose a reporter, set the exit code.

Exit codes (Contract 2): 0 nothing at or above ``fail-on``; 1 findings at or above
it; 2 usage or configuration error, or no input files.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from . import __version__
from .model import SEVERITY_RANK, NewslintError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _csv(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def build_parser() -> argparse.ArgumentParser:
    from .report import FORMATS

    parser = argparse.ArgumentParser(
        prog="newslint",
        description="Lint news copy. Also: 'newslint rules' lists every rule, 'newslint explain CODE' "
        "documents one, 'newslint check-pack FILE' validates a rule pack and runs its examples.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint; '-' reads standard input")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="report format (default: text)")
    parser.add_argument("--config", metavar="FILE", help="use this config file for every input (no discovery)")
    parser.add_argument("--select", type=_csv, metavar="RULES",
                        help="rules to run: codes, prefixes (NL4), names or categories, comma-separated")
    parser.add_argument("--extend-select", type=_csv, metavar="RULES", help="rules to run besides the default set")
    parser.add_argument("--ignore", type=_csv, default=(), metavar="RULES", help="rules not to run")
    parser.add_argument("--fail-on", choices=["info", "warning", "error"],
                        help="lowest severity that makes the exit status 1 (default: warning)")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="article date for articles that carry none")
    parser.add_argument("--style", metavar="PRESET", help="house-style preset (default, ap, reuters, bbc, ...)")
    parser.add_argument("--stdin-filename", metavar="NAME", help="name (and format) to report for '-'")
    parser.add_argument("--quiet", "-q", action="store_true", help="findings only: no source lines, no summary")
    parser.add_argument("--statistics", action="store_true", help="count findings per rule")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place (changes go to stderr)")
    parser.add_argument("--diff", action="store_true",
                        help="print a diff of what --fix would change; change nothing (exit 1 if any)")
    parser.add_argument("--fix-consistency", action="store_true",
                        help="like --fix, and also make an article use one form (consistency, name rules)")
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write the report in --format to FILE and print the text report")
    parser.add_argument("--jobs", "-j", type=int, metavar="N",
                        help="lint files in N processes (default: one per core when there are many files)")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "rules":
            from .docs import print_rules

            return print_rules(argv[1:])
        if argv and argv[0] == "explain":
            from .docs import explain

            return explain(argv[1:])
        if argv and argv[0] == "kinds":
            from .docs import print_kinds

            return print_kinds(argv[1:])
        if argv and argv[0] == "check-pack":
            from .packcheck import check_packs

            return check_packs(argv[1:])
        return _lint(argv)
    except NewslintError as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _lint(argv: list[str]) -> int:
    from .config import parse_date
    from .report import write, write_file
    from .runner import Options, Session, lint_paths

    args = build_parser().parse_args(argv)
    if not args.paths:
        print("newslint: error: no input: give files or folders to lint, or '-' for standard input "
              "(see newslint --help)", file=sys.stderr)
        return EXIT_USAGE
    options = Options(
        config_path=args.config, select=args.select, extend_select=args.extend_select, ignore=args.ignore,
        fail_on=args.fail_on, style=args.style, stdin_filename=args.stdin_filename,
        date=parse_date(args.date, "--date") if args.date else None, jobs=args.jobs,
    )
    session = Session(options)
    results = lint_paths(args.paths, session)
    for result in results:
        if result.error:
            print(f"newslint: {result.path}: {result.error}", file=sys.stderr)
        elif result.note and not args.quiet:
            print(f"newslint: {result.path}: {result.note}", file=sys.stderr)
    if args.fix or args.diff or args.fix_consistency:
        from .fix import run as run_fixes

        fixed = run_fixes(results, session, write=args.fix or args.fix_consistency,
                          diff=sys.stdout if args.diff else None, log=sys.stderr,
                          fix_consistency=args.fix_consistency)
        results = fixed.results
        if args.diff and not (args.fix or args.fix_consistency) and any(r.error is None for r in results):
            return EXIT_FINDINGS if fixed.changed else EXIT_OK
    options = {"quiet": args.quiet, "statistics": args.statistics, "session": session}
    if args.output:
        write_file(args.format, results, args.output, **options)
    if not args.diff:
        write("text" if args.output else args.format, results, sys.stdout, **options)
    sys.stdout.flush()
    linted = [r for r in results if r.error is None]
    if not linted and not any(r.path == "-" or os.path.isfile(r.path) for r in results):
        print("newslint: error: no files were linted", file=sys.stderr)
        return EXIT_USAGE
    failing = [
        f for r in results for f in r.findings
        if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[session.config_for(r.path).fail_on]
    ]
    return EXIT_FINDINGS if failing else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
