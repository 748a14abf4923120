"""A disk cache of compiled `regex` programs, so big pack patterns are parsed once per
machine instead of once per process.

The `regex` module parses patterns in Python: a knowledge trigger that embeds every
country name takes a third of a second, and the bundled packs hold dozens. That is
paid by every fresh process (a pre-commit hook, an editor save). The parse result is
a list of integers handed to the C engine; this module stores that list (with
`marshal`, and a checksum) under ``$NEWSLINT_CACHE_DIR`` (default
``$XDG_CACHE_HOME/newslint`` or ``~/.cache/newslint``; ``off`` disables it) keyed by the
pattern, the flags and the `regex` and Python versions. Anything unexpected (missing,
corrupt, unwritable, a different `regex` build) falls back to an ordinary compile.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

import regex
import regex._main as _main

#: Patterns shorter than this compile faster than a cache look-up pays for (a look-up is
#: some 40 µs; parsing a 16-character pattern such as ``,[ \t]*,`` takes about 100 µs).
MIN_LENGTH = 16
_VERSION = f"{regex.__version__}|{sys.version_info[0]}.{sys.version_info[1]}|1"


_DIRS: dict[tuple[str | None, ...], Path | None] = {}


def cache_dir() -> Path | None:
    """The cache folder (None: off), worked out once per setting of the environment."""
    key = (os.environ.get("NEWSLINT_CACHE_DIR"), os.environ.get("XDG_CACHE_HOME"), os.environ.get("HOME"))
    if key not in _DIRS:
        _DIRS[key] = _cache_dir()
    return _DIRS[key]


def _cache_dir() -> Path | None:
    setting = os.environ.get("NEWSLINT_CACHE_DIR")
    if setting is not None:
        return None if setting.strip().lower() in ("", "off", "0", "no", "false") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def compile_pattern(source: str, flags: int = 0) -> Any:
    """``regex.compile(source, flags)`` from the cache: for a module's own patterns, parsed
    once per machine instead of at every start."""
    return compile_cached(source, flags)


def compile_cached(source: str, flags: int) -> Any:
    """``regex.compile(source, flags)``, from the disk cache when the pattern is big."""
    folder = cache_dir() if len(source) >= MIN_LENGTH else None
    if folder is None:
        return regex.compile(source, flags)
    key = hashlib.sha256(f"{_VERSION}\0{int(flags)}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()
    path = folder / "regex" / key[:2] / key
    loaded = _load(path, source)
    if loaded is not None:
        return loaded
    pattern, args = _compile_capturing(source, flags)
    if args is not None:
        _store(path, args)
    return pattern


def _load(path: Path, source: str) -> Any:
    try:
        data = path.read_bytes()
        digest, payload = data[:32], data[32:]
        if hashlib.sha256(payload).digest() != digest:
            return None
        return _main._regex.compile(source, *marshal.loads(payload))
    except Exception:  # noqa: BLE001 - no cache entry or an unusable one: compile normally
        return None


class _Spy:
    """Stands in for the C module during one compile to see what it is given."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls: list[tuple[Any, ...]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def compile(self, *args: Any) -> Any:
        self.calls.append(args)
        return self.real.compile(*args)


def _compile_capturing(source: str, flags: int) -> tuple[Any, tuple[Any, ...] | None]:
    real = _main._regex
    spy = _Spy(real)
    _main._regex = spy
    try:
        pattern = regex.compile(source, flags)
    finally:
        _main._regex = real
    if len(spy.calls) != 1 or spy.calls[0][0] != source:
        return pattern, None  # served from regex's own cache, or something unexpected
    # Flags arrive as RegexFlag (an int subclass marshal refuses): store plain ints.
    return pattern, tuple(int(a) if isinstance(a, int) else a for a in spy.calls[0][1:])


def _store(path: Path, args: tuple[Any, ...]) -> None:
    try:
        payload = marshal.dumps(args)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass  # read-only home, full disk, an unmarshallable build: just do not cache
