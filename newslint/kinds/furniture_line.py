"""``furniture-line``: a line that is web page furniture, told by its shape and its words.

Copy pasted from a web page brings the page's furniture along: photo credits, time
stamps, share buttons, breadcrumbs, counters, copyright lines, archive banners, ad
labels. Such a line is not a sentence of the story: it is short, it rarely ends with a
full stop, it is often a list of labels separated by ``|``, ``•`` or ``·``, and it is
made of a small vocabulary. The kind looks at every line of the prose and asks, for
one *class* of furniture (described in a data file):

* **line**: is the whole line (bullet removed) short enough, without closing sentence
  punctuation (unless the class allows it), and matched entirely by one of the class's
  ``lines`` patterns?
* **label list**: is the line a list of short labels (``|``, ``•``, ``·``, ``>``...)?
  Then each label is tried as a line; a class with ``list-words`` (navigation) also
  takes the whole list when its labels are capitalised and one is a known label.
* **tail**: does the line end with a run that the class's ``tails`` match, after a
  finished sentence or in brackets ("... on Tuesday. Photograph: Jane Doe/Reuters")?
* **head**: does it open with a label of the class's ``heads`` ("FILE PHOTO: ...")?
* **run** (a class with ``run-max-words``): is it a short label inside a block of lines
  that the other classes find to be mostly furniture ("Tags" / "House" / "Congress")?
* **address** (a class with ``address = true``): is the line the site talking to its
  reader rather than a sentence of the story? See :mod:`newslint.kinds.reader_address`:
  a sentence that opens with an imperative or is in the site's own first person ("we",
  "our"), about the things a site sells (journalism, stories, newsletters, comments,
  subscriptions), told apart from service copy ("Check your smoke alarms") and from quotes.
* **position**: ``header-lines`` match only above the first paragraph of prose (a bare
  page date under the byline), ``trailing-lines`` only in the blocks after the story's
  last paragraph of prose (an author's bio, a contact line).

The vocabulary lives in ``rules/data/furniture.toml``: ``[words]`` lists literal
phrases (matched case-insensitively), ``[fragments]`` are `regex` pieces (a list is a choice of pieces), and both are
used as ``{name}`` inside other fragments and in the class patterns (which are
case-sensitive, so names can demand capitals). Pack fields: ``class`` (the class in the
data file), ``data`` (the data file, relative to the pack; default
``data/furniture.toml``).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from ..records import Hit
from ..safe_regex import PATTERN_TIMEOUT, compile_regex
from ..toml import load_toml
from .base import Context, PackError, RuleKind
from .page_edges import edge_spans, is_story_line, line_body

_REFERENCE = regex.compile(r"\{([a-z][a-z0-9-]*)\}")
_BULLET = regex.compile(r"^(?:[-–—*•·▪►▶◦]|\d{1,2}[.)])[ \t]+")
_WORD = regex.compile(r"\S+")
_CLASS_FIELDS = {"lines", "tails", "heads", "list-words", "max-words", "allow-full-stop", "source",
                 "description", "min-list-items", "run-max-words",
                 "run-min-furniture", "run-keep", "zone-header-words", "zone-footer-words",
                 "zone-prose-words", "zone-header-furniture", "zone-footer-furniture",
                 "zone-document-furniture", "address", "keep", "header-lines", "trailing-lines",
                 "kicker-lines", "kicker-words", "edge-lines", "tag-labels", "tag-words",
                 "tag-block-lines", "tag-keep", "below-first-paragraph"}


@dataclass(frozen=True)
class Shape:
    """Line-shape thresholds shared by every class (``[shape]`` in the data file)."""

    max_words: int
    max_chars: int
    item_words: int
    tail_chars: int
    tail_start: Any
    sentence_end: Any
    opens_quote: Any
    separators: Any


@dataclass(frozen=True)
class FurnitureClass:
    name: str
    lines: Any  # one compiled alternation, matched against a whole line, or None
    tails: Any
    heads: Any
    list_words: frozenset[str]
    max_words: int
    allow_full_stop: bool
    min_list_items: int
    run_max_words: int = 0  # a class of short labels inside runs of other furniture
    run_min_furniture: int = 2
    run_keep: Any = None  # lines that stay the story's inside a run (bylines, datelines)
    zone_header_words: int = 0  # short labels above the first paragraph of prose
    zone_footer_words: int = 0  # short labels below the last paragraph of prose
    zone_prose_words: int = 12
    zone_header_furniture: int = 2
    zone_footer_furniture: int = 1
    zone_document_furniture: int = 3
    address: bool = False  # the site addressing its reader (kinds/reader_address.py)
    keep: Any = None  # lines that stay the story's whatever their words (corrections, quotes)
    header_lines: Any = None  # furniture only above the first paragraph of prose
    trailing_lines: Any = None  # furniture only after the story's last paragraph of prose
    kicker_lines: Any = None  # the page's first line, a section label above the headline
    kicker_words: int = 0  # section labels and mastheads above the headline (page_edges.py)
    edge_lines: Any = None  # lines above the first paragraph or below the last (slogans)
    tag_labels: Any = None  # a label whose following short lines are tags
    tag_words: int = 5  # a tag has at most this many words
    tag_block_lines: int = 0  # a tight block of this many short labels below the story is tags
    tag_keep: Any = None  # lines that are never tags (bylines, job titles)
    below_first_paragraph: bool = False  # above the story such a line is the byline's (credits)


@dataclass(frozen=True)
class Vocabulary:
    shape: Shape
    classes: dict[str, FurnitureClass]
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the [words] lists


class Kind(RuleKind):
    fields = {"class": str, "data": str}
    required = ("class",)

    def configure(self, spec: dict[str, Any]) -> None:
        path = Path(self.rule.pack_path).parent / spec.get("data", "data/furniture.toml")
        vocabulary = load_vocabulary(str(path))
        name = spec["class"]
        if name not in vocabulary.classes:
            known = ", ".join(sorted(vocabulary.classes))
            raise PackError(f"class {name!r} is not in {path.name} (it has: {known})")
        self.vocabulary = vocabulary
        self.matcher = ClassMatcher(vocabulary.shape, vocabulary.classes[name], vocabulary)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        cls = self.matcher.cls
        if cls.run_max_words or cls.zone_header_words or cls.zone_footer_words:
            spans = run_spans if cls.run_max_words else zone_spans
            for s, e in spans(ctx, self.vocabulary, cls):
                yield Hit(s, e, self.format(match=text[s:e]))
            return
        # a line another class takes is theirs: the reader's address is asked only of the rest
        other = _furniture_test(ctx, self.vocabulary, address=False) if cls.address else None
        first = _first_paragraph(ctx, self.vocabulary) if cls.below_first_paragraph else -1
        for start, end in ctx.doc.prose_lines():
            if (other is not None and other((start, end))) or start < first:
                continue
            for s, e in self.matcher.spans(text, start, end):
                yield Hit(s, e, self.format(match=text[s:e]))
        if cls.header_lines is not None or cls.trailing_lines is not None:
            for s, e in position_spans(ctx, self.vocabulary, cls):
                yield Hit(s, e, self.format(match=text[s:e]))
        if cls.kicker_words or cls.edge_lines is not None or cls.tag_labels is not None or cls.tag_block_lines:
            lines = [(s, e) for s, e in ctx.doc.prose_lines() if text[s:e].strip()]
            is_furniture = _furniture_test(ctx, self.vocabulary)
            mastheads = tuple(c.edge_lines for c in self.vocabulary.classes.values() if c.edge_lines is not None)
            for s, e in edge_spans(text, lines, cls, self.vocabulary.words, self.vocabulary.shape,
                                   is_furniture, _match, mastheads):
                yield Hit(s, e, self.format(match=text[s:e]))


class ClassMatcher:
    """Finds one class's furniture on a line."""

    def __init__(self, shape: Shape, cls: FurnitureClass, vocabulary: Vocabulary | None = None) -> None:
        self.shape = shape
        self.cls = cls
        self.address = None
        if cls.address:
            from .reader_address import ReaderAddress

            self.address = ReaderAddress(vocabulary.words if vocabulary else {})

    def spans(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Furniture spans of this class on the line text[start:end]."""
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            return
        offset = start + len(line) - len(line.lstrip())
        bullet = _BULLET.match(stripped)
        if bullet:
            offset += bullet.end()
            stripped = stripped[bullet.end():]
        if self.shape.opens_quote.match(stripped):
            return  # a quote line belongs to the story
        if self.cls.keep is not None and _match(self.cls.keep, stripped, "match") is not None:
            return  # a correction, an editor's note: the story's own
        if self.address is not None:
            if len(_WORD.findall(stripped)) <= self.cls.max_words and self.address.is_address(stripped):
                yield offset, offset + len(stripped)
            return
        if self._is_line(stripped):
            yield offset, offset + len(stripped)
            return
        listed = list(self._label_list(stripped))
        if listed:
            yield from ((offset + s, offset + e) for s, e in listed)
            return
        cls = self.cls
        if cls.heads is not None:
            head = _match(cls.heads, stripped, "match")
            if head is not None and head.end("flag") < len(stripped):
                yield offset + head.start("flag"), offset + head.end("flag")
                return
        if cls.tails is not None:
            cut = max(0, len(stripped) - self.shape.tail_chars)
            for start in _tail_starts(self.shape.tail_start, stripped, cut):
                tail = _match(cls.tails, stripped, "match", start)
                if tail is not None:
                    yield offset + tail.start("flag"), offset + tail.end("flag")
                    break

    def _is_line(self, line: str) -> bool:
        cls = self.cls
        if cls.lines is None or len(line) > self.shape.max_chars:
            return False
        if len(_WORD.findall(line)) > cls.max_words:
            return False
        if not cls.allow_full_stop and self.shape.sentence_end.search(line):
            return False
        return _match(cls.lines, line, "fullmatch") is not None

    def _label_list(self, line: str) -> Iterator[tuple[int, int]]:
        """Spans of the labels of this class when the line is a list of short labels."""
        if len(line) > 2 * self.shape.max_chars:
            return  # a menu is short; a long line with separators is prose
        cuts = list(self.shape.separators.finditer(line))
        if not cuts:
            return
        items: list[tuple[int, int]] = []
        pos = 0
        for cut in cuts:
            items.append((pos, cut.start()))
            pos = cut.end()
        items.append((pos, len(line)))
        trimmed = []
        for s, e in items:
            piece = line[s:e]
            if not piece.strip():
                continue
            s += len(piece) - len(piece.lstrip())
            e -= len(piece) - len(piece.rstrip())
            trimmed.append((s, e))
        if len(trimmed) < 2:
            return
        for s, e in trimmed:
            piece = line[s:e]
            if len(_WORD.findall(piece)) > self.shape.item_words or self.shape.sentence_end.search(piece):
                return  # one item reads as prose: this is not a list of labels
        cls = self.cls
        if cls.list_words:
            labels = [line[s:e] for s, e in trimmed]
            if (len(labels) >= cls.min_list_items
                    and all(_capitalised(label) for label in labels)
                    and any(label.lower() in cls.list_words for label in labels)):
                yield trimmed[0][0], trimmed[-1][1]
            return
        if cls.lines is None:
            return
        for s, e in trimmed:
            if _match(cls.lines, line[s:e], "fullmatch") is not None:
                yield s, e


def run_spans(ctx: Context, vocabulary: Vocabulary, cls: FurnitureClass) -> Iterator[tuple[int, int]]:
    """Short labels inside a run of furniture: in a block of lines with no blank line between
    them, where at least ``run-min-furniture`` lines are furniture of the other classes and
    the rest are mostly (or only) short labels, a line of at most ``run-max-words`` words that is not a sentence is
    furniture too ("Tags / House / Congress", "12 / 3 / Share")."""
    text = ctx.text
    is_furniture = _furniture_test(ctx, vocabulary)
    block: list[tuple[int, int]] = []
    for start, end in [*ctx.doc.prose_lines(), (len(text), len(text))]:
        if text[start:end].strip():
            block.append((start, end))
            continue
        if len(block) < cls.run_min_furniture + 1:  # no room for a label among enough furniture
            block = []
            continue
        furniture = {line for line in block if is_furniture(line)}
        found = [line for line in block if line in furniture]
        if len(found) >= cls.run_min_furniture:
            labels = [(s, e) for s, e in block
                      if (s, e) not in furniture and _is_label(text[s:e].strip(), vocabulary, cls)]
            # mostly furniture, or nothing but furniture and short labels
            if 2 * len(found) >= len(block) or len(found) + len(labels) == len(block):
                for s, e in labels:
                    label = text[s:e].strip()
                    lead = len(text[s:e]) - len(text[s:e].lstrip())
                    yield s + lead, s + lead + len(label)
        block = []


def zone_spans(ctx: Context, vocabulary: Vocabulary, cls: FurnitureClass) -> Iterator[tuple[int, int]]:
    """Short labels in the page's header and footer: above the first paragraph of prose (a
    line of ``zone-prose-words`` words or more ending a sentence) up to the header's last block
    of chrome, and from the footer's first block of chrome below the last paragraph (a block
    of chrome holds furniture or is a tight list of lines). A
    zone counts only when it holds furniture that the other classes found (``zone-header-
    furniture``, ``zone-footer-furniture``) or the document holds ``zone-document-furniture``
    lines of it; headlines are longer than ``zone-header-words``."""
    text = ctx.text
    shape = vocabulary.shape
    # blocks of lines with no blank line between them
    blocks: list[list[tuple[int, int]]] = [[]]
    for s, e in ctx.doc.prose_lines():
        if text[s:e].strip():
            blocks[-1].append((s, e))
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    lines = [line for block in blocks for line in block]
    is_furniture = _furniture_test(ctx, vocabulary)
    dated = [c.header_lines for c in vocabulary.classes.values() if c.header_lines is not None]

    def header_furniture(line: tuple[int, int]) -> bool:
        """Furniture, or a line that is furniture above the story (a bare page date)."""
        body = text[line[0]:line[1]].strip()
        return is_furniture(line) or any(_match(p, body, "fullmatch") is not None for p in dated)

    def page_block(block: list[tuple[int, int]]) -> bool:
        """A block of the page's chrome: it holds furniture, or it is a tight list of lines."""
        return len(block) > 1 or any(is_furniture(line) for line in block)

    prose = [line for line in lines if is_story_line(text, line, cls, shape, is_furniture)]
    if not prose:
        return
    # Blocks above the first line of prose and below the last one (cut at those lines).
    above = [[line for line in block if line < prose[0]] for block in blocks]
    below = [[line for line in block if line > prose[-1]] for block in blocks]
    above = [block for block in above if block]
    below = [block for block in below if block]
    # The header runs from the top to its last block of chrome, the footer from its first
    # one to the end: story lines next to the prose (a timeline, a subhead) stay.
    header: list[tuple[int, int]] = []
    for i, block in enumerate(above):
        if page_block(block):
            header = [line for b in above[:i + 1] for line in b]
    # The footer starts at the first block below the story that holds furniture: a tight
    # list with none (a recipe's ingredients, a fact box) is still the story's.
    footer: list[tuple[int, int]] = []
    for i, block in enumerate(below):
        if any(is_furniture(line) for line in block):
            footer = [line for b in below[i:] for line in b]
            break
    # the headline: the first line of the header with more words than a label, not furniture
    headline = next((line for line in header if len(_WORD.findall(text[line[0]:line[1]])) > 3
                     and not header_furniture(line)), None)
    zones = [(header, cls.zone_header_words, cls.zone_header_furniture),
             (footer, cls.zone_footer_words, cls.zone_footer_furniture)]
    document: int | None = None
    for zone, max_words, needed in zones:
        if not zone or not max_words:
            continue
        counts = header_furniture if zone is header else is_furniture
        if sum(1 for line in zone if counts(line)) < needed:
            if document is None:
                document = sum(1 for line in lines if is_furniture(line))
            if document < cls.zone_document_furniture:
                continue
        for s, e in zone:
            label = text[s:e].strip()
            if (zone is header and (s, e) == lines[0] and cls.kicker_lines is not None
                    and _title_shaped(label) and not header_furniture((s, e))
                    and _match(cls.kicker_lines, label, "fullmatch") is not None):
                # the page's first line, a section label that may look like a name ("Israel News")
                lead = len(text[s:e]) - len(text[s:e].lstrip())
                yield s + lead, s + lead + len(label)
                continue
            # a count alone in the header is a counter of the share bar ("12.3k", "28"); under the
            # headline the header holds the byline and the dateline ("BIRN", "Belgrade"), so
            # words are taken there only above the headline
            count = zone is header and _COUNT.fullmatch(label) is not None
            shaped = count or (_title_shaped(label) and (zone is not header or headline is None
                                                         or (s, e) < headline))
            if not is_furniture((s, e)) and _is_label(label, vocabulary, cls, max_words) and shaped:
                lead = len(text[s:e]) - len(text[s:e].lstrip())
                yield s + lead, s + lead + len(label)


def position_spans(ctx: Context, vocabulary: Vocabulary, cls: FurnitureClass) -> Iterator[tuple[int, int]]:
    """Lines matched by ``header-lines`` above the first paragraph of prose (a page date under
    the byline) and by ``trailing-lines`` in the blocks after the story's last paragraph (an
    author's bio): where they sit tells them from the story's own dates and sentences."""
    text = ctx.text
    shape = vocabulary.shape
    lines = [(s, e) for s, e in ctx.doc.prose_lines() if text[s:e].strip()]
    is_furniture = _furniture_test(ctx, vocabulary)

    def stripped(line: tuple[int, int]) -> tuple[int, str]:
        return line_body(text, line)

    prose = [i for i, line in enumerate(lines) if is_story_line(text, line, cls, shape, is_furniture)]
    if not prose:
        return
    if cls.header_lines is not None:
        for line in lines[:prose[0]]:
            start, body = stripped(line)
            if _match(cls.header_lines, body, "fullmatch") is not None:
                yield start, start + len(body)
    if cls.trailing_lines is not None:
        # the story's last paragraph: the last prose line that is not itself a trailing line
        story = [i for i in prose if _match(cls.trailing_lines, stripped(lines[i])[1], "fullmatch") is None]
        if not story:
            return
        for line in lines[story[-1] + 1:]:
            start, body = stripped(line)
            if _match(cls.trailing_lines, body, "fullmatch") is not None:
                yield start, start + len(body)


_COUNT = regex.compile(r"\d{1,3}(?:[.,]\d{1,3})?[kKmM]?")
_JOINERS = frozenset({"of", "the", "and", "in", "on", "for", "at", "to", "de", "la", "&", "a", "an"})


def _title_shaped(label: str) -> bool:
    """A tag, a topic or a menu label: every word capitalised but the joiners ("Bank of Japan",
    "Train Derailment", "Housing"), no figures; not a line of the story's own box ("Talks
    resume on Friday", "2 onions", "Serves four")."""
    words = [w.strip(",:;()") for w in label.split()]
    return bool(words) and all(
        w and not any(c.isdigit() for c in w) and (w[0].isupper() or w.lower() in _JOINERS)
        for w in words) and words[0][0].isupper()


def _is_label(label: str, vocabulary: Vocabulary, cls: FurnitureClass, max_words: int = 0) -> bool:
    """A short line that is not a sentence, a quote, a byline or a dateline."""
    return (len(_WORD.findall(label)) <= (max_words or cls.run_max_words)
            and not vocabulary.shape.sentence_end.search(label)
            and not vocabulary.shape.opens_quote.match(label)
            and (cls.run_keep is None or _match(cls.run_keep, label, "fullmatch") is None))


def _furniture_test(ctx: Context, vocabulary: Vocabulary, address: bool = True) -> Any:
    """Whether some class of the vocabulary finds furniture on a line (asked only for lines
    in blocks, each answer kept for the document); ``address=False`` leaves out the classes
    that read the reader's address (so that they can ask what the others find)."""
    key = ("furniture-lines", id(vocabulary), address)
    if key not in ctx.memo:
        ctx.memo[key] = {}
    known: dict[tuple[int, int], bool] = ctx.memo[key]
    matchers = [ClassMatcher(vocabulary.shape, c, vocabulary) for c in vocabulary.classes.values()
                if not c.run_max_words and (address or not c.address)
                and (c.lines is not None or c.tails is not None or c.heads is not None
                     or c.list_words or c.address)]
    text = ctx.text
    first = _first_paragraph(ctx, vocabulary)

    def test(line: tuple[int, int]) -> bool:
        if line not in known:
            known[line] = any(next(iter(m.spans(text, *line)), None) is not None for m in matchers
                              if not (m.cls.below_first_paragraph and line[0] < first))
        return known[line]

    return test


def _first_paragraph(ctx: Context, vocabulary: Vocabulary) -> int:
    """Where the story's first paragraph starts: its first line of ten words or more that
    ends a sentence (the start of the text if none). Lines above it are the page's header, where
    "Edited by Jane Doe" or "WRITER: Jane Doe" is the byline and not a credits box."""
    key = ("furniture-first-paragraph", id(vocabulary))
    if key not in ctx.memo:
        text = ctx.text
        ctx.memo[key] = next((s for s, e in ctx.doc.prose_lines()
                              if len(_WORD.findall(text[s:e])) >= 10
                              and vocabulary.shape.sentence_end.search(text[s:e].rstrip())), 0)
    return ctx.memo[key]


def _tail_starts(gaps: Any, line: str, cut: int) -> Iterator[int]:
    """Where a closing run may start (``shape.tail-start``: after a finished sentence, at a
    bracket...), leftmost first, so the longest run is tried first."""
    for gap in gaps.finditer(line, cut, overlapped=True):
        yield gap.end()


def _capitalised(label: str) -> bool:
    """A link label starts with a capital or a digit ("News", "iPlayer" counts too)."""
    return label[:1].isupper() or label[:1].isdigit() or label[1:2].isupper()


def _match(pattern: Any, text: str, how: str, pos: int = 0) -> Any:
    try:
        return getattr(pattern, how)(text, pos, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        return None


# --- loading the data file ------------------------------------------------------------------
@lru_cache(maxsize=4)
def load_vocabulary(path: str) -> Vocabulary:
    """Read and compile the furniture data file once per process."""
    try:
        data, _ = load_toml(path)
    except Exception as exc:  # NewslintError names the file and line
        raise PackError(str(exc)) from None
    words = data.get("words", {})
    fragments = data.get("fragments", {})
    if not isinstance(words, dict) or not isinstance(fragments, dict):
        raise PackError(f"{path}: [words] and [fragments] must be tables")
    pieces: dict[str, str] = {}
    lists: dict[str, tuple[str, ...]] = {}
    for name, phrases in words.items():
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise PackError(f"{path}: words.{name} must be a list of phrases")
        lists[name] = tuple(phrases)
        alternatives = sorted({_literal(p) for p in phrases}, key=lambda p: (-len(p), p))
        pieces[name] = "(?i:" + "|".join(alternatives) + ")"
    for name, source in fragments.items():
        if isinstance(source, list) and source and all(isinstance(s, str) for s in source):
            source = "|".join(f"(?:{s})" for s in source)  # a list is a choice of patterns
        if not isinstance(source, str):
            raise PackError(f"{path}: fragments.{name} must be a pattern or a list of patterns")
        if name in pieces:
            raise PackError(f"{path}: {name!r} is both a word list and a fragment")
        pieces[name] = source
    expand = _Expander(pieces, path)
    shape = _shape(data.get("shape", {}), path)
    classes: dict[str, FurnitureClass] = {}
    for name, spec in data.get("classes", {}).items():
        classes[name] = _furniture_class(name, spec, expand, shape, path)
    if not classes:
        raise PackError(f"{path}: no [classes.*] tables")
    return Vocabulary(shape, classes, lists)


def _literal(phrase: str) -> str:
    return r"\s+".join(regex.escape(part) for part in phrase.split())


class _Expander:
    """Replaces ``{name}`` references by their (recursively expanded) regex pieces."""

    def __init__(self, pieces: dict[str, str], path: str) -> None:
        self.pieces = pieces
        self.path = path
        self.done: dict[str, str] = {}

    def __call__(self, source: str, trail: tuple[str, ...] = ()) -> str:
        def one(match: Any) -> str:
            name = match.group(1)
            if name in trail:
                raise PackError(f"{self.path}: {{{name}}} refers to itself ({' -> '.join((*trail, name))})")
            if name not in self.pieces:
                raise PackError(f"{self.path}: unknown reference {{{name}}} in {source!r}")
            if name not in self.done:
                self.done[name] = "(?:" + self(self.pieces[name], (*trail, name)) + ")"
            return self.done[name]

        return _REFERENCE.sub(one, source)


def _shape(spec: Any, path: str) -> Shape:
    if not isinstance(spec, dict):
        raise PackError(f"{path}: [shape] must be a table")

    def number(key: str, default: int) -> int:
        value = spec.get(key, default)
        if not isinstance(value, int) or value <= 0:
            raise PackError(f"{path}: shape.{key} must be a positive whole number")
        return value

    separators = spec.get("list-separators", ["|", "•", "·"])
    if not isinstance(separators, list) or not all(isinstance(s, str) and s.strip() for s in separators):
        raise PackError(f"{path}: shape.list-separators must be a list of characters")
    # " / " (with spaces) separates only between spaces: "Home / News", never "Jane Doe/Reuters".
    sep = "|".join(rf"(?<=[ \t]){regex.escape(s.strip())}(?=[ \t])" if s != s.strip() else regex.escape(s)
                   for s in separators)
    return Shape(
        max_words=number("max-words", 14),
        max_chars=number("max-chars", 200),
        item_words=number("list-item-words", 8),
        tail_chars=number("tail-chars", 160),
        tail_start=compile_regex(spec.get("tail-start", r"[.!?…][\"”’')\]]*[ \t]+(?=\S)|[ \t]+(?=[(\[])"),
                                 False, "shape.tail-start"),
        sentence_end=compile_regex(spec.get("sentence-end", r"[.!?…][\"”’')\]]*$"), False, "shape.sentence-end"),
        opens_quote=compile_regex(spec.get("opens-quote", r"[\"“‘«]"), False, "shape.opens-quote"),
        separators=compile_regex(sep, False, "shape.list-separators"),
    )


def _furniture_class(name: str, spec: Any, expand: _Expander, shape: Shape, path: str) -> FurnitureClass:
    if not isinstance(spec, dict):
        raise PackError(f"{path}: classes.{name} must be a table")
    unknown = set(spec) - _CLASS_FIELDS
    if unknown:
        raise PackError(f"{path}: classes.{name}: unknown field(s) {', '.join(sorted(unknown))}")

    def alternation(key: str, wrap: str) -> Any:
        sources = spec.get(key, [])
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            raise PackError(f"{path}: classes.{name}.{key} must be a list of patterns")
        if not sources:
            return None
        body = "|".join(f"(?:{expand(s)})" for s in sources)
        return compile_regex(wrap.format(body=body), False, f"classes.{name}.{key}")

    list_words = spec.get("list-words", [])
    if not isinstance(list_words, list) or not all(isinstance(w, str) for w in list_words):
        raise PackError(f"{path}: classes.{name}.list-words must be a list of labels")
    max_words = spec.get("max-words", shape.max_words)
    min_items = spec.get("min-list-items", 3)
    if not isinstance(max_words, int) or not isinstance(min_items, int):
        raise PackError(f"{path}: classes.{name}: max-words and min-list-items must be whole numbers")
    return FurnitureClass(
        name=name,
        lines=alternation("lines", "(?:{body})"),
        # A tail closes the line; it is tried after a finished sentence or at a bracket.
        tails=alternation("tails", r"(?P<flag>{body})[ \t]*$"),
        heads=alternation("heads", r"(?P<flag>{body})"),
        list_words=frozenset(w.lower() for w in list_words),
        max_words=max_words,
        allow_full_stop=bool(spec.get("allow-full-stop", False)),
        min_list_items=min_items,
        run_max_words=_whole(spec, "run-max-words", 0, name, path),
        run_min_furniture=_whole(spec, "run-min-furniture", 2, name, path),
        run_keep=alternation("run-keep", "(?:{body})"),
        zone_header_words=_whole(spec, "zone-header-words", 0, name, path),
        zone_footer_words=_whole(spec, "zone-footer-words", 0, name, path),
        zone_prose_words=_whole(spec, "zone-prose-words", 12, name, path),
        zone_header_furniture=_whole(spec, "zone-header-furniture", 2, name, path),
        zone_footer_furniture=_whole(spec, "zone-footer-furniture", 1, name, path),
        zone_document_furniture=_whole(spec, "zone-document-furniture", 3, name, path),
        address=bool(spec.get("address", False)),
        keep=alternation("keep", "(?:{body})"),
        header_lines=alternation("header-lines", "(?:{body})"),
        trailing_lines=alternation("trailing-lines", "(?:{body})"),
        kicker_lines=alternation("kicker-lines", "(?:{body})"),
        kicker_words=_whole(spec, "kicker-words", 0, name, path),
        edge_lines=alternation("edge-lines", "(?:{body})"),
        tag_labels=alternation("tag-labels", "(?:{body})"),
        tag_words=_whole(spec, "tag-words", 5, name, path),
        tag_block_lines=_whole(spec, "tag-block-lines", 0, name, path),
        tag_keep=alternation("tag-keep", "(?:{body})"),
        below_first_paragraph=bool(spec.get("below-first-paragraph", False)),
    )


def _whole(spec: dict[str, Any], key: str, default: int, name: str, path: str) -> int:
    value = spec.get(key, default)
    if not isinstance(value, int) or value < 0:
        raise PackError(f"{path}: classes.{name}.{key} must be a whole number")
    return value
