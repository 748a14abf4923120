"""TOML reading with errors that name the file and line, and a disk cache of parsed
files: the bundled packs take ``tomllib`` some 60 ms to parse, paid by every fresh
process (a pre-commit hook, an editor save); a cached copy (JSON in
:mod:`newslint.disk_cache`, checked against the file's text) loads in a few."""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from . import disk_cache
from .records import NewslintError


def load_toml(path: str | Path) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; return (data, raw text) or raise NewslintError naming the file."""
    try:
        raw = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise NewslintError(f"{path}: cannot read: {exc}") from None
    cacheable = len(raw) >= CACHE_MIN_CHARS
    if cacheable:
        data = disk_cache.read("toml", raw, _decode_top, _CACHE_VERSIONS)
        if data is not None:
            return data, raw
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise NewslintError(_decode_error(str(path), raw, str(exc))) from None
    except RecursionError:
        raise NewslintError(f"{path}: values are nested too deeply to read (arrays or tables inside "
                            "each other thousands of levels deep)") from None
    if cacheable:
        try:
            disk_cache.write("toml", raw, _encode(data), _CACHE_VERSIONS)
        except (ValueError, RecursionError):
            pass  # a key the encoding reserves, or too deep: parse this file every time
    return data, raw


#: Files smaller than this parse faster than a cache look-up pays for.
CACHE_MIN_CHARS = 4000
_CACHE_VERSIONS = (f"python {sys.version_info[0]}.{sys.version_info[1]}", "toml 2")
_TIME_TYPES: dict[str, Any] = {"date": dt.date, "datetime": dt.datetime, "time": dt.time}
#: The key of the one-entry object that stands for a date or time in a cache entry (a key
#: TOML data may hold too: such a file is not cached).
_TAG = "\0"


def _encode(value: Any) -> Any:
    """TOML values -> JSON ones; dates and times become ``{"\\0": [kind, iso]}``."""
    if isinstance(value, dict):
        if _TAG in value:
            raise ValueError("reserved key")
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        kind = "datetime" if isinstance(value, dt.datetime) else "date" if isinstance(value, dt.date) else "time"
        return {_TAG: [kind, value.isoformat()]}
    return value


def _decode_top(value: Any) -> dict[str, Any]:
    data = _decode(value)
    if not isinstance(data, dict):
        raise TypeError("not a table")
    return data


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if _TAG in value:
            kind, iso = value[_TAG]
            return _TIME_TYPES[kind].fromisoformat(iso)
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


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
