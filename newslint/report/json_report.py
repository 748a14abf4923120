"""Contract 1: the JSON report."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from .. import __version__


def report(results: Sequence[Any]) -> dict[str, Any]:
    findings = [f for r in results for f in r.findings]
    return {
        "version": __version__,
        "files": [{"path": r.path, "findings": len(r.findings), "error": r.error} for r in results],
        "findings": [f.to_dict() for f in findings],
        "summary": {
            "files": len(results),
            "findings": len(findings),
            "by_category": dict(sorted(Counter(f.category for f in findings).items())),
        },
    }


def write(results: Sequence[Any], stream: TextIO, **_: Any) -> None:
    json.dump(report(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
