"""GitHub Actions workflow commands (``--format github``): one annotation per finding.

GitHub reads ``::error file=…,line=…::message`` lines from a step's output and shows
them on the pull request's diff. Its escaping rules are its own: in the message
``%``, CR and LF are escaped; in properties also ``:`` and ``,``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from .gitlab import report_path

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    props = ",".join(
        f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None
    )
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def annotation(f: Any) -> str:
    message = f"{f.message}"
    if f.replacements and "'" + f.replacements[0] + "'" not in message:
        message += f" (suggest: {', '.join(f.replacements)})"
    message += f" [{f.name}, {f.category}]"
    return command(
        LEVEL.get(f.severity, "warning"),
        message,
        file=report_path(f.path),
        line=f.line,
        col=f.column,
        endLine=f.end_line,
        endColumn=f.end_column,
        title=f.rule,
    )


#: Annotations GitHub shows per step and level (error, warning, notice); more are dropped
#: silently. Source: actions/toolkit docs/problem-matchers.md, "Limitations".
PER_STEP = 10
_ORDER = {"error": 0, "warning": 1, "notice": 2}


def write(results: Sequence[Any], stream: TextIO, *, per_step: int = PER_STEP, **_: Any) -> None:
    """Annotations sorted by severity (errors first), at most ``per_step`` of each level.

    When a level has more, its last shown annotation says how many were left out, and
    every finding is still listed in the log as a plain line.
    """
    items: list[tuple[str, str, str]] = []  # (level, annotation, plain log line)
    for result in results:
        if result.error:
            message = f"newslint could not lint this file: {result.error}"
            items.append(("error", command("error", message, file=report_path(result.path), title="newslint"),
                          f"{report_path(result.path)}: {message}"))
        for f in result.findings:
            items.append((LEVEL.get(f.severity, "warning"), annotation(f),
                          f"{report_path(f.path)}:{f.line}:{f.column}: {f.rule} [{f.category}] {f.message}"))
    items.sort(key=lambda item: _ORDER.get(item[0], 1))  # stable: file order within a level
    by_level: dict[str, list[tuple[str, str, str]]] = {}
    for item in items:
        by_level.setdefault(item[0], []).append(item)
    unread = sum(1 for r in results if r.error)
    hidden: list[str] = []
    for level in sorted(by_level, key=lambda lv: _ORDER.get(lv, 1)):
        group = by_level[level]
        cap = per_step - 1 if level == "error" and unread else per_step  # room for the closing error
        shown = group if len(group) <= cap else group[: cap - 1]
        for item in shown:
            stream.write(item[1] + "\n")
        if len(group) > cap:
            more = len(group) - len(shown)
            stream.write(command(level, f"{more} more {level} annotation{'s' if more != 1 else ''} not shown: "
                                        f"GitHub shows {per_step} per step; every finding is in the job log",
                                 title="newslint") + "\n")
            hidden += [item[2] for item in group[len(shown):]]
    if hidden:
        stream.write(f"newslint: {len(hidden)} finding{'s' if len(hidden) != 1 else ''} beyond GitHub's "
                     f"annotation limit:\n")
        for plain in hidden:
            stream.write(f"  {plain}\n")
    if unread:
        stream.write(command("error", f"{unread} file{'s' if unread != 1 else ''} could not be read; the run "
                                      "is not clean (exit status 2)", title="newslint") + "\n")
