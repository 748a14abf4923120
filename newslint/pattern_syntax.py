"""A small, conservative reader of the `regex` pattern syntax packs use, for the
prefilter's literal analysis (:mod:`newslint.prefilter`).

It knows literals, escapes, character classes, groups (plain, named, atomic, scoped
flags, look-arounds), alternation, repeats and anchors, with the flags ``i``, ``m`` and
``s``. Anything else (back-references, fuzzy matching, ``\\N{...}``, verbose mode,
version 1 set operations, inline flags after the start, ...) raises
:class:`Unsupported`: the caller then uses no prefilter for that pattern, so a
misreading can cost speed but never a finding. Built on public APIs only: a class's
members are asked of `regex` itself by compiling the class alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import regex

#: Flags the reader models; any other flag on a pattern raises Unsupported.
MODELED = regex.IGNORECASE | regex.MULTILINE | regex.DOTALL | regex.V0 | regex.UNICODE
_FLAG_LETTERS = {"i": regex.IGNORECASE, "m": regex.MULTILINE, "s": regex.DOTALL}
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_CLASS_ESCAPES = frozenset("dDwWsS")
_ZERO_WIDTH_ESCAPES = frozenset("bBmMKG")
_MAX_LENGTH = 1_000_000


class Unsupported(ValueError):
    """A construct the reader does not model."""


@dataclass(frozen=True)
class Char:
    """One literal character."""

    ch: str
    ignore: bool


@dataclass(frozen=True)
class CharSet:
    """A class of characters (``[...]``, ``\\w``, ``\\p{L}``, ``.``) as written: ``chars`` is
    its exact membership when the class is positive and lists only characters and small
    ranges, else None."""

    source: str
    ignore: bool
    dotall: bool
    chars: frozenset[str] | None
    non_ascii: bool  # False only when certainly matching ASCII characters alone

    @cached_property
    def _compiled(self) -> regex.Pattern[str]:
        flags = regex.V0 | (regex.IGNORECASE if self.ignore else 0) | (regex.DOTALL if self.dotall else 0)
        return regex.compile(self.source, flags)

    def matches(self, ch: str) -> bool:
        return self._compiled.fullmatch(ch) is not None


@dataclass(frozen=True)
class Seq:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Alt:
    branches: tuple[Node, ...]


@dataclass(frozen=True)
class Group:
    body: Node


@dataclass(frozen=True)
class Repeat:
    body: Node
    least: int
    most: int | None


@dataclass(frozen=True)
class Look:
    body: Node
    behind: bool
    positive: bool


@dataclass(frozen=True)
class Anchor:
    """A zero-width position: "line_start", "line_end" (also the text's ends), "start",
    "end", or "other" (a word boundary and the like: no constraint)."""

    kind: str


Node = Char | CharSet | Seq | Alt | Group | Repeat | Look | Anchor
EMPTY = Seq(())


def parse(source: str, flags: int = 0) -> Node:
    """The tree of a pattern compiled with ``regex.compile(source, flags)``, or Unsupported."""
    if not isinstance(source, str) or len(source) > _MAX_LENGTH:
        raise Unsupported("not a pattern this reader takes")
    if int(flags) & ~MODELED:
        raise Unsupported("flags the reader does not model")
    reader = _Reader(source, int(flags))
    node = reader.alternation()
    if reader.pos != len(source):
        raise Unsupported("unbalanced parenthesis")
    return node


@dataclass
class _Reader:
    s: str
    flags: int
    pos: int = 0
    depth: int = field(default=0)
    #: Where the pattern's opening global flags (``(?i)``) end: flags are read only there.
    flags_end: int = 0

    def peek(self, n: int = 0) -> str:
        at = self.pos + n
        return self.s[at] if at < len(self.s) else ""

    def alternation(self) -> Node:
        self.depth += 1
        if self.depth > 200:
            raise Unsupported("nested too deeply")
        branches = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        self.depth -= 1
        return branches[0] if len(branches) == 1 else Alt(tuple(branches))

    def sequence(self) -> Node:
        items: list[Node] = []
        while self.pos < len(self.s) and self.peek() not in "|)":
            if self.pos == self.flags_end and self._global_flags():
                self.flags_end = self.pos
                continue
            atom = self.atom()
            items.append(self.repeats(atom))
        return items[0] if len(items) == 1 else Seq(tuple(items))

    def _global_flags(self) -> bool:
        """``(?im)`` at the start of the pattern: flags for all of it."""
        found = regex.match(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]+))?\)", self.s, pos=self.pos)
        if found is None or found.end() == self.pos + 3:
            return False  # not flags, or "(?)"
        self._set_flags(found.group(1), found.group(2) or "")
        self.pos = found.end()
        return True

    def _set_flags(self, on: str, off: str) -> None:
        for letter in on + off:
            if letter not in _FLAG_LETTERS:
                raise Unsupported(f"flag {letter}")
        for letter in on:
            self.flags |= _FLAG_LETTERS[letter]
        for letter in off:
            self.flags &= ~_FLAG_LETTERS[letter]

    def _property(self) -> str:
        """The rest of a property escape (``{Lu}`` or ``L``) after its letter p or P."""
        found = regex.match(r"\{[\w\s=:&.-]+\}|[A-Za-z]", self.s, pos=self.pos)
        if found is None:
            raise Unsupported("property")
        self.pos = found.end()
        return found.group()

    @property
    def ignore(self) -> bool:
        return bool(self.flags & regex.IGNORECASE)

    def repeats(self, atom: Node) -> Node:
        bounds = self._quantifier()
        if bounds is None:
            return atom
        if isinstance(atom, (Anchor, Look)):
            raise Unsupported("repeated assertion")
        if self.peek() in ("?", "+"):
            self.pos += 1  # lazy or possessive: the same strings match
        if self._quantifier(peek_only=True):
            raise Unsupported("repeated repeat")
        return Repeat(atom, *bounds)

    def _quantifier(self, peek_only: bool = False) -> tuple[int, int | None] | None:
        ch = self.peek()
        if ch in ("*", "+", "?"):
            if not peek_only:
                self.pos += 1
            return {"*": (0, None), "+": (1, None), "?": (0, 1)}[ch]
        if ch == "{":
            found = regex.match(r"\{(\d*)(,?)(\d*)\}", self.s, pos=self.pos)
            if found is None:
                raise Unsupported("a brace that is not a repeat")
            low, comma, high = found.groups()
            least = int(low) if low else 0
            most = (int(high) if high else None) if comma else least
            if most is not None and most < least:
                raise Unsupported("bad repeat")
            if not peek_only:
                self.pos = found.end()
            return least, most
        return None

    def atom(self) -> Node:
        ch = self.peek()
        if ch == "(":
            return self.group()
        if ch == "[":
            return self.char_class()
        self.pos += 1
        if ch == ".":
            return CharSet(".", False, bool(self.flags & regex.DOTALL), None, True)
        if ch == "^":
            return Anchor("line_start" if self.flags & regex.MULTILINE else "start")
        if ch == "$":
            return Anchor("line_end")
        if ch == "\\":
            return self.escape()
        if ch in "*+?{":
            raise Unsupported("nothing to repeat")
        return Char(ch, self.ignore)

    def escape(self) -> Node:
        ch = self.peek()
        if not ch:
            raise Unsupported("trailing backslash")
        self.pos += 1
        if ch in _CLASS_ESCAPES:
            return CharSet("\\" + ch, self.ignore, False, None, True)
        if ch in _ZERO_WIDTH_ESCAPES:
            return Anchor("other")
        if ch == "A":
            return Anchor("start")
        if ch == "Z":
            return Anchor("line_end")
        if ch in "pP":
            return CharSet("\\" + ch + self._property(), self.ignore, False, None, True)
        literal = self._literal_escape(ch)
        return Char(literal, self.ignore)

    def _literal_escape(self, ch: str) -> str:
        if ch in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[ch]
        if ch in "xuU":
            digits = {"x": 2, "u": 4, "U": 8}[ch]
            text = self.s[self.pos:self.pos + digits]
            if len(text) != digits or not all(c in "0123456789abcdefABCDEF" for c in text):
                raise Unsupported("hex escape")
            self.pos += digits
            code = int(text, 16)
            if code > 0x10FFFF:
                raise Unsupported("hex escape")
            return chr(code)
        if not ch.isalnum() and (ch.isprintable() or ch in " \t"):
            return ch
        raise Unsupported(f"escape \\{ch}")

    def group(self) -> Node:
        self.pos += 1  # "("
        look: tuple[bool, bool] | None = None
        saved = self.flags
        if self.peek() == "?":
            head = regex.match(r"\?(?::|P?<(?![=!])\w+>|>|=|!|<=|<!|#|([a-zA-Z]*)(?:-([a-zA-Z]+))?:)",
                               self.s, pos=self.pos)
            if head is None:
                raise Unsupported("group syntax")
            text = head.group()
            self.pos = head.end()
            if text == "?#":
                end = self.s.find(")", self.pos)
                if end < 0:
                    raise Unsupported("comment")
                self.pos = end + 1
                return EMPTY
            look = {"?=": (False, True), "?!": (False, False), "?<=": (True, True), "?<!": (True, False)}.get(text)
            if text.endswith(":") and text != "?:":
                self._set_flags(head.group(1) or "", head.group(2) or "")
        body = self.alternation()
        self.flags = saved
        if self.peek() != ")":
            raise Unsupported("unbalanced parenthesis")
        self.pos += 1
        if look is not None:
            return Look(body, *look)
        return Group(body)

    def char_class(self) -> Node:
        start = self.pos
        self.pos += 1
        negated = self.peek() == "^"
        if negated:
            self.pos += 1
        chars: set[str] | None = set()
        non_ascii = negated
        first = True
        while True:
            ch = self.peek()
            if not ch:
                raise Unsupported("unterminated class")
            if ch == "]" and not first:
                self.pos += 1
                break
            first = False
            if ch == "[" or (ch in "&-|~" and self.peek(1) == ch):
                raise Unsupported("nested class or set operation")
            low, is_class = self._class_item()
            if is_class:
                chars, non_ascii = None, True
                continue
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.pos += 1
                high, high_is_class = self._class_item()
                if high_is_class or ord(high) < ord(low):
                    raise Unsupported("bad range")
                non_ascii = non_ascii or ord(high) >= 128
                if chars is not None:
                    if ord(high) - ord(low) >= 64:
                        chars = None
                    else:
                        chars.update(chr(c) for c in range(ord(low), ord(high) + 1))
                continue
            non_ascii = non_ascii or ord(low) >= 128
            if chars is not None:
                chars.add(low)
        exact = frozenset(chars) if chars is not None and not negated else None
        return CharSet(self.s[start:self.pos], self.ignore, False, exact, non_ascii)

    def _class_item(self) -> tuple[str, bool]:
        """(a character, False) or ("", True) for a class escape (``\\w``, ``\\p{L}``)."""
        ch = self.peek()
        self.pos += 1
        if ch != "\\":
            return ch, False
        esc = self.peek()
        if not esc:
            raise Unsupported("trailing backslash")
        self.pos += 1
        if esc in _CLASS_ESCAPES:
            return "", True
        if esc in "pP":
            self._property()
            return "", True
        if esc == "b":
            raise Unsupported("backspace")
        return self._literal_escape(esc), False
