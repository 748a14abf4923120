"""Streams named on the command line (issue 16 leftover): ``newslint <(cat story.txt)`` and a
FIFO a writer feeds are read and linted like files; a device that never ends stops at the
size bound with a clear message (exit 2); a folder walk still skips FIFOs it finds."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.document import UnreadableFile
from newslint.streams import read_stream, stream_kind

STORY = b"Talks in Kiev ended on Tuesday.\n"
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")


def _feed(fifo: Path, data: bytes) -> threading.Thread:
    """A writer thread: opening a FIFO for writing waits for its reader, as a shell's would."""

    def write() -> None:
        with open(fifo, "wb") as handle:
            handle.write(data)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def _json(capsys: pytest.CaptureFixture[str]) -> tuple[dict, str]:
    out, err = capsys.readouterr()
    return json.loads(out), err


def test_a_fifo_named_on_the_command_line_is_linted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    writer = _feed(fifo, STORY)
    code = main(["--format", "json", str(fifo)])
    writer.join(timeout=30)
    report, err = _json(capsys)
    assert code == 1, err
    assert [f["rule"] for f in report["findings"]] == ["NL201"]
    assert report["findings"][0]["path"] == str(fifo) and report["findings"][0]["line"] == 1


def test_a_fifo_with_more_than_the_size_bound_is_refused_without_reading_it_all(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "newslint.toml").write_text("max-file-size = 100\n", encoding="utf-8")
    fifo = tmp_path / "long.txt"
    os.mkfifo(fifo)
    writer = _feed(fifo, STORY * 4)  # 128 bytes: one over the bound is enough to stop
    with pytest.raises(UnreadableFile, match="a FIFO \\(named pipe\\) that gave more than the max-file-size"):
        read_stream(str(fifo), 100)
    writer.join(timeout=30)
    writer = _feed(fifo, STORY * 4)
    assert main([str(fifo)]) == 2
    writer.join(timeout=30)
    assert "long.txt: a FIFO (named pipe) that gave more than the max-file-size of 100 bytes" in capsys.readouterr().err


def test_a_stream_within_the_bound_is_read_whole_in_pieces(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    data = STORY * 5000  # larger than one pipe buffer and one read
    writer = _feed(fifo, data)
    assert read_stream(str(fifo), len(data)) == data
    writer.join(timeout=30)


def test_a_fifo_found_in_a_folder_is_still_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "story.txt").write_bytes(STORY)
    os.mkfifo(tmp_path / "copy" / "pipe.txt")  # no writer: reading it would hang the run
    assert main(["-q", str(tmp_path / "copy")]) == 2
    err = capsys.readouterr().err
    assert "pipe.txt: a FIFO (named pipe), not a regular file; skipped" in err


def test_stream_kind_tells_streams_from_files(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "file.txt").write_bytes(STORY)
    assert stream_kind(str(fifo)) == "a FIFO (named pipe)"
    assert stream_kind(str(tmp_path / "file.txt")) is None and stream_kind(str(tmp_path / "gone")) is None
    if os.path.exists("/dev/null"):
        assert stream_kind("/dev/null") == "a character device"


@pytest.mark.skipif(shutil.which("bash") is None or not os.path.isdir("/dev/fd"), reason="needs bash and /dev/fd")
def test_process_substitution_through_bash(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_bytes(STORY)
    env = {**os.environ, "PY": sys.executable}
    res = subprocess.run(["bash", "-c", '"$PY" -m newslint --format json <(cat story.txt) story.txt'],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert res.returncode == 1, res.stderr
    report = json.loads(res.stdout)
    paths = [f["path"] for f in report["findings"]]
    assert len(paths) == 2 and paths[0].startswith("/dev/fd/") and paths[1] == "story.txt"
    assert {f["rule"] for f in report["findings"]} == {"NL201"}
    # --fix says a stream is not fixed in place and leaves the file named beside it fixed
    res = subprocess.run(["bash", "-c", '"$PY" -m newslint -q --fix <(cat story.txt)'],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert "read once, not fixed in place" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.skipif(not os.path.exists("/dev/urandom"), reason="no /dev/urandom")
def test_urandom_named_stops_at_the_size_bound(tmp_path: Path) -> None:
    (tmp_path / "newslint.toml").write_text("max-file-size = 4096\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "newslint", "/dev/urandom"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120, check=False, stdin=subprocess.DEVNULL)
    assert res.returncode == 2
    assert "/dev/urandom: a character device that gave more than the max-file-size of 4,096 bytes" in res.stderr
    assert "Traceback" not in res.stderr and "MemoryError" not in res.stderr
