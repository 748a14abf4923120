"""TOML reading with errors that name the file and line."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from .model import NewslintError


def load_toml(path: str | Path) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; return (data, raw text) or raise NewslintError naming the file."""
    try:
        raw = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise NewslintError(f"{path}: cannot read: {exc}") from None
    try:
        return tomllib.loads(raw), raw
    except tomllib.TOMLDecodeError as exc:
        raise NewslintError(_decode_error(str(path), raw, str(exc))) from None


def _decode_error(path: str, raw: str, message: str) -> str:
    """'file:line:col: invalid TOML: reason', from tomllib's '(at line X, column Y)'."""
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)", message)
    if found:
        return f"{path}:{found.group(1)}:{found.group(2)}: invalid TOML: {message[:found.start()]}"
    if "end of document" in message:
        return f"{path}:{raw.count(chr(10)) + 1}: invalid TOML: {message.split(' (at')[0]} at the end of the file"
    return f"{path}: invalid TOML: {message}"


def line_of(raw: str, needle: str, after: int = 0) -> int:
    """1-based line of the first line containing ``needle`` at or after line ``after`` (0 if absent)."""
    for number, line in enumerate(raw.splitlines(), 1):
        if number >= after and needle in line:
            return number
    return 0
