"""The one write-and-rename helper (issue 17): whatever a caller asks of it, a failure leaves
the target as it was and no temporary file behind, and the options keep what they say."""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from newslint import atomic_write
from newslint.atomic_write import TMP_PREFIX, TMP_SUFFIX, TempFileRefused, replace_file

NEWSLINT = Path(atomic_write.__file__).parent


def _temp_files(folder: Path) -> list[str]:
    return [n for n in os.listdir(folder) if n.startswith(TMP_PREFIX) and n.endswith(TMP_SUFFIX)]


def test_replaces_the_whole_file_and_keeps_the_old_mode(tmp_path: Path) -> None:
    target = tmp_path / "story.txt"
    target.write_bytes(b"old text that is longer than the new one\n")
    os.chmod(target, 0o640)
    replace_file(str(target), b"new\n", like=os.stat(target))
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _temp_files(tmp_path) == []


def test_a_new_file_gets_the_mode_a_shell_redirection_would(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        replace_file(str(tmp_path / "report.json"), b"{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.json").stat().st_mode) == 0o640


def test_an_explicit_mode_wins(tmp_path: Path) -> None:
    target = tmp_path / "entry"
    target.write_bytes(b"x")
    os.chmod(target, 0o644)
    replace_file(str(target), b"y", mode=0o600, like=os.stat(target), durable=False)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_bytes() == b"y"


def test_a_refusal_before_the_rename_leaves_the_target_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "story.txt"
    target.write_bytes(b"the editor's version\n")
    seen: list[bytes] = []

    def refuse() -> None:
        seen.extend(Path(tmp_path, n).read_bytes() for n in _temp_files(tmp_path))
        raise RuntimeError("changed on disk")

    with pytest.raises(RuntimeError):
        replace_file(str(target), b"fixed\n", before_rename=refuse)
    assert seen == [b"fixed\n"]  # the check ran with the new text already written
    assert target.read_bytes() == b"the editor's version\n"
    assert _temp_files(tmp_path) == []


def test_a_failed_write_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "story.txt"
    target.write_bytes(b"kept\n")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "fsync", full)
    with pytest.raises(OSError):
        replace_file(str(target), b"lost\n")
    assert target.read_bytes() == b"kept\n" and _temp_files(tmp_path) == []


def test_extended_attributes_are_copied_where_the_file_system_has_them(tmp_path: Path) -> None:
    target = tmp_path / "story.txt"
    target.write_bytes(b"text\n")
    try:
        os.setxattr(target, "user.newslint-test", b"label")
    except (AttributeError, OSError):
        pytest.skip("no user extended attributes here")
    replace_file(str(target), b"fixed\n", like=os.stat(target), xattrs_from=str(target))
    assert os.getxattr(target, "user.newslint-test") == b"label"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write any folder")
def test_a_folder_we_cannot_write_is_a_refusal_callers_can_tell(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(TempFileRefused):
            replace_file(str(folder / "x"), b"y")
    finally:
        os.chmod(folder, 0o700)


def test_no_other_module_renames_files_of_its_own() -> None:
    """One routine: a second write-and-rename would drift from this one's cleanup and checks."""
    pattern = re.compile(r"\bos\.(?:replace|rename)\(|\bmkstemp\(")
    others = sorted(
        str(path.relative_to(NEWSLINT))
        for path in NEWSLINT.rglob("*.py")
        if path.name != "atomic_write.py" and pattern.search(path.read_text(encoding="utf-8"))
    )
    assert others == []
