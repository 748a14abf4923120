"""Contract 1: the JSON report. Its JSON Schema ships in ``newslint/schemas/report.schema.json``."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from typing import Any, TextIO

from .. import __version__

#: The report format's own version: it changes when the schema does, not with each release.
SCHEMA_VERSION = "1.1"


def schema() -> dict[str, Any]:
    """The JSON Schema of :func:`report` (shipped in the package)."""
    text = resources.files("newslint").joinpath("schemas/report.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def report(results: Sequence[Any]) -> dict[str, Any]:
    findings = [f for r in results for f in r.findings]
    unreadable = sum(1 for r in results if r.error)
    return {
        "schema_version": SCHEMA_VERSION,
        "version": __version__,
        "files": [{"path": r.path, "findings": len(r.findings), "error": r.error} for r in results],
        "findings": [f.to_dict() for f in findings],
        "unreadable": unreadable,
        "summary": {
            "files": len(results),
            "findings": len(findings),
            "by_category": dict(sorted(Counter(f.category for f in findings).items())),
            "unreadable": unreadable,
        },
    }


def write(results: Sequence[Any], stream: TextIO, **_: Any) -> None:
    json.dump(report(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
