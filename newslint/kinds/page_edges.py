"""The edges of a pasted page: what sits above the headline and below the story.

A web page frames the story with its masthead and section labels above the headline
("World News", "UK Politics", "Middle East", "Chicago Tribune"), its slogan near the
masthead or in the footer ("Democracy Dies in Darkness", "Sky News - First for Breaking
News") and its tag list below the last paragraph ("Related topics" / "Israel-Gaza war" /
"Humanitarian aid"). Such lines read like names or headlines, so their words alone do
not tell them; their place does. This module finds, for one furniture class:

* **kicker**: a short line above the headline made of section words and place names
  (``section-words``, a country from the knowledge base or ``section-places``), or one
  that ends in a masthead word ("Tribune", "Times", "News"); below the last paragraph,
  such a line of its own;
* **edge lines**: lines above the first paragraph (not the headline, the longest line
  there) or below the last one that a class's ``edge-lines`` patterns match (slogans);
* **tags**: below the last paragraph, the short lines after a tag label (``tag-labels``:
  "Related topics", "More on this story") and a tight block of at least ``tag-block-lines``
  short labels with no sentence, figure or byline among them.

A paragraph of prose is a line of ``zone-prose-words`` words or more that ends a sentence
and that no other class takes for furniture; with no prose there are no edges, so a line
linted on its own is never taken for a label.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import regex

_WORD = regex.compile(r"\S+")
_LABEL_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’.\-]*|&")
_DIGIT = regex.compile(r"\d")
_YEAR = regex.compile(r"^(?:19|20)\d\d\b|\b(?:19|20)\d\d$")
_JOINERS = frozenset({"&", "and", "of", "the"})
_MASTHEAD_MARK = regex.compile(r"[ \t][-–—|][ \t]|\b(?:1[5-9]|20)\d\d\b")
_SMALL = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "-", "–", "—", "|"})
_BYLINE = regex.compile(r"(?i:by)(?:\p{Lu}|[ \t]*:|[ \t]+\p{Lu})")


def _title_case(line: str) -> bool:
    """Every word capitalised but the small ones ("Democracy Dies in Darkness")."""
    words = line.split()
    return bool(words) and all(w[:1].isupper() or w.lower() in _SMALL for w in words)

Line = tuple[int, int]


def line_body(text: str, line: Line) -> tuple[int, str]:
    """A line's text without its surrounding blanks, and where that text starts."""
    raw = text[line[0]:line[1]]
    return line[0] + len(raw) - len(raw.lstrip()), raw.strip()


def is_story_line(text: str, line: Line, cls: Any, shape: Any, is_furniture: Callable[[Line], bool]) -> bool:
    """A line of the story itself: long enough, ending as a sentence ends, and no furniture
    (what the page's edges are measured from)."""
    body = line_body(text, line)[1]
    return (len(_WORD.findall(body)) >= cls.zone_prose_words
            and shape.sentence_end.search(body) is not None and not is_furniture(line))


def edge_spans(text: str, lines: list[Line], cls: Any, words: dict[str, tuple[str, ...]], shape: Any,
               is_furniture: Callable[[Line], bool], match: Callable[[Any, str, str], Any],
               mastheads: tuple[Any, ...] = ()) -> Iterator[Line]:
    """Spans of this class's furniture at the page's edges (see the module's docstring).
    ``lines`` are the document's non-blank prose lines in order; blocks are told apart by
    the blank lines between them (``text`` between two lines holds a second newline).
    ``mastheads`` are the slogan patterns of every class: a first line they match is not the
    headline when another line can be."""

    def body(line: Line) -> tuple[int, str]:
        return line_body(text, line)

    prose = [i for i, line in enumerate(lines) if is_story_line(text, line, cls, shape, is_furniture)]
    if not prose:
        return
    header = lines[:prose[0]]
    footer = lines[prose[-1] + 1:]
    found: set[Line] = set()
    # the headline: the first line above the story of four words or more that is not other
    # furniture (a time stamp) and, on the page's first line, not the masthead's slogan
    def masthead(i: int, line: Line) -> bool:
        """A motto on the page's first line; one of four words or more only with a masthead's
        dash or a founding year ("The Hindu - Since 1878"): a headline may use a motto's words."""
        b = body(line)[1]
        return (i == 0 and (len(_WORD.findall(b)) < 4 or _MASTHEAD_MARK.search(b) is not None)
                and any(match(p, b, "fullmatch") is not None for p in mastheads))

    headline = next((line for i, line in enumerate(header) if len(_WORD.findall(body(line)[1])) >= 4
                     and not is_furniture(line) and not masthead(i, line)
                     and not _BYLINE.match(body(line)[1])), header[0] if header else None)
    if cls.kicker_words:
        for line in header:
            if line == headline:
                break
            if _is_kicker(body(line)[1], cls, words, shape):
                found.add(line)
        # and a section label on a line of its own below the story ("World News", "Europe")
        found.update(line for line in footer if not is_furniture(line)
                     and _is_kicker(body(line)[1], cls, words, shape))
    if cls.edge_lines is not None:
        # above the story only the masthead's first line and the lines under the headline
        below = header[header.index(headline) + 1:] if headline in header else []
        for line in [*header[:1], *below, *footer]:
            b = body(line)[1]
            if line == headline or (line in below and (not _title_case(b) or len(_WORD.findall(b)) < 4)):
                continue  # under the headline a motto is in title case; a standfirst is not, and
                # three words there are the byline's agency ("Express News Service")
            if match(cls.edge_lines, b, "fullmatch") is not None:
                found.add(line)
    if cls.tag_labels is not None or cls.tag_block_lines:
        def other(line: Line) -> bool:  # furniture of any class, slogans too
            return is_furniture(line) or any(match(p, body(line)[1], "fullmatch") is not None for p in mastheads)

        found.update(_tags(text, footer, cls, shape, other, match, body))
    for line in sorted(found):
        start, b = body(line)
        yield start, start + len(b)


def _is_kicker(label: str, cls: Any, words: dict[str, tuple[str, ...]], shape: Any) -> bool:
    """A section label or a masthead: up to ``kicker-words`` words, no sentence, no figure,
    not a dateline in capitals; made of section words and places, or ending in a masthead
    word."""
    label = _YEAR.sub("", label).strip()  # "2024 Election"
    tokens = _LABEL_WORD.findall(label)
    if (not tokens or len(tokens) > cls.kicker_words or _DIGIT.search(label)
            or shape.sentence_end.search(label) or shape.opens_quote.match(label)
            or "".join(tokens) != regex.sub(r"[\s:,|/]", "", label)):
        return False
    if label.isupper() and len(label.replace(" ", "")) > 3:
        return False  # "LONDON", "KYIV, Ukraine": a dateline
    if not tokens[0][:1].isupper():
        return False
    vocab = _vocabulary(words)
    if tokens[-1].lower() in vocab["masthead-words"] and len(tokens) <= 3:
        return True
    rest = [t for t in tokens if t.lower() not in _JOINERS]
    if "-" in rest[0] and len(rest) <= 2 and all(_is_place(p, vocab["section-places"]) for p in rest[0].split("-")):
        rest = rest[1:] or ["News"]  # "Israel-Palestine conflict", "Israel-Gaza war"
    if _is_place(" ".join(rest), vocab["section-places"]):
        return True  # "South Africa", "Middle East", "Canada"
    rest = _strip_phrases(rest, vocab["section-words"])
    return not rest or _is_place(" ".join(rest), vocab["section-places"])


def _strip_phrases(tokens: list[str], phrases: frozenset[str]) -> list[str]:
    """The tokens left when the section words and phrases are taken out."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for size in (3, 2, 1):
            if " ".join(tokens[i:i + size]).lower() in phrases:
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _is_place(name: str, places: frozenset[str]) -> bool:
    if name.lower() in places:
        return True
    from ..knowledge.countries import load_countries  # only when a header holds a short label
    from ..resources import data_path

    countries = _countries(str(data_path("knowledge", "countries.toml")), load_countries)
    return countries.code(name) is not None


@lru_cache(maxsize=2)
def _countries(path: str, loader: Any) -> Any:
    from pathlib import Path

    return loader(Path(path))


@lru_cache(maxsize=4)
def _vocabulary_cached(key: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, frozenset[str]]:
    table = dict(key)
    return {name: frozenset(w.lower() for w in table.get(name, ()))
            for name in ("masthead-words", "section-words", "section-places")}


def _vocabulary(words: dict[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    wanted = ("masthead-words", "section-words", "section-places")
    return _vocabulary_cached(tuple((k, words.get(k, ())) for k in wanted))


def _tags(text: str, footer: list[Line], cls: Any, shape: Any, is_furniture: Callable[[Line], bool],
          match: Callable[[Any, str, str], Any], body: Callable[[Line], tuple[int, str]]) -> set[Line]:
    """Tag lines below the story: after a tag label, or a tight block of short labels."""
    blocks: list[list[Line]] = []
    for line in footer:
        if blocks and "\n" not in text[blocks[-1][-1][1] + 1:line[0]]:
            blocks[-1].append(line)
        else:
            blocks.append([line])

    def is_tag(line: Line) -> bool:
        b = body(line)[1]
        return (0 < len(_WORD.findall(b)) <= cls.tag_words and not _DIGIT.search(b)
                and not shape.sentence_end.search(b) and not shape.opens_quote.match(b)
                and (cls.tag_keep is None or match(cls.tag_keep, b, "fullmatch") is None))

    def is_label(line: Line) -> bool:
        return cls.tag_labels is not None and match(cls.tag_labels, body(line)[1], "fullmatch") is not None

    found: set[Line] = set()
    follow = False  # a label alone in its block: its tags are in the next block
    for block in blocks:
        labelled = follow
        follow = False
        for i, line in enumerate(block):
            if is_label(line):
                labelled = True
                follow = i == len(block) - 1
                continue
            if labelled and is_tag(line) and not is_furniture(line):
                found.add(line)
            elif labelled and not is_furniture(line):
                labelled = False
        if cls.tag_block_lines:
            own = [line for line in block if not is_furniture(line) and not is_label(line)]
            if len(own) >= cls.tag_block_lines and all(is_tag(line) for line in own):
                found.update(own)
    return found
