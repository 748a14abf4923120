"""What the kinds that catch an article mixing two forms of one thing share (helper, not
a kind): the form the article uses most wins (ties: the form used first) and every use
of another form is reported, saying which lines use which.

Used by ``mixed-terms``, ``mixed-spelling`` (and ``house-spelling``'s mixed mode) and
``mixed-spelling-unlisted``; their messages may use {match}, {replacement},
{preferred}, {count}, {times}, {lines} and {match_lines}.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..records import Hit
from ..text_case import match_case
from .base import Context, RuleKind, format_lines, line_numbers

Span = tuple[int, int]


def times(count: int) -> str:
    """1 -> "once", 2 -> "twice", 3 -> "3 times"."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def majority(by_form: Mapping[str, list[Span]]) -> str:
    """The form used most; of equals, the one used first."""
    return max(by_form, key=lambda form: (len(by_form[form]), -by_form[form][0][0]))


def minority_hits(kind: RuleKind, ctx: Context, by_form: Mapping[str, list[Span]], *,
                  keep_case: bool = True, safe: bool = False, severity: str | None = None,
                  skip: Callable[[str, str], bool] | None = None, **values: Any) -> Iterator[Hit]:
    """A hit for every use of a form other than the majority's, in the order the forms were
    first used. The fix is the majority form (in the case of the word it replaces, with
    ``keep_case``); ``skip(form, majority)`` leaves a form alone; ``values`` fill the
    message's other placeholders."""
    if len(by_form) < 2:
        return
    preferred = majority(by_form)
    major = by_form[preferred]
    lines = format_lines(line_numbers(ctx, (s for s, _ in major)))
    for form, spans in by_form.items():
        if form == preferred or (skip is not None and skip(form, preferred)):
            continue
        match_lines = format_lines(line_numbers(ctx, (s for s, _ in spans)))
        for start, end in spans:
            word = ctx.text[start:end]
            replacement = match_case(word, preferred) if keep_case else preferred
            message = kind.format(match=word, replacement=replacement, preferred=preferred, count=len(major),
                                  times=times(len(major)), lines=lines, match_lines=match_lines, **values)
            yield Hit(start, end, message, replacements=[replacement], fix=replacement, safe=safe,
                      severity=severity)
