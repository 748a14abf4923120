"""From paths on the command line to per-file results: walk, configure, read, lint."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, discover, read_config
from .document import UnreadableFile, decode, make_document, read_document
from .engine import Linter
from .model import Finding, NewslintError


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
    date: object = None
    style: str | None = None
    stdin_filename: str | None = None


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

    def config_for(self, path: str) -> Config:
        if self._fixed is not None:
            base = self._fixed
        else:
            folder = os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
            base = discover(folder) or Config(root=os.getcwd())
        o = self.options
        return base.with_overrides(
            select=o.select, fail_on=o.fail_on, style=o.style,
            ignore=(base.ignore + o.ignore) if o.ignore else None,
            extend_select=(base.extend_select + o.extend_select) if o.extend_select else None,
        )

    def linter(self, config: Config) -> Linter:
        if config not in self._linters:
            self._linters[config] = Linter(config)
        return self._linters[config]

    def lint_file(self, path: str, display: str | None = None) -> FileResult:
        config = self.config_for(path)
        linter = self.linter(config)
        shown = display or path
        try:
            doc = read_document(path, shown, config.max_file_size)
        except UnreadableFile as exc:
            return FileResult(shown, error=str(exc))
        result = FileResult(shown, linter.lint(doc, self.options.date), text=doc.text)
        if not doc.text.strip():
            result.note = "empty file, nothing to lint"
        return result

    def lint_stdin(self, data: bytes) -> FileResult:
        name = self.options.stdin_filename or "-"
        config = self.config_for(name if name != "-" else os.path.join(os.getcwd(), "-"))
        try:
            text, _ = decode(data, name)
        except UnreadableFile as exc:
            return FileResult(name, error=str(exc))
        doc = make_document(text, name)
        return FileResult(name, self.linter(config).lint(doc, self.options.date), text=text)


def expand(paths: Sequence[str], session: Session) -> Iterator[tuple[str, str | None]]:
    """Yield (path, problem) for every file to lint; folders are walked with include/exclude."""
    for raw in paths:
        if raw == "-":
            yield raw, None
            continue
        if not os.path.exists(raw):
            yield raw, "no such file or directory"
            continue
        if os.path.isfile(raw):
            if not session.config_for(raw).is_excluded(raw):
                yield raw, None
            continue
        found = False
        for folder, dirs, files in os.walk(raw):
            config = session.config_for(os.path.join(folder, "_"))
            dirs[:] = sorted(d for d in dirs if not config.is_excluded(os.path.join(folder, d)))
            for name in sorted(files):
                path = os.path.join(folder, name)
                if config.is_included(path) and not config.is_excluded(path):
                    found = True
                    yield path, None
        if not found:
            yield raw, "folder holds no files to lint (include: " + ", ".join(
                session.config_for(os.path.join(raw, "_")).include) + ")"


def lint_paths(paths: Sequence[str], session: Session) -> list[FileResult]:
    results: list[FileResult] = []
    for path, problem in expand(paths, session):
        if problem:
            results.append(FileResult(path, error=problem))
        elif path == "-":
            results.append(session.lint_stdin(sys.stdin.buffer.read()))
        else:
            results.append(session.lint_file(path))
    return results
