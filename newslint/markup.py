"""Find what is not prose in Markdown and HTML, as ranges of the original text.

Block structure comes from markdown-it-py (its tokens carry source line maps);
inline markup on prose lines is recognised with patterns, because markdown-it's
inline tokens carry no positions. Skipped ranges are dropped from the prose;
"fillers" (inline code, bare URLs) are blanked but keep their length so the
sentence around them still reads as one.
"""
from __future__ import annotations

import re

from .document import _merge, _within

_NEWLINE = re.compile(r"\r\n|\r|\n")

# Inline Markdown, applied to prose lines only.
_INLINE_SKIPS = [
    re.compile(r"<!--.*?-->", re.DOTALL),                       # HTML comments
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),                    # images, whole
    re.compile(r"!\[[^\]\n]*\]\[[^\]\n]*\]"),                   # reference images
    re.compile(r"\]\((?:[^()\n]|\([^()\n]*\))*\)"),             # link targets  ](url "title")
    re.compile(r"\]\[[^\]\n]*\]"),                              # reference link labels ][ref]
    re.compile(r"(?<!\\)\[(?=[^\]\n]*\][(\[])"),                 # the [ that opens a link
    re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>"),             # autolinks
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),     # inline HTML tags
    re.compile(r"(?m)^[ \t]{0,3}#{1,6}(?=[ \t]|$)[ \t]*"),      # ATX heading marker
    re.compile(r"(?m)[ \t]+#+[ \t]*$"),                         # closing ATX hashes
    re.compile(r"(?m)^(?:[ \t]*>[ \t]?)+"),                     # blockquote markers
    re.compile(r"(?m)^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?"),  # list markers
    re.compile(r"(?m)^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$"),         # table edges
    re.compile(r"(?<![\w*])\*{1,3}(?=[^\s*])|(?<=[^\s*])\*{1,3}(?![\w*])"),  # *emphasis*
    re.compile(r"(?<![\w_])_{1,3}(?=[^\s_])|(?<=[^\s_])_{1,3}(?![\w_])"),    # _emphasis_
    re.compile(r"~~"),                                          # strikethrough
    re.compile(r"\\(?=[!-/:-@\[-`{-~])"),                        # backslash escapes
]
_INLINE_FILLERS = [
    re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL),        # inline code
    re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]"),  # bare URLs
]
_SETEXT_OR_RULE = re.compile(r"^[ \t]{0,3}(?:=+|-+|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})[ \t]*$")


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _NEWLINE.finditer(text)]


def markdown_skips(text: str, body_start: int = 0) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Ranges of ``text`` (from ``body_start``) that are not prose, and inline fillers."""
    from markdown_it import MarkdownIt

    body = text[body_start:]
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    tokens = md.parse(body)
    starts = _line_starts(text)
    first_line = len(_line_starts(text[:body_start])) - 1 if body_start else 0
    n_lines = len(starts)

    def line_span(first: int, last: int) -> tuple[int, int]:
        a = starts[min(first_line + first, n_lines - 1)]
        b = starts[first_line + last] if first_line + last < n_lines else len(text)
        return a, b

    prose_lines: set[int] = set()
    for token in tokens:
        if token.type == "inline" and token.map:
            prose_lines.update(range(token.map[0], token.map[1]))

    skips: list[tuple[int, int]] = []
    fillers: list[tuple[int, int]] = []
    body_lines = n_lines - first_line
    for index in range(body_lines):
        start, end = line_span(index, index + 1)
        line = text[start:end]
        if not line.strip():
            continue
        if index not in prose_lines or _SETEXT_OR_RULE.match(line.rstrip("\r\n")):
            skips.append((start, end))

    # Inline markup on prose lines, by contiguous runs of prose lines.
    for run_start, run_end in _runs(sorted(prose_lines)):
        a, b = line_span(run_start, run_end)
        chunk = text[a:b]
        code: list[tuple[int, int]] = []
        for pattern in _INLINE_FILLERS:
            code += [m.span() for m in pattern.finditer(chunk)]
        fillers += [(a + s, a + e) for s, e in code]
        code = _merge(code)  # this run's fillers only, searched by bisection: linear in file size
        code_starts = [s for s, _ in code]
        for pattern in _INLINE_SKIPS:
            for m in pattern.finditer(chunk):
                if m.end() > m.start() and not _within(code, code_starts, m.start(), m.start() + 1):
                    skips.append((a + m.start(), a + m.end()))
    return skips, fillers


def _runs(lines: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for line in lines:
        if runs and runs[-1][1] == line:
            runs[-1] = (runs[-1][0], line + 1)
        else:
            runs.append((line, line + 1))
    return runs


_HTML_DROP = [
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"<(script|style|pre|code)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE),
    re.compile(r"<!DOCTYPE[^>]*>", re.IGNORECASE),
    re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>"),
]


def html_skips(text: str) -> list[tuple[int, int]]:
    """Tags, comments, scripts, styles and code in an HTML file."""
    skips: list[tuple[int, int]] = []
    for pattern in _HTML_DROP:
        skips += [m.span() for m in pattern.finditer(text)]
    return skips
