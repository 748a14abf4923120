"""Reporters turn results into text for people or tools. They never decide what is a finding."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from typing import TextIO

FORMATS = {
    "text": "newslint.report.text",
    "json": "newslint.report.json_report",
    "sarif": "newslint.report.sarif",
    "github": "newslint.report.github",
    "gitlab": "newslint.report.gitlab",
    "markdown": "newslint.report.summary",
}


def reporter(fmt: str) -> Callable[..., None]:
    """The ``write(results, stream, **options)`` function of a format."""
    return import_module(FORMATS[fmt]).write


def write(fmt: str, results: Sequence[object], stream: TextIO, **options: object) -> None:
    reporter(fmt)(results, stream, **options)


def write_file(fmt: str, results: Sequence[object], path: str, **options: object) -> None:
    """``--output FILE``: the report in ``fmt`` to a file (written whole, then moved into place)."""
    import io
    import os

    from ..records import NewslintError

    buffer = io.StringIO()
    write(fmt, results, buffer, **{**options, "colour": False})
    tmp = f"{path}.newslint-tmp"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(buffer.getvalue())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise NewslintError(f"cannot write the report to {path}: {exc.strerror or exc}") from None


def append_file(fmt: str, results: Sequence[object], path: str, **options: object) -> None:
    """``--markdown-summary FILE``: add the report to FILE (GitHub's step summary is appended to)."""
    import io

    from ..records import NewslintError

    buffer = io.StringIO()
    write(fmt, results, buffer, **{**options, "colour": False})
    try:
        with open(path, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(buffer.getvalue())
    except OSError as exc:
        raise NewslintError(f"cannot write the summary to {path}: {exc.strerror or exc}") from None
