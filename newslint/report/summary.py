"""A Markdown summary of a run, for GitHub's job summary (``$GITHUB_STEP_SUMMARY``).

Annotations are capped per step; the summary is not, so it is where a reviewer sees
the whole run at a glance: what was checked, what could not be read, what fired.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from .gitlab import report_path


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(results: Sequence[Any]) -> str:
    unread = [r for r in results if r.error]
    findings = [f for r in results for f in r.findings]
    checked = len(results) - len(unread)
    by_severity = Counter(f.severity for f in findings)
    lines = ["## newslint", ""]
    if unread:
        lines.append(f"**{len(unread)} file{'s' if len(unread) != 1 else ''} could not be read**: "
                     "the run is not clean until every file is read.")
    elif not findings:
        lines.append(f"All clear: {checked} file{'s' if checked != 1 else ''} checked.")
    lines += ["", "| files checked | could not be read | errors | warnings | info |",
              "| ---: | ---: | ---: | ---: | ---: |",
              f"| {checked} | {len(unread)} | {by_severity['error']} | {by_severity['warning']} "
              f"| {by_severity['info']} |", ""]
    if findings:
        rules = Counter((f.rule, f.name, f.category, f.severity) for f in findings)
        lines += ["| rule | name | category | severity | findings |", "| --- | --- | --- | --- | ---: |"]
        lines += [f"| {code} | `{name}` | {category} | {severity} | {n} |"
                  for (code, name, category, severity), n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))]
        lines.append("")
        per_file = Counter(report_path(f.path) for f in findings)
        lines += ["| file | findings |", "| --- | ---: |"]
        lines += [f"| {_cell(path)} | {n} |" for path, n in sorted(per_file.items(), key=lambda kv: (-kv[1], kv[0]))]
        lines.append("")
    if unread:
        lines += ["| file that could not be read | why |", "| --- | --- |"]
        lines += [f"| {_cell(report_path(r.path))} | {_cell(r.error)} |" for r in unread]
        lines.append("")
    return "\n".join(lines) + "\n"


def write(results: Sequence[Any], stream: TextIO, **_: Any) -> None:
    stream.write(markdown(results))
