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


def write(results: Sequence[Any], stream: TextIO, **_: Any) -> None:
    for result in results:
        if result.error:
            stream.write(
                command(
                    "error",
                    f"newslint could not lint this file: {result.error}",
                    file=report_path(result.path),
                    title="newslint",
                )
                + "\n"
            )
        for f in result.findings:
            stream.write(annotation(f) + "\n")
