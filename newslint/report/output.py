"""Where a report goes: ``--output FILE`` and ``--markdown-summary FILE``, written the way a shell
redirection would, never over the copy being linted.

Why: renaming a temporary file over the target is the safe way to replace a regular file
(a reader never sees half a report), but over anything else it destroys what was there:
``--output /dev/null`` turned the device into a file, a FIFO's reader waited forever, and
``-o story.txt story.txt`` replaced the article with its own report. So a regular file (or
a new one) is replaced atomically, and everything else (a device, a FIFO, a file with several
hard links) is opened and written through, as ``> PATH`` would.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable

from ..atomic_write import TempFileRefused, replace_file
from ..records import NewslintError


def refuse_inputs(target: str, inputs: Iterable[str], flag: str = "--output") -> None:
    """Raise :class:`NewslintError` if ``target`` is (by inode, so also through another name,
    a symbolic link or a hard link) one of the files being linted."""
    try:
        info = os.stat(target)
    except OSError:
        return  # absent (or unreachable: the write itself will say why)
    if not stat.S_ISREG(info.st_mode):
        return  # /dev/null given twice is not an article
    for path in inputs:
        if path == "-":
            continue
        try:
            other = os.stat(path)
        except (OSError, ValueError):
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            raise NewslintError(
                f"{flag} {target}: that file is one of the files being linted ({path}); the report would "
                "replace it. Write the report elsewhere (or exclude the file)."
            )


def write_text(path: str, text: str, *, append: bool = False, what: str = "the report") -> None:
    """Write ``text`` (UTF-8) to ``path``: atomically for a regular file or a new one, through
    the open file for anything else. Raises :class:`NewslintError` on any failure."""
    data = text.encode("utf-8", "backslashreplace")  # a file name's undecodable bytes stay visible
    try:
        if append or plan(path) == "through":
            _write_through(path, data, append=append)
        else:
            info = _stat_or_none(path)
            _replace(os.path.realpath(path), data, info)
    except OSError as exc:
        raise NewslintError(f"cannot write {what} to {path}: {_reason(exc)}") from None


def plan(path: str) -> str:
    """How a report goes to ``path``: ``"replace"`` (a temporary file renamed over it: a regular
    file with one name, or nothing yet) or ``"through"`` (opened and written, as ``> path``
    would: a device, a FIFO, a socket, a file with several hard links, a dangling link)."""
    info = _stat_or_none(path)
    if info is None:
        return "through" if os.path.islink(path) else "replace"
    return "replace" if stat.S_ISREG(info.st_mode) and info.st_nlink == 1 else "through"


def _stat_or_none(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _replace(target: str, data: bytes, info: os.stat_result | None) -> None:
    """A temporary file in the same folder, flushed, given the old mode (or a new file's under
    the umask), renamed over ``target``."""
    try:
        replace_file(target, data, like=info)
    except TempFileRefused:
        if info is None:
            raise
        _write_through(target, data)  # a writable file in a folder we cannot write: write it in place


def _write_through(path: str, data: bytes, append: bool = False) -> None:
    with open(path, "ab" if append else "wb") as handle:
        handle.write(data)


def _reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    return exc.strerror or str(exc)
