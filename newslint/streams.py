"""Streams named on the command line: a FIFO (``newslint <(cat story.txt)`` passes
``/dev/fd/63``, a pipe) or a character device (``/dev/stdin``, ``/dev/null``).

Why they are read only when named: a shell user who names one means it, as ``cat`` would
read it; a FIFO found while walking a folder is someone else's and reading it could hang
the run, so the walk keeps skipping them (:mod:`newslint.walk`). A stream has no size to
check first (``/dev/urandom`` never ends), so at most ``max-file-size`` + 1 bytes are read
and one byte more than the bound is a clear refusal, never a MemoryError.
"""
from __future__ import annotations

import os
import stat

from .document import UnreadableFile

#: Bytes asked for in one read: a pipe gives at most what its writer has written.
CHUNK = 1 << 16

_STREAMS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"))


def stream_mode(mode: int) -> str | None:
    """What a file of this ``st_mode`` is if it is a stream newslint reads when named ("a FIFO
    (named pipe)", "a character device"), or None."""
    return next((name for test, name in _STREAMS if test(mode)), None)


def stream_kind(path: str) -> str | None:
    """:func:`stream_mode` of ``path``, following links; None for a path that is not there."""
    try:
        return stream_mode(os.stat(path).st_mode)
    except (OSError, ValueError):
        return None


def read_stream(path: str, max_bytes: int) -> bytes:
    """The bytes of the stream ``path`` up to its end, at most ``max_bytes``. Opening a FIFO
    waits for its writer, as ``cat`` would. Raises :class:`UnreadableFile` when it gives
    more than ``max_bytes`` (reading stops one byte past the bound) or cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise UnreadableFile(f"cannot open: {exc.strerror or exc}") from None
    try:
        kind = stream_mode(os.fstat(fd).st_mode)
        if kind is None:  # swapped for something else since it was named
            raise UnreadableFile("no longer a FIFO or character device; not read")
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, min(CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > max_bytes:
        raise UnreadableFile(
            f"{kind} that gave more than the max-file-size of {_size(max_bytes)}; stopped reading, "
            "not linted (raise max-file-size in newslint.toml to lint it)"
        )
    return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n:,} bytes"
