"""The configuration a long-running front end (HTTP service, language server) starts with."""
from __future__ import annotations

import os

from .config import Config, discover, read_config
from .records import NewslintError


def server_config(config_path: str | None, folder: str | None = None) -> Config:
    """``--config FILE`` if given, else ``newslint.toml`` found from ``folder`` (the working
    directory) upward, else the defaults. Read once at start: requests cannot name files."""
    if config_path:
        config = read_config(config_path)
        if config is None:
            raise NewslintError(f"{config_path}: no newslint settings in this file")
        return config
    return discover(os.path.abspath(folder or os.getcwd())) or Config()


def missing_extra(extra: str, exc: ImportError) -> NewslintError:
    return NewslintError(f"this command needs the '{extra}' extra: pip install 'newslint[{extra}]' ({exc})")
