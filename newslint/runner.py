"""From paths on the command line to per-file results: walk, configure, read, lint."""
from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import selectors
from .config import Config, discover, read_config
from .document import Document, UnreadableFile, decode, make_document, read_document
from .engine import Linter, matches
from .packs import load_packs
from .records import Finding, NewslintError
from .streams import read_stream, stream_kind
from .toml import line_of
from .walk import Walk
from .walk import expand as walk_paths


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    note: str | None = None
    text: str | None = field(default=None, repr=False)


@dataclass
class Options:
    """Command-line settings that override configuration files."""

    config_path: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    date: dt.date | None = None
    style: str | None = None
    stdin_filename: str | None = None
    encoding: str | None = None
    jobs: int | None = None  # worker processes; None or 0 (auto): the machine's cores when there are many files
    follow_symlinks: bool = False  # read links that lead out of the folders given (--fix still never writes there)


class Session:
    """Resolves each file's configuration and keeps one compiled Linter per configuration."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._fixed: Config | None = None
        if options.config_path:
            if not Path(options.config_path).is_file():
                raise NewslintError(f"config file not found: {options.config_path}")
            self._fixed = read_config(options.config_path) or Config(path=options.config_path)
        self._linters: dict[Config, Linter] = {}
        self._by_folder: dict[str, Config] = {}
        self._checked: set[tuple[str | None, tuple[str, ...]]] = set()
        #: What walking the paths found besides files: the roots it stayed in, messages for people.
        self.walk = Walk(follow_symlinks=options.follow_symlinks)

    @property
    def notices(self) -> list[str]:
        return self.walk.notices

    def config_for(self, path: str) -> Config:
        """The configuration for a file (the closest config file above it, with the
        command line's overrides), worked out once per folder."""
        folder = os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
        config = self._by_folder.get(folder)
        if config is None:
            config = self._by_folder[folder] = self._config_for_folder(folder)
        return config

    def _config_for_folder(self, folder: str) -> Config:
        if self._fixed is not None:
            base = self._fixed
        else:
            base = discover(folder) or Config(root=os.getcwd())
        self._check_selectors(base)
        return merge_options(base, self.options)

    def _check_selectors(self, base: Config) -> None:
        """Unknown selectors in the config file or on the command line are errors (exit 2)."""
        key = (base.path, base.packs)
        if key in self._checked:
            return
        rules = [rule for pack in load_packs(list(base.packs)) for rule in pack.rules]
        if base.path:
            raw = Path(base.path).read_text(encoding="utf-8-sig", errors="replace")
            for name, values in (("select", base.select), ("extend-select", base.extend_select),
                                 ("ignore", base.ignore),
                                 *((f"per-file-ignores.{glob}", rules_) for glob, rules_ in base.per_file_ignores)):
                for value in values or ():
                    if not selectors.is_known(value, rules):
                        where = f"{base.path}:{line_of(raw, repr(value)[1:-1]) or line_of(raw, value)}: {name}"
                        raise NewslintError(selectors.unknown_message(value, where, rules))
        o = self.options
        for flag, values in (("--select", o.select), ("--extend-select", o.extend_select), ("--ignore", o.ignore)):
            selectors.check(values, flag, rules)
        self._checked.add(key)

    def linter(self, config: Config) -> Linter:
        if config not in self._linters:
            self._linters[config] = Linter(config)
        return self._linters[config]

    def _finish(self, doc: Document, linter: Linter, findings: list[Finding]) -> list[Finding]:
        """Add a warning for each disable comment naming no rule (unless NL799 is ignored)."""
        if "newslint-" not in doc.text or not _comment_check_wanted(linter.config, doc.path):
            return findings
        extra = selectors.comment_findings(doc.text, doc.path, linter.all_rules, doc.line_col)
        return sorted(findings + extra, key=Finding.sort_key) if extra else findings

    def lint_file(self, path: str, display: str | None = None) -> FileResult:
        config = self.config_for(path)
        linter = self.linter(config)
        shown = display or path
        try:
            doc = read_document(path, shown, config.max_file_size, config.encoding)
        except UnreadableFile as exc:
            return FileResult(shown, error=str(exc))
        result = FileResult(shown, self._finish(doc, linter, linter.lint(doc, self.options.date)), text=doc.text)
        if not doc.text.strip():
            result.note = "empty file, nothing to lint"
        return result

    def lint_stdin(self, data: bytes) -> FileResult:
        name = self.options.stdin_filename or "-"
        config = self.config_for(name if name != "-" else os.path.join(os.getcwd(), "-"))
        return self._lint_bytes(lambda: data, name, config)

    def lint_stream(self, path: str) -> FileResult:
        """A FIFO or character device named on the command line, read here (a pipe can be read
        once, and ``/dev/fd/N`` exists only in this process), at most max-file-size bytes. One
        the shell made (``<(...)``, ``/dev/stdin``) takes the configuration of the current folder,
        as standard input does."""
        system = os.path.abspath(path).startswith(("/dev/", "/proc/"))
        config = self.config_for(os.path.join(os.getcwd(), "-") if system else path)
        return self._lint_bytes(lambda: read_stream(path, config.max_file_size), path, config)

    def _lint_bytes(self, read: Callable[[], bytes], name: str, config: Config) -> FileResult:
        try:
            text, _ = decode(read(), name, config.encoding)
        except UnreadableFile as exc:
            return FileResult(name, error=str(exc))
        doc = make_document(text, name)
        linter = self.linter(config)
        result = FileResult(name, self._finish(doc, linter, linter.lint(doc, self.options.date)), text=text)
        if name != "-" and not text.strip():
            result.note = "empty file, nothing to lint"
        return result


def merge_options(base: Config, o: Options) -> Config:
    """The command line over a config file, the way ruff layers them: a command-line
    ``--select`` starts the selection afresh (the file's select, extend-select and
    ignore no longer apply); ``--ignore`` and ``--extend-select`` add to the file's, and a
    rule named by ``--extend-select`` runs even if the file ignores it."""
    select: tuple[str, ...] | None
    if o.select is not None:
        select, ignore, extend = o.select, tuple(o.ignore), tuple(o.extend_select or ())
    elif o.extend_select and base.ignore:  # resolve the file's layer to codes, then add the command line's
        from .engine import select_rules

        rules = [rule for pack in load_packs(list(base.packs)) for rule in pack.rules]
        select = tuple(r.code for r in select_rules(rules, base.select, base.ignore, base.extend_select))
        ignore, extend = tuple(o.ignore), tuple(o.extend_select)
    else:
        select, ignore = base.select, base.ignore + tuple(o.ignore)
        extend = base.extend_select + tuple(o.extend_select or ())
    return base.with_overrides(select=select, ignore=ignore, extend_select=extend, fail_on=o.fail_on,
                               style=o.style, encoding=o.encoding)


def _comment_check_wanted(config: Config, path: str) -> bool:
    ignored = config.ignore + config.ignores_for(path)
    return not any(matches(selectors.COMMENT_RULE, s) for s in ignored)


def expand(paths: Sequence[str], session: Session) -> Iterator[tuple[str, str | None]]:
    """Yield (path, problem) for every file to lint; folders are walked with include/exclude
    (see :mod:`newslint.walk` for links, FIFOs and devices)."""
    return walk_paths(paths, session.walk, session.config_for)


def lint_paths(paths: Sequence[str], session: Session) -> list[FileResult]:
    """Results in the order the files were found, whether linted here or by worker processes."""
    items = list(expand(paths, session))
    streams = {path for path, problem in items if not problem and path != "-" and stream_kind(path)}
    files = [path for path, problem in items if not problem and path != "-" and path not in streams]
    linted = dict(zip(files, _lint_files(files, session), strict=True))
    results: list[FileResult] = []
    for path, problem in items:
        if problem:
            results.append(FileResult(path, error=problem))
        elif path == "-":
            results.append(session.lint_stdin(sys.stdin.buffer.read()))
        elif path in streams:
            results.append(session.lint_stream(path))
        else:
            results.append(linted[path])
    return results


#: Files per worker below which extra processes cost more than they save.
FILES_PER_JOB = 16


def job_count(requested: int | None, files: int) -> int:
    """Worker processes for ``files`` files: ``--jobs`` if given, else one per core for many files."""
    if requested is not None and requested > 0:
        return max(1, min(requested, files))
    return max(1, min(os.cpu_count() or 1, files // FILES_PER_JOB))


def _lint_files(files: list[str], session: Session) -> list[FileResult]:
    jobs = job_count(session.options.jobs, len(files))
    if jobs <= 1:
        return [session.lint_file(path) for path in files]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork:  # compile packs and run lazy set-up (patterns, NLP) once here; forked workers inherit it
        session.linter(session.config_for(files[0])).lint(make_document("Warm-up.", "warm-up.txt"))
    context = multiprocessing.get_context("fork" if fork else "spawn")
    chunk = max(1, len(files) // (jobs * 4))
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                                 initargs=(session if fork else session.options,)) as pool:
            return list(pool.map(_lint_in_worker, files, chunksize=chunk))
    except BrokenProcessPool:  # a worker died (out of memory, killed): finish here, one at a time
        print("newslint: a worker process stopped; linting the files in this process", file=sys.stderr)
        return [session.lint_file(path) for path in files]


_WORKER_SESSION: Session | None = None


def _start_worker(session: Session | Options) -> None:
    """Each worker keeps one session, so packs and the NLP pipeline load once per worker."""
    global _WORKER_SESSION
    _WORKER_SESSION = session if isinstance(session, Session) else Session(session)


def _lint_in_worker(path: str) -> FileResult:
    assert _WORKER_SESSION is not None
    return _WORKER_SESSION.lint_file(path)
