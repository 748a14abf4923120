"""The one disk cache: what newslint keeps between runs (parsed packs, word forms,
prefilter literals, compiled patterns), so a fresh process (a pre-commit hook, an
editor save) does not redo slow work.

Why it can be trusted:

- the folder (``$NEWSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslint`` or
  ``~/.cache/newslint``; ``off`` disables it) is created 0700, and one that belongs to
  another user or that others may write to is not used at all;
- an entry is JSON, never pickle or marshal: a value, the namespace, the versions and
  a hash of the source it was made from (all checked on reading), and a keyed MAC
  (HMAC-SHA256 with a random key kept in the folder and bound to the folder itself, so
  an entry made elsewhere, edited, or copied in from another machine is not accepted);
- anything wrong with an entry (unreadable, truncated, not JSON, wrong types, another
  source) makes :func:`read` return None; the caller recomputes and :func:`write`
  replaces the entry;
- writes are atomic (:func:`atomic_write`) and leave no temp file behind when the disk
  is full; the folder is held under :data:`MAX_BYTES` by deleting the least recently
  used entries (reading an entry refreshes its modification time).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from .atomic_write import replace_file

T = TypeVar("T")

#: Bump when the entry layout changes.
FORMAT = 1
#: The folder is kept under this size (bytes); ``$NEWSLINT_CACHE_MAX_MB`` overrides it.
MAX_BYTES = 128 * 1024 * 1024
#: Entries larger than this are neither written nor read.
MAX_ENTRY = 32 * 1024 * 1024
#: Temp files older than this (seconds) are another process's leftovers.
STALE_TMP = 3600
_OFF = ("", "off", "0", "no", "false")
_DIRS: dict[tuple[str | None, ...], Path | None] = {}
_KEYS: dict[Path, bytes] = {}
_EVICTED: set[Path] = set()


def cache_dir() -> Path | None:
    """The cache folder, private to this user (None: off, or not safe to use)."""
    key = (os.environ.get("NEWSLINT_CACHE_DIR"), os.environ.get("XDG_CACHE_HOME"), os.environ.get("HOME"))
    if key not in _DIRS:
        folder = _configured()
        _DIRS[key] = folder if folder is not None and _private(folder) else None
    return _DIRS[key]


def _configured() -> Path | None:
    setting = os.environ.get("NEWSLINT_CACHE_DIR")
    if setting is not None:
        return None if setting.strip().lower() in _OFF else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def _private(folder: Path) -> bool:
    """Create ``folder`` (0700) if missing; True when it is a folder of this user that no
    one else may write to."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = os.stat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> bool:
    """Write ``data`` to ``path`` through a temp file and a rename (:mod:`newslint.atomic_write`),
    so a reader sees the old file or the new one, never half of one; on any failure (a full
    disk) the temp file is removed and False returned. An entry need not survive a crash, so
    it is not flushed to the disk."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        replace_file(str(path), data, mode=mode, durable=False)
    except OSError:
        return False
    return True


def source_hash(source: str | bytes) -> str:
    """The hash an entry is keyed and checked by."""
    if isinstance(source, str):
        source = source.encode("utf-8", "surrogatepass")
    return hashlib.sha256(source).hexdigest()


def _versions(versions: Iterable[str]) -> list[str]:
    from . import __version__

    return [f"newslint {__version__}", f"cache {FORMAT}", *versions]


def _entry_path(folder: Path, namespace: str, digest: str, versions: list[str]) -> Path:
    key = hashlib.sha256(json.dumps([namespace, digest, versions]).encode()).hexdigest()
    return folder / namespace / key[:2] / f"{key}.json"


def _key(folder: Path) -> bytes | None:
    """This folder's MAC key: random bytes kept in it, bound to the folder's identity."""
    key = _KEYS.get(folder)
    if key is not None:
        return key
    path = folder / "key"
    try:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(32))
        with open(path, "rb") as handle:
            secret = handle.read(64)
        info = os.stat(folder)
    except OSError:
        return None
    if len(secret) != 32:
        return None  # a key being written by another process, or damaged: no cache this run
    key = _KEYS[folder] = hashlib.sha256(secret + f"|{info.st_dev}|{info.st_ino}".encode()).digest()
    return key


def _mac(key: bytes, body: bytes) -> str:
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def _locate(namespace: str, source: str | bytes, versions: Iterable[str]) -> tuple[Path, bytes, str, list[str]] | None:
    """(entry path, MAC key, source hash, versions) for an entry, or None: no cache."""
    folder = cache_dir()
    key = None if folder is None else _key(folder)
    if folder is None or key is None:
        return None
    digest, tags = source_hash(source), _versions(versions)
    return _entry_path(folder, namespace, digest, tags), key, digest, tags


def read(namespace: str, source: str | bytes, check: Callable[[Any], T], versions: Iterable[str] = ()) -> T | None:
    """The value stored for ``source`` under ``namespace``, passed through ``check`` (which
    returns the value as the caller uses it, or raises TypeError/ValueError/KeyError on
    anything unexpected); None when there is none or it is not to be trusted."""
    where = _locate(namespace, source, versions)
    if where is None:
        return None
    path, key, digest, tags = where
    try:
        with open(path, "rb") as handle:
            blob = handle.read(MAX_ENTRY + 1)
        if len(blob) > MAX_ENTRY:
            return None
        mac, _, body = blob.partition(b"\n")
        if not hmac.compare_digest(mac, _mac(key, body).encode()):
            return None
        entry = json.loads(body)
        if not (isinstance(entry, dict) and entry.get("namespace") == namespace
                and entry.get("source") == digest and entry.get("versions") == tags):
            return None
        value = check(entry.get("value"))
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError,
            UnicodeDecodeError, OverflowError):
        return None
    try:
        os.utime(path)  # least recently used entries go first
    except OSError:
        pass
    return value


def write(namespace: str, source: str | bytes, value: Any, versions: Iterable[str] = ()) -> bool:
    """Store ``value`` (JSON data) for ``source``; False when it was not stored (no cache, a
    value JSON cannot hold, a full or read-only disk): that only costs speed."""
    where = _locate(namespace, source, versions)
    if where is None:
        return False
    path, key, digest, tags = where
    entry = {"namespace": namespace, "source": digest, "versions": tags, "value": value}
    try:
        body = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), allow_nan=True).encode("utf-8")
    except (TypeError, ValueError, RecursionError, UnicodeEncodeError):
        return False
    if len(body) > MAX_ENTRY:
        return False
    done = atomic_write(path, _mac(key, body).encode() + b"\n" + body)
    folder = path.parents[2]
    if folder not in _EVICTED:
        _EVICTED.add(folder)
        evict(folder)
    return done


def limit() -> int:
    """The size bound in bytes (``$NEWSLINT_CACHE_MAX_MB`` or :data:`MAX_BYTES`)."""
    setting = os.environ.get("NEWSLINT_CACHE_MAX_MB")
    try:
        return max(0, int(float(setting) * 1024 * 1024)) if setting else MAX_BYTES
    except ValueError:
        return MAX_BYTES


def evict(folder: Path, max_bytes: int | None = None) -> int:
    """Hold ``folder`` under ``max_bytes``: remove stale temp files, then the entries read
    longest ago until three quarters of the bound is left; returns the bytes removed.
    Run once per process, by the first write."""
    bound = limit() if max_bytes is None else max_bytes
    now = time.time()
    files: list[tuple[float, int, str]] = []
    removed = 0
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            if root == str(folder) and name == "key":
                continue
            try:
                info = os.lstat(path)
                if name.endswith(".tmp"):
                    if now - info.st_mtime > STALE_TMP:
                        os.unlink(path)
                        removed += info.st_size
                    continue
            except OSError:
                continue
            files.append((info.st_mtime, info.st_size, path))
    total = sum(size for _, size, _ in files)
    if total <= bound:
        return removed
    files.sort()
    target = bound * 3 // 4
    for _, size, path in files:
        if total <= target:
            break
        try:
            os.unlink(path)
        except OSError:
            continue
        total -= size
        removed += size
    return removed
