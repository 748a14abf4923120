"""GitLab Code Quality report (``--format gitlab``): a JSON array of issues.

Why stable fingerprints: GitLab compares the report of a merge request with the
target branch's by fingerprint to show what is new. Hashing the path, the rule,
the matched text and which occurrence it is (not the line) keeps a finding's
fingerprint when copy above it is added or removed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

SEVERITY = {"info": "info", "warning": "minor", "error": "major"}


def report_path(path: str, printable: bool = True) -> str:
    """The path as CI tools want it: relative to the working folder where possible, with '/'
    (and valid UTF-8 unless ``printable`` is False: SARIF percent-encodes the bytes itself)."""
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            rel = path
        if not rel.startswith(".."):
            path = rel
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    if printable:
        from .paths import printable as shown

        return shown(path)
    return path


def fingerprints(findings: Sequence[Any]) -> list[str]:
    """One stable fingerprint per finding: sha256 of path, rule, match and occurrence index."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for f in findings:
        key = (report_path(f.path), f.rule, f.match)
        index = seen[key]
        seen[key] += 1
        raw = "\x1f".join([*key, str(index)])
        out.append(hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest())
    return out


def issues(results: Sequence[Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for result in results:
        if result.error:
            raw = "\x1f".join([report_path(result.path), "unreadable", result.error])
            out.append(
                {
                    "type": "issue",
                    "description": f"newslint could not lint this file: {result.error}",
                    "check_name": "newslint-unreadable-file",
                    "fingerprint": hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest(),
                    "severity": "major",
                    "categories": ["Style"],
                    "location": {"path": report_path(result.path), "lines": {"begin": 1}},
                }
            )
            continue
        for f, fingerprint in zip(result.findings, fingerprints(result.findings), strict=True):
            out.append(
                {
                    "type": "issue",
                    "description": f"{f.rule} {f.message}",
                    "check_name": f"{f.rule} {f.name}",
                    "fingerprint": fingerprint,
                    "severity": SEVERITY.get(f.severity, "minor"),
                    "categories": ["Style"],
                    "location": {"path": report_path(f.path), "lines": {"begin": f.line, "end": f.end_line}},
                }
            )
    return out


def write(results: Sequence[Any], stream: TextIO, **_: Any) -> None:
    json.dump(issues(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
