"""The library API behind ``newslint.lint_text`` / ``lint_file`` / ``apply_fixes``.

Same findings as the command line for the same text and settings (the test suite checks
this on the dev corpus), so a CMS hook and CI never disagree.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .config import Config, config_from_table, parse_date
from .document import Document, UnreadableFile, make_document, read_document
from .engine import Linter, matches
from .records import Finding, NewslintError


def as_config(config: Any) -> Config:
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, dict):
        return config_from_table(config, str(Path.cwd() / "<api>"))
    raise TypeError("config must be a newslint.config.Config, a dict of config keys, or None")


@lru_cache(maxsize=32)
def linter_for(config: Config) -> Linter:
    from . import selectors

    linter = Linter(config)
    for key, values in (("select", config.select), ("extend-select", config.extend_select),
                        ("ignore", config.ignore),
                        *((f"per-file-ignores.{g}", r) for g, r in config.per_file_ignores)):
        selectors.check(values, f"config {key}", linter.all_rules)
    return linter


def _lint(doc: Document, linter: Linter, date: dt.date | None) -> list[Finding]:
    """The rules' findings plus the warnings for disable comments naming no rule (as the CLI)."""
    from . import selectors

    findings = linter.lint(doc, date)
    ignored = linter.config.ignore + linter.config.ignores_for(doc.path)
    if "newslint-" in doc.text and not any(matches(selectors.COMMENT_RULE, s) for s in ignored):
        extra = selectors.comment_findings(doc.text, doc.path, linter.all_rules, doc.line_col)
        findings = sorted(findings + extra, key=Finding.sort_key)
    return findings


def lint_text(
    text: str, config: Any = None, *, path: str = "<text>", date: str | dt.date | None = None
) -> list[Finding]:
    """The findings of ``text``, as the CLI reports them for a file holding it (see ``newslint.lint_text``)."""
    if not isinstance(text, str):
        raise TypeError(f"lint_text needs a str, not {type(text).__name__} (decode bytes first)")
    cfg = as_config(config)
    article_date = parse_date(date, "date") if date is not None else None
    return _lint(make_document(text, path), linter_for(cfg), article_date)


def lint_file(path: str | Path, config: Any = None, *, date: str | dt.date | None = None) -> list[Finding]:
    """The findings of one file; NewslintError if it cannot be read or decoded."""
    cfg = as_config(config)
    try:
        doc = read_document(str(path), max_bytes=cfg.max_file_size, encoding=cfg.encoding)
    except UnreadableFile as exc:
        raise NewslintError(f"{path}: {exc}") from None
    article_date = parse_date(date, "date") if date is not None else None
    return _lint(doc, linter_for(cfg), article_date)


def apply_fixes(text: str, findings: Sequence[Finding], *, unsafe: bool = False) -> str:
    """``text`` with the fixes of ``findings`` applied (overlapping ones skipped).

    Only safe fixes unless ``unsafe=True``, which also applies fixes a person should
    review (e.g. making an article use one spelling of a name). ``findings`` must come
    from linting this very ``text``; lint the result again to see what is left.
    """
    from .fix import apply, choose

    if any(f.fix is not None and f.fix.offset + f.fix.length > len(text) for f in findings):
        raise NewslintError("apply_fixes: these findings are not from this text (a fix lies past its end)")
    unsafe_rules = {f.rule for f in findings} if unsafe else set()
    return apply(text, choose(findings, unsafe_rules))
