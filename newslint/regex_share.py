"""Big pack patterns that repeat the same word list many times, rewritten so that `regex`
parses each list once.

The furniture vocabulary expands ``{outlets}``-style references into every pattern that
uses them, so one class's pattern can hold the same 1,500-character word list eighty
times (128,000 characters), and `regex` parses patterns in Python: about a second per
fresh process. Here a repeated *literal group* — ``(?i:...)``, ``(?-i:...)`` or, where
no scoped flag is in force, ``(?:...)``, holding only literal characters, escaped
punctuation, ``\\s``, ``\\d``, ``\\w``, quantifiers, ``|`` and such groups — is defined
once in a ``(?(DEFINE)...)`` group at the end and called where it stood (``(?&name)``).
A called group matches and backtracks as the group written in place (`regex` does not
make calls atomic), and such a group holds nothing that depends on scoped flags, on
capture groups or on direction, so what the pattern matches is unchanged (tested
against the inline form). The helper groups capture nothing;
:class:`newslint.safe_regex.SafePattern` hides them from ``groups`` and ``groupindex``.

Calls make matching slower (`regex` cannot look into a called group to skip positions):
a pattern is rewritten only when that removes at least MIN_SAVING characters, never
when it has scoped flags other than ``i``, a repeat inside a look-behind, group calls
or conditionals of its own; and :class:`newslint.safe_regex.SharedPattern` compiles
the pattern as written once it has been used often (a run over many documents).
"""
from __future__ import annotations

import re
from typing import Any

#: A group shorter than this is left in place (a call is not worth it).
MIN_GROUP = 150
#: A pattern is rewritten only when sharing removes this many characters from its source.
MIN_SAVING = 3_000
#: Names of the helper groups (a pattern that already uses the prefix is left alone).
PREFIX = "_nl_shared"

_FLAG_GROUP = re.compile(r"\(\?([a-zA-Z^-]+)[:)]")
_OWN_CALLS = re.compile(r"\(\?(?:\(|&|P>|R\)|[+-]?\d)|\\g<")
_SIMPLE_ESCAPES = frozenset("sdwSDW")
_CASE_OPENERS = ("(?i:", "(?-i:")
_BEHIND_OPENERS = ("(?<=", "(?<!")


def literal_groups(source: str) -> list[tuple[int, int]] | None:
    """Spans of the literal groups of ``source`` that may be moved to the pattern's end:
    outside any look-behind, and a plain ``(?:...)`` only where no scoped flag is in force.
    None when the source is not read here (an unclosed bracket, a nested set)."""
    found: list[tuple[int, int]] = []
    stack: list[list[Any]] = []  # [start, kind, still literal]
    i, n = 0, len(source)

    def spoil() -> None:
        if stack:
            stack[-1][2] = False

    while i < n:
        c = source[i]
        if c == "\\":
            if i + 1 >= n:
                return None
            if source[i + 1].isalnum() and source[i + 1] not in _SIMPLE_ESCAPES:
                spoil()
            i += 2
        elif c == "[":
            spoil()
            j = i + 1
            if source.startswith("^", j):
                j += 1
            if source.startswith("]", j):
                j += 1
            while j < n and source[j] != "]":
                if source[j] == "[":
                    return None  # a nested set (V1): not read here
                j += 2 if source[j] == "\\" else 1
            if j >= n:
                return None
            i = j + 1
        elif c == "(":
            if source.startswith(_CASE_OPENERS, i):
                kind, skip = "case", source.index(":", i) + 1 - i
            elif source.startswith("(?:", i):
                kind, skip = "plain", 3
            else:
                kind, skip = ("behind" if source.startswith(_BEHIND_OPENERS, i) else "other"), 1
                spoil()
            stack.append([i, kind, kind in ("case", "plain")])
            i += skip
        elif c == ")":
            if not stack:
                return None
            start, kind, literal = stack.pop()
            if not literal:
                spoil()
            elif kind == "case" and all(k != "behind" for _, k, _ in stack):
                found.append((start, i + 1))
            elif kind == "plain" and all(k in ("plain", "other") for _, k, _ in stack):
                found.append((start, i + 1))
            i += 1
        else:
            if c in ".^$#{}" or (c.isspace() and c != " "):
                spoil()
            i += 1
    return None if stack else found


def share_repeats(source: str) -> tuple[str, int]:
    """``source`` with its repeated literal groups defined once, and the number of helper
    groups added (0: returned unchanged)."""
    if len(source) < MIN_SAVING or PREFIX in source or _OWN_CALLS.search(source):
        return source, 0
    if any(set(flags) - {"i", "-"} for flags in _FLAG_GROUP.findall(source)):
        return source, 0
    spans = literal_groups(source)
    if not spans:
        return source, 0
    counts: dict[str, int] = {}
    for start, end in spans:
        text = source[start:end]
        if len(text) >= MIN_GROUP:
            counts[text] = counts.get(text, 0) + 1
    repeated = [text for text, count in counts.items() if count > 1]
    if sum(len(t) * (counts[t] - 1) for t in repeated) < MIN_SAVING:
        return source, 0
    names = {text: f"{PREFIX}{k}" for k, text in enumerate(repeated)}
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):  # an outer group first; what it holds goes with it
        name = names.get(source[start:end])
        if name is not None and start >= pos:
            out.append(source[pos:start])
            out.append(f"(?&{name})")
            pos = end
    out.append(source[pos:])
    out.append("(?(DEFINE)" + "".join(f"(?P<{name}>{text})" for text, name in names.items()) + ")")
    shared = "".join(out)
    if len(source) - len(shared) < MIN_SAVING:
        return source, 0  # repeats nested in bigger ones: less saved than estimated
    return shared, len(names)
