"""``existence``: words or patterns that should not appear at all (web furniture).

Pack fields: ``patterns`` (`regex` syntax; a named group ``flag`` narrows the
reported span, otherwise the match trimmed of surrounding space is reported),
``terms`` (literal words, whole-word), ``ignore-case`` (default true),
``exceptions``, ``replacement`` (an optional fix, unsafe unless ``safe = true``).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..records import Hit
from ..safe_regex import Exceptions, compile_regex, finditer, terms_regex
from .base import Context, PackError, RuleKind, as_str_list


class Kind(RuleKind):
    fields = {"patterns": list, "terms": list, "ignore-case": bool, "exceptions": list,
              "replacement": str, "safe": bool}

    def configure(self, spec: dict[str, Any]) -> None:
        ignore_case = bool(spec.get("ignore-case", True))
        self.patterns = [
            compile_regex(p, ignore_case) for p in as_str_list(spec.get("patterns", []), "patterns")
        ]
        terms = as_str_list(spec.get("terms", []), "terms")
        if terms:
            self.patterns.append(terms_regex(terms, ignore_case))
        if not self.patterns:
            raise PackError("needs 'patterns' or 'terms'")
        self.exceptions = Exceptions(spec.get("exceptions"))
        self.replacement = spec.get("replacement")
        self.safe = bool(spec.get("safe", False))

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        exempt: list[tuple[int, int]] | None = None  # exception spans, found at the first hit
        seen: set[tuple[int, int]] = set()
        for pattern in self.patterns:
            for match in finditer(pattern, text):
                if "flag" in pattern.groupindex and match.start("flag") >= 0:
                    start, end = match.span("flag")
                else:
                    start, end = _trim(text, *match.span())
                if end <= start or (start, end) in seen:
                    continue
                if exempt is None:
                    exempt = self.exceptions.spans(text)
                if Exceptions.covers(exempt, start, end):
                    continue
                seen.add((start, end))
                found = text[start:end]
                yield Hit(
                    start, end, self.format(match=found),
                    replacements=[self.replacement] if self.replacement is not None else [],
                    fix=self.replacement, safe=self.safe,
                )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
