"""Fuzz targets for the file system edges of issue 16: walking trees and writing reports.

``paths``: random trees of files, folders, FIFOs and symbolic links (inside, outside, broken,
looping, to a device, to an ancestor). The walk must end, yield only regular files, stay inside
the folders given unless links are followed, and give every skipped entry a message.

``outputs``: a report written to a random kind of target (absent, regular, hard-linked,
a link to a file, a broken link, a FIFO with a reader, /dev/null through a link). The target
keeps its kind (a FIFO stays a FIFO, a link a link), a file gets exactly the report, no
temporary file is left, and a target that is an input is refused.
"""
from __future__ import annotations

import itertools
import os
import stat
import tempfile
import threading
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

ENTRY_KINDS = ["file", "dir", "link-in", "link-out", "link-loop", "link-broken", "link-dir-out", "link-ancestor",
               "fifo", "link-devnull"]


def trees() -> st.SearchStrategy[tuple[list[tuple[int, str]], bool]]:
    """(entries as (depth, kind), follow links?)."""
    entry = st.tuples(st.integers(0, 2), st.sampled_from(ENTRY_KINDS))
    return st.tuples(st.lists(entry, min_size=1, max_size=12), st.booleans())


def _build(top: Path, entries: list[tuple[int, str]]) -> Path:
    outside = top / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret.\n")
    tree = top / "tree"
    tree.mkdir()
    folders = [tree]
    for index, (depth, kind) in enumerate(entries):
        parent = folders[min(depth, len(folders) - 1)]
        path = parent / f"e{index}.txt"
        if kind == "file":
            path.write_text("Talks in Kiev.\n")
        elif kind == "dir":
            path = parent / f"d{index}"
            path.mkdir()
            folders.append(path)
        elif kind == "link-in":
            (tree / "target.txt").write_text("Inside.\n")
            path.symlink_to(os.path.relpath(tree / "target.txt", parent))
        elif kind == "link-out":
            path.symlink_to(outside / "secret.txt")
        elif kind == "link-loop":
            path.symlink_to(path.name)
        elif kind == "link-broken":
            path.symlink_to("nothing-here.txt")
        elif kind == "link-dir-out":
            (parent / f"out{index}").symlink_to(outside)
        elif kind == "link-ancestor":
            (parent / f"up{index}").symlink_to("..")
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "link-devnull" and os.path.exists("/dev/null"):
            path.symlink_to("/dev/null")
    return tree


def check_paths(case: tuple[list[tuple[int, str]], bool]) -> None:
    from newslint.config import Config
    from newslint.document import read_bytes
    from newslint.walk import Walk, expand, inside

    entries, follow = case
    with tempfile.TemporaryDirectory() as folder:
        tree = _build(Path(folder), entries)
        walk = Walk(follow_symlinks=follow)
        items = list(itertools.islice(expand([str(tree)], walk, lambda _p: Config(root=str(tree))), 5000))
        assert len(items) < 5000, "the walk does not end"
        for path, problem in items:
            if problem is not None:
                assert problem.strip(), "a skipped entry needs a message"
                continue
            assert stat.S_ISREG(os.stat(path).st_mode), f"not a regular file: {path}"
            if not follow:
                assert inside(path, walk.roots), f"left the tree: {path}"
            read_bytes(path, 1000)  # regular files only: never blocks
        assert not [p for p, problem in items if problem is None and "secret" in os.path.realpath(p)
                    and not follow], "read a file outside the tree"


TARGET_KINDS = ["absent", "regular", "regular-0600", "hard-linked", "link-to-file", "broken-link", "fifo",
                "link-to-devnull", "input", "input-by-link"]


def outputs() -> st.SearchStrategy[tuple[str, str]]:
    return st.tuples(st.sampled_from(TARGET_KINDS), st.text(max_size=200))


def _kind(path: str) -> str:
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISFIFO(mode):
        return "fifo"
    return "regular" if stat.S_ISREG(mode) else "other"


def check_outputs(case: tuple[str, str]) -> None:
    from newslint.records import NewslintError
    from newslint.report.output import refuse_inputs, write_text

    kind, text = case
    with tempfile.TemporaryDirectory() as folder:
        story = os.path.join(folder, "story.txt")
        Path(story).write_text("Talks in Kiev.\n")
        target = os.path.join(folder, "report.out")
        got: list[bytes] = []
        reader: threading.Thread | None = None
        if kind in ("regular", "regular-0600", "hard-linked"):
            Path(target).write_text("old report\n")
            if kind == "regular-0600":
                os.chmod(target, 0o600)
            if kind == "hard-linked":
                os.link(target, os.path.join(folder, "other-name"))
        elif kind == "link-to-file":
            Path(folder, "real.out").write_text("old\n")
            os.symlink("real.out", target)
        elif kind == "broken-link":
            os.symlink("made-by-write.out", target)
        elif kind == "fifo":
            os.mkfifo(target)
            reader = threading.Thread(target=lambda: got.append(Path(target).read_bytes()), daemon=True)
            reader.start()
        elif kind == "link-to-devnull":
            if not os.path.exists("/dev/null"):
                return
            os.symlink("/dev/null", target)
        elif kind == "input":
            target = story
        elif kind == "input-by-link":
            os.symlink("story.txt", target)
        before = _kind(target) if os.path.lexists(target) else None
        before_mode = stat.S_IMODE(os.stat(target).st_mode) if kind.startswith("regular") else None
        try:
            refuse_inputs(target, [story])
        except NewslintError as exc:
            assert kind in ("input", "input-by-link"), f"refused a target that is no input: {exc}"
            assert Path(story).read_text() == "Talks in Kiev.\n"
            return
        assert kind not in ("input", "input-by-link"), "an input was not refused"
        write_text(target, text)
        expected = text.encode("utf-8", "backslashreplace")
        if reader is not None:
            reader.join(10)
            assert got == [expected]
        if before is not None:
            assert _kind(target) == before, f"{kind}: the target became a {_kind(target)}"
        if kind not in ("fifo", "link-to-devnull"):
            assert Path(target).read_bytes() == expected
        if before_mode is not None:
            assert stat.S_IMODE(os.stat(target).st_mode) == before_mode
        if kind == "hard-linked":
            assert Path(folder, "other-name").read_bytes() == expected
        assert not [n for n in os.listdir(folder) if n.startswith(".newslint-")], "a temporary file was left"


TARGETS: dict[str, tuple[Any, Any]] = {"paths": (check_paths, trees), "outputs": (check_outputs, outputs)}
