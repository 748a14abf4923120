"""Reporters turn results into text for people or tools. They never decide what is a finding."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from typing import TextIO

FORMATS = {
    "text": "newslint.report.text",
    "json": "newslint.report.json_report",
}


def reporter(fmt: str) -> Callable[..., None]:
    """The ``write(results, stream, **options)`` function of a format."""
    return import_module(FORMATS[fmt]).write


def write(fmt: str, results: Sequence[object], stream: TextIO, **options: object) -> None:
    reporter(fmt)(results, stream, **options)
