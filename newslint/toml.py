"""TOML reading with errors that name the file and line, and a disk cache of parsed
files: the bundled packs take ``tomllib`` some 60 ms to parse, paid by every fresh
process (a pre-commit hook, an editor save); a cached copy loads in a few."""
from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import re
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from .records import NewslintError


def load_toml(path: str | Path) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; return (data, raw text) or raise NewslintError naming the file."""
    try:
        raw = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise NewslintError(f"{path}: cannot read: {exc}") from None
    cached = _cache_path(raw)
    if cached is not None:
        data = _load_cached(cached)
        if data is not None:
            return data, raw
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise NewslintError(_decode_error(str(path), raw, str(exc))) from None
    except RecursionError:
        raise NewslintError(f"{path}: values are nested too deeply to read (arrays or tables inside "
                            "each other thousands of levels deep)") from None
    if cached is not None:
        _store_cached(cached, data)
    return data, raw


#: Files smaller than this parse faster than a cache look-up pays for.
CACHE_MIN_CHARS = 4000
_CACHE_VERSION = f"{sys.version_info[0]}.{sys.version_info[1]}|toml|1"
_TIME_TYPES: dict[str, Any] = {"date": dt.date, "datetime": dt.datetime, "time": dt.time}


def _cache_path(raw: str) -> Path | None:
    from .regex_cache import cache_dir

    folder = cache_dir() if len(raw) >= CACHE_MIN_CHARS else None
    if folder is None:
        return None
    key = hashlib.sha256(f"{_CACHE_VERSION}\0{raw}".encode("utf-8", "surrogatepass")).hexdigest()
    return folder / "toml" / key[:2] / key


def _load_cached(path: Path) -> dict[str, Any] | None:
    try:
        blob = path.read_bytes()
        if hashlib.sha256(blob[32:]).digest() != blob[:32]:
            return None
        data = _decode(marshal.loads(blob[32:]))
        return data if isinstance(data, dict) else None
    except Exception:  # noqa: BLE001 - no entry or an unusable one: parse the file
        return None


def _store_cached(path: Path, data: dict[str, Any]) -> None:
    try:
        payload = marshal.dumps(_encode(data))
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{id(data)}.tmp")
        partial.write_bytes(hashlib.sha256(payload).digest() + payload)
        partial.replace(path)
    except Exception:  # noqa: BLE001 - a read-only or full disk only costs speed
        pass


def _encode(value: Any) -> Any:
    """TOML values -> marshal-able ones; dates and times become ("date", iso) tuples
    (TOML has no tuples, so they cannot clash with data)."""
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        kind = "datetime" if isinstance(value, dt.datetime) else "date" if isinstance(value, dt.date) else "time"
        return (kind, value.isoformat())
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, tuple):
        return _TIME_TYPES[value[0]].fromisoformat(value[1])
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
