"""The LanguageTool HTTP API (``/v2/check``, ``/v2/languages``) spoken over newslint findings.

Why: dozens of editor and browser plugins already talk to a LanguageTool server; pointing
them at ``newslint serve`` gives editors newslint's findings with no new plugin. Only the
translation lives here: requests become a :class:`~newslint.service.LintRequest`, findings
become LanguageTool matches. LanguageTool counts offsets in UTF-16 code units (Java
strings); newslint counts code points, so offsets are converted both ways.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..records import Finding, Rule
from ..service import RequestError

#: The languages newslint checks (English copy); LanguageTool clients pick one of these.
LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
]
#: LanguageTool's issue types (localization-quality vocabulary), by newslint category.
ISSUE_TYPES = {
    "spelling": "misspelling", "grammar": "grammar", "punctuation": "typographical",
    "style": "style", "names": "inconsistency", "places": "style", "entities": "mistranslation",
    "dates": "inconsistency", "furniture": "non-conformance",
}
CONTEXT_CHARS = 40


def language_entry(code: str) -> dict[str, Any]:
    """The language a request asked for, or a 400-class error for one newslint cannot check."""
    wanted = (code or "").strip()
    if wanted.lower() == "auto":
        wanted = "en-US"
    for entry in LANGUAGES:
        if entry["longCode"].lower() == wanted.lower():
            return entry
    raise RequestError("language", f"language '{code}' is not supported: newslint checks English "
                                   f"({', '.join(e['longCode'] for e in LANGUAGES)}, auto)")


def utf16_offset(text: str, index: int) -> int:
    """Code-point index -> UTF-16 code-unit index."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


@dataclass
class AnnotatedText:
    """LanguageTool's ``data`` parameter: text parts and markup parts.

    newslint lints the plain text (text parts, and markup's ``interpretAs``); positions are
    mapped back into the original, markup included, as LanguageTool does.
    """

    original: str
    plain: str
    # (plain start, original start, length) for each stretch of plain text copied from a text part
    pieces: list[tuple[int, int, int]]

    def to_original(self, plain_index: int, end: bool = False) -> int:
        """A plain-text index in the original; an ``end`` index stays with the text it ends."""
        for plain_start, original_start, length in self.pieces:
            inside = plain_start < plain_index <= plain_start + length if end \
                else plain_start <= plain_index < plain_start + length
            if inside:
                return original_start + plain_index - plain_start
        before = [piece for piece in self.pieces if piece[0] <= plain_index]
        if not before:
            return plain_index
        plain_start, original_start, length = before[-1]
        return original_start + min(plain_index - plain_start, length)


def parse_data(raw: str) -> AnnotatedText:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise RequestError("data", f"'data' is not valid JSON: {exc.msg} at character {exc.pos}") from None
    parts = data.get("annotation") if isinstance(data, dict) else None
    if not isinstance(parts, list):
        raise RequestError("data", "'data' must be an object with an 'annotation' list")
    original: list[str] = []
    plain: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    o = p = 0
    for i, part in enumerate(parts):
        if not isinstance(part, dict):
            raise RequestError("data", f"annotation[{i}] must be an object with 'text' or 'markup'")
        if isinstance(part.get("text"), str):
            text = part["text"]
            pieces.append((p, o, len(text)))
            original.append(text)
            plain.append(text)
            o += len(text)
            p += len(text)
        elif isinstance(part.get("markup"), str):
            markup = part["markup"]
            interpret = part.get("interpretAs", "")
            if not isinstance(interpret, str):
                raise RequestError("data", f"annotation[{i}].interpretAs must be a string")
            original.append(markup)
            plain.append(interpret)
            pieces.append((p, o, 0))
            o += len(markup)
            p += len(interpret)
        else:
            raise RequestError("data", f"annotation[{i}] must have a string 'text' or 'markup'")
    return AnnotatedText("".join(original), "".join(plain), pieces)


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(mark, 0, start) for mark in (". ", "? ", "! ", "\n"))
    left = 0 if left < 0 else left + 1
    rights = [i for i in (text.find(mark, end) for mark in (". ", "? ", "! ", "\n")) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip()


def match(finding: Finding, text: str, rules: Mapping[str, Rule],
          original: AnnotatedText | None = None) -> dict[str, Any]:
    """One finding as a LanguageTool match; ``text`` is what was linted."""
    start, end = finding.offset, finding.offset + finding.length
    if original is not None:
        shown = original.original
        start, end = original.to_original(start), original.to_original(end, end=True)
    else:
        shown = text
    ctx_start = max(0, start - CONTEXT_CHARS)
    ctx_end = min(len(shown), end + CONTEXT_CHARS)
    context = shown[ctx_start:ctx_end]
    rule = rules.get(finding.rule)
    description = (rule.summary if rule else "") or finding.name
    return {
        "message": finding.message,
        "shortMessage": finding.name.replace("-", " "),
        "replacements": [{"value": r} for r in finding.replacements],
        "offset": utf16_offset(shown, start),
        "length": utf16_offset(shown, end) - utf16_offset(shown, start),
        "context": {
            "text": context,
            "offset": utf16_offset(context, start - ctx_start),
            "length": utf16_offset(context, end - ctx_start) - utf16_offset(context, start - ctx_start),
        },
        "sentence": _sentence(shown, start, end),
        "type": {"typeName": "Other"},
        "rule": {
            "id": finding.rule,
            "subId": finding.name,
            "description": description,
            "issueType": ISSUE_TYPES.get(finding.category, "uncategorized"),
            "category": {"id": finding.category.upper(), "name": finding.category.capitalize()},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def response(findings: Sequence[Finding], text: str, language: dict[str, Any], rules: Mapping[str, Rule],
             original: AnnotatedText | None = None) -> dict[str, Any]:
    return {
        "software": {
            "name": "newslint", "version": __version__, "buildDate": None, "apiVersion": 1,
            "premium": False, "status": "",
        },
        "warnings": {"incompleteResults": False},
        "language": {
            "name": language["name"], "code": language["longCode"],
            "detectedLanguage": {"name": language["name"], "code": language["longCode"], "confidence": 1.0},
        },
        "matches": [match(f, text, rules, original) for f in findings],
    }


def selectors(values: Mapping[str, str]) -> tuple[tuple[str, ...] | None, tuple[str, ...], tuple[str, ...]]:
    """(select, extend, ignore) from LanguageTool's enabled/disabled rule and category lists.

    Categories are accepted as LanguageTool writes them (``GRAMMAR``) or as newslint does.
    ``enabledOnly=true`` runs only what is enabled; otherwise enabled rules are added to the
    default set.
    """
    def split(name: str, lower: bool = False) -> tuple[str, ...]:
        items = tuple(v.strip() for v in values.get(name, "").split(",") if v.strip())
        return tuple(v.lower() for v in items) if lower else items

    enabled = split("enabledRules") + split("enabledCategories", lower=True)
    disabled = split("disabledRules") + split("disabledCategories", lower=True)
    only = values.get("enabledOnly", "false").strip().lower() == "true"
    if only and not enabled:
        raise RequestError("enabledOnly", "enabledOnly=true needs enabledRules or enabledCategories")
    return (enabled if only else None), (() if only else enabled), disabled
