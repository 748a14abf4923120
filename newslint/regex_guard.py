"""Load-time checks of a pack's regular expressions, before `regex` ever parses them.

Two kinds of pattern are refused because no time limit can help once they are handed
to the compiler or the matcher:

- **counted repetitions that multiply**: `regex` writes ``(?:a{1000}){1000}`` out as a
  million-character program at compile time (``(?:(?:a{1000}){1000}){1000}``, 27
  bytes, would need gigabytes). The check adds up what the pattern would be written
  out to (every item once, a counted repeat ``{n,m}`` times its largest finite bound,
  branches added, not maxed) and refuses MAX_EXPANSION items more than it is long.
- **a pattern that calls itself**: ``(?R)``, ``(?0)``, or a group call (``(?1)``,
  ``(?+1)``, ``(?&name)``, ``(?P>name)``) made inside the group it calls, directly or
  through other calls. `regex` compiles them, then a match can recurse until memory
  runs out. A call to a group outside itself (a subroutine) is allowed: the knowledge
  triggers use one to hold a long name list once.

The scan is conservative: it may count a pattern bigger than `regex` would, never
smaller. It reads the pattern text itself (escapes, classes, groups, quantifiers,
verbose-mode comments) and uses no private API of `regex`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

#: How many more items than it has characters a pattern may be written out to (a run of
#: 100,000 literal characters compiles in some 40 ms and 40 MB; ten times that takes a
#: quarter of a gigabyte). Long patterns that are long because they are written out
#: (the furniture vocabulary: 117,000 characters) pass.
MAX_EXPANSION = 100_000

_ESCAPE = r"\\(?:[pPNx]\{[^}]*\}|g<[^>]*>|.)"
# One token of a pattern: what a quantifier may follow, what opens or closes a group.
_TOKENS = r"""
 (?P<esc>""" + _ESCAPE + r"""|\(\?P=\w+\))
|(?P<cls>\[\^?\]?(?:""" + _ESCAPE + r"""|\[:\^?\w*:\]|[^\]\\])*\])
|(?P<comment>\(\?\#[^)]*\))
|(?P<call>\(\?(?:(R)|([+-]?\d+)|&(\w+)|P>(\w+))\))
|(?P<flags>\(\?[a-zA-Z0-9-]*\))
|(?P<named>\(\?(?:P?<(\w+)>|'(\w+)'))
|(?P<group>\(\?(?:\((?:\w+|[+-]?\d+|<\w+>|'\w+')\)|[a-zA-Z0-9-]*:|<[=!]|[=!>|]|(?=\()))
|(?P<capture>\()
|(?P<close>\))
|(?P<bar>\|)
|(?P<count>\{(\d*)(?:,(\d*))?\}[?+]?)
|(?P<quant>[*+?][?+]?)
"""
_PLAIN_TOKEN = re.compile(r"(?P<plain>[^\\\[\](){}*+?|]+)|" + _TOKENS + "|(?P<other>.)", re.X | re.S)
_VERBOSE_TOKEN = re.compile(r"(?P<plain>[^\\\[\](){}*+?|#\s]+)|(?P<space>\s+|\#[^\n]*)|" + _TOKENS
                            + "|(?P<other>.)", re.X | re.S)
_MAYBE_VERBOSE = re.compile(r"\(\?[a-zA-Z0-9-]*x")
_VERBOSE_FROM_START = re.compile(r"\(\?[a-zA-Z0-9]*x[a-zA-Z0-9]*\)")


class UnsafePattern(ValueError):
    """A pattern that would blow up at compile time or recurse at match time."""


def check_pattern(source: str, verbose: bool = False) -> None:
    """Raise UnsafePattern when ``source`` expands past MAX_EXPANSION or calls itself.
    A pattern that may switch verbose mode on is read both ways, and must pass both."""
    if verbose or _VERBOSE_FROM_START.match(source):
        modes: tuple[bool, ...] = (True,)
    else:
        modes = (False, True) if _MAYBE_VERBOSE.search(source) else (False,)
    for mode in modes:
        scan = _Scan(source, mode)
        scan.run()
        if scan.size > MAX_EXPANSION + len(source):
            raise UnsafePattern(
                f"its counted repetitions would write it out to more than {MAX_EXPANSION + len(source):,} "
                "items (nested {n} repeats multiply): use + or * or a smaller count")
        if scan.calls:
            scan.check_recursion()


@dataclass
class _Group:
    number: int  # 0 for a non-capturing group
    name: str | None
    start: int
    end: int = -1
    size: int = 0  # items so far, all branches added
    last: int = 0  # size of the item a quantifier would repeat
    parent: _Group | None = None  # the capturing group it stands in, if any


@dataclass
class _Scan:
    source: str
    verbose: bool
    size: int = 0
    groups: list[_Group] = field(default_factory=list)
    calls: list[tuple[_Group | None, str | int]] = field(default_factory=list)  # (innermost group, target)

    def run(self) -> None:
        s = self.source
        top = _Group(0, None, 0, len(s))
        stack = [top]
        frame = top
        opened = 0  # capturing groups opened so far (numbers the next one)
        for token in (_VERBOSE_TOKEN if self.verbose else _PLAIN_TOKEN).finditer(s):
            kind = token.lastgroup
            if kind == "plain":
                frame.size += token.end() - token.start()
                frame.last = 1
            elif kind in ("esc", "cls", "other"):
                frame.size += 1
                frame.last = 1
            elif kind == "count":
                low, high = token.group(token.re.groupindex["count"] + 1, token.re.groupindex["count"] + 2)
                if not frame.last or not (low or high):
                    frame.size += len(token.group())  # not a repeat: literal braces
                    frame.last = 1
                    continue
                bound = max(int(low or 0), int(high or 0))
                frame.size += frame.last * (bound - 1)
                frame.last *= bound
                if frame.size > 4 * MAX_EXPANSION + len(s):
                    break  # far too big already (and no huge numbers to carry on with)
            elif kind in ("bar", "flags"):
                frame.last = 0
            elif kind == "call":
                self.calls.append((_innermost(stack), self._target(token, opened)))
                frame.size += 1
                frame.last = 1
            elif kind in ("named", "group", "capture"):
                name = None
                if kind != "group":
                    opened += 1
                    name = token.group(token.re.groupindex["named"] + 1) or \
                        token.group(token.re.groupindex["named"] + 2) if kind == "named" else None
                frame = _Group(opened if kind != "group" else 0, name, token.start(), parent=_innermost(stack))
                stack.append(frame)
                self.groups.append(frame)
            elif kind == "close":
                if len(stack) == 1:
                    continue  # unbalanced: the compile will say so
                done = stack.pop()
                done.end = token.end()
                frame = stack[-1]
                frame.size += done.size
                frame.last = done.size
            # comments, verbose-mode space and plain quantifiers (* + ?) add nothing
        while len(stack) > 1:  # unclosed groups: count them anyway
            done = stack.pop()
            stack[-1].size += done.size
        self.size = max(top.size, 0)

    @staticmethod
    def _target(token: re.Match[str], opened: int) -> str | int:
        """What a call names: 0 (the whole pattern), a group number or a group name."""
        at = token.re.groupindex["call"]
        whole, number, name, python_name = token.group(at + 1, at + 2, at + 3, at + 4)
        if whole:
            return 0
        if number:
            if number[0] == "+":
                return opened + int(number)
            if number[0] == "-":
                return opened + int(number) + 1
            return int(number)
        return str(name or python_name)

    def check_recursion(self) -> None:
        """A cycle in "group G holds a call to group H"; a call to the whole pattern is one at once."""
        numbered = {g.number: g for g in self.groups if g.number}
        by_name: dict[str, list[_Group]] = {}
        for g in self.groups:
            if g.name:
                by_name.setdefault(g.name, []).append(g)
        # group -> the groups it runs: those nested in it, and those it calls
        edges: dict[int, set[int]] = {}
        for g in self.groups:
            if g.number and g.parent is not None:
                edges.setdefault(id(g.parent), set()).add(id(g))
        for holder, target in self.calls:
            if target == 0:
                raise UnsafePattern("it calls itself with (?R) or (?0): recursion is not allowed")
            called = by_name.get(target, []) if isinstance(target, str) else \
                [numbered[target]] if target in numbered else []
            if not called:
                raise UnsafePattern(f"it calls group {target!r}, which it does not define")
            if holder is not None:
                edges.setdefault(id(holder), set()).update(id(g) for g in called)
        if _has_cycle(edges):
            raise UnsafePattern("a group calls itself ((?1), (?&name) or (?P>name) inside the group it "
                                "names): recursion is not allowed")


def _innermost(stack: list[_Group]) -> _Group | None:
    """The innermost capturing group open on the stack."""
    for group in reversed(stack):
        if group.number:
            return group
    return None


def _has_cycle(edges: dict[int, set[int]]) -> bool:
    """Whether the directed graph has a cycle (iterative: a pattern may hold thousands of groups)."""
    done: set[int] = set()
    for root in edges:
        if root in done:
            continue
        path = {root}
        stack = [(root, iter(edges.get(root, ())))]
        while stack:
            node, nexts = stack[-1]
            for nxt in nexts:
                if nxt in path:
                    return True
                if nxt not in done:
                    path.add(nxt)
                    stack.append((nxt, iter(edges.get(nxt, ()))))
                    break
            else:
                stack.pop()
                path.discard(node)
                done.add(node)
    return False
