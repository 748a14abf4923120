"""--fix / --diff / --fix-consistency: only the fixed spans change, and a failure loses nothing."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

import newslint.fix as fixmod
from newslint import atomic_write
from newslint.cli import main
from newslint.records import Finding, Fix

BOM = b"\xef\xbb\xbf"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ----- byte-exact round trips ----------------------------------------------------------------


@pytest.mark.parametrize("newline", [b"\r\n", b"\n", b"\r"])
@pytest.mark.parametrize("bom", [b"", BOM])
def test_fix_changes_only_the_fixed_spans(capsys, tmp_path, newline, bom):
    lines = [
        "Za\u0308hlung in Kiev — caf\u00e9 \U0001f600.",
        "",
        "\u05e9\u05dc\u05d5\u05dd and Kharkov too.",
        "Trailing spaces stay.   ",
    ]
    original = bom + newline.join(s.encode() for s in lines) + newline
    path = write_bytes(tmp_path / "draft.txt", original)
    code, _, err = run(capsys, path, "--fix", "--select", "NL201")
    assert code == 0
    expected = original.replace(b"Kiev", b"Kyiv").replace(b"Kharkov", b"Kharkiv")
    assert path.read_bytes() == expected
    assert "fixed NL201 'Kiev' -> 'Kyiv'" in err and "fixed 1 file" in err


def test_mixed_newlines_and_no_final_newline_survive(capsys, tmp_path):
    original = b"One in Kiev.\r\nTwo.\nThree in Odessa.\rFour in Lvov"
    path = write_bytes(tmp_path / "mixed.txt", original)
    run(capsys, path, "--fix", "--select", "NL201")
    assert path.read_bytes() == b"One in Kyiv.\r\nTwo.\nThree in Odesa.\rFour in Lviv"


def test_markdown_markup_is_untouched(capsys, tmp_path):
    original = "---\ntitle: Kiev\n---\n# Talks in *Kiev*\n\n`Kiev` in code. Talks in [Kiev](http://x/Kiev).\n"
    path = tmp_path / "a.md"
    path.write_text(original, encoding="utf-8", newline="")
    run(capsys, path, "--fix", "--select", "NL201")
    assert path.read_bytes().decode("utf-8") == (
        "---\ntitle: Kiev\n---\n# Talks in *Kyiv*\n\n`Kiev` in code. Talks in [Kyiv](http://x/Kiev).\n"
    )


def test_fix_twice_changes_nothing_the_second_time(capsys, tmp_path):
    path = write_bytes(tmp_path / "d.txt", b"Kiev, Kharkov and Odessa. Kiev again.\n")
    run(capsys, path, "--fix")
    once = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    code, _, err = run(capsys, path, "--fix")
    assert path.read_bytes() == once and path.stat().st_mtime_ns == mtime
    assert "fixed" not in err
    assert code == 0


def test_fix_keeps_file_mode(capsys, tmp_path):
    path = write_bytes(tmp_path / "d.txt", b"Talks in Kiev.\n")
    path.chmod(0o640)
    run(capsys, path, "--fix")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_bytes() == b"Talks in Kyiv.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"], "no temporary file is left behind"


def test_symlink_stays_a_link_and_its_target_is_fixed(capsys, tmp_path):
    target = write_bytes(tmp_path / "real.txt", b"Talks in Kiev.\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    run(capsys, link, "--fix")
    assert link.is_symlink() and target.read_bytes() == b"Talks in Kyiv.\n"


def test_report_after_fix_shows_what_is_left(capsys, tmp_path):
    path = write_bytes(tmp_path / "d.md", b"Talks in Kiev.\n\nRead More:\n")
    code, out, _ = run(capsys, path, "--fix", "--select", "NL201,NL801")
    assert "NL201" not in out
    assert f"{path}:3:1: NL801" in out and code == 1, "a finding without a fix is still reported"
    assert path.read_bytes() == b"Talks in Kyiv.\n\nRead More:\n"


# ----- --diff --------------------------------------------------------------------------------


def test_diff_prints_unified_diff_and_changes_nothing(capsys, tmp_path):
    original = b"Line one.\r\nTalks in Kiev.\r\n"
    path = write_bytes(tmp_path / "d.txt", original)
    code, out, _ = run(capsys, path, "--diff")
    assert code == 1
    assert path.read_bytes() == original
    assert out.startswith(f"--- a/{path}\n+++ b/{path}\n@@")
    assert "-Talks in Kiev.\r\n" in out and "+Talks in Kyiv.\r\n" in out
    assert " Line one.\r\n" in out


def test_diff_is_empty_and_exit_0_when_nothing_to_fix(capsys, tmp_path):
    path = write_bytes(tmp_path / "d.txt", b"Talks in Kyiv.\n")
    code, out, _ = run(capsys, path, "--diff")
    assert (code, out) == (0, "")


def test_diff_marks_missing_final_newline(capsys, tmp_path):
    path = write_bytes(tmp_path / "d.txt", b"Talks in Kiev.")
    _, out, _ = run(capsys, path, "--diff")
    assert (
        "-Talks in Kiev.\n\\ No newline at end of file\n+Talks in Kyiv.\n\\ No newline at end of file\n"
        in out
    )


# ----- which fixes ---------------------------------------------------------------------------

PACK = """
[pack]
name = "test-house"

[[rules]]
code = "NL951"
name = "test-unsafe"
kind = "existence"
category = "style"
message = "Say '{replacement}'."
patterns = ['\\bcurrently\\b']
replacement = "now"

[[rules]]
code = "NL952"
name = "test-mixed"
kind = "consistency"
category = "names"
message = "Use one form."
groups = [["Zelenskyy", "Zelensky"]]
"""


@pytest.fixture
def house(tmp_path):
    (tmp_path / "house.toml").write_text(PACK, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
    return tmp_path


def test_fix_applies_only_safe_fixes(capsys, house):
    path = write_bytes(
        house / "d.txt", b"It is currently calm. Zelenskyy spoke. Zelenskyy left. Zelensky returned.\n"
    )
    code, out, _ = run(capsys, path, "--fix")
    assert path.read_bytes() == b"It is currently calm. Zelenskyy spoke. Zelenskyy left. Zelensky returned.\n"
    assert code == 1 and "NL951" in out and "NL952" in out


def test_fix_consistency_applies_the_majority_form_but_not_other_unsafe_fixes(capsys, house):
    path = write_bytes(
        house / "d.txt", b"It is currently calm. Zelenskyy spoke. Zelenskyy left. Zelensky returned.\n"
    )
    run(capsys, path, "--fix-consistency")
    assert (
        path.read_bytes() == b"It is currently calm. Zelenskyy spoke. Zelenskyy left. Zelenskyy returned.\n"
    )


def finding(offset: int, length: int, replacement: str, safe: bool = True, rule: str = "NL201") -> Finding:
    return Finding(
        "p",
        1,
        offset + 1,
        1,
        offset + length + 1,
        offset,
        length,
        rule,
        "n",
        "places",
        "warning",
        "m",
        "x" * length,
        [replacement],
        Fix(replacement, offset, length, safe),
    )


def test_overlapping_fixes_are_skipped_not_merged():
    text = "abcdefghij"
    chosen = fixmod.choose([finding(2, 4, "X"), finding(4, 3, "Y"), finding(8, 1, "Z")])
    assert [f.fix.replacement for f in chosen] == ["X", "Z"]
    assert fixmod.apply(text, chosen) == "abXghZj"


def test_two_insertions_at_one_point_apply_once_and_adjacent_spans_both_apply():
    chosen = fixmod.choose(
        [finding(3, 0, ","), finding(3, 0, ";"), finding(0, 3, "ABC"), finding(3, 2, "DE")]
    )
    assert fixmod.apply("abcdefg", chosen) == "ABC,DEfg"


def test_unsafe_fixes_need_their_rule_allowed():
    unsafe = finding(0, 1, "Q", safe=False, rule="NL952")
    assert fixmod.choose([unsafe]) == []
    assert fixmod.choose([unsafe], {"NL952"}) == [unsafe]
    across_markup = finding(0, 9, "Zelenskyy", safe=False, rule="NL952")
    across_markup.match = "**Zelen**sky"
    assert fixmod.choose([across_markup], {"NL952"}) == [], "an unsafe fix over markup is never applied"
    assert fixmod.is_consistency_kind("consistency") and fixmod.is_consistency_kind("name-mixing")
    assert not fixmod.is_consistency_kind("existence")


def test_fix_text_stops_when_fixes_oscillate():
    calls = []

    def lint(text: str):
        calls.append(text)
        return [finding(0, 1, "a" if text[0] == "b" else "b")]

    text, applied, _ = fixmod.fix_text("a", [finding(0, 1, "b")], lint)
    assert len(calls) == fixmod.MAX_PASSES and text in {"a", "b"}


# ----- no data loss (issue 7, item 5) --------------------------------------------------------

ORIGINAL = "Caf\u00e9 talks in Kiev.\r\n".encode()


def _assert_intact(path: Path, err: str) -> None:
    assert path.read_bytes() == ORIGINAL
    assert "intact" in err or "not fixed" in err
    assert [p.name for p in path.parent.iterdir()] == [path.name], "no temporary file is left behind"


def test_disk_full_on_write_leaves_original(capsys, tmp_path, monkeypatch):
    path = write_bytes(tmp_path / "d.txt", ORIGINAL)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fixmod.os, "fsync", full)
    code, out, err = run(capsys, path, "--fix")
    _assert_intact(path, err)
    assert "disk full" in err and "original file is intact" in err
    assert code == 1 and "NL201" in out, "the unfixed finding is still reported"


def test_failed_replace_leaves_original(capsys, tmp_path, monkeypatch):
    path = write_bytes(tmp_path / "d.txt", ORIGINAL)

    def refuse(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fixmod.os, "replace", refuse)
    _, _, err = run(capsys, path, "--fix")
    _assert_intact(path, err)


def test_permission_denied_leaves_original(capsys, tmp_path, monkeypatch):
    path = write_bytes(tmp_path / "d.txt", ORIGINAL)

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic_write.tempfile, "mkstemp", denied)  # the one write-and-rename helper
    _, _, err = run(capsys, path, "--fix")
    _assert_intact(path, err)
    assert "permission denied" in err


@pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else True,
    reason="root ignores file permissions; the injected failure above covers this",
)
def test_read_only_folder_leaves_original(capsys, tmp_path):  # pragma: no cover - runs as non-root
    path = write_bytes(tmp_path / "d.txt", ORIGINAL)
    tmp_path.chmod(0o555)
    try:
        _, _, err = run(capsys, path, "--fix")
    finally:
        tmp_path.chmod(0o755)
    _assert_intact(path, err)


def test_file_changed_between_lint_and_fix(capsys, tmp_path, monkeypatch):
    path = write_bytes(tmp_path / "d.txt", ORIGINAL)
    real = fixmod.fix_file

    def edit_first(p, *args, **kwargs):
        Path(p).write_bytes(b"An editor's newer version about Kiev.\n")
        return real(p, *args, **kwargs)

    monkeypatch.setattr(fixmod, "fix_file", edit_first)
    _, _, err = run(capsys, path, "--fix")
    assert path.read_bytes() == b"An editor's newer version about Kiev.\n"
    assert "changed on disk" in err and "intact" in err


def test_file_changed_while_fixing(capsys, tmp_path, monkeypatch):
    path = write_bytes(tmp_path / "d.txt", ORIGINAL)
    real = fixmod.fix_text

    def edit_during(*args, **kwargs):
        result = real(*args, **kwargs)
        path.write_bytes(b"Saved by the editor meanwhile.\n")
        return result

    monkeypatch.setattr(fixmod, "fix_text", edit_during)
    _, _, err = run(capsys, path, "--fix")
    assert path.read_bytes() == b"Saved by the editor meanwhile.\n"
    assert "changed on disk" in err


def test_fix_with_unreadable_files_fixes_the_rest_and_exits_2(capsys, tmp_path):
    bad = write_bytes(tmp_path / "bad.txt", b"\xff\xfe Kiev")
    good = write_bytes(tmp_path / "good.txt", b"Kiev.\n")
    code, _, err = run(capsys, bad, good, "--fix")
    assert bad.read_bytes() == b"\xff\xfe Kiev" and good.read_bytes() == b"Kyiv.\n"
    assert "not valid UTF-8" in err
    assert code == 2, "an input that could not be read makes the run exit 2 (Contract 2)"


def test_fix_on_stdin_writes_the_fixed_text_to_stdout(capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Talks in Kiev.\n")))
    code, out, err = run(capsys, "-", "--fix")
    assert out == "Talks in Kyiv.\n" and "Traceback" not in err
    assert code == 0


def test_fix_with_stdin_and_files_together_is_a_usage_error(capsys, tmp_path):
    good = write_bytes(tmp_path / "good.txt", b"Kiev.\n")
    code, _, err = run(capsys, good, "-", "--fix")
    assert code == 2 and "standard input only" in err
    assert good.read_bytes() == b"Kiev.\n"


def test_fix_with_json_keeps_stdout_machine_readable(capsys, tmp_path):
    import json

    path = write_bytes(tmp_path / "d.txt", b"Talks in Kiev.\n")
    code, out, err = run(capsys, path, "--fix", "--format", "json")
    assert json.loads(out)["findings"] == [] and code == 0
    assert "fixed NL201" in err


def test_diff_splits_lines_only_at_cr_and_lf(capsys, tmp_path):
    path = write_bytes(tmp_path / "d.txt", "One\u2028line in Kiev.\nNext.\n".encode())
    _, out, _ = run(capsys, path, "--diff")
    assert "-One\u2028line in Kiev.\n+One\u2028line in Kyiv.\n" in out and "No newline" not in out


def test_internal_error_while_fixing_leaves_files_and_run_goes_on(capsys, tmp_path, monkeypatch):
    first = write_bytes(tmp_path / "a.txt", ORIGINAL)
    second = write_bytes(tmp_path / "b.txt", ORIGINAL)
    real = fixmod.fix_text

    def broken_once(text, *args, **kwargs):
        if not broken_once.done:
            broken_once.done = True
            raise RuntimeError("boom")
        return real(text, *args, **kwargs)

    broken_once.done = False
    monkeypatch.setattr(fixmod, "fix_text", broken_once)
    code, _, err = run(capsys, first, second, "--fix")
    assert first.read_bytes() == ORIGINAL and b"Kyiv" in second.read_bytes()
    assert "internal error while fixing (RuntimeError: boom)" in err and code == 1


def test_fix_consistency_covers_consistency_and_name_mixing_rules_only():
    from types import SimpleNamespace

    def rule(code: str, kind: str, **spec: object) -> SimpleNamespace:
        return SimpleNamespace(code=code, kind=kind, spec=spec)

    rules = [
        rule("NL202", "consistency"),
        rule("NL102", "name-consistency"),
        rule("NL103", "name-variants"),
        rule("NL104", "name-groups", mode="mixed"),
        rule("NL101", "name-groups", mode="style"),
        rule("NL801", "existence"),
        rule("NL701", "locale-mix"),
    ]
    session = SimpleNamespace(
        config_for=lambda path: None, linter=lambda config: SimpleNamespace(rules=rules)
    )
    assert fixmod.consistency_rules(session, ["a.md"]) == {"NL202", "NL102", "NL103", "NL104"}


def test_diff_or_fix_without_files_is_a_usage_error(capsys, tmp_path):
    for flag in ("--diff", "--fix"):
        code, out, err = run(capsys, tmp_path / "missing.txt", flag)
        assert code == 2 and "no such file" in err and "could not be read" in err
        assert flag != "--diff" or out == ""


WORDS = [
    "Kiev",
    "Kyiv",
    "talks",
    "caf\u00e9",
    "\U0001f600",
    "\u05d7\u05d3\u05e9",
    "na\u0131ve",
    "Za\u0308hlung",
]
SEPARATORS = [" ", "\n", "\r\n", "\r", " \u200b ", ". "]


def test_property_only_fixed_spans_change(tmp_path):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newslint.api import lint_text

    config = {"select": ["NL201"]}

    @settings(max_examples=60, deadline=None, derandomize=True)
    @given(
        st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=12),
        st.booleans(),
    )
    def check(parts, bom):
        text = "".join(word + sep for word, sep in parts)
        path = tmp_path / "p.txt"
        original = (BOM if bom else b"") + text.encode()
        path.write_bytes(original)
        found = lint_text(text, config, path=str(path))
        fix = fixmod.fix_file(
            str(path), found, lambda t: lint_text(t, config, path=str(path)), expected_text=text
        )
        assert fix.error is None
        assert path.read_bytes() == original.replace(b"Kiev", b"Kyiv")

    check()
