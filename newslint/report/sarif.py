"""SARIF 2.1.0 (``--format sarif``) for GitHub code scanning and other CI dashboards.

One run. ``tool.driver.rules`` lists every rule of the configurations used (plus any
rule that fired without being listed), each with help text from the pack and its
default level. Regions use the JSON report's lines and columns, which count Unicode
code points: the run says so with ``columnKind``. Safe fixes become SARIF fixes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from .gitlab import fingerprints, report_path
from .paths import printable, uri_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/newslint/newslint"
#: Per-rule documentation pages (docs/rules/NLxxx.md, generated from the packs by newslint.docs).
DOCS_URI = INFO_URI + "/blob/main/docs/rules/{code}.md"


@lru_cache(maxsize=1)
def _bundled() -> frozenset[str]:
    from ..resources import bundled_packs

    return frozenset(str(p) for p in bundled_packs())


def help_uri(rule: Any) -> str:
    """The rule's documentation page: the bundled docs, or the newsroom pack file that declares it."""
    pack_path = getattr(rule, "pack_path", "")
    if pack_path and pack_path not in _bundled() and os.path.isabs(pack_path):
        return Path(pack_path).as_uri()
    code = getattr(rule, "code", None) or rule.rule
    return DOCS_URI.format(code=code)
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> dict[str, str]:
    """A relative path stays relative (to %SRCROOT%); an absolute one becomes a file: URI."""
    if path == "-":
        return {"uri": "stdin"}
    shown = report_path(path, printable=False)
    if os.path.isabs(shown):
        return {"uri": "file://" + uri_path(shown)}
    return {"uri": uri_path(shown), "uriBaseId": "%SRCROOT%"}


def catalogue(results: Sequence[Any], session: Any = None) -> list[Any]:
    """The rules to describe: those of each file's configuration, else the bundled packs."""
    from ..packs import load_packs

    pack_sets: set[tuple[str, ...]] = set()
    if session is not None:
        for result in results:
            try:
                pack_sets.add(tuple(session.config_for(result.path).packs))
            except Exception:  # noqa: BLE001 - a report must not fail over a config it already used
                continue
    pack_sets = pack_sets or {()}
    rules: dict[str, Any] = {}
    for packs in sorted(pack_sets):
        for pack in load_packs(list(packs)):
            for rule in pack.rules:
                rules.setdefault(rule.code, rule)
    return [rules[code] for code in sorted(rules)]


def rule_descriptor(rule: Any) -> dict[str, Any]:
    summary = (rule.summary or rule.message).strip()
    parts = [p.strip() for p in (rule.summary, rule.why, rule.advice) if p and p.strip()]
    markdown = []
    if rule.summary:
        markdown.append(rule.summary.strip())
    if rule.why:
        markdown.append(f"**Why:** {rule.why.strip()}")
    if rule.advice:
        markdown.append(f"**What to do:** {rule.advice.strip()}")
    if rule.examples:
        markdown.append(f"**Flagged:** {rule.examples[0].strip()}")
    if rule.counterexamples:
        markdown.append(f"**Left alone:** {rule.counterexamples[0].strip()}")
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "helpUri": help_uri(rule),
        "shortDescription": {"text": summary.splitlines()[0] if summary else rule.name},
        "fullDescription": {"text": " ".join(parts) or rule.name},
        "help": {"text": "\n\n".join(parts) or rule.name, "markdown": "\n\n".join(markdown) or rule.name},
        "defaultConfiguration": {"level": LEVEL.get(rule.severity, "warning")},
        "properties": {
            "category": rule.category,
            "kind": rule.kind,
            "pack": rule.pack,
            "tags": ["newslint", rule.category],
        },
    }
    return descriptor


def _bare_descriptor(finding: Any) -> dict[str, Any]:
    return {
        "id": finding.rule,
        "name": finding.name,
        "helpUri": DOCS_URI.format(code=finding.rule),
        "shortDescription": {"text": finding.name},
        "help": {"text": finding.name},
        "defaultConfiguration": {"level": LEVEL.get(finding.severity, "warning")},
        "properties": {"category": finding.category, "tags": ["newslint", finding.category]},
    }


def region(f: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }
    if f.match:
        out["snippet"] = {"text": f.match}
    return out


def result_of(f: Any, index: int, fingerprint: str) -> dict[str, Any]:
    message = f.message
    if f.replacements and "'" + f.replacements[0] + "'" not in message:
        message += f" (suggest: {', '.join(f.replacements)})"
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVEL.get(f.severity, "warning"),
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(f.path), "region": region(f)}}],
        "partialFingerprints": {"newslint/v1": fingerprint},
        "properties": {"category": f.category, "name": f.name, "match": f.match},
    }
    if f.fix is not None and f.fix.safe:
        deleted = {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
        }
        out["fixes"] = [
            {
                "description": {"text": f"Replace '{f.match}' with '{f.fix.replacement}'"},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact_uri(f.path),
                        "replacements": [
                            {"deletedRegion": deleted, "insertedContent": {"text": f.fix.replacement}}
                        ],
                    }
                ],
            }
        ]
    return out


def report(results: Sequence[Any], session: Any = None, rules: Iterable[Any] | None = None) -> dict[str, Any]:
    listed = list(rules) if rules is not None else catalogue(results, session)
    descriptors = [rule_descriptor(r) for r in listed]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    sarif_results = []
    notifications = []
    for result in results:
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{printable(result.path)}: {result.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(result.path)}}],
                }
            )
        for f, fingerprint in zip(result.findings, fingerprints(result.findings), strict=True):
            if f.rule not in index:
                index[f.rule] = len(descriptors)
                descriptors.append(_bare_descriptor(f))
            sarif_results.append(result_of(f, index[f.rule], fingerprint))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "newslint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFO_URI,
                "rules": descriptors,
            }
        },
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        # Unread input makes the run unsuccessful (exit status 2), as Contract 2 says.
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "results": sarif_results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def write(results: Sequence[Any], stream: TextIO, *, session: Any = None, **_: Any) -> None:
    json.dump(report(results, session), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
