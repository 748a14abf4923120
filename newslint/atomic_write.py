"""The one write-and-rename routine: every file newslint replaces (a fixed article, a report,
a cache entry) is written to a temporary file beside it and renamed over it, so a reader
sees the old file or the new one, never half of one.

Why one routine: the callers need different guarantees (``--fix`` keeps an article's mode,
owner and extended attributes and looks once more for a racing editor just before the
rename; a report gets the mode a shell redirection would give; a cache entry stays private
and need not reach the disk), but the order of the steps and the cleanup must be the same
everywhere: whatever fails, no temporary file is left behind. Temporary files are named
``.newslint-<pid>-<random>.tmp`` so a later run can remove those a killed run left.
"""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable

#: Temporary files are named ``.newslint-<pid>-<random>.tmp``: the pid tells whether the
#: process that wrote one still runs (see :func:`remove_stale_temp_files`).
TMP_PREFIX = ".newslint-"
TMP_SUFFIX = ".tmp"


class TempFileRefused(PermissionError):
    """No temporary file may be made in the target's folder (a folder we cannot write)."""


def replace_file(
    target: str,
    data: bytes,
    *,
    mode: int | None = None,
    like: os.stat_result | None = None,
    keep_owner: bool = False,
    xattrs_from: str | None = None,
    before_rename: Callable[[], None] | None = None,
    durable: bool = True,
) -> None:
    """Replace ``target`` with ``data`` through a temporary file in its folder and a rename.

    ``mode`` is the new file's permission bits; by default those of ``like`` (the old
    file's ``stat``), else what a new file gets under the umask (0666 & ~umask). With
    ``keep_owner`` the owner and group of ``like`` are kept where the process may give a
    file away (root); ``xattrs_from`` names a file whose extended attributes are copied.
    ``before_rename`` runs last, with the new data on disk: it may raise to call the
    replace off. ``durable`` flushes the data to the disk before the rename.

    Raises OSError (:class:`TempFileRefused` when no temporary file can be made) or what
    ``before_rename`` raises; then ``target`` is untouched and no temporary file is left.
    """
    folder = os.path.dirname(target) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", suffix=TMP_SUFFIX, dir=folder)
    except PermissionError as exc:
        raise TempFileRefused(exc.errno, exc.strerror, folder) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, _mode(mode, like))
        if keep_owner and like is not None:
            _give_to(tmp, like)
        if xattrs_from is not None:
            copy_xattrs(xattrs_from, tmp)
        if before_rename is not None:
            before_rename()
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode(mode: int | None, like: os.stat_result | None) -> int:
    if mode is not None:
        return mode
    if like is not None:
        return stat.S_IMODE(like.st_mode)
    return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _give_to(path: str, like: os.stat_result) -> None:
    """The old file's owner and group, where allowed: only root may give a file away."""
    if hasattr(os, "chown") and (like.st_uid, like.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(path, like.st_uid, like.st_gid)
        except OSError:
            pass  # the mode is kept either way, as cp -p would


def copy_xattrs(source: str, target: str) -> None:
    """Extended attributes (labels, quarantine flags, ACLs) survive the replace where the platform has them."""
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(source)
    except OSError:
        return
    for name in names:
        try:
            os.setxattr(target, name, os.getxattr(source, name))
        except OSError:
            pass  # e.g. security.* as a normal user: the file is still written, as cp -p would


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temp_files(folder: str) -> list[str]:
    """Remove the temporary files in ``folder`` whose process no longer runs (a run killed
    mid-write); returns their names."""
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(TMP_PREFIX) and name.endswith(TMP_SUFFIX)):
            continue
        pid_text = name[len(TMP_PREFIX):].split("-", 1)[0]
        if not pid_text.isdigit() or _pid_alive(int(pid_text)):
            continue
        try:
            os.unlink(os.path.join(folder, name))
            removed.append(name)
        except OSError:
            pass
    return removed
