"""Documents: the file's text, the prose that rules read, and the map between them.

Rules never see markup. A :class:`Document` holds the original ``text`` exactly as
read (BOM removed, newlines untouched) and ``prose``: the same text with code,
front matter, URLs, HTML and Markdown syntax left out. ``prose`` keeps every
newline of the original, so line-anchored patterns and paragraphs still work, and
a piecewise map (Typerighter's "skip ranges") turns prose offsets back into file
offsets. For plain text the map is the identity.
"""
from __future__ import annotations

import bisect
import datetime as dt
import errno
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mdx"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

_NEWLINE = re.compile(r"\r\n|\r|\n")
_DATE_VALUE = r"['\"]?(\d{4}-\d{2}-\d{2})"
_LEADING_DATE = re.compile(r"[ \t\r\n]*(date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*)", re.IGNORECASE)
# A first line that is only a date as copy writes it: "March 4, 2025", "Tuesday 4 March
# 2025", "Mar. 4, 2025", "2025-03-04". Month and weekday spellings come from calendar.toml.
_BARE_DATE_LINE = re.compile(
    r"[ \t\r\n]*((?:(?P<wd>[A-Za-z]+)\.?,?[ \t]+)?"
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?P<m1>[A-Za-z]+)\.?,?"
    r"|(?P<m2>[A-Za-z]+)\.?[ \t]+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)"
    r"[ \t]+(?P<y>\d{4})|(?P<iso>\d{4}-\d{2}-\d{2}))[ \t]*(?=\r?\n|\Z)")
# A dateline opening the first paragraph: "LONDON, July 9, 2024 —", "KUALA LUMPUR, 27 October
# 2025 -", "Kyiv, Ukraine, March 3, 2025 --". A place (capitalised words, an optional region
# after a comma), a date, then a dash: the date is the article's, the line stays prose.
_DATELINE = re.compile(
    r"[ \t\r\n]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?:,[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})?"
    r",?[ \t]+(?P<date>(?:(?P<d1>\d{1,2})[ \t]+(?P<m1>[A-Za-z]+)\.?|(?P<m2>[A-Za-z]+)\.?[ \t]+(?P<d2>\d{1,2})),?"
    r"[ \t]+(?P<y>\d{4}))[ \t]*(?:—|–|--?)[ \t]")
_FRONT_MATTER = re.compile(
    r"(---|\+\+\+)[ \t]*\r?\n(.*?)^\1[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE
)
_FM_DATE = re.compile(r"^[ \t]*date[ \t]*[:=][ \t]*" + _DATE_VALUE, re.MULTILINE | re.IGNORECASE)
_SUPPRESS = re.compile(
    r"<!--\s*newslint-(disable-next-line|disable|enable)\b([^>]*?)-->", re.IGNORECASE
)
_CODES = re.compile(r"[A-Za-z][A-Za-z0-9]*")  # "NL2O1" is one (mistyped) code, not NL2 and O1
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Suppression:
    """Lines (1-based, inclusive) on which the listed codes (or all, if empty) are silenced."""

    first_line: int
    last_line: int
    codes: tuple[str, ...]

    def covers(self, line: int, code: str) -> bool:
        if not self.first_line <= line <= self.last_line:
            return False
        return not self.codes or any(code.startswith(c) for c in self.codes)


@dataclass
class Document:
    """One article: original text, prose for the rules, positions both ways."""

    path: str
    text: str
    prose: str
    date: dt.date | None = None
    format: str = "text"
    #: Prose offset where the lede starts after a dateline ("LONDON, July 9, 2024 — "): the
    #: dateline is not part of the first sentence (its year is not a time the sentence names).
    dateline_end: int | None = None
    suppressions: list[Suppression] = field(default_factory=list)
    _seg_prose: list[int] = field(default_factory=lambda: [0], repr=False)
    _seg_orig: list[int] = field(default_factory=lambda: [0], repr=False)
    _line_starts: list[int] | None = field(default=None, repr=False)

    # ----- positions in the original text -------------------------------------------------
    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        return self._line_starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a 0-based offset of ``text``."""
        starts = self.line_starts
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def offset_of(self, line: int, column: int) -> int:
        """The inverse of :meth:`line_col`."""
        return self.line_starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        """The original line, without its line ending."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    # ----- prose -> original -----------------------------------------------------------------
    def to_original(self, prose_offset: int) -> int:
        index = bisect.bisect_right(self._seg_prose, prose_offset) - 1
        return self._seg_orig[index] + prose_offset - self._seg_prose[index]

    def span_to_original(self, start: int, end: int) -> tuple[int, int, bool]:
        """Map a prose span to the file: (start, end, contiguous).

        ``contiguous`` is False when markup was skipped inside the span, so that the
        file's text there is not the text the rule saw and a fix must not be applied.
        """
        o_start = self.to_original(start)
        if end <= start:
            return o_start, o_start, True
        o_end = self.to_original(end - 1) + 1
        return o_start, o_end, (o_end - o_start) == (end - start)

    def section(self, start: int, end: int) -> Document:
        """The prose ``[start, end)`` as a document of its own, positioned in this file."""
        return _Section(path=self.path, text=self.text, prose=self.prose[start:end], date=self.date,
                        format=self.format, suppressions=self.suppressions, _line_starts=self.line_starts,
                        whole=self, base=start)

    def is_suppressed(self, line: int, code: str) -> bool:
        return any(s.covers(line, code) for s in self.suppressions)

    # ----- structure of the prose ----------------------------------------------------------
    def paragraphs(self) -> Iterator[tuple[int, int]]:
        """Prose spans separated by blank lines (lines with only whitespace)."""
        for match in re.finditer(r"(?:[^\r\n]*\S[^\r\n]*(?:\r\n|\r|\n|$))+", self.prose):
            start, end = match.span()
            if start != end:
                yield start, end

    def prose_lines(self) -> Iterator[tuple[int, int]]:
        """Spans of every line of the prose (line endings excluded)."""
        pos = 0
        for match in _NEWLINE.finditer(self.prose):
            yield pos, match.start()
            pos = match.end()
        yield pos, len(self.prose)


@dataclass
class _Section(Document):
    """A stretch of a very long document's prose; offsets map into the whole file."""

    whole: Document | None = field(default=None, repr=False)
    base: int = 0

    def to_original(self, prose_offset: int) -> int:
        assert self.whole is not None
        return self.whole.to_original(prose_offset + self.base)


_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")


def section_bounds(prose: str, size: int) -> list[tuple[int, int]]:
    """Spans of about ``size`` characters covering ``prose``, cut at blank lines where possible
    (else at a line break, else anywhere)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(prose) - start > size:
        window = start + size
        brk = _PARAGRAPH_BREAK.search(prose, window, window + size)
        cut = brk.end() if brk else prose.find("\n", window, window + size) + 1 or window
        bounds.append((start, cut))
        start = cut
    if start < len(prose) or not bounds:
        bounds.append((start, len(prose)))
    return bounds


# ----------------------------------------------------------------------------------------------
# Building documents
# ----------------------------------------------------------------------------------------------


def detect_format(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def make_document(text: str, path: str = "<text>", fmt: str | None = None) -> Document:
    """Build a document from text already decoded (BOM removed)."""
    fmt = fmt or detect_format(path)
    skips: list[tuple[int, int]] = []
    fillers: list[tuple[int, int]] = []
    date: dt.date | None = None

    front = _FRONT_MATTER.match(text)
    body_start = 0
    if front:
        date = _parse_date(_FM_DATE.search(front.group(2)))
        skips.append((0, front.end()))
        body_start = front.end()
    lead = _LEADING_DATE.match(text, body_start)
    if lead:
        date = date or _parse_date(lead, 2)
        skips.append(lead.span(1))
    elif (bare := _bare_date_line(text, body_start)) is not None:
        date = date or bare[0]
        skips.append(bare[1])

    if fmt == "markdown":
        from .markup import markdown_skips

        more_skips, more_fillers = markdown_skips(text, body_start)
        skips += more_skips
        fillers += more_fillers
    elif fmt == "html":
        from .markup import html_skips

        skips += html_skips(text)
    else:
        skips += [m.span() for m in re.finditer(r"<!--.*?-->", text, re.DOTALL)]

    prose, seg_prose, seg_orig = _build_prose(text, skips, fillers)
    if _SURROGATE.search(prose):  # only via the API: rules get U+FFFD, same length, offsets unchanged
        prose = _SURROGATE.sub("\ufffd", prose)
    dateline = _dateline(prose)
    if dateline is not None:
        date = date or dateline[0]
    doc = Document(path=path, text=text, prose=prose, date=date, format=fmt,
                   dateline_end=dateline[1] if dateline else None, _seg_prose=seg_prose, _seg_orig=seg_orig)
    doc.suppressions = _suppressions(doc)
    return doc


def _bare_date_line(text: str, start: int) -> tuple[dt.date, tuple[int, int]] | None:
    """The article date from a first line that holds nothing but a date, and its span (the
    line is the article's date, not its prose, so no rule reads it)."""
    match = _BARE_DATE_LINE.match(text, start)
    if match is None:
        return None
    if match["iso"]:
        iso = _parse_date(match, "iso")
        return (iso, match.span(1)) if iso else None
    from .calendar_names import spellings

    months, weekdays = spellings()
    month = months.get((match["m1"] or match["m2"]).casefold())
    if month is None:
        return None
    try:
        day = dt.date(int(match["y"]), month, int(match["d1"] or match["d2"]))
    except ValueError:
        return None  # "30 February 2025" stays prose, for the date rules to flag
    if match["wd"] and weekdays.get(match["wd"].casefold()) != day.weekday():
        return None  # an unknown or wrong weekday stays prose, for the weekday rule
    return day, match.span(1)


def _dateline(prose: str) -> tuple[dt.date, int] | None:
    """The date of a dateline opening the prose ("LONDON, July 9, 2024 — …") and where the
    lede starts; the dateline stays prose."""
    match = _DATELINE.match(prose)
    if match is None:
        return None
    from .calendar_names import spellings

    month = spellings()[0].get((match["m1"] or match["m2"]).casefold())
    if month is None:
        return None
    try:
        return dt.date(int(match["y"]), month, int(match["d1"] or match["d2"])), match.end()
    except ValueError:
        return None


def _parse_date(match: re.Match[str] | None, group: int | str = 1) -> dt.date | None:
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(group))
    except ValueError:
        return None


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _within(merged: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the sorted, disjoint ``merged`` spans.

    A binary search, not a scan: a long Markdown file has thousands of spans.
    """
    index = bisect.bisect_right(starts, start) - 1
    return index >= 0 and end <= merged[index][1]


def _build_prose(
    text: str, skips: list[tuple[int, int]], fillers: list[tuple[int, int]]
) -> tuple[str, list[int], list[int]]:
    """Drop skipped ranges (keeping their newlines) and blank out fillers with 'x'.

    Fillers (inline code, bare URLs) keep their length so that the sentence around
    them still reads as a sentence ("run `ls`, then" must not become "run , then").
    """
    if not skips and not fillers:
        return text, [0], [0]
    merged = _merge(skips)
    skip_starts = [s for s, _ in merged]
    fill = _merge([f for f in fillers if not _within(merged, skip_starts, *f)])
    events = [(s, e, "skip") for s, e in merged] + [(s, e, "fill") for s, e in fill]
    events.sort()
    parts: list[str] = []
    seg_prose: list[int] = [0]
    seg_orig: list[int] = [0]
    prose_len = 0
    pos = 0

    def keep(start: int, end: int) -> None:
        nonlocal prose_len
        if end <= start:
            return
        if seg_orig[-1] + (prose_len - seg_prose[-1]) != start:
            seg_prose.append(prose_len)
            seg_orig.append(start)
        parts.append(text[start:end])
        prose_len += end - start

    for start, end, what in events:
        if start < pos:
            start = pos
            if start >= end:
                continue
        keep(pos, start)
        if what == "fill":
            if seg_orig[-1] + (prose_len - seg_prose[-1]) != start:
                seg_prose.append(prose_len)
                seg_orig.append(start)
            segment = text[start:end]
            parts.append(re.sub(r"[^\r\n]", "x", segment))
            prose_len += end - start
        else:
            for nl in _NEWLINE.finditer(text, start, end):
                keep(nl.start(), nl.end())
        pos = end
    keep(pos, len(text))
    return "".join(parts), seg_prose, seg_orig


def _suppressions(doc: Document) -> list[Suppression]:
    found: list[Suppression] = []
    open_from: dict[tuple[str, ...], int] = {}
    last_line = len(doc.line_starts)
    if "newslint-" not in doc.text:
        return found
    for match in _SUPPRESS.finditer(doc.text):
        verb = match.group(1).lower()
        codes = tuple(c.upper() for c in _CODES.findall(match.group(2)))
        line, _ = doc.line_col(match.start())
        if verb == "disable-next-line":
            end_line, _ = doc.line_col(match.end())
            found.append(Suppression(end_line + 1, end_line + 1, codes))
        elif verb == "disable":
            open_from[codes] = line
        else:
            keys = [k for k in open_from if not codes or k == codes]
            for key in keys:
                found.append(Suppression(open_from.pop(key), line, key))
    for key, line in open_from.items():
        found.append(Suppression(line, last_line, key))
    return found


# ----------------------------------------------------------------------------------------------
# Reading files
# ----------------------------------------------------------------------------------------------


class UnreadableFile(Exception):
    """A file that cannot be linted; the message is for a person."""


#: Byte-order marks that name a Unicode encoding (UTF-32 first: its LE mark starts like UTF-16's).
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, bool]:
    """Decode UTF-8 (with or without BOM), or ``encoding`` when the user names one
    (legacy wire copy). Returns (text, had a UTF-8 BOM)."""
    text, codec, bom = decode_as(data, path, encoding)
    return text, codec == "utf-8" and bool(bom)


def decode_as(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str, bytes]:
    """(text, codec, BOM bytes): ``bom + text.encode(codec)`` gives the file back, so a fix
    keeps the file's encoding. A UTF-16 or UTF-32 file is recognised by its BOM (Windows
    tools write them); without one, NUL bytes mean a binary file."""
    for mark, codec in BOMS:
        if data.startswith(mark):
            if codec == "utf-8":
                break
            try:
                return data[len(mark):].decode(codec), codec, mark
            except UnicodeDecodeError:
                break  # not that encoding after all: reported as the UTF-8 it is not, below
    if b"\x00" in data[:8192]:
        raise UnreadableFile("binary file (contains NUL bytes); not linted")
    bom = data.startswith(b"\xef\xbb\xbf")
    if encoding and encoding.replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return data.decode(encoding), encoding, b""
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise UnreadableFile(f"not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}, "
                                 f"line {line})") from None
    try:
        text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = exc.start + (3 if bom else 0)
        line = data.count(b"\n", 0, at) + 1
        raise UnreadableFile(
            f"not valid UTF-8 (byte 0x{data[at]:02x} at offset {at}, line {line}); "
            "save the file as UTF-8, or read legacy copy with --encoding cp1252 "
            "(encoding = \"cp1252\" in newslint.toml)"
        ) from None
    return text, "utf-8", data[:3] if bom else b""


_SPECIAL = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
            (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def special_kind(mode: int) -> str | None:
    """What a file that is neither a regular file nor a folder is ("a FIFO (named pipe)"), or None."""
    for test, name in _SPECIAL:
        if test(mode):
            return name
    return None


def read_bytes(path: str, max_bytes: int | None = None) -> bytes:
    """A regular file's bytes, at most ``max_bytes`` (read ``max_bytes + 1`` to tell: ``stat``
    says 0 for /proc files and devices). FIFOs, sockets and devices are never opened (a FIFO
    would block, /dev/urandom never ends). Raises :class:`UnreadableFile`."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile("is a directory")
        kind = special_kind(info.st_mode)
        if kind:
            raise UnreadableFile(f"{kind}, not a regular file; skipped")
        # O_NONBLOCK: if the file was swapped for a FIFO since the stat, opening must not hang
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as handle:
            now = os.fstat(handle.fileno())
            if not stat.S_ISREG(now.st_mode):
                raise UnreadableFile(f"{special_kind(now.st_mode) or 'a directory'}, not a regular file; skipped")
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except IsADirectoryError:
        raise UnreadableFile("is a directory") from None
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile("symbolic link loop (the link leads back to itself)") from None
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None
    if max_bytes is not None and len(data) > max_bytes:
        size = f"{now.st_size / 1e6:.1f} MB" if now.st_size > max_bytes else "larger than that"
        raise UnreadableFile(
            f"file is {size}, over the max-file-size of {max_bytes / 1e6:.1f} MB; "
            "not linted (raise max-file-size in newslint.toml to lint it)"
        )
    return data


def read_document(path: str, display_path: str | None = None, max_bytes: int | None = None,
                  encoding: str | None = None) -> Document:
    """Read and parse a file, or raise :class:`UnreadableFile` with a clear reason."""
    text, _ = decode(read_bytes(path, max_bytes), path, encoding)
    return make_document(text, display_path or path)
