"""From the paths on the command line to the files to lint, without leaving the folders given.

Why it is careful: a pull request can add a symbolic link to ``/etc/passwd`` (whose lines a
report would print, and which ``--fix`` would rewrite), a FIFO (reading it hangs the run)
or a link to ``/dev/urandom`` (read until memory runs out). So a link is followed only when
its target lies inside the folders given (for a file named on the command line: the folder
it is named in), unless ``--follow-symlinks``; FIFOs, sockets and devices found in a folder
are never opened (a FIFO or character device *named* on the command line is read, bounded:
:mod:`newslint.streams`);
broken links, link loops and folders that cannot be listed are reported, each with its
own message. Everything skipped this way counts as not checked (Contract 2: exit 2), except
links to folders outside the tree, which are told about and not walked (as ``os.walk``
never walked them).
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from .document import special_kind
from .streams import stream_kind, stream_mode


@dataclass
class Walk:
    """What a walk found besides files: messages for people, and the roots it stayed in."""

    follow_symlinks: bool = False
    roots: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def roots_of(paths: Sequence[str]) -> list[str]:
    """The real folders the run may read and write: each folder given, and the folder of each file given."""
    roots: list[str] = []
    for raw in paths:
        if raw == "-":
            continue
        real = os.path.realpath(raw)
        if not os.path.isdir(real):
            real = os.path.realpath(os.path.dirname(os.path.abspath(raw)) or ".")
        if real not in roots:
            roots.append(real)
    return roots


def inside(path: str, roots: Sequence[str]) -> bool:
    """Whether the real path of ``path`` is one of ``roots`` or below one."""
    real = os.path.realpath(path)
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def link_problem(path: str, walk: Walk) -> str | None:
    """Why the symbolic link ``path`` is not read (broken, a loop, or leading out of the roots), or None."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link leads back to itself); not read"
        target = _readlink(path)
        return f"broken symbolic link (to {target}, which does not exist); not read"
    if not walk.follow_symlinks and not inside(path, walk.roots):
        return (f"symbolic link to {os.path.realpath(path)}, outside the folders given; not read "
                "(--follow-symlinks reads it)")
    return None


def system_stream(path: str) -> bool:
    """Whether ``path`` is a stream the system names under /dev (``/dev/stdin``, ``/dev/fd/63``
    from ``<(...)``): links that lead to a pipe of this process, not out of a tree."""
    return os.path.abspath(path).startswith("/dev/") and stream_kind(path) is not None


def entry_problem(path: str, walk: Walk, named: bool = False) -> str | None:
    """Why the file ``path`` (named or found) cannot be linted, or None: a missing file, a
    link that is not followed, or something that is not a regular file. A FIFO or a
    character device ``named`` on the command line is read (:mod:`newslint.streams`)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return "no such file or directory"
    except OSError as exc:
        return f"cannot open: {exc.strerror or exc}"
    if stat.S_ISLNK(info.st_mode):
        problem = link_problem(path, walk)
        if problem and not (named and system_stream(path)):
            return problem
        info = os.stat(path)
    kind = special_kind(info.st_mode)
    if kind and not (named and stream_mode(info.st_mode)):
        return f"{kind}, not a regular file; skipped"
    return None


def expand(paths: Sequence[str], walk: Walk, config_for: Callable[[str], object]) -> Iterator[tuple[str, str | None]]:
    """Yield (path, problem) for every file to lint; folders are walked with the include and
    exclude globs of the configuration that ``config_for`` gives for a file's path."""
    walk.roots = roots_of(paths)
    for raw in paths:
        if raw == "-":
            yield raw, None
            continue
        problem = entry_problem(raw, walk, named=True) if not os.path.isdir(raw) else None
        if problem:
            yield raw, problem
            continue
        if not os.path.isdir(raw):
            if not config_for(raw).is_excluded(raw):  # type: ignore[attr-defined]
                yield raw, None
            continue
        found = False
        for item in _walk_folder(raw, walk, config_for):
            found = True
            yield item
        if not found:
            yield raw, "folder holds no files to lint (include: " + ", ".join(
                config_for(os.path.join(raw, "_")).include) + ")"  # type: ignore[attr-defined]


def _walk_folder(top: str, walk: Walk, config_for: Callable[[str], object]) -> Iterator[tuple[str, str | None]]:
    errors: list[OSError] = []
    seen: set[str] = {os.path.realpath(top)}
    for folder, dirs, files in os.walk(top, onerror=errors.append, followlinks=walk.follow_symlinks):
        yield from _unlisted(errors)
        config: object = config_for(os.path.join(folder, "_"))
        kept = []
        for name in sorted(dirs):
            path = os.path.join(folder, name)
            if config.is_excluded(path):  # type: ignore[attr-defined]
                continue
            if os.path.islink(path):
                real = os.path.realpath(path)
                if not walk.follow_symlinks:
                    if not inside(path, walk.roots):
                        walk.notices.append(f"{path}: symbolic link to the folder {real}, outside the folders "
                                            "given; not walked (--follow-symlinks walks it)")
                    continue
                if real in seen:
                    continue  # a loop, or a folder walked already
                seen.add(real)
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            path = os.path.join(folder, name)
            if config.is_included(path) and not config.is_excluded(path):  # type: ignore[attr-defined]
                yield path, entry_problem(path, walk)
    yield from _unlisted(errors)


def _unlisted(errors: list[OSError]) -> Iterator[tuple[str, str | None]]:
    """Folders os.walk could not list: not checked, so they are results with an error."""
    while errors:
        exc = errors.pop(0)
        reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        yield str(exc.filename or "?"), f"cannot read the folder ({reason}); its files were not linted"


def _readlink(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"
