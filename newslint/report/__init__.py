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


#: Formats that show file names through :mod:`.paths` themselves (SARIF percent-encodes the bytes).
RAW_PATHS = frozenset({"sarif"})


def write(fmt: str, results: Sequence[object], stream: TextIO, **options: object) -> None:
    if fmt not in RAW_PATHS:
        results = printable_results(results)
    reporter(fmt)(results, stream, **options)


def printable_results(results: Sequence[object]) -> Sequence[object]:
    """The results with every file name made valid UTF-8 (copies; only when a name needs it)."""
    from dataclasses import is_dataclass, replace

    from .paths import printable

    def fixed(item: object) -> object:
        path = getattr(item, "path", None)
        if is_dataclass(item) and isinstance(path, str) and printable(path) != path:
            changes: dict[str, object] = {"path": printable(path)}
            if hasattr(item, "findings"):
                changes["findings"] = [fixed(f) for f in item.findings]  # type: ignore[attr-defined]
            return replace(item, **changes)  # type: ignore[type-var]
        return item

    return [fixed(r) for r in results]


def write_file(fmt: str, results: Sequence[object], path: str, **options: object) -> None:
    """``--output FILE``: the report in ``fmt`` to a file, as a shell redirection would
    (a regular file is replaced atomically; a device or FIFO is written through)."""
    import io

    from .output import write_text

    buffer = io.StringIO()
    write(fmt, results, buffer, **{**options, "colour": False})
    write_text(path, buffer.getvalue())


def append_file(fmt: str, results: Sequence[object], path: str, **options: object) -> None:
    """``--markdown-summary FILE``: add the report to FILE (GitHub's step summary is appended to)."""
    import io

    from .output import write_text

    buffer = io.StringIO()
    write(fmt, results, buffer, **{**options, "colour": False})
    write_text(path, buffer.getvalue(), append=True, what="the summary")
