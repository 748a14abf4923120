"""``--fix`` never loses an edit and never writes what it must not (issue 16, item 5)."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newslint.atomic_write import TMP_PREFIX, remove_stale_temp_files
from newslint.fix import FixError, write_atomic


def newslint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, capture_output=True, text=True,
                          check=False)


def test_a_read_only_file_is_not_fixed_even_by_root(tmp_path: Path) -> None:
    path = tmp_path / "ro.txt"
    path.write_bytes(b"Talks in Kiev.\n")
    path.chmod(0o444)
    res = newslint("--fix", "ro.txt", cwd=tmp_path)
    assert path.read_bytes() == b"Talks in Kiev.\n"
    assert "read-only" in res.stderr and "Traceback" not in res.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_hard_links_are_not_split(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Talks in Kiev.\n")
    os.link(path, tmp_path / "b.txt")
    res = newslint("--fix", "a.txt", cwd=tmp_path)
    assert "hard links" in res.stderr
    assert path.read_bytes() == (tmp_path / "b.txt").read_bytes() == b"Talks in Kiev.\n"
    assert path.stat().st_ino == (tmp_path / "b.txt").stat().st_ino


def test_extended_attributes_survive_a_fix(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"Talks in Kiev.\n")
    try:
        os.setxattr(path, "user.newsroom", b"desk=europe")
    except OSError:
        pytest.skip("this file system has no user extended attributes")
    newslint("--fix", "x.txt", cwd=tmp_path)
    assert path.read_bytes() == b"Talks in Kyiv.\n"
    assert os.getxattr(path, "user.newsroom") == b"desk=europe"


def test_stale_temp_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"{TMP_PREFIX}{dead.stdout.strip()}-abc123.tmp"
    stale.write_bytes(b"half a fix")
    ours = tmp_path / f"{TMP_PREFIX}{os.getpid()}-def456.tmp"  # a live process's temp file stays
    ours.write_bytes(b"in progress")
    assert remove_stale_temp_files(str(tmp_path)) == [stale.name]
    assert not stale.exists() and ours.exists()
    (tmp_path / "a.txt").write_bytes(b"Talks in Kiev.\n")
    stale.write_bytes(b"half a fix")
    newslint("--fix", "a.txt", cwd=tmp_path)
    assert not stale.exists()


def test_an_append_racing_the_fix_is_never_lost(tmp_path: Path) -> None:
    """A writer that appends the moment newslint's temp file appears (the worst moment)."""
    for trial in range(12):
        path = tmp_path / f"race{trial}.txt"
        original = b"Talks in Kiev.\n"
        path.write_bytes(original)
        appended = b"A late paragraph.\n"
        stop = threading.Event()

        def writer(path: Path = path, appended: bytes = appended, stop: threading.Event = stop) -> None:
            while not stop.is_set():
                if any(n.startswith(TMP_PREFIX) for n in os.listdir(tmp_path)):
                    with open(path, "ab") as fh:
                        fh.write(appended)
                    return
                time.sleep(0.0001)

        thread = threading.Thread(target=writer)
        thread.start()
        try:
            write_atomic(str(path), b"Talks in Kyiv.\n", original)
            outcome = "fixed"
        except FixError as exc:
            outcome = str(exc)
        stop.set()
        thread.join()
        content = path.read_bytes()
        if appended not in content:  # the writer never saw the temp file: then the fix must be whole
            assert content == b"Talks in Kyiv.\n" and outcome == "fixed"
        else:
            assert content.startswith(original) and "changed on disk" in outcome, (trial, content, outcome)


@pytest.mark.skipif(shutil.which("patch") is None, reason="no patch program")
@pytest.mark.parametrize("raw", [b"\xef\xbb\xbfTalks in Kiev.\r\nThe the end.\r\n", b"\xef\xbb\xbfTalks in Kiev.\n"])
def test_diff_of_a_bom_or_crlf_file_applies_with_patch(tmp_path: Path, raw: bytes) -> None:
    (tmp_path / "a.txt").write_bytes(raw)
    diff = subprocess.run([sys.executable, "-m", "newslint", "--diff", "a.txt"], cwd=tmp_path, capture_output=True,
                          check=False).stdout  # bytes: CRLF kept as the file has it
    (tmp_path / "d.patch").write_bytes(diff)
    applied = subprocess.run(["patch", "-p1", "--binary", "-i", "d.patch"], cwd=tmp_path, capture_output=True,
                             text=True, check=False)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    fixed = tmp_path / "b.txt"
    fixed.write_bytes(raw)
    newslint("--fix", "b.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == fixed.read_bytes()
    assert fixed.read_bytes().startswith(b"\xef\xbb\xbfTalks in Kyiv.")


def test_one_file_named_twice_is_fixed_once_without_a_false_alarm(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_bytes(b"Talks in Kiev.\n")
    res = newslint("--fix", "f.txt", "./f.txt", cwd=tmp_path)
    assert (tmp_path / "f.txt").read_bytes() == b"Talks in Kyiv.\n"
    assert "changed on disk" not in res.stderr


@pytest.mark.parametrize(
    ("message", "words"),
    [("{match.__class__}", "no attributes"), ("{match:>50000000}", "formats are"), ("{match!r}", "formats are"),
     ("{0[1]}", "no attributes")],
)
def test_message_templates_allow_only_plain_fields(tmp_path: Path, message: str, words: str) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text(f"""[pack]
name = "house"

[[rules]]
code = "NL901"
name = "house-kiev"
kind = "existence"
category = "places"
message = '{message}'
terms = ["Kiev"]
""", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Talks in Kiev.\n", encoding="utf-8")
    res = newslint("a.txt", cwd=tmp_path)
    assert res.returncode == 2 and words in res.stderr and "NL901" in res.stderr
    assert "Traceback" not in res.stderr


def test_a_config_nested_thousands_deep_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "newslint.toml").write_text("select = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hello.\n", encoding="utf-8")
    res = newslint("a.txt", cwd=tmp_path)
    assert res.returncode == 2 and "nested too deeply" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31"])
def test_extreme_article_dates_do_not_crash_date_rules(tmp_path: Path, date: str) -> None:
    (tmp_path / "a.txt").write_text("On Monday, March 14, 2022, NATO, an alliance of 30 countries, met. "
                                    "Yesterday was Tuesday.\n", encoding="utf-8")
    res = newslint("--date", date, "--format", "json", "a.txt", cwd=tmp_path)
    assert "internal error" not in res.stdout and "Traceback" not in res.stderr
    assert res.returncode in (0, 1)
