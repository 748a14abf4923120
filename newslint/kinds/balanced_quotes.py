"""``balanced-quotes``: a quotation opened in a paragraph and never closed (or closed
without being opened).

Double quotes (straight and curly) are paired exactly. Single quotes are judged only
where they cannot be apostrophes: an opening ‘ (or a straight ' after a space) with no
possible closing mark after it in the paragraph. Apostrophes in words (Zelensky’s),
elisions (’90s, rock ’n’ roll) and plural possessives (the allies’ ...) are never
treated as quotes. Newspaper convention lets a quotation run over several
paragraphs: a paragraph may end inside a quote when the next one opens with a quote
mark. Inch marks after figures (a 12" pipe) are not quotes.

Pack fields: ``singles`` (default true: also check single quotes), ``elisions``
(words an apostrophe may open: 'em, 'til, 'n', ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from ..prefilter import doc_view
from ..records import Hit
from .base import Context, RuleKind, as_str_list

OPEN_DOUBLE = "“„"
CLOSE_DOUBLE = "”"
OPEN_SINGLE = "‘"
_TERMINAL = tuple('.!?:;"”’)]…')
_WORD = regex.compile(r"\w")
_DOUBLE_MARKS = re.compile('[“„”"`]')
_SINGLE_MARKS = re.compile("['‘’]")


@dataclass
class MarkHit(Hit):
    """A hit on one mark, knowing whether the mark opens (and is left open) or closes."""

    opens: bool = True


def mark_hit(kind: RuleKind, text: str, pos: int, problem: str, opens: bool) -> MarkHit:
    return MarkHit(pos, pos + 1, kind.format(match=text[pos], problem=problem), opens=opens)


NEVER_OPENED = "closes a quotation that was never opened"
QUOTE_OPENERS = ('"', "“", "„", "‘", "'", "`")

#: A check over one span: (start, end, continued, carried) -> (hits, ends inside a quotation).
SpanCheck = Callable[[int, int, bool, bool], tuple[list[Hit], bool]]


def units(ctx: Context) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Paragraphs of the prose (blank-line separated), each with its segments.

    Pasted web copy often has one paragraph per line with no blank lines between, so
    a paragraph is also cut into segments at line ends that close a sentence (the
    next line starts with a capital or a quote mark). Hard-wrapped lines are joined.
    Found once per text: the quote and bracket rules share them.
    """
    memo = doc_view(ctx.text).memo
    found = memo.get("units")
    if found is None:
        found = memo["units"] = _units(ctx)
    return found


def _units(ctx: Context) -> list[tuple[int, int, list[tuple[int, int]]]]:
    text = ctx.text
    found = []
    for start, end in ctx.doc.paragraphs():
        lines = [(s, e) for s, e in _lines(text, start, end) if text[s:e].strip()]
        segments: list[tuple[int, int]] = []
        for s, e in lines:
            line = text[s:e].strip()
            if segments and not (
                text[segments[-1][0] : segments[-1][1]].rstrip().endswith(_TERMINAL)
                and not line[:1].islower()
            ):
                segments[-1] = (segments[-1][0], e)
            else:
                segments.append((s, e))
        found.append((start, end, segments or [(start, end)]))
    return found


def judge(
    text: str, paragraphs: list[tuple[int, int, list[tuple[int, int]]]], check: SpanCheck
) -> Iterator[Hit]:
    """Run ``check`` per paragraph; where a paragraph is unbalanced, pin the problem to
    its segments (lines) if they tell more, else report the paragraph's own hits."""
    carried = False
    for index, (start, end, segments) in enumerate(paragraphs):
        following = _first_char(text, *paragraphs[index + 1][:2]) if index + 1 < len(paragraphs) else ""
        continued = following in QUOTE_OPENERS
        hits, still_open = check(start, end, continued, carried)
        if hits:
            hits = list(excerpt_filter(text, start, end, hits))
        carried = still_open or (carried and not hits and not _closes_any(text, start, end))
        if not hits:
            continue
        if len(segments) > 1:
            pinned: list[Hit] = []
            for j, (s, e) in enumerate(segments):
                nxt = _first_char(text, *segments[j + 1]) if j + 1 < len(segments) else following
                seg_hits, _ = check(s, e, nxt in QUOTE_OPENERS, False)
                pinned.extend(excerpt_filter(text, s, e, seg_hits))
            if pinned:
                hits = pinned
        yield from hits


_NON_SPACE = re.compile(r"\S")


def _first_char(text: str, start: int, end: int) -> str:
    """The first character of ``text[start:end].lstrip()`` ("" if none), without the copy."""
    match = _NON_SPACE.search(text, start, end)
    return match.group() if match else ""


def excerpt_filter(text: str, start: int, end: int, hits: Iterable[Hit]) -> Iterator[Hit]:
    """Drop what an excerpt explains: a paragraph cut off with an ellipsis may leave a
    mark open; one that starts with an ellipsis may close a mark opened before the cut."""
    chunk = text[start:end].strip()
    cut_end = chunk.endswith(("...", "…"))
    cut_start = chunk.startswith(("...", "…"))
    for hit in hits:
        opens = getattr(hit, "opens", True)
        if opens and cut_end or not opens and cut_start:
            continue
        yield hit


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        if stop < 0:
            stop = end
        yield pos, stop
        pos = stop + 1


def _is_letter(ch: str) -> bool:
    return bool(ch) and bool(_WORD.match(ch))


class Kind(RuleKind):
    fields = {"singles": bool, "elisions": list}

    def configure(self, spec: dict[str, Any]) -> None:
        self.singles = bool(spec.get("singles", True))
        elisions = as_str_list(spec.get("elisions", []), "elisions")
        self.elisions = {e.lower().strip("'’") for e in elisions}

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        # (a text without the marks has nothing to judge: every paragraph would be quiet)
        doubles = _DOUBLE_MARKS.search(text) is not None
        singles = self.singles and _SINGLE_MARKS.search(text) is not None
        if not (doubles or singles):
            return
        paragraphs = units(ctx)
        if doubles:
            yield from judge(
                text, paragraphs, lambda s, e, cont, carried: self._doubles(text, s, e, cont, carried)
            )
        if singles:
            yield from judge(
                text, paragraphs, lambda s, e, cont, carried: (list(self._singles(text, s, e, cont)), False)
            )

    # ----- double quotes --------------------------------------------------------------
    def _doubles(
        self, text: str, start: int, end: int, continued: bool, carried: bool
    ) -> tuple[list[Hit], bool]:
        """Hits for one paragraph, and whether it ends inside a quotation."""
        hits: list[Hit] = []
        stack: list[int] = []
        for mark in _DOUBLE_MARKS.finditer(text, start, end):  # other characters change nothing
            pos = mark.start()
            ch = text[pos]
            if ch in OPEN_DOUBLE or text.startswith("``", pos):  # `` opens in TeX-style copy
                if stack and text[stack[-1]] in OPEN_DOUBLE and _new_paragraph(text, pos, start, end):
                    stack[-1] = pos  # a quoted paragraph break run into one paragraph
                else:
                    stack.append(pos)
            elif ch == "`" and pos > start and text[pos - 1] == "`":
                continue
            elif ch == CLOSE_DOUBLE:
                if stack:
                    stack.pop()
                elif carried:
                    carried = False  # closes a quotation from an earlier paragraph
                else:
                    hits.append(self._hit(text, pos, NEVER_OPENED, opens=False))
            elif ch == '"':
                if not stack and pos > start and text[pos - 1].isdigit() and not _opens(text, pos, end):
                    continue  # 12" (inches)
                if stack and _new_paragraph(text, pos, start, end):
                    stack[-1] = pos  # a quoted paragraph break run into one paragraph
                elif stack and (_closes(text, pos, start) or not _opens(text, pos, end)):
                    stack.pop()
                elif not stack and _closes(text, pos, start) and not _opens(text, pos, end):
                    if carried:
                        carried = False  # closes a quotation from an earlier paragraph
                    elif pos > start:
                        hits.append(self._hit(text, pos, NEVER_OPENED, opens=False))
                else:
                    stack.append(pos)
        if stack and not (continued and len(stack) == 1):
            hits.append(self._hit(text, stack[0], "opens a quotation that is never closed"))
        return hits, bool(stack)

    def _hit(self, text: str, pos: int, problem: str, opens: bool = True) -> Hit:
        return mark_hit(self, text, pos, problem, opens)

    # ----- single quotes --------------------------------------------------------------
    def _singles(self, text: str, start: int, end: int, continued: bool) -> Iterator[Hit]:
        opening: list[int] = []
        closers: list[int] = []
        for mark in _SINGLE_MARKS.finditer(text, start, end):
            pos = mark.start()
            ch = text[pos]
            before = text[pos - 1] if pos > start else " "
            after = text[pos + 1] if pos + 1 < end else " "
            if _is_letter(before) and _is_letter(after):
                continue  # Zelensky’s, don't
            if ch == OPEN_SINGLE or (ch == "'" and not _is_letter(before) and before not in ".,!?;:"):
                if self._elision(text, pos + 1, end) or after.isspace():
                    continue
                opening.append(pos)
            elif not _is_letter(after):
                closers.append(pos)  # a closing quote or a plural possessive
        for pos in opening:
            if not any(c > pos for c in closers) and not continued:
                yield self._hit(text, pos, "opens a quotation that is never closed")

    def _elision(self, text: str, pos: int, end: int) -> bool:
        """’90s, 'em, ’n’: an apostrophe standing for left-out letters."""
        word = regex.match(r"\w+", text[pos:end])
        if word is None:
            return False
        token = word.group().lower()
        if token[:1].isdigit():  # ’90s, '771 (a drug's code name)
            return True
        return token in self.elisions


def _closes_any(text: str, start: int, end: int) -> bool:
    return text.find('"', start, end) >= 0 or text.find(CLOSE_DOUBLE, start, end) >= 0


def _new_paragraph(text: str, pos: int, start: int, end: int) -> bool:
    """A straight quote opening a sentence right after a sentence ended with no closing
    mark: in copy whose paragraphs were run together, the paragraph break of a quotation
    that goes on ('... goal-kicking. "He will ...')."""
    return pos - 2 >= start and text[pos - 1] == " " and text[pos - 2] in ".?!…" and _opens(text, pos, end)


def _opens(text: str, pos: int, end: int) -> bool:
    """A straight quote that starts something: a word or a mark follows it directly."""
    after = text[pos + 1] if pos + 1 < end else " "
    return not after.isspace() and after not in ".,;:!?)]"


def _closes(text: str, pos: int, start: int) -> bool:
    """A straight quote that ends something: it follows a word or punctuation directly."""
    before = text[pos - 1] if pos > start else " "
    return not before.isspace() and before not in "([{—–"
