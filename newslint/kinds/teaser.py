"""``teaser``: headlines of other stories pasted under a "Read more" line.

After a line that is only a teaser label (``labels``: "Read more:", "Related News",
"More on this story"), the next lines that look like headlines — short, no full stop
at the end, most words capitalised — are links to other stories, not copy. The
first line that reads as prose ends the block, so a story that goes on after a
stray label is left alone.

Pack fields: ``labels`` (line patterns, `regex` syntax, matched case-insensitively
against the whole stripped line), ``max-lines`` (headlines to take, default 4),
``max-length`` (longest headline in characters, default 160).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..records import Hit
from ..regex_cache import compile_pattern
from ..safe_regex import compile_regex
from .base import Context, PackError, RuleKind, as_str_list

_WORDS = compile_pattern(r"[\p{L}][\p{L}'’-]*")
_MINOR = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "as",
    "is",
    "vs",
    "via",
    "into",
    "over",
    "after",
    "amid",
    "than",
}


class Kind(RuleKind):
    fields = {"labels": list, "max-lines": int, "max-length": int}
    required = ("labels",)

    def configure(self, spec: dict[str, Any]) -> None:
        labels = as_str_list(spec["labels"], "labels")
        if not labels:
            raise PackError("'labels' must list at least one pattern")
        self.labels = [compile_regex(f"(?:{p})", True, "labels pattern") for p in labels]
        self.max_lines = int(spec.get("max-lines", 4))
        self.max_length = int(spec.get("max-length", 160))

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        lines = [(s, e) for s, e in ctx.doc.prose_lines()]
        index = 0
        while index < len(lines):
            start, end = lines[index]
            if not self._is_label(text[start:end].strip()):
                index += 1
                continue
            taken = 0
            index += 1
            while index < len(lines) and taken < self.max_lines:
                s, e = lines[index]
                line = text[s:e]
                if not line.strip():
                    index += 1
                    continue
                if self._is_label(line.strip()) or not self.looks_like_headline(line.strip()):
                    break
                lead = len(line) - len(line.lstrip())
                trail = len(line) - len(line.rstrip())
                yield Hit(s + lead, e - trail, self.format(match=line.strip()))
                taken += 1
                index += 1

    def _is_label(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.labels)

    def looks_like_headline(self, line: str) -> bool:
        """Short, not ending with a full stop or a closing quote (prose does), at least
        three content words; set in title case or capitals, or shorter than a line of prose."""
        if (
            len(line) > self.max_length
            or line.endswith((".", ",", ";", ":", "”", '"'))
            or line.startswith(("-", "*", "•"))
        ):
            return False
        words = _WORDS.findall(line)
        content = [w for w in words if w.lower() not in _MINOR]
        if len(content) < 3:
            return False
        capitalised = sum(1 for w in content if w[0].isupper())
        return capitalised / len(content) >= 0.75 or len(line) <= 120
