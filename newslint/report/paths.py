"""File names as reports show them: always valid UTF-8.

Why: on POSIX a file name is bytes; Python carries the bytes that are not UTF-8 as lone
surrogates (``bad\\udcffname.txt``), which a UTF-8 report cannot hold (SARIF crashed, the
other formats wrote invalid UTF-8). People and CI tools get ``bad\\xffname.txt``; SARIF's
URIs percent-encode the real bytes (:func:`uri_path`), so nothing is lost there.
"""
from __future__ import annotations

import os
import re
from urllib.parse import quote

_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(path: str) -> str:
    """``path`` with each byte that is not UTF-8 shown as ``\\xNN``."""
    if not _SURROGATE.search(path):
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace") if _fs_bytes(path) else \
        path.encode("utf-8", "backslashreplace").decode("utf-8")


def uri_path(path: str) -> str:
    """A relative path for a URI: the file name's own bytes, percent-encoded."""
    raw = os.fsencode(path) if _fs_bytes(path) else path.encode("utf-8", "surrogatepass")
    return quote(raw, safe="/")


def _fs_bytes(path: str) -> bool:
    try:
        os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte (only via the API)
        return False
    return True
