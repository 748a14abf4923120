"""Command line: parse arguments, call the runner, choose a reporter, set the exit code.

Exit codes (Contract 2): 0 nothing at or above ``fail-on``; 1 findings at or above
it; 2 usage or configuration error, no input files, or any input that does not exist
or could not be read or decoded (after every other file has been linted and reported):
a green run always means all the copy was checked.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import __version__
from .records import SEVERITY_RANK, NewslintError

if TYPE_CHECKING:
    from .records import Finding
    from .runner import FileResult, Session

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _csv(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _jobs(value: str) -> int:
    """``--jobs N`` or ``--jobs auto`` (also ``0``): one process per core when there are enough files."""
    if value.strip().lower() in ("auto", "0"):
        return 0
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"must be a positive number of processes or 'auto', not {value!r}")
    return jobs


#: The lint command's options after --format, in --help order: flags (aliases after a
#: space), the value's name in --help ("" for an on/off switch) and the help. One row per
#: option, so that adding or changing one is an edit to this table, not to code.
LINT_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("--config", "FILE",
     "use this config file for every input (no discovery)"),
    ("--select", "RULES",
     "rules to run: codes, prefixes (NL4), names or categories, comma-separated"),
    ("--extend-select", "RULES",
     "rules to run besides the default set"),
    ("--ignore", "RULES",
     "rules not to run"),
    ("--fail-on", "LEVEL",
     "lowest severity that exits 1: info, warning (default), error or never (unreadable input still exits 2)"),
    ("--exit-zero", "",
     "exit 0 even when there are findings (same as --fail-on never)"),
    ("--encoding", "NAME",
     "decode files with this encoding (e.g. cp1252 for legacy wire copy; default utf-8)"),
    ("--date", "YYYY-MM-DD",
     "article date for articles that carry none"),
    ("--style", "PRESET",
     "house-style preset (default, ap, reuters, bbc, ...)"),
    ("--stdin-filename", "NAME",
     "name (and format) to report for '-'"),
    ("--quiet -q", "",
     "findings only: no source lines, no summary"),
    ("--statistics", "",
     "count findings per rule"),
    ("--fix", "",
     "apply safe fixes in place (changes to stderr); with '-' (stdin): fixed text to stdout, report to stderr"),
    ("--show-fixes", "",
     "after the report, list the safe fixes (applied with --fix, else available)"),
    ("--diff", "",
     "print a diff of what --fix would change; change nothing (exit 1 if any)"),
    ("--fix-consistency", "",
     "like --fix, and also make an article use one form (consistency, name rules)"),
    ("--output --output-file -o", "FILE",
     "write the report in --format to FILE and print the text report"),
    ("--markdown-summary", "FILE",
     "also append a Markdown summary table to FILE (e.g. $GITHUB_STEP_SUMMARY)"),
    ("--show-settings", "",
     "print the settings in force for the first PATH and where each came from; lint nothing"),
    ("--jobs -j", "N",
     "lint files in N processes; auto (or 0, the default): one per core when there are many files"),
    ("--follow-symlinks", "",
     "follow symbolic links out of the folders given (by default: reported, not read, never written by --fix)"),
    ("--fast", "",
     "skip the trained pipeline and the rules that need it (same as [nlp] model = \"none\")"),
)

#: What some options take besides a value: a converter, a default, the values allowed.
OPTION_EXTRAS: dict[str, dict[str, Any]] = {
    "--select": {"type": _csv},
    "--extend-select": {"type": _csv},
    "--ignore": {"type": _csv, "default": ()},
    "--fail-on": {"choices": ["info", "warning", "error", "never"]},
    "--jobs": {"type": _jobs},
}


def _add_options(parser: argparse.ArgumentParser) -> None:
    """Add LINT_OPTIONS: a switch is ``store_true``, any other option stores its value."""
    for flags, value, text in LINT_OPTIONS:
        names = flags.split()
        options: dict[str, Any] = {"metavar": value} if value else {"action": "store_true"}
        parser.add_argument(*names, **options, **OPTION_EXTRAS.get(names[0], {}), help=text)


def build_parser() -> argparse.ArgumentParser:
    from .report import FORMATS

    parser = argparse.ArgumentParser(
        prog="newslint",
        description="Lint news copy. Also: 'newslint rules' lists every rule, 'newslint explain CODE' "
        "documents one, 'newslint kinds' lists rule kinds, 'newslint check-pack FILE' validates a rule pack "
        "and runs its examples, 'newslint config [PATH]' shows the settings in force and where each comes "
        "from, 'newslint init [--style PRESET]' writes a commented newslint.toml.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint; '-' reads standard input")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="report format (default: text)")
    _add_options(parser)
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    return parser


#: Subcommands and the function that runs each (module relative to this package).
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "rules": (".docs", "print_rules"),
    "explain": (".docs", "explain"),
    "kinds": (".docs", "print_kinds"),
    "serve": (".server.command", "main"),
    "archive": (".archive.command", "main"),
    "lsp": (".lsp.command", "main"),
    "check-pack": (".packcheck", "check_packs"),
    "init": (".settings", "init"),
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            module, function = SUBCOMMANDS[argv[0]]
            # imported only when named: 'newslint serve' needs Starlette, a lint run does not
            return int(getattr(importlib.import_module(module, __package__), function)(argv[1:]))
        if argv and argv[0] == "empty-report":
            return _empty_report(argv[1:])
        if argv and argv[0] == "config":
            return _lint(["--show-settings", *(argv[1:] or ["."])])
        return _lint(argv)
    except NewslintError as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader stopped reading (| head): nothing more to say
        _detach_stdout()
        return EXIT_OK


def _detach_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush at exit does
    not fail again on a closed pipe or a full device (and print a traceback-like warning)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def _stdout_problem() -> str | None:
    """Why the report cannot go to standard output (closed with ``>&-``), or None."""
    import io

    if sys.stdout is None:  # Python's own answer when descriptor 1 was closed at start
        return "standard output is closed"
    try:
        fd = sys.stdout.fileno()
    except (io.UnsupportedOperation, AttributeError, ValueError):
        return None  # a stream without a descriptor (tests, embedding): it can be written
    try:
        os.fstat(fd)
    except OSError:
        return "standard output is closed"
    return None


def _lint(argv: list[str]) -> int:
    from .config import check_encoding, parse_date
    from .report import write, write_file
    from .runner import Options, Session, lint_paths

    args = build_parser().parse_args(argv)
    closed = _stdout_problem()
    if closed:
        raise NewslintError(f"{closed}: there is nowhere to write the report (redirect it to a file or "
                            "/dev/null instead of closing it)")
    if hasattr(sys.stdout, "reconfigure"):  # no report ever holds invalid UTF-8 (see report.paths)
        try:
            sys.stdout.reconfigure(errors="backslashreplace")
        except (ValueError, OSError):
            pass
    if args.fast:
        os.environ["NEWSLINT_FAST"] = "1"  # read by newslint.nlp here and in worker processes
    if not args.paths:
        print("newslint: error: no input: give files or folders to lint, or '-' for standard input "
              "(see newslint --help)", file=sys.stderr)
        return EXIT_USAGE
    options = Options(
        config_path=args.config, select=args.select, extend_select=args.extend_select, ignore=args.ignore,
        fail_on=args.fail_on, style=args.style, stdin_filename=args.stdin_filename,
        encoding=check_encoding(args.encoding, "--encoding") if args.encoding else None,
        date=parse_date(args.date, "--date") if args.date else None, jobs=args.jobs,
        follow_symlinks=args.follow_symlinks,
    )
    session = Session(options)
    if args.show_settings:
        from .settings import show

        return show(args.paths[0], session)
    fixing = args.fix or args.fix_consistency
    if fixing and "-" in args.paths:
        if args.paths != ["-"]:
            raise NewslintError("--fix with '-' fixes standard input only: give '-' alone")
        return _fix_stdin(args, session)
    results = lint_paths(args.paths, session)
    _refuse_reports_over_inputs(args, results)
    if not args.quiet:
        for notice in session.notices:
            print(f"newslint: {notice}", file=sys.stderr)
    for result in results:
        if result.error:
            print(f"newslint: {result.path}: {result.error}", file=sys.stderr)
        elif result.note and not args.quiet:
            print(f"newslint: {result.path}: {result.note}", file=sys.stderr)
    fixes_shown = _fixable(results)
    if fixing or args.diff:
        from .fix import run as run_fixes

        fixed = run_fixes(results, session, write=fixing, diff=sys.stdout if args.diff else None,
                          log=sys.stderr, fix_consistency=args.fix_consistency)
        results = fixed.results
        if args.diff and not fixing and not any(r.error for r in results):
            return EXIT_FINDINGS if fixed.changed else EXIT_OK
    report_options = {"quiet": args.quiet, "statistics": args.statistics, "session": session}
    if args.output:
        write_file(args.format, results, args.output, **report_options)
    if args.markdown_summary:
        from .report import append_file

        append_file("markdown", results, args.markdown_summary)
    try:
        if not args.diff:
            write("text" if args.output else args.format, results, sys.stdout, **report_options)
        if args.show_fixes:
            _show_fixes(fixes_shown, applied=fixing)
        sys.stdout.flush()
    except BrokenPipeError:
        _detach_stdout()  # the reader stopped early (| head): the exit status still tells the run
    except OSError as exc:
        _detach_stdout()
        raise NewslintError(f"cannot write the report to standard output: {exc.strerror or exc}") from None
    return _exit_status(results, session, args)


def _refuse_reports_over_inputs(args: argparse.Namespace, results: list[FileResult]) -> None:
    """``-o story.txt story.txt`` would replace the article with its report: exit 2 instead."""
    from .report.output import refuse_inputs

    inputs = [r.path for r in results]
    if args.output:
        refuse_inputs(args.output, inputs, "--output")
    if args.markdown_summary:
        refuse_inputs(args.markdown_summary, inputs, "--markdown-summary")


def _empty_report(argv: list[str]) -> int:
    """``newslint empty-report FORMAT``: a complete report of a run that linted nothing
    (for CI scripts when no copy changed), so tools reading it always get a valid one."""
    from .report import FORMATS, write

    if len(argv) != 1 or argv[0] not in FORMATS:
        raise NewslintError(f"empty-report needs one format: {', '.join(sorted(FORMATS))}")
    write(argv[0], [], sys.stdout)
    return EXIT_OK


def _exit_status(results: list[FileResult], session: Session, args: argparse.Namespace) -> int:
    """Contract 2: unread input is 2 whatever was found; then findings at or above fail-on are 1."""
    unread = [r for r in results if r.error]
    if unread:
        linted = len(results) - len(unread)
        print(f"newslint: error: {len(unread)} file{'s' if len(unread) != 1 else ''} could not be read "
              f"({linted} linted); the run is not clean until every input is read", file=sys.stderr)
        return EXIT_USAGE
    if args.exit_zero:
        return EXIT_OK
    for r in results:
        fail_on = session.config_for(r.path).fail_on
        if fail_on in SEVERITY_RANK and any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in r.findings):
            return EXIT_FINDINGS
    return EXIT_OK


def _fixable(results: list[FileResult]) -> list[Finding]:
    return [f for r in results for f in r.findings if f.fix is not None and f.fix.safe]


def _show_fixes(findings: list[Finding], applied: bool) -> None:
    head = "Fixed" if applied else "Fixable with --fix"
    print(f"{head}: {len(findings)} problem{'s' if len(findings) != 1 else ''}")
    for f in findings:
        replacement = f.fix.replacement if f.fix else ""
        print(f"  {f.path}:{f.line}:{f.column}: {f.rule} '{f.match}' -> '{replacement}'")


def _fix_stdin(args: argparse.Namespace, session: Session) -> int:
    """``--fix -``: fixed text on standard output (for editors and CMS hooks), report on standard error."""
    from .document import make_document
    from .fix import consistency_rules, fix_text
    from .report import write
    from .runner import FileResult

    result = session.lint_stdin(sys.stdin.buffer.read())
    if result.error or result.text is None:
        print(f"newslint: {result.path}: {result.error}", file=sys.stderr)
        return EXIT_USAGE
    config = session.config_for(result.path if result.path != "-" else "./-")
    linter = session.linter(config)
    date = session.options.date

    def lint(text: str) -> list[Finding]:
        return linter.lint(make_document(text, result.path), date)

    unsafe = consistency_rules(session, [result.path]) if args.fix_consistency else set()
    text, applied, remaining = fix_text(result.text, result.findings, lint, unsafe)
    sys.stdout.write(text)
    sys.stdout.flush()
    after = [FileResult(result.path, remaining, text=text)]
    write("text", after, sys.stderr, quiet=args.quiet, statistics=args.statistics, session=session, colour=False)
    if args.show_fixes:
        for f in applied:
            print(f"newslint: fixed {f.rule} '{f.match}' -> '{f.fix.replacement if f.fix else ''}'", file=sys.stderr)
    return _exit_status(after, session, args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
