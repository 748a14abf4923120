"""Walking folders (issue 16, item 3 and the walking part of item 7): links out of the tree are
not followed unless --follow-symlinks, FIFOs and devices in a folder are never opened (named
ones are read, bounded), size is bounded by what is read, loops have their own message, and
--fix never writes outside the folders given."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.document import UnreadableFile, read_bytes
from newslint.walk import Walk, expand

KIEV = b"Talks in Kiev.\n"
SECRET = b"Secret line from Kiev.\n"


def newslint(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, capture_output=True, text=True,
                          check=False, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """tree/ with a story, and outside/ with a file the tree links to."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "passwd.txt").write_bytes(SECRET)
    root = tmp_path / "tree"
    root.mkdir()
    (root / "story.txt").write_bytes(KIEV)
    (root / "link.txt").symlink_to("../outside/passwd.txt")
    return root


def test_a_link_out_of_the_tree_is_not_read(tree: Path) -> None:
    res = newslint("tree", cwd=tree.parent)
    assert "Secret line" not in res.stdout + res.stderr
    assert "link.txt: symbolic link to" in res.stderr and "outside the folders given" in res.stderr
    assert res.returncode == 2  # not checked: never a green run
    assert "story.txt:1:10: NL201" in res.stdout


def test_follow_symlinks_reads_it_but_fix_never_writes_there(tree: Path) -> None:
    res = newslint("--follow-symlinks", "tree", cwd=tree.parent)
    assert res.returncode == 1 and "link.txt:1:18: NL201" in res.stdout
    res = newslint("--follow-symlinks", "--fix", "tree", cwd=tree.parent)
    assert (tree.parent / "outside" / "passwd.txt").read_bytes() == SECRET
    assert (tree / "story.txt").read_bytes() == b"Talks in Kyiv.\n"
    assert "not fixed (--fix never writes outside them)" in res.stderr


def test_fix_without_the_flag_leaves_the_outside_file_alone(tree: Path) -> None:
    newslint("--fix", "tree", cwd=tree.parent)
    assert (tree.parent / "outside" / "passwd.txt").read_bytes() == SECRET


def test_an_explicit_link_out_of_its_folder_is_not_read(tree: Path) -> None:
    res = newslint("link.txt", cwd=tree)
    assert res.returncode == 2 and "Secret line" not in res.stdout
    res = newslint("link.txt", "../outside/passwd.txt", cwd=tree)  # both named: the target's folder is given
    assert res.returncode == 1 and res.stdout.count("NL201") == 2


def test_links_inside_the_tree_are_followed(tree: Path) -> None:
    (tree / "sub").mkdir()
    (tree / "sub" / "alias.txt").symlink_to("../story.txt")
    res = newslint("--format", "json", "tree", cwd=tree.parent)
    assert '"path": "tree/sub/alias.txt"' in res.stdout and "alias.txt" not in res.stderr


def test_a_fifo_in_the_tree_is_skipped_not_waited_on(tree: Path) -> None:
    os.mkfifo(tree / "pipe.txt")
    res = newslint("tree", cwd=tree.parent, timeout=60)
    assert "pipe.txt: a FIFO (named pipe), not a regular file; skipped" in res.stderr
    assert res.returncode == 2


def test_a_fifo_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    """Issue 16 leftover: a shell user who names a FIFO means it (tests/test_streams.py has more)."""
    os.mkfifo(tmp_path / "pipe.md")
    writer = subprocess.Popen(["sh", "-c", "printf 'Talks in Kiev.\\n' > pipe.md"], cwd=tmp_path)
    res = newslint("--format", "json", "pipe.md", cwd=tmp_path, timeout=60)
    writer.wait(timeout=60)
    assert res.returncode == 1 and '"NL201"' in res.stdout and "FIFO" not in res.stderr


@pytest.mark.skipif(not os.path.exists("/dev/urandom"), reason="no /dev/urandom")
def test_a_link_to_urandom_is_never_read(tree: Path) -> None:
    (tree / "random.txt").symlink_to("/dev/urandom")
    res = newslint("tree", cwd=tree.parent, timeout=60)
    assert res.returncode == 2 and "random.txt: symbolic link to /dev/urandom" in res.stderr
    # named on the command line, a device is read, but never past max-file-size
    (tree.parent / "newslint.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    res = newslint("--follow-symlinks", "tree/random.txt", cwd=tree.parent, timeout=60)
    assert res.returncode == 2 and "a character device that gave more than the max-file-size" in res.stderr
    res = newslint("/dev/urandom", cwd=tree.parent, timeout=60)
    assert res.returncode == 2 and "/dev/urandom: a character device that gave more than" in res.stderr
    assert "Traceback" not in res.stderr and "MemoryError" not in res.stderr


def test_size_is_bounded_by_what_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(UnreadableFile, match="over the max-file-size"):
        read_bytes(str(big), 4999)
    assert read_bytes(str(big), 5000) == b"x" * 5000
    proc = Path("/proc/self/status")  # stat says 0 bytes; it holds more
    if proc.exists() and proc.stat().st_size == 0:
        with pytest.raises(UnreadableFile, match="over the max-file-size"):
            read_bytes(str(proc), 10)


def test_a_symlink_loop_has_its_own_message(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "gone.txt").symlink_to("nothing-here.txt")
    res = newslint("a.txt", "gone.txt", "missing.txt", cwd=tmp_path)
    assert "a.txt: symbolic link loop" in res.stderr
    assert "gone.txt: broken symbolic link (to nothing-here.txt" in res.stderr
    assert "missing.txt: no such file or directory" in res.stderr
    res = newslint(".", cwd=tmp_path)
    assert "a.txt: symbolic link loop" in res.stderr and res.returncode == 2


def test_a_folder_link_out_of_the_tree_is_told_not_walked(tree: Path) -> None:
    (tree / "elsewhere").symlink_to("../outside")
    res = newslint("tree", cwd=tree.parent)
    assert "elsewhere: symbolic link to the folder" in res.stderr and "Secret" not in res.stdout
    res = newslint("--follow-symlinks", "tree", cwd=tree.parent)
    assert "tree/elsewhere/passwd.txt:1:18: NL201" in res.stdout


def test_following_a_link_to_an_ancestor_ends(tree: Path) -> None:
    (tree / "again").symlink_to("..")
    (tree / "self").symlink_to(".")
    res = newslint("--follow-symlinks", "tree", cwd=tree.parent, timeout=120)
    assert "story.txt" in res.stdout and "Traceback" not in res.stderr


def test_expand_stays_inside_the_roots(tree: Path) -> None:
    from newslint.config import Config

    walk = Walk()
    items = list(expand([str(tree)], walk, lambda _path: Config(root=str(tree))))
    ok = [path for path, problem in items if problem is None]
    assert ok == [str(tree / "story.txt")]
    assert walk.roots == [os.path.realpath(tree)]
