"""The library API behind ``newslint.lint_text`` / ``newslint.lint_file``."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from .config import Config, config_from_table, parse_date
from .document import make_document, read_document
from .engine import Linter
from .model import Finding


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
    return Linter(config)


def lint_text(
    text: str, config: Any = None, *, path: str = "<text>", date: str | dt.date | None = None
) -> list[Finding]:
    """The findings of ``text``, as the CLI reports them for a file holding it (see ``newslint.lint_text``)."""
    cfg = as_config(config)
    article_date = parse_date(date, "date") if date is not None else None
    return linter_for(cfg).lint(make_document(text, path), article_date)


def lint_file(path: str, config: Any = None) -> list[Finding]:
    cfg = as_config(config)
    return linter_for(cfg).lint(read_document(path, max_bytes=cfg.max_file_size))
