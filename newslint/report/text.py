"""The human report: ``path:line:col: CODE [category] message``, the line, the span underlined."""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def write(results: Sequence[Any], stream: TextIO, *, quiet: bool = False, statistics: bool = False,
          colour: bool | None = None, **_: Any) -> None:
    colour = use_colour(stream) if colour is None else colour

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if colour else text

    texts: dict[str, list[str]] = {}
    for result in results:
        for f in result.findings:
            head = f"{paint(f.path, BOLD)}:{f.line}:{f.column}: {paint(f.rule, COLOURS.get(f.severity, ''))} " \
                   f"[{f.category}] {f.message}"
            if f.replacements and "'" + f.replacements[0] + "'" not in f.message:
                head += paint(f" (suggest: {', '.join(f.replacements)})", DIM)
            stream.write(head + "\n")
            if not quiet and f.length:
                line_text = _source_line(result, f, texts)
                if line_text is not None:
                    stream.write(_excerpt(line_text, f, paint) + "\n")
    if statistics:
        counts = Counter((f.rule, f.name, f.category) for r in results for f in r.findings)
        for (code, name, category), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            stream.write(f"{n:5d}  {code}  {name} [{category}]\n")
    if not quiet:
        stream.write(summary_line(results) + "\n")


def _files(n: int) -> str:
    return f"{n} file{'s' if n != 1 else ''}"


def summary_line(results: Sequence[Any]) -> str:
    """The last line of the report. It never says "All clear" when some input was not read."""
    total = sum(len(r.findings) for r in results)
    files = sum(1 for r in results if r.findings)
    unread = sum(1 for r in results if r.error)
    checked = len(results) - unread
    unread_note = f" {_files(unread)} could not be read." if unread else ""
    if total:
        return f"Found {total} problem{'s' if total != 1 else ''} in {_files(files)} ({checked} checked).{unread_note}"
    if unread:
        return f"No problems in {_files(checked)} checked, but{unread_note[:-1]}: the run is not clean."
    return f"All clear: {_files(checked)} checked."


def _source_line(result: Any, finding: Any, cache: dict[str, list[str]]) -> str | None:
    text = getattr(result, "text", None)
    if text is None:
        return None
    if result.path not in cache:
        cache[result.path] = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = cache[result.path]
    return lines[finding.line - 1] if finding.line - 1 < len(lines) else None


def _excerpt(line: str, f: Any, paint: Any) -> str:
    width = 100
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    left = max(0, min(start - 30, len(line) - width))
    shown = line[left:left + width].replace("\t", " ")
    prefix = "…" if left else ""
    gutter = f"{f.line:>5} | "
    caret_at = len(prefix) + start - left
    carets = "^" * max(1, min(end, left + width) - start)
    return f"{paint(gutter, DIM)}{prefix}{shown}\n{' ' * (len(gutter) - 2)}{paint('|', DIM)} " \
           f"{' ' * caret_at}{paint(carets, COLOURS.get(f.severity, ''))}"
