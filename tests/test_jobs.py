"""``--jobs N``: files spread over worker processes give exactly the findings, errors
and order of ``--jobs 1``."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.runner import FILES_PER_JOB, job_count

SENTENCES = [
    "Talks in Kiev resumed on Monday.", "Shelling near Kharkov continued ,said officials.",
    "The mayor of Kyiv said the city was calm.", "Read more:", "He said \"it was over.",
    "Officials met in Odessa and Kyiv (and in Lviv.", "Nothing else happened.",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for index in range(40):
        body = "\n\n".join(SENTENCES[(index + k) % len(SENTENCES)] for k in range(index % 5 + 1))
        sub = tmp_path / f"desk{index % 3}"
        sub.mkdir(exist_ok=True)
        suffix = ".md" if index % 2 else ".txt"
        (sub / f"story{index:02d}{suffix}").write_text(body + "\n", encoding="utf-8")
    (tmp_path / "desk1" / "broken.txt").write_bytes(b"Caf\xe9 in Kiev\n")
    (tmp_path / "desk2" / "empty.md").write_text("", encoding="utf-8")
    return tmp_path


def report(capsys, *args: object) -> tuple[int, str]:
    code = main([str(a) for a in args])
    out, _ = capsys.readouterr()
    return code, out


def test_jobs_give_the_same_report_as_one_process(capsys, folder) -> None:
    code1, one = report(capsys, "--jobs", "1", "--format", "json", folder)
    code2, two = report(capsys, "--jobs", "2", "--format", "json", folder)
    code3, three = report(capsys, "--jobs", "3", "--format", "json", folder / "desk0", folder / "desk1",
                          folder / "desk2")
    assert code1 == code2 == code3 == 2, "desk1/broken.txt cannot be decoded: the run is not clean (Contract 2)"
    assert one == two, "same findings, same order, byte for byte"
    assert json.loads(three)["findings"] == json.loads(one)["findings"]
    data = json.loads(one)
    assert data["summary"]["findings"] > 40
    assert [f["path"] for f in data["files"]] == sorted(f["path"] for f in data["files"])
    assert any(f["error"] for f in data["files"] if f["path"].endswith("broken.txt"))


def test_default_jobs_match_one_process_in_text_output(capsys, folder) -> None:
    _, auto = report(capsys, folder)
    _, one = report(capsys, "--jobs", "1", folder)
    assert auto == one and "story00.txt" in auto


def test_explicit_files_keep_command_line_order(capsys, folder) -> None:
    files = sorted(folder.rglob("story*"), reverse=True)[:20]
    _, two = report(capsys, "--jobs", "2", "--format", "json", *files)
    paths = [f["path"] for f in json.loads(two)["files"]]
    assert paths == [str(f) for f in files]


def test_config_error_in_a_worker_is_exit_2(capsys, folder) -> None:
    (folder / "desk2" / "newslint.toml").write_text('select = "NL2"\n', encoding="utf-8")
    code = main(["--jobs", "2", str(folder)])
    _, err = capsys.readouterr()
    assert code == 2 and "newslint.toml" in err and "Traceback" not in err


@pytest.mark.parametrize("requested, files, cores, expected", [
    (1, 500, 8, 1),
    (4, 500, 2, 4),       # asked for: given, even above the core count
    (8, 3, 8, 3),         # never more workers than files
    (None, 5, 8, 1),      # few files: one process, no start-up cost
    (None, FILES_PER_JOB * 2, 8, 2),
    (None, 1000, 2, 2),   # many files: one per core
    (0, 1000, 4, 4),      # 0 means "choose"
])
def test_job_count(monkeypatch, requested, files, cores, expected) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    assert job_count(requested, files) == expected
