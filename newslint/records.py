"""The value types that flow through newslint: rules, hits, fixes and findings."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Code digits: names NL1xx ... furniture NL8xx, spelling NL0xx (last here, so that
# CATEGORIES[int(digit) - 1] names the category of any digit 0-8).
CATEGORIES = ("names", "places", "entities", "grammar", "punctuation", "dates", "style", "furniture", "spelling")
CATEGORY_DIGIT = {c: str((i + 1) % 9) for i, c in enumerate(CATEGORIES)}
SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Rule:
    """A rule's identity and documentation, as declared in a pack (Contract 3 and 4)."""

    code: str
    name: str
    kind: str
    category: str
    severity: str
    message: str
    pack: str
    pack_path: str
    summary: str = ""
    why: str = ""
    advice: str = ""
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    source: str = ""
    spec: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def title(self) -> str:
        return self.summary or self.message


@dataclass
class Hit:
    """What a rule kind reports: a span of the document's prose text (not the file)."""

    start: int
    end: int
    message: str
    replacements: list[str] = field(default_factory=list)
    fix: str | None = None
    safe: bool = True
    severity: str | None = None


@dataclass(frozen=True)
class Fix:
    replacement: str
    offset: int
    length: int
    safe: bool

    def to_dict(self) -> dict[str, Any]:
        return {"replacement": self.replacement, "offset": self.offset, "length": self.length, "safe": self.safe}


@dataclass
class Finding:
    """A reported problem, positioned in the original file (Contract 1)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    length: int
    rule: str
    name: str
    category: str
    severity: str
    message: str
    match: str
    replacements: list[str] = field(default_factory=list)
    fix: Fix | None = None

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.offset, self.length, self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "match": self.match,
            "replacements": list(self.replacements),
            "fix": self.fix.to_dict() if self.fix else None,
        }


class NewslintError(Exception):
    """A usage or configuration error: reported in one line, exit status 2."""
