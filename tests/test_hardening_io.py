"""Writes, walks and edges that must not hurt (issue 16: items 1, 3, 6 and 7), each from the
campaign's own command: a report never replaces a device, a FIFO or the article; a walk never
leaves the folders given; nothing ends in a traceback."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newslint.report.output import plan

KIEV = b"Talks in Kiev.\n"


def newslint(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, capture_output=True, text=True,
                          check=False, timeout=timeout, stdin=subprocess.DEVNULL)


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True, check=False,
                          timeout=120, env={**os.environ, "PY": sys.executable})


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "f.txt"
    path.write_bytes(KIEV)
    return path


def no_traceback(res: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in res.stderr and "Exception ignored" not in res.stderr, res.stderr


# ----- 1. --output writes like a shell redirection, never over an input --------------------------


@pytest.mark.parametrize("target", ["f.txt", "./f.txt", "hard.txt", "soft.txt"])
def test_output_refuses_to_overwrite_an_input(tmp_path: Path, story: Path, target: str) -> None:
    os.link(story, tmp_path / "hard.txt")
    (tmp_path / "soft.txt").symlink_to("f.txt")
    res = newslint("-o", target, "f.txt", cwd=tmp_path)
    assert res.returncode == 2
    assert "one of the files being linted" in res.stderr
    no_traceback(res)
    assert story.read_bytes() == KIEV and (tmp_path / "soft.txt").is_symlink()


def test_markdown_summary_refuses_an_input_too(tmp_path: Path, story: Path) -> None:
    res = newslint("--markdown-summary", "f.txt", "f.txt", cwd=tmp_path)
    assert res.returncode == 2 and story.read_bytes() == KIEV


def test_dev_null_is_written_through_not_replaced(tmp_path: Path, story: Path) -> None:
    assert plan("/dev/null") == "through"  # checked first: a wrong plan must never reach /dev/null
    res = newslint("--format", "json", "-o", "/dev/null", "f.txt", cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    link = tmp_path / "null-link"
    link.symlink_to("/dev/null")
    res = newslint("--format", "sarif", "-o", "null-link", "f.txt", cwd=tmp_path)
    assert res.returncode == 1 and link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this platform")
def test_a_full_device_is_a_clear_error(tmp_path: Path, story: Path) -> None:
    link = tmp_path / "full-link"  # through a link: even a broken fix could only replace the link
    link.symlink_to("/dev/full")
    res = newslint("--format", "json", "-o", "full-link", "f.txt", cwd=tmp_path)
    assert res.returncode == 2
    assert "cannot write the report to full-link: no space left" in res.stderr
    no_traceback(res)
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_fifo_gets_the_report_and_stays_a_fifo(tmp_path: Path, story: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    res = newslint("--format", "json", "-o", "pipe", "f.txt", cwd=tmp_path, timeout=60)
    reader.join(30)
    assert res.returncode == 1, res.stderr
    assert got and b'"rule": "NL201"' in got[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_regular_file_is_replaced_whole_with_its_mode_kept(tmp_path: Path, story: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("old report\n")
    report.chmod(0o640)
    target = tmp_path / "elsewhere.json"
    (tmp_path / "via-link.json").symlink_to("elsewhere.json")
    res = newslint("--format", "json", "-o", "report.json", "f.txt", cwd=tmp_path)
    assert res.returncode == 1 and '"NL201"' in report.read_text()
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    newslint("--format", "json", "-o", "via-link.json", "f.txt", cwd=tmp_path)
    assert (tmp_path / "via-link.json").is_symlink() and '"NL201"' in target.read_text()
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".newslint-")]


def test_a_file_with_two_names_is_written_in_place(tmp_path: Path, story: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("old\n")
    os.link(report, tmp_path / "also.json")
    assert plan(str(report)) == "through"
    newslint("--format", "json", "-o", "report.json", "f.txt", cwd=tmp_path)
    assert report.stat().st_ino == (tmp_path / "also.json").stat().st_ino
    assert '"NL201"' in (tmp_path / "also.json").read_text()


# ----- standard output: closed, a reader that stops, a full device ------------------------------


def test_closed_stdout_is_a_message_not_a_traceback(tmp_path: Path, story: Path) -> None:
    res = shell('"$PY" -m newslint f.txt >&-', tmp_path)
    assert res.returncode == 2 and "standard output is closed" in res.stderr
    no_traceback(res)


def test_a_reader_that_stops_early_keeps_the_exit_status(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(KIEV * 3000)
    res = shell('"$PY" -m newslint big.txt | head -0; echo "status=${PIPESTATUS[0]}"', tmp_path)
    assert "status=1" in res.stdout  # findings, as if the whole report had been read
    no_traceback(res)


def test_broken_pipe_in_process(story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import cli

    class Closed:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdout", Closed())
    monkeypatch.setattr(cli, "_detach_stdout", lambda: None)
    assert cli.main([str(story)]) == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this platform")
def test_stdout_on_a_full_device(tmp_path: Path, story: Path) -> None:
    res = shell('"$PY" -m newslint f.txt > /dev/full', tmp_path)
    assert res.returncode == 2 and "cannot write the report to standard output" in res.stderr
    no_traceback(res)


# ----- file names that are not UTF-8 ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab", "markdown"])
def test_a_file_name_with_byte_ff_gives_valid_utf8(tmp_path: Path, fmt: str) -> None:
    name = os.fsdecode(b"bad\xffname.txt")
    try:
        (tmp_path / name).write_bytes(KIEV)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take such a name")
    res = subprocess.run([sys.executable, "-m", "newslint", "--format", fmt, "."], cwd=tmp_path,
                         capture_output=True, check=False, timeout=120)
    assert res.returncode == 1, res.stderr
    out = res.stdout.decode("utf-8")  # raises if not valid UTF-8
    assert b"Traceback" not in res.stderr
    if fmt == "sarif":
        assert "bad%FFname.txt" in out
    else:  # shown as \xff (JSON escapes the backslash)
        assert "bad\\xffname.txt" in out or "bad\\\\xffname.txt" in out


def test_sarif_to_a_file_with_such_a_name(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"bad\xffname.txt")).write_bytes(KIEV)
    res = newslint("--format", "sarif", "-o", "out.sarif", ".", cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    assert "bad%FFname.txt" in (tmp_path / "out.sarif").read_text(encoding="utf-8")


# ----- -j auto, UTF-16, a pack named twice -------------------------------------------------------


@pytest.mark.parametrize("jobs", ["auto", "0", "2"])
def test_jobs_auto_and_zero_are_accepted(tmp_path: Path, story: Path, jobs: str) -> None:
    res = newslint("-j", jobs, "f.txt", cwd=tmp_path)
    assert res.returncode == 1, res.stderr


@pytest.mark.parametrize("jobs", ["-1", "many"])
def test_other_job_counts_are_rejected(tmp_path: Path, story: Path, jobs: str) -> None:
    res = newslint(f"--jobs={jobs}", "f.txt", cwd=tmp_path)
    assert res.returncode == 2 and "positive number of processes or 'auto'" in res.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_read_and_fixed_in_their_encoding(tmp_path: Path, encoding: str) -> None:
    text = "Headline\r\nTalks in Kiev went on.\r\n"
    data = ("" if encoding in ("utf-16", "utf-32") else "\ufeff") + text
    path = tmp_path / "wide.txt"
    path.write_bytes(data.encode(encoding))
    res = newslint("--format", "json", "wide.txt", cwd=tmp_path)
    assert res.returncode == 1 and "binary" not in res.stderr
    assert '"line": 2' in res.stdout and '"column": 10' in res.stdout
    newslint("--fix", "wide.txt", cwd=tmp_path)
    fixed = path.read_bytes()
    assert fixed[:2] == data.encode(encoding)[:2]  # the same byte-order mark
    assert fixed == data.replace("Kiev", "Kyiv").encode(encoding)


def test_nul_bytes_without_a_bom_are_still_binary(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes("Talks in Kiev.".encode("utf-16-le"))
    res = newslint("x.txt", cwd=tmp_path)
    assert res.returncode == 2 and "binary" in res.stderr


def test_a_pack_listed_twice_is_loaded_once(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(
        '[pack]\nname = "house"\n\n[[rules]]\ncode = "NL931"\nname = "no-widget"\nkind = "existence"\n'
        'category = "style"\nmessage = "No \'{match}\'."\npatterns = [\'\\bwidget\\b\']\n'
        'examples = ["A widget."]\ncounterexamples = ["A gadget."]\n', encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml", "./house.toml", "../'
                                            + tmp_path.name + '/house.toml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("A widget.\n", encoding="utf-8")
    res = newslint("a.txt", cwd=tmp_path)
    assert res.returncode == 1 and "NL931" in res.stdout and "already used" not in res.stderr


# ----- configuration: no traceback, no import of what is not a pipeline ---------------------------


def test_nlp_model_must_be_a_spacy_pipeline(tmp_path: Path, story: Path) -> None:
    (tmp_path / "newslint.toml").write_text('[nlp]\nmodel = "this"\n', encoding="utf-8")
    res = newslint("f.txt", cwd=tmp_path)
    assert res.returncode == 2
    assert "'this' is not an installed spaCy pipeline" in res.stderr
    assert "Beautiful is better than ugly" not in res.stdout + res.stderr  # the package was never imported
    no_traceback(res)


def test_nlp_never_hands_spacy_a_package_that_is_no_pipeline() -> None:
    from newslint.nlp import NLP, installed_model

    assert installed_model("this") is None and installed_model("os.path") is None
    nlp = NLP("this")
    assert nlp.provides(frozenset({"pos"})) is False  # skipped with a warning, nothing imported
    assert "this" not in sys.modules


def test_message_with_attribute_access_is_rejected_at_load(tmp_path: Path) -> None:
    pack = tmp_path / "p.toml"
    pack.write_text('[pack]\nname = "p"\n\n[[rules]]\ncode = "NL941"\nname = "x"\nkind = "existence"\n'
                    'category = "style"\nmessage = "{x.attr}"\npatterns = ["widget"]\n', encoding="utf-8")
    res = newslint("check-pack", "p.toml", cwd=tmp_path)
    assert res.returncode == 2 and "{x.attr}" in res.stderr and "not allowed" in res.stderr
    no_traceback(res)


def test_permission_error_in_config_discovery(tmp_path: Path, story: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from newslint import cli
    from newslint.config import discover

    sub = tmp_path / "locked"
    sub.mkdir()
    (sub / "g.txt").write_bytes(KIEV)
    real_is_file = Path.is_file

    def is_file(self: Path) -> bool:
        if self.parent == sub:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_file(self)

    monkeypatch.setattr(Path, "is_file", is_file)
    discover.cache_clear()
    try:
        status = cli.main([str(tmp_path)])
    finally:
        discover.cache_clear()
    out = capsys.readouterr()
    assert status == 1 and "Traceback" not in out.err
    assert out.out.count("NL201") == 2


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, story: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from newslint import cli

    sub = tmp_path / "locked"
    sub.mkdir()
    (sub / "g.txt").write_bytes(KIEV)
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if os.fspath(path) == str(sub):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", str(sub))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    status = cli.main([str(tmp_path)])
    out = capsys.readouterr()
    assert status == 2  # its copy was not checked: never a green run
    assert "cannot read the folder (permission denied)" in out.err
    assert out.out.count("NL201") == 1

