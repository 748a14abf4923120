"""Apply fixes to files without ever losing a word: ``--fix``, ``--diff``, ``--fix-consistency``.

Why it is careful: editors run this on copy that is not in version control. A fix
is written to a temporary file in the same folder, flushed to disk and moved over
the original with :func:`os.replace`, so a crash leaves either the old file or the
new one, never half of each. The file is read as bytes and decoded by hand, so its
BOM and its newlines (LF, CRLF, CR, mixed) survive; only the fixed spans change.
If the file changed on disk after it was read, nothing is written.

Fixes are applied in passes (lint, fix, lint the result again) until no fix is
left, so that ``--fix`` run twice changes nothing the second time.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from .atomic_write import remove_stale_temp_files, replace_file
from .document import UnreadableFile, decode_as, make_document, read_bytes
from .records import Finding
from .streams import stream_kind

MAX_PASSES = 10
BOM = b"\xef\xbb\xbf"
#: Rule kinds whose unsafe fixes ``--fix-consistency`` applies: they pick the form
#: the article itself uses most, so the fix follows the writer, not a guess.
CONSISTENCY_KINDS = frozenset({"mixed-terms", "mixed-spelling", "mixed-spelling-unlisted",
                               "consistency", "name-mixing", "name-consistency", "name-variants"})


class FixError(Exception):
    """A fix that could not be written; the message says the original is intact."""


@dataclass
class FileFix:
    """What fixing one file did (or would do)."""

    path: str
    before: str = ""
    after: str = ""
    applied: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    error: str | None = None
    bom: bool = False
    codec: str = "utf-8"
    mark: bytes = b""

    @property
    def changed(self) -> bool:
        return self.error is None and self.before != self.after


def is_consistency_kind(kind: str) -> bool:
    return kind in CONSISTENCY_KINDS or kind.endswith(("-consistency", "-mixing"))


#: A fix whose span in the file holds markup or a line break crossed something the rule
#: never saw; the engine marks such fixes unsafe, and --fix-consistency must not apply them.
_MARKUP = re.compile(r"[*_`\[\]()<>#|~\\\r\n]")


def fixable(finding: Finding, unsafe_rules: Iterable[str] = ()) -> bool:
    """A finding whose fix may be applied: a safe one, or one from a rule allowed unsafe fixes."""
    fix = finding.fix
    if fix is None:
        return False
    if fix.safe:
        return True
    return finding.rule in set(unsafe_rules) and not _MARKUP.search(finding.match)


def choose(findings: Sequence[Finding], unsafe_rules: Iterable[str] = ()) -> list[Finding]:
    """Fixable findings, in file order, dropping any whose span overlaps one already chosen.

    Two insertions at the same point also count as overlapping: their order would be a guess.
    """
    allowed = set(unsafe_rules)
    chosen: list[Finding] = []
    last_start, last_end = -1, -1
    candidates = [f for f in findings if fixable(f, allowed)]
    for f in sorted(candidates, key=lambda f: (f.fix.offset, f.fix.length, f.rule)):  # type: ignore[union-attr]
        start, end = f.fix.offset, f.fix.offset + f.fix.length  # type: ignore[union-attr]
        both_insertions = start == end and last_start == last_end == start
        if start < last_end or both_insertions:
            continue
        chosen.append(f)
        last_start, last_end = start, end
    return chosen


def apply(text: str, findings: Sequence[Finding]) -> str:
    """The text with the (non-overlapping, sorted) fixes of ``findings`` applied."""
    parts: list[str] = []
    pos = 0
    for f in findings:
        fix = f.fix
        assert fix is not None
        if fix.offset < pos or fix.offset + fix.length > len(text):
            continue
        parts.append(text[pos : fix.offset])
        parts.append(fix.replacement)
        pos = fix.offset + fix.length
    parts.append(text[pos:])
    return "".join(parts)


Lint = Callable[[str], list[Finding]]


def fix_text(
    text: str, findings: list[Finding], lint: Lint, unsafe_rules: Iterable[str] = ()
) -> tuple[str, list[Finding], list[Finding]]:
    """Apply fixes in passes until none is left (or :data:`MAX_PASSES`).

    Returns (new text, the findings fixed, the findings of the new text).
    """
    allowed = set(unsafe_rules)
    applied: list[Finding] = []
    for _ in range(MAX_PASSES):
        chosen = choose(findings, allowed)
        if not chosen:
            break
        new_text = apply(text, chosen)
        if new_text == text:
            break
        applied += chosen
        text = new_text
        findings = lint(text)
    return text, applied, findings


# ----------------------------------------------------------------------------------------------
# Files
# ----------------------------------------------------------------------------------------------


def read_source(path: str) -> tuple[bytes, str, bool]:
    """(raw bytes, text with the BOM removed, had a UTF-8 BOM). Raises UnreadableFile."""
    data, text, codec, mark = read_encoded(path)
    return data, text, codec == "utf-8" and bool(mark)


def read_encoded(path: str) -> tuple[bytes, str, str, bytes]:
    """(raw bytes, text, codec, BOM bytes): what a fix needs to write the file back in its own
    encoding (UTF-8, or UTF-16/UTF-32 with their byte-order mark). Never opens a FIFO or device."""
    data = read_bytes(path)
    text, codec, mark = decode_as(data, path)
    return data, text, codec, mark


def encode(text: str, bom: bool | bytes, codec: str = "utf-8") -> bytes:
    """The file's bytes for ``text``: its BOM (``True`` for UTF-8's, or the mark's bytes), then the text."""
    mark = (BOM if bom else b"") if isinstance(bom, bool) else bom
    return mark + text.encode(codec)


def check_writable(path: str, info: os.stat_result) -> None:
    """A file whose mode has no write bit is left alone, also for root (who could write it)."""
    if not stat.S_ISREG(info.st_mode):
        raise FixError(f"{path}: not a regular file; not fixed")
    if not stat.S_IMODE(info.st_mode) & 0o222:
        raise FixError(f"{path}: the file is read-only (mode {stat.S_IMODE(info.st_mode):o}); not fixed")
    if os.getuid() != 0 and not os.access(path, os.W_OK):
        raise FixError(f"{path}: no permission to write the file; not fixed")
    if info.st_nlink > 1:
        raise FixError(f"{path}: the file has {info.st_nlink} hard links and a fix would split them "
                       "(the other names would keep the old text); not fixed")


def write_atomic(path: str, data: bytes, expected: bytes) -> None:
    """Replace ``path`` with ``data`` if it still holds ``expected``; keep its mode, owner and
    extended attributes.

    A symbolic link stays a link: its target is replaced. Read-only files and files with
    several hard links are refused. The file is compared with ``expected`` once more right
    before the rename, after the new text is on disk; an edit that lands in the few
    microseconds between that last comparison and the rename is the one window left (no
    portable lock closes it). Raises :class:`FixError` (the original untouched) on any failure.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    changed = FixError(f"{path}: the file changed on disk while newslint was fixing it; "
                       "not fixed, your version is intact. Run again.")
    try:
        original = open(target, "rb")  # kept open: its inode tells of writes that race the rename
    except OSError as exc:
        raise FixError(f"{path}: cannot re-read the file before fixing ({_reason(exc)}); not fixed") from None
    with original:
        _write_checked(path, target, folder, data, expected, original, changed)


def _write_checked(path: str, target: str, folder: str, data: bytes, expected: bytes, original: Any,
                   changed: FixError) -> None:
    try:
        if original.read() != expected:
            raise changed
        info = os.fstat(original.fileno())
        mode = stat.S_IMODE(info.st_mode)
    except OSError as exc:
        raise FixError(f"{path}: cannot re-read the file before fixing ({_reason(exc)}); not fixed") from None
    check_writable(path, info)
    remove_stale_temp_files(folder)

    def still_expected() -> None:
        """The last look before the rename: a writer that appended meanwhile is detected."""
        now = os.stat(target)
        if (now.st_size, now.st_mtime_ns, now.st_ino) != (info.st_size, info.st_mtime_ns, info.st_ino):
            raise changed
        with open(target, "rb") as handle:
            if handle.read() != expected:
                raise changed

    try:
        replace_file(target, data, like=info, keep_owner=True, xattrs_from=target, before_rename=still_expected)
        # a write that slipped in after the last look went to the old inode: put it back
        after = os.fstat(original.fileno())
        if (after.st_size, after.st_mtime_ns) != (info.st_size, info.st_mtime_ns):
            original.seek(0)
            replace_file(target, original.read(), mode=mode)
            raise changed
    except OSError as exc:
        raise FixError(
            f"{path}: could not write the fix ({_reason(exc)}); the original file is intact"
        ) from None


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "disk full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied" if exc.errno != errno.EROFS else "read-only file system"
    return exc.strerror or str(exc)


def fix_file(
    path: str,
    findings: list[Finding],
    lint: Lint,
    *,
    expected_text: str | None = None,
    unsafe_rules: Iterable[str] = (),
    write: bool = True,
) -> FileFix:
    """Fix one file (or, with ``write=False``, only work out the change, for ``--diff``).

    ``findings`` are the findings of the text the linter read (``expected_text``);
    if the file no longer holds that text, nothing is done.
    """
    result = FileFix(path)
    try:
        data, text, codec, mark = read_encoded(path)
    except UnreadableFile as exc:
        result.error = f"{path}: {exc}; not fixed"
        return result
    if expected_text is not None and text != expected_text:
        result.error = (
            f"{path}: the file changed on disk since it was linted; not fixed, "
            "your version is intact. Run again."
        )
        return result
    new_text, applied, remaining = fix_text(text, findings, lint, unsafe_rules)
    result.before, result.after, result.applied, result.remaining = text, new_text, applied, remaining
    result.bom, result.codec, result.mark = codec == "utf-8" and bool(mark), codec, mark
    if write and result.changed:
        try:
            write_atomic(path, encode(new_text, mark, codec), data)
        except UnicodeEncodeError:
            result.error = f"{path}: a fix produced text that cannot be saved as UTF-8; not fixed"
            result.applied = []
        except FixError as exc:
            result.error = str(exc)
            result.applied = []
    return result


def unified_diff(fix: FileFix) -> str:
    """A unified diff of one file's fix; line endings are kept as they are in the file."""
    # the file's bytes start with its BOM: so must the diff's first line, or patch finds no match
    bom = "\ufeff" if fix.bom else ""
    before, after = _lines(bom + fix.before), _lines(bom + fix.after)
    lines = difflib.unified_diff(before, after, fromfile=f"a/{fix.path}", tofile=f"b/{fix.path}")
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines with their endings; only CR, LF and CRLF end a line (not U+2028 and the like)."""
    return [m.group() for m in _LINE.finditer(text) if m.group()]


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def describe(fix: FileFix) -> list[str]:
    """One line per applied fix, for people: ``path:line:col: CODE 'old' -> 'new'``."""
    return [
        f"{fix.path}:{f.line}:{f.column}: fixed {f.rule} '{f.match}' -> '{f.fix.replacement}'"  # type: ignore[union-attr]
        for f in fix.applied
    ]


# ----------------------------------------------------------------------------------------------
# The command line's entry point
# ----------------------------------------------------------------------------------------------


def consistency_rules(session: Any, paths: Iterable[str]) -> set[str]:
    """Codes of the rules (under each file's configuration) whose unsafe fixes --fix-consistency applies."""
    codes: set[str] = set()
    for path in set(paths):
        for rule in session.linter(session.config_for(path)).rules:
            mixed_names = rule.kind.startswith("name") and rule.spec.get("mode") == "mixed"
            if is_consistency_kind(rule.kind) or mixed_names:
                codes.add(rule.code)
    return codes


def _outside_roots(path: str, session: Any) -> str | None:
    """--fix never writes outside the folders it was given, even through a link it was allowed
    to read (--follow-symlinks): the message, or None when the file is inside them."""
    from .walk import inside

    walk = getattr(session, "walk", None)
    roots = getattr(walk, "roots", None)
    if not roots or inside(path, roots):
        return None
    return (f"{path}: leads to {os.path.realpath(path)}, outside the folders given; not fixed "
            "(--fix never writes outside them)")


@dataclass
class FixRun:
    results: list[Any]
    changed: int = 0
    failed: int = 0


def run(
    results: Sequence[Any],
    session: Any,
    *,
    write: bool,
    diff: TextIO | None,
    log: TextIO,
    fix_consistency: bool = False,
) -> FixRun:
    """Fix (or diff) every linted file of ``results``; the results to report afterwards, and counts.

    A fixed file is linted again so that the report shows what is left. Failures are
    told on ``log`` and leave the file (and its findings) as they were.
    """
    from .runner import FileResult

    out: list[Any] = []
    changed = failed = 0
    fixed_files: set[str] = set()
    for result in results:
        real = os.path.realpath(result.path) if result.path != "-" else "-"
        if write and real in fixed_files:  # 'f.txt ./f.txt': one file named twice is fixed once
            out.append(result)
            continue
        fixed_files.add(real)
        if (
            result.error is not None
            or result.text is None
            or result.path == "-"
            or not os.path.isfile(result.path)
        ):
            if result.path == "-" and result.findings and write:
                log.write("newslint: standard input is not fixed in place; use --diff to see the fixes\n")
            elif result.findings and write and result.path != "-" and stream_kind(result.path):
                log.write(f"newslint: {result.path}: {stream_kind(result.path)} is read once, not fixed in "
                          "place; fix a copy of its text\n")
            out.append(result)
            continue
        outside = _outside_roots(result.path, session) if write else None
        if outside:
            failed += 1
            log.write(f"newslint: {outside}\n")
            out.append(result)
            continue
        config = session.config_for(result.path)
        linter = session.linter(config)
        date = session.options.date

        def lint(
            text: str, _path: str = result.path, _linter: Any = linter, _date: Any = date
        ) -> list[Finding]:
            return _linter.lint(make_document(text, _path), _date)

        unsafe = consistency_rules(session, [result.path]) if fix_consistency else set()
        try:
            fix = fix_file(
                result.path,
                result.findings,
                lint,
                expected_text=result.text,
                unsafe_rules=unsafe,
                write=write,
            )
        except Exception as exc:  # noqa: BLE001 - a bug here must not stop the other files
            fix = FileFix(
                result.path,
                error=f"{result.path}: internal error while fixing ({type(exc).__name__}: "
                f"{exc}); not fixed, the file is intact. Please report this.",
            )
        if fix.error:
            failed += 1
            log.write(f"newslint: {fix.error}\n")
            out.append(result)
            continue
        changed += fix.changed
        if diff is not None and fix.changed:
            diff.write(unified_diff(fix))
        if write and fix.changed:
            for line in describe(fix):
                log.write(line + "\n")
            out.append(FileResult(result.path, fix.remaining, note=result.note, text=fix.after))
        else:
            out.append(result)
    if write and changed:
        log.write(f"newslint: fixed {changed} file{'s' if changed != 1 else ''}\n")
    return FixRun(out, changed, failed)
