"""Cheap per-document tests that prove a pattern cannot match, so its regex scan is skipped.

About 45 rules run on every document and most rules' trigger words are absent from most
documents, yet a `regex` scan tries its pattern at every position. Two tests stand in
front of the scan (see :func:`may_match`):

- a term list (``terms_regex``) matches whole words only, so every run of word characters
  in a term is a whole word of the document: one set look-up per term against the
  document's words (:class:`WordGate`);
- any other pattern is read once (by :mod:`newslint.pattern_syntax`, a small reader of
  the syntax packs use) for literal strings one of which every match must contain, including the line breaks that ``^``
  and ``$`` stand next to (:class:`NeedleGate`). ``(?m)^[ \\t]*read more`` needs
  ``"\\nread more"`` or ``"\\n read more"``.

Documents are compared in a *view*: case folded where the pattern ignores case (by
:func:`fold`, which folds alike everything `regex` matches case-insensitively; tested
against `regex` itself) and runs of spaces and tabs squeezed to one space (so ``[ \\t]+`` is the
literal ``" "``); ``^`` and ``$`` stand for a line break, which in a needle may also be
either end of the text. A character class too big to list (``\\p{Lu}``) stands in a needle
as one placeholder character and is searched with `re`. The tests only ever say "cannot
match" when that is certain; anything the analysis does not understand (back-references,
fuzzy matching, ...) is simply not used. Gates are built after a pattern's first uses, so
that a one-file run does not pay for the analysis, and kept in the disk cache
(:mod:`newslint.disk_cache`) as plain data.

The same reader gives the entity triggers their needed words (:func:`clauses`, used by
:mod:`newslint.knowledge.scan`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Any

import regex

from . import disk_cache
from . import pattern_syntax as ps

# ----- case folding ----------------------------------------------------------------------------
# `regex` knows a newer Unicode than Python's str methods may (new letter pairs, new simple
# foldings), so folding cannot simply follow Python's case mappings. It is coarser instead:
# ASCII letters and the few characters `regex` matches with them (the Kelvin sign, long s,
# dotted and dotless i) fold to lower-case ASCII; every other character `regex` may match
# with another one ignoring case (it changes under Unicode case mapping or folding, by
# `regex`'s own tables) folds to one stand-in letter; the rest stay as they are. Coarser
# folding can only make a gate say "may match" more often, never hide a match (tested
# against `regex` for every character it case-folds).
_CASED = regex.compile(r"[\p{Changes_When_Casemapped}\p{Changes_When_Casefolded}]")
_WORD_CHAR = regex.compile(r"\w")
#: What a non-ASCII cased character folds to (a letter, as cased characters are: tested).
FOLDED_LETTER = "\u3005"
#: Characters whose case mappings miss the ASCII letter `regex` matches them with.
_FOLD_EXCEPTIONS = {"\u0130": "i"}  # İ lower-cases to two characters


@cache
def fold_char(ch: str) -> str:
    """One character standing for every character `regex` matches ``ch`` with when ignoring
    case, and for every character those match in turn ('i', 'I', 'İ' and 'ı' are all 'i';
    'K', the Kelvin sign and 'k' are 'k'; 'é', 'É' and 'ß' are :data:`FOLDED_LETTER`)."""
    if ch.isascii():
        return ch.lower()
    special = _FOLD_EXCEPTIONS.get(ch)
    if special is not None:
        return special
    if not _CASED.match(ch):
        return ch
    for mapped in (ch.lower(), ch.upper()):
        if len(mapped) == 1 and mapped.isascii():
            return mapped.lower()
    return FOLDED_LETTER


#: The ASCII characters some non-ASCII character folds to (K, ſ, İ and ı; tested).
ASCII_FOLDS_OF_OTHERS = frozenset("iks")


def fold(text: str) -> str:
    """``text`` with every character replaced by :func:`fold_char` (same length): two strings
    `regex` matches case-insensitively fold to the same string."""
    if text.isascii():
        return text.lower()  # for ASCII, fold_char is lower() (tested)
    table = {}
    for ch in set(text):
        if not ch.isascii():
            folded = fold_char(ch)
            if ch.lower() != folded:
                table[ord(ch)] = folded
    return (text.translate(table) if table else text).lower()


def squeeze(text: str) -> str:
    """Runs of spaces and tabs as one space, none after a line break (so that ``^[ \\t]*``
    is just the line break)."""
    if "\t" in text:
        text = text.replace("\t", " ")
    while "  " in text:
        text = text.replace("  ", " ")
    if "\n " in text:
        text = text.replace("\n ", "\n")
    return text


_WORD_RUN = regex.compile(r"\w+")
_ASCII_WORD_RUN = re.compile(r"\w+")


class DocView:
    """What the gates look at for one text, each part built on first use."""

    __slots__ = ("text", "memo", "_folded", "_raw_view", "_folded_view", "_tokens", "_words")

    def __init__(self, text: str) -> None:
        self.text = text
        #: Per-text results that several rules share (kinds choose their own keys).
        self.memo: dict[Any, Any] = {}
        self._folded: str | None = None
        self._raw_view: str | None = None
        self._folded_view: str | None = None
        self._tokens: list[str] | None = None
        self._words: frozenset[str] | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def view(self, folded: bool) -> str:
        """The text squeezed (and folded if asked); a needle's line break may also stand
        for either end of it (see NeedleGate)."""
        if folded:
            if self._folded_view is None:
                self._folded_view = squeeze(self.folded).lstrip(" ")  # the start counts as a line break
            return self._folded_view
        if self._raw_view is None:
            self._raw_view = squeeze(self.text).lstrip(" ")
        return self._raw_view

    @property
    def tokens(self) -> list[str]:
        """The folded runs of word characters (`regex` ``\\w``), in order."""
        if self._tokens is None:
            folded = self.folded
            # in ASCII, `re` has the same \w as `regex`, and is faster
            self._tokens = (_ASCII_WORD_RUN if folded.isascii() else _WORD_RUN).findall(folded)
        return self._tokens

    @property
    def words(self) -> frozenset[str]:
        """The set of :attr:`tokens`."""
        if self._words is None:
            self._words = frozenset(self.tokens)
        return self._words


_VIEWS: dict[int, DocView] = {}  # the last few texts
_DOCUMENT: list[DocView | None] = [None]  # the last long text (a document among its sentences)
#: Texts this long (characters) are documents, kept while shorter ones come and go.
_LONG = 2000


def doc_view(text: str) -> DocView:
    """The view of ``text``, shared by every rule that checks the same text (a view keeps
    its text alive, so an id is never mistaken)."""
    view = _DOCUMENT[0]
    if view is not None and view.text is text:
        return view
    view = _VIEWS.get(id(text))
    if view is not None and view.text is text:
        return view
    view = DocView(text)
    if len(text) >= _LONG:
        _DOCUMENT[0] = view
    else:
        if len(_VIEWS) >= 3:
            _VIEWS.pop(next(iter(_VIEWS)))
        _VIEWS[id(text)] = view
    return view


# ----- gates -----------------------------------------------------------------------------------
class WordGate:
    """A whole-word alternation of terms: it can match only where every word of one of its
    terms (folded runs of word characters) is a word of the document, and only where the
    folded term stands in the folded text."""

    __slots__ = ("keys", "terms")

    def __init__(self, terms: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        self.terms: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for folded, runs in terms:
            self.terms.setdefault(max(runs, key=len), []).append((folded, runs))
        self.keys = frozenset(self.terms)

    def _candidates(self, view: DocView) -> list[str]:
        words = view.words
        if self.keys.isdisjoint(words):
            return []
        return [folded for key in self.keys & words for folded, runs in self.terms[key]
                if all(w in words for w in runs)]

    def may_match(self, view: DocView) -> bool:
        return bool(self._candidates(view))

    def starts(self, view: DocView) -> list[int]:
        """Every offset where a match may start (sorted): where a candidate term stands."""
        text = view.folded
        found = set()
        for term in self._candidates(view):
            pos = text.find(term)
            while pos >= 0:
                found.add(pos)
                pos = text.find(term, pos + 1)
        return sorted(found)


class NeedleGate:
    """A pattern whose every match needs one of ``needles`` in the document's view. A line
    break opening or closing a needle (from ``^`` or ``$``) may also be the text's start or
    end: such needles are tried there too."""

    __slots__ = ("needles", "folded", "_literals", "_searches", "_head", "_tail", "_tail_length")

    def __init__(self, needles: Iterable[str], folded: bool) -> None:
        self.needles = tuple(sorted(set(needles)))
        self.folded = folded
        spelled: set[str] = set()  # an opening space-or-break as the two needles it stands for
        for n in self.needles:
            spelled.update((" " + n[1:], "\n" + n[1:]) if n.startswith(_SPACE_OR_BREAK) else (n,))
        self._literals: tuple[str, ...] = ()
        self._searches: list[Any] = []
        if len(spelled) <= 3 and not any(_class_of(c) for n in spelled for c in n):
            self._literals = tuple(sorted(spelled))  # `in` is quickest for a few plain strings
        else:
            # one search per first character when they are few and plain: `re` then scans
            # for that character quickly instead of trying a class at every position
            groups: dict[str, list[str]] = {}
            for n in spelled:
                groups.setdefault(n[0], []).append(n)
            if len(groups) > 4 or any(_class_of(c) for c in groups):
                groups = {"": list(spelled)}
            self._searches = [re.compile(trie_pattern(g)).search for g in groups.values()]
        heads = [n[1:] for n in self.needles if n.startswith(("\n", _SPACE_OR_BREAK))]
        tails = [n[:-1] for n in self.needles if n.endswith("\n") and len(n) > 1]
        # at the start (a closing line break may then be the end too)
        self._head = re.compile(trie_pattern(h[:-1] + _END if h.endswith("\n") else h for h in heads)).match \
            if heads else None
        self._tail = re.compile("(?:" + trie_pattern(tails) + ")\\Z").search if tails else None
        self._tail_length = max((len(t) for t in tails), default=0)

    def may_match(self, view: DocView) -> bool:
        text = view.view(self.folded)
        if any(n in text for n in self._literals) or any(s(text) is not None for s in self._searches):
            return True
        if self._head is not None and self._head(text) is not None:
            return True
        return self._tail is not None and self._tail(text, max(0, len(text) - self._tail_length)) is not None


# ----- character classes in needles ------------------------------------------------------------
# A class too big to spell out (\p{Lu}, [a-z]) stands in needles as one private-use character
# (from plane 16); a NeedleGate searches such needles with `re`, the class as its ASCII
# members plus, where it may match one, any non-ASCII character.
_CLASS_BASE = 0x100000
_CLASSES: list[tuple[frozenset[str], bool]] = []
_CLASS_INDEX: dict[tuple[frozenset[str], bool], str] = {}


def _class_char(ascii_members: frozenset[str], other: bool) -> str:
    key = (ascii_members, other)
    ch = _CLASS_INDEX.get(key)
    if ch is None:
        ch = _CLASS_INDEX[key] = chr(_CLASS_BASE + len(_CLASSES))
        _CLASSES.append(key)
    return ch


_END = "\U0010fffe"  # in a head needle: its closing line break, which may be the text's end
_SPACE_OR_BREAK = "\U0010fffd"  # a needle's opening space, which the view drops after a line break


def _class_of(ch: str) -> tuple[frozenset[str], bool] | None:
    index = ord(ch) - _CLASS_BASE
    return _CLASSES[index] if 0 <= index < len(_CLASSES) else None


def _fold_needle(text: str) -> str:
    """``squeeze(fold(text))``, classes replaced by their folded classes."""
    out = []
    for ch in squeeze(fold(text)):
        known = _class_of(ch)
        if known is not None:
            members, other = known
            folded = frozenset(fold(c) for c in members) | (ASCII_FOLDS_OF_OTHERS if other else frozenset())
            ch = _class_char(folded, other)
        out.append(ch)
    return "".join(out)


def _class_regex(ch: str) -> str:
    if ch == _END:
        return r"(?:\n|\Z)"
    if ch == _SPACE_OR_BREAK:
        return "[ \n]"
    known = _class_of(ch)
    if known is None:
        return re.escape(ch)
    members, other = known
    if other:  # every character but the ASCII ones that are not members (quick for `re`)
        return "[^" + "".join(re.escape(chr(c)) for c in range(128) if chr(c) not in members) + "]"
    return "[" + "".join(re.escape(c) for c in sorted(members)) + "]" if members else "(?!)"


def trie_pattern(words: Iterable[str]) -> str:
    """An `re` alternation of literal ``words`` as a trie ("a(?:lso|dvert)"): each position
    enters one branch, instead of trying every word in turn."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alternatives = [_class_regex(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def word_runs(terms: Iterable[str], ignore_case: bool) -> list[tuple[str, tuple[str, ...]]] | None:
    """For a whole-word alternation of ``terms``: each term folded, with its folded runs of
    word characters, or None where some term has none or ignoring case would make its words
    unsafe to fold."""
    found = []
    for term in terms:
        runs = _WORD_RUN.findall(term)
        if not runs:
            return None
        if ignore_case and not all(_safe_ignorecase(c) for c in term):
            return None
        found.append((fold(term), tuple(fold(r) for r in runs)))
    return found


@cache
def _safe_ignorecase(ch: str) -> bool:
    """Every character `regex` matches ``ch`` with is a word character exactly when ``ch`` is
    (the characters that fold alike share word-ness; tested)."""
    return bool(_WORD_RUN.fullmatch(ch)) == bool(_WORD_RUN.fullmatch(fold_char(ch)))


# ----- pattern analysis ------------------------------------------------------------------------
#: Most strings a set may hold while literals are combined; more and the set is dropped.
LIMIT = 64
#: Most characters a character class may stand for to count as a literal.
SET_LIMIT = 12


@dataclass(frozen=True)
class _Info:
    """What every match of a piece of a pattern looks like in the view: exactly one of
    ``exact``, starting with one of ``pre``, ending with one of ``suf``, containing one of
    ``req`` (None: unknown). Strings are squeezed, and folded when ``folded``."""

    exact: frozenset[str] | None = None
    pre: frozenset[str] | None = None
    suf: frozenset[str] | None = None
    req: frozenset[str] | None = None
    folded: bool = False

    def as_folded(self) -> _Info:
        if self.folded:
            return self

        def f(s: frozenset[str] | None) -> frozenset[str] | None:
            return None if s is None else frozenset(_fold_needle(x) for x in s)

        return _Info(f(self.exact), f(self.pre), f(self.suf), f(self.req), True)

    def starts(self) -> frozenset[str] | None:
        return self.exact if self.exact is not None else self.pre

    def ends(self) -> frozenset[str] | None:
        return self.exact if self.exact is not None else self.suf

    @cached_property
    def needs(self) -> frozenset[str] | None:
        return _best([self.exact, self.req, self.pre, self.suf])


_EMPTY = _Info(frozenset([""]), frozenset([""]), frozenset([""]), None)
_UNKNOWN = _Info()


def _product(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None or b is None or len(a) * len(b) > LIMIT:
        return None
    return frozenset(squeeze(x + y) for x in a for y in b)


@cache
def _likelihood(needle: str) -> float:
    """A rough chance that a news article holds ``needle``: letters and spaces are common, a
    line break before a word, a mark after a space or a rare mark are not."""
    p = 200.0
    before = ""
    for ch in needle:
        if ch == " ":
            p *= 0.9
        elif ch.isascii() and ch.isalpha():
            p *= 0.35
        elif ch.isdigit():
            p *= 0.3
        elif ch == "\n":
            p *= 0.02
        elif _class_of(ch) is not None:
            p *= _class_likelihood(ch)
        elif before in (" ", "\n"):
            p *= 0.01  # prose puts marks after words
        elif ch in ".,":
            p *= 0.3
        else:
            p *= 0.05
        before = ch
    return p


def _class_likelihood(ch: str) -> float:
    members, _ = _class_of(ch)  # type: ignore[misc]
    if sum(c.islower() for c in members) >= 5:
        return 0.9  # a lower-case letter
    if sum(c.isupper() for c in members) >= 5:
        return 0.1  # a capital
    return 0.3


def _best(candidates: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """The most selective set of strings: the longest shortest string (up to 6), then the
    least likely to be in an article, each string costing a search."""
    best = None
    best_score = (0, 0.0)
    for c in candidates:
        if not c or "" in c:
            continue
        score = _score(c)
        if best is None or score < best_score:
            best, best_score = c, score
    return best


@lru_cache(maxsize=4096)
def _score(needles: frozenset[str]) -> tuple[int, float]:
    return (-min(6, min(len(s) for s in needles)), sum(_likelihood(s) for s in needles) + 0.003 * len(needles))


def _concat(a: _Info, b: _Info) -> _Info:
    if a.folded != b.folded:
        a, b = a.as_folded(), b.as_folded()
    exact = _product(a.exact, b.exact)
    pre: frozenset[str] | None
    suf: frozenset[str] | None
    if a.exact is not None:
        pre = _product(a.exact, b.starts()) or a.exact
    else:
        pre = a.pre
    if b.exact is not None:
        suf = _product(a.ends(), b.exact) or b.exact
    else:
        suf = b.suf
    req = _best([a.needs, b.needs, _product(a.ends(), b.starts())])
    return _Info(exact, pre, suf, req, a.folded)


def _union(items: list[_Info]) -> _Info:
    if any(i.folded for i in items):
        items = [i.as_folded() for i in items]

    def joined(sets: list[frozenset[str] | None], limit: int) -> frozenset[str] | None:
        if any(s is None for s in sets):
            return None
        out = frozenset().union(*sets)  # type: ignore[arg-type]
        return out if len(out) <= limit else None

    return _Info(
        joined([i.exact for i in items], LIMIT),
        joined([i.starts() for i in items], LIMIT),
        joined([i.ends() for i in items], LIMIT),
        joined([i.needs for i in items], 4 * LIMIT),
        bool(items) and items[0].folded,
    )


def _literal(chars: frozenset[str], ignore: bool) -> _Info:
    if len(chars) > SET_LIMIT:
        return _UNKNOWN
    if ignore:
        return _Info(exact=frozenset(squeeze(fold(c)) for c in chars), folded=True)
    return _Info(exact=frozenset(squeeze(c) for c in chars))


def _big_class(node: ps.CharSet) -> _Info:
    """One character from a class: a class placeholder (see _class_char)."""
    try:
        # with IGNORECASE, `regex` matches an ASCII letter wherever the class holds any
        # case of it: the folded members are those ASCII characters, folded
        members = frozenset((fold_char if node.ignore else str)(chr(a)) for a in range(128)
                            if node.matches(chr(a)))
    except Exception:  # noqa: BLE001 - a class `regex` will not compile alone: unknown
        return _UNKNOWN
    if " " in members or "\t" in members:
        return _UNKNOWN  # spaces are squeezed in the view: a class of them is not one character
    other = node.non_ascii
    if node.ignore and other:
        members |= ASCII_FOLDS_OF_OTHERS
    return _Info(exact=frozenset([_class_char(members, other)]), folded=node.ignore)


def _behind(text: str) -> _Info:
    """A position just after ``text`` (a zero-width look-behind)."""
    return _Info(pre=frozenset([""]), suf=frozenset([text]))


def _ahead(text: str) -> _Info:
    return _Info(pre=frozenset([text]), suf=frozenset([""]))


def _analyse(node: ps.Node) -> _Info:
    if isinstance(node, ps.Seq):
        info = _EMPTY
        for item in node.items:
            info = _concat(info, _analyse(item))
        return info
    if isinstance(node, ps.Alt):
        return _union([_analyse(b) for b in node.branches])
    if isinstance(node, ps.Group):
        return _analyse(node.body)
    if isinstance(node, ps.Repeat):
        return _repeat(_analyse(node.body), node.least, node.most)
    if isinstance(node, ps.Char):
        return _literal(frozenset([node.ch]), node.ignore)
    if isinstance(node, ps.CharSet):
        if node.chars is not None and len(node.chars) <= SET_LIMIT:
            return _literal(node.chars, node.ignore)
        return _big_class(node)
    if isinstance(node, ps.Look):
        if not node.positive:
            return _EMPTY
        inner = _analyse(node.body)
        if node.behind:
            return _Info(pre=frozenset([""]), suf=inner.ends(), req=inner.needs, folded=inner.folded)
        return _Info(pre=inner.starts(), suf=frozenset([""]), req=inner.needs, folded=inner.folded)
    if isinstance(node, ps.Anchor):
        if node.kind in ("line_start", "start"):
            return _behind("\n")
        if node.kind in ("line_end", "end"):
            return _ahead("\n")
        return _EMPTY
    return _UNKNOWN


def _repeat(body: _Info, least: int, most: int | None) -> _Info:
    if body.exact is not None and body.exact <= {" ", ""}:
        # squeezed spaces: one run of any length is one space
        return _Info(exact=frozenset([" "]) if least and "" not in body.exact else frozenset(["", " "]),
                     folded=body.folded)
    if body.exact is not None and most is not None and most <= 4:
        exact: frozenset[str] | None = frozenset([""])
        counts: list[frozenset[str] | None] = []
        for count in range(most + 1):
            if count >= least:
                counts.append(exact)
            exact = _product(exact, body.exact)
        if all(c is not None for c in counts):
            return _union([_Info(exact=c, folded=body.folded) for c in counts])
    if least >= 1:
        return _Info(pre=body.starts(), suf=body.ends(), req=body.needs, folded=body.folded)
    return _UNKNOWN


def needle_gate(source: str, flags: int = 0) -> NeedleGate | None:
    """A gate for a `regex` pattern, or None when no literal is certain to be needed; kept
    in the disk cache as plain data (reading the pattern takes longer than loading that)."""
    cache_source = f"{int(flags)}\0{source}"
    stored = disk_cache.read("gates", cache_source, _decode_gate, _GATE_VERSIONS)
    if stored is not None:
        return stored[0]
    gate = _analysed_gate(source, flags)
    disk_cache.write("gates", cache_source, _encode_gate(gate), _GATE_VERSIONS)
    return gate


#: Bump ANALYSIS_VERSION when the analysis changes, so cached gates from an older one are not used.
ANALYSIS_VERSION = 4
_GATE_VERSIONS = (f"gates {ANALYSIS_VERSION}", f"regex {regex.__version__}")


def _encode_gate(gate: NeedleGate | None) -> Any:
    """Needles with their classes spelled out (class placeholders are per process)."""
    if gate is None:
        return None
    needles = []
    for needle in gate.needles:
        items: list[Any] = []
        for ch in needle:
            known = _class_of(ch)
            items.append(ch if known is None else ["".join(sorted(known[0])), known[1]])
        needles.append(items)
    return [gate.folded, needles]


def _decode_gate(data: Any) -> tuple[NeedleGate | None]:
    """A stored gate (in a one-item tuple: a stored None is "no gate"); TypeError on
    anything but what _encode_gate writes."""
    if data is None:
        return (None,)
    if type(data) is not list or len(data) != 2 or type(data[0]) is not bool or type(data[1]) is not list:
        raise TypeError("not a gate")
    folded, needles = data
    if not needles or len(needles) > 4 * LIMIT:
        raise TypeError("not a gate")
    decoded = []
    for items in needles:
        if type(items) is not list or not items:
            raise TypeError("not a needle")
        chars = []
        for item in items:
            if type(item) is str and len(item) == 1:
                chars.append(item)
            elif (type(item) is list and len(item) == 2 and type(item[0]) is str and item[0].isascii()
                  and type(item[1]) is bool):
                chars.append(_class_char(frozenset(item[0]), item[1]))
            else:
                raise TypeError("not a needle")
        decoded.append("".join(chars))
    return (NeedleGate(decoded, folded),)


def _analysed_gate(source: str, flags: int) -> NeedleGate | None:
    try:
        info = _analyse(ps.parse(source, flags))
    except Exception:  # noqa: BLE001 - anything unexpected: no gate, the pattern always runs
        return None
    needles = info.needs
    if not needles or sum(_likelihood(n) for n in needles) >= 50:
        return None  # nothing needed, or only what every article has (".", a letter)
    # A needle's part after leading classes is needed too, and `re` finds a needle that
    # starts with a literal character much faster. An opening space may be gone from the
    # view (after a line break, or at the start): it stands for either.
    stripped = set()
    for needle in needles:
        start = 0
        while start < len(needle) - 1 and _class_of(needle[start]) is not None:
            start += 1
        needle = needle[start:]
        if needle.startswith(" "):
            needle = _SPACE_OR_BREAK + needle[1:]
        stripped.add(needle)
    return NeedleGate(stripped, info.folded)


# ----- registry --------------------------------------------------------------------------------
#: Uses of a pattern before its gate is built: a gate pays off over many documents, and a
#: one-file run (an editor, a pre-commit hook) should not pay for the analysis...
WARMUP = 2
#: ... unless the text is this long (characters): then it pays off at once.
LONG_TEXT = 10_000
_ALWAYS = object()
_GATES: dict[Any, Any] = {}  # pattern -> gate, _ALWAYS, or the number of uses so far
_TERMS: dict[Any, tuple[list[str], bool]] = {}


def set_terms(pattern: Any, terms: list[str], ignore_case: bool) -> None:
    """Record that ``pattern`` is a whole-word alternation of ``terms`` (see terms_regex)."""
    _TERMS[pattern] = (list(terms), ignore_case)
    _GATES.pop(pattern, None)


def _build(pattern: Any) -> Any:
    terms = _TERMS.get(pattern)
    if terms is not None:
        runs = word_runs(*terms)
        return _ALWAYS if runs is None else WordGate(runs)
    return needle_gate(pattern.pattern, pattern.flags) or _ALWAYS


def gate_of(pattern: Any, now: bool = False) -> Any:
    """The gate of a compiled pattern (None: none yet, or none possible), built once the
    pattern has been used WARMUP times (or ``now``)."""
    gate = _GATES.get(pattern, 0)
    if isinstance(gate, int):
        if gate < WARMUP and not now:
            _GATES[pattern] = gate + 1
            return None
        gate = _GATES[pattern] = _build(pattern)
    return None if gate is _ALWAYS else gate


def may_match(pattern: Any, text: str) -> bool:
    """False only when ``pattern`` certainly has no match in ``text``."""
    gate = gate_of(pattern, now=True)
    return gate is None or gate.may_match(doc_view(text))
