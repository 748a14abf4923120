"""Rule selectors (codes, prefixes, names, categories) checked against the rules that exist.

A mistyped selector must not silently run no rule (``--select plaecs``): on the command
line and in config it is an error naming the nearest valid selector; in a disable
comment of the copy it becomes a warning finding (NL799), since the copy is not config.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from .records import CATEGORIES, Finding, NewslintError, Rule

#: The finding for a disable comment that names no rule. Not a pack rule: it is about the
#: comment, which is markup that no rule kind sees; the runner adds it after the rules ran.
COMMENT_RULE = Rule(
    code="NL799", name="unknown-rule-in-comment", kind="(built in)", category="style", severity="warning",
    message="'{match}' in this newslint comment names no rule, so it silences nothing.",
    pack="built-in", pack_path="newslint/selectors.py",
    summary="A newslint-disable comment that names a rule code no pack defines (a typo silences nothing).",
    why="A mistyped code in <!-- newslint-disable NL2O1 --> leaves the finding it was meant to silence, "
        "or worse, makes an editor believe a rule was switched off on purpose when nothing was.",
    advice="Correct the code (newslint rules lists them), or delete the comment.",
    examples=("<!-- newslint-disable-next-line NL2O1 -->\nTalks in Kiev resumed.",),
    counterexamples=("<!-- newslint-disable-next-line NL201 -->\nTalks in Kiev resumed.",),
)
_COMMENT = re.compile(r"<!--\s*newslint-(?:disable-next-line|disable|enable)\b([^>]*?)-->", re.IGNORECASE)
_COMMENT_CODE = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def is_known(selector: str, rules: Sequence[Rule]) -> bool:
    sel = selector.strip()
    if sel.upper() == "ALL" or sel in CATEGORIES or is_comment_rule(sel):
        return True
    return any(rule.code.startswith(sel.upper()) or rule.name == sel for rule in rules)


def is_comment_rule(selector: str) -> bool:
    return COMMENT_RULE.code.startswith(selector.upper()) or selector == COMMENT_RULE.name


def nearest(selector: str, rules: Sequence[Rule]) -> str | None:
    """The valid selector closest in spelling (a category, a rule name or a code)."""
    sel = selector.strip()
    if sel[:2].upper() == "NL":  # a code: O for 0 and I or l for 1 are the usual slips
        code = "NL" + sel[2:].upper().replace("O", "0").replace("I", "1").replace("L", "1")
        codes = sorted({r.code for r in rules} | {COMMENT_RULE.code})
        exact = [c for c in codes if c.startswith(code)]
        found = exact[:1] or difflib.get_close_matches(code, codes, n=1, cutoff=0.6)
        return found[0] if found else None
    candidates = ["ALL", *CATEGORIES, *(r.name for r in rules), COMMENT_RULE.name]
    found = difflib.get_close_matches(sel, candidates, n=1, cutoff=0.6)
    return found[0] if found else None


def unknown_message(selector: str, where: str, rules: Sequence[Rule]) -> str:
    near = nearest(selector, rules)
    hint = f"; did you mean '{near}'?" if near else " (see newslint rules)"
    return f"{where}: unknown rule selector '{selector}'{hint}"


def check(selectors: Iterable[str] | None, where: str, rules: Sequence[Rule]) -> None:
    """Raise NewslintError (exit 2) for the first selector that matches no rule."""
    for selector in selectors or ():
        if not is_known(selector, rules):
            raise NewslintError(unknown_message(selector, where, rules))


def comment_findings(text: str, path: str, rules: Sequence[Rule], line_col: object) -> list[Finding]:
    """A warning for every code in a ``newslint-disable`` comment that names no rule.

    ``line_col`` maps an offset of ``text`` to (line, column), as Document.line_col does.
    """
    if "newslint-" not in text:
        return []
    codes = {r.code for r in rules}
    out: list[Finding] = []
    for match in _COMMENT.finditer(text):
        for code in _COMMENT_CODE.finditer(match.group(1)):
            word = code.group().upper()
            if any(c.startswith(word) for c in codes):
                continue
            start, end = match.start(1) + code.start(), match.start(1) + code.end()
            line, column = line_col(start)  # type: ignore[operator]
            end_line, end_column = line_col(end)  # type: ignore[operator]
            near = nearest(code.group(), rules)
            message = (f"'{code.group()}' in this newslint comment names no rule, so it silences nothing"
                       + (f"; did you mean '{near}'?" if near else "; see newslint rules"))
            out.append(Finding(
                path=path, line=line, column=column, end_line=end_line, end_column=end_column,
                offset=start, length=end - start, rule=COMMENT_RULE.code, name=COMMENT_RULE.name,
                category=COMMENT_RULE.category, severity=COMMENT_RULE.severity, message=message, match=code.group(),
                replacements=[near] if near else [], fix=None,
            ))
    return out
