"""Per-document work the entities kinds share, and cheap tests that skip a trigger.

Five rules (NL301-NL305) read the same sentences of the same article: each one
used to split the article, search every sentence for its organisations, and run
every trigger on every sentence that names one. Here the sentences, the words of
the article, the countries each sentence names and the "quiet" verdicts are
computed once per document (stored on the Context under a private name), and each
trigger carries the words it cannot match without (:func:`needs_of`), so most
triggers are skipped with a few substring tests instead of a regex scan. Triggers
are compiled on first use: a country alternation is slow to parse, and a short
article needs few of them.
"""
from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from .. import disk_cache
from .. import pattern_syntax as ps
from ..prefilter import fold
from .countries import Countries

_KEY = "_newslint_entities_scan"
_SPACE = regex.compile(r"\s")
_THE = regex.compile(r"(?i:the)")
#: Shortest literal worth testing: shorter ones ("to", "of") are in nearly every sentence.
MIN_LITERAL = 3
COUNTRY, COUNTRIES, DEMONYM = "\ue000", "\ue002", "\ue001"  # stand-ins for the placeholders
_NEED_COUNTRY, _NEED_DEMONYM = "<country>", "<demonym>"
_NEEDS_VERSION = 5  # bump when the analysis changes: results are cached on disk
_NEEDS_VERSIONS = (f"needs {_NEEDS_VERSION}",)
# Sentences are folded by prefilter.fold, which maps every character `regex` IGNORECASE
# matches with an ASCII letter to that letter (lower case), as the needed words are.


# ----- what a trigger cannot match without ------------------------------------------------------

@dataclass(frozen=True)
class Needs:
    """Clauses that must all hold for a pattern to match a sentence: each clause is a set
    of alternatives, lower-case literals (substrings of the folded sentence) or the
    markers ``<country>`` / ``<demonym>`` (the sentence names one)."""

    clauses: tuple[frozenset[str], ...] = ()
    #: "country" / "countries" when every match starts with that placeholder, else "".
    lead: str = ""

    def __post_init__(self) -> None:
        _LITERALS.add(n for c in self.clauses for n in c if not n.startswith("<"))

    def met(self, sentence: Sentence, countries: Countries) -> bool:
        present = sentence.literals()
        for clause in self.clauses:
            if clause.isdisjoint(present) and not (
                    (_NEED_COUNTRY in clause and sentence.has(_NEED_COUNTRY, countries))
                    or (_NEED_DEMONYM in clause and sentence.has(_NEED_DEMONYM, countries))):
                return False
        return True


class _Literals:
    """Every literal some :class:`Needs` tests, found in a sentence with one regex scan.

    At each position a trie-shaped lookahead finds the longest literal that starts
    there; the shorter ones that start there are exactly its prefixes that are
    literals too, so the scan yields the set of literals the sentence contains."""

    def __init__(self) -> None:
        self.words: dict[str, None] = {}
        self._index: tuple[Any, dict[str, frozenset[str]]] | None = None
        self.version = 0  # grows with each new literal: sentences scanned before must rescan

    def add(self, words: Iterable[str]) -> None:
        for word in words:
            if word not in self.words:
                self.words[word] = None
                self._index = None
                self.version += 1

    def found(self, folded: str) -> frozenset[str]:
        if self._index is None:
            import re

            from .trie import trie_pattern

            words = list(self.words)
            pattern = re.compile("(?=(" + trie_pattern(words) + "))") if words else None
            known = self.words
            prefixes = {w: frozenset(w[:n] for n in range(1, len(w) + 1) if w[:n] in known) for w in words}
            self._index = (pattern, prefixes)
        pattern, prefixes = self._index
        if pattern is None:
            return frozenset()
        found: set[str] = set()
        for match in pattern.finditer(folded):
            found |= prefixes[match.group(1)]
        return frozenset(found)


_LITERALS = _Literals()


def needs_of(source: str, stand_ins: dict[str, str] | None = None) -> Needs:
    """What a pack pattern (with ``{placeholders}``) needs, from its parse tree: literal
    words outside optional parts, alternations as sets, a ``{country}`` /
    ``{countries}`` / ``{demonym}`` that is not optional. Anything the analysis does not
    understand needs nothing, so the result may be weaker than the pattern, never stronger.
    Parsing is slow next to a check, so results are kept beside the regex disk cache."""
    stand_ins = stand_ins or {}
    cache_source = json.dumps([source, stand_ins], sort_keys=True)
    cached = disk_cache.read("needs", cache_source, _decode_needs, _NEEDS_VERSIONS)
    if cached is not None:
        return cached
    found = _analyse(source, stand_ins)
    disk_cache.write("needs", cache_source, {"clauses": [sorted(c) for c in found.clauses], "lead": found.lead},
                     _NEEDS_VERSIONS)
    return found


def _decode_needs(data: Any) -> Needs:
    """A stored Needs; TypeError on anything but what needs_of writes."""
    clauses, lead = data["clauses"], data["lead"]
    if not isinstance(clauses, list) or not all(
            isinstance(c, list) and c and all(isinstance(n, str) and n for n in c) for c in clauses):
        raise TypeError("not clauses")
    if lead not in ("", "country", "countries"):
        raise ValueError("not a lead")
    return Needs(tuple(frozenset(c) for c in clauses), lead)


def _analyse(source: str, stand_ins: dict[str, str]) -> Needs:
    from .claims import PLACEHOLDERS

    def stand_in(m: Any) -> str:
        name = m.group(1)
        if name in stand_ins:
            return stand_ins[name]
        if name in ("country", "countries"):
            return f"(?:{COUNTRY if name == 'country' else COUNTRIES})"
        if name == "demonym":
            return f"(?:{DEMONYM})"
        return "(?:)" if name == "end" else "(?:.)"

    if any(c in source for c in (COUNTRY, COUNTRIES, DEMONYM)):
        return Needs()  # the stand-ins would be ambiguous
    dummy = regex.sub(r"\{(" + "|".join(PLACEHOLDERS) + r")\}", stand_in, source)
    # `regex` syntax that `re` reads differently: fuzzy "{e<=1}", and anything else
    # in braces that is not a repeat count, would be taken for literal text.
    try:
        tree = ps.parse(dummy, regex.V0)
    except ps.Unsupported:  # syntax the reader does not model: no shortcut for this pattern
        return Needs()
    clauses = list(dict.fromkeys(_sequence(tree)))
    # Words first: a substring test is cheaper than the country scan a marker needs.
    clauses.sort(key=lambda c: any(n.startswith("<") for n in c))
    return Needs(tuple(clauses), _lead(tree))


def _lead(tree: ps.Node) -> str:
    """"country" / "countries" if the pattern's first item is that placeholder (inside
    leading groups, not optional, no alternative before it), else ""."""
    node = tree
    while True:
        if isinstance(node, ps.Seq):
            if not node.items:
                return ""
            node = node.items[0]
        elif isinstance(node, ps.Group):
            node = node.body
        elif isinstance(node, ps.Char) and node.ch in (COUNTRY, COUNTRIES):
            return "country" if node.ch == COUNTRY else "countries"
        else:
            return ""


_STAND_INS = {COUNTRY: _NEED_COUNTRY, COUNTRIES: _NEED_COUNTRY, DEMONYM: _NEED_DEMONYM}


def _sequence(node: ps.Node) -> list[frozenset[str]]:
    """Clauses every match of ``node`` satisfies: runs of ASCII letters (lower case) of at
    least MIN_LITERAL, a stand-in that is not optional, and alternations whose every
    branch needs something (as a set of each branch's strongest clause)."""
    items = node.items if isinstance(node, ps.Seq) else (node,)
    clauses: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= MIN_LITERAL:
            clauses.append(frozenset({"".join(run)}))
        run.clear()

    for item in items:
        if isinstance(item, ps.Char):
            char = item.ch
            if char.isascii() and char.isalpha():
                run.append(char.lower())
                continue
            flush()
            if char in _STAND_INS:
                clauses.append(frozenset({_STAND_INS[char]}))
            continue
        tails = _tails(item) if run else None
        if tails is not None and all(len(run) + len(t) >= MIN_LITERAL for t in tails):
            # "le(?:d|ads)": the run goes on in one of these ways
            stem = "".join(run)
            clauses.append(frozenset(stem + t for t in tails))
        flush()
        if isinstance(item, ps.Group):
            clauses += _sequence(item.body)
        elif isinstance(item, ps.Repeat):
            if item.least >= 1:
                clauses += _sequence(item.body)
        elif isinstance(item, ps.Alt):
            branches = [_sequence(b) for b in item.branches]
            if branches and all(branches):
                clauses.append(frozenset().union(*(max(b, key=_strength) for b in branches)))
        # anything else (sets, assertions, anchors) needs nothing
    flush()
    return clauses


def _tails(item: ps.Node) -> list[str] | None:
    """The words a literal run may continue with when ``item`` is a group of an alternation
    of plain letters ("(?:d|ads|ading)") or a set of letters ("[ds]"); None otherwise."""
    if isinstance(item, ps.Group):
        item = item.body
    if isinstance(item, ps.CharSet) and item.chars is not None:
        if not all(c.isascii() and c.isalpha() for c in item.chars):
            return None
        return sorted({c.lower() for c in item.chars})
    if isinstance(item, ps.Alt):
        tails = []
        for branch in item.branches:
            chars = branch.items if isinstance(branch, ps.Seq) else (branch,)
            if not chars or not all(isinstance(c, ps.Char) and c.ch.isascii() and c.ch.isalpha() for c in chars):
                return None
            tails.append("".join(c.ch.lower() for c in chars))  # type: ignore[union-attr]
        return tails
    return None


def _strength(clause: frozenset[str]) -> tuple[int, int]:
    """Prefer the clause whose weakest alternative is longest, then the one with fewest."""
    return min(3 if n.startswith("<") else len(n) for n in clause), -len(clause)


# ----- sentences and documents -------------------------------------------------------------------

@dataclass
class Sentence:
    """One sentence of the article, with what the triggers ask of it, worked out once."""

    start: int
    text: str
    _folded: str | None = field(default=None, repr=False)
    _countries: list[Any] | None = field(default=None, repr=False)
    _demonym: bool | None = field(default=None, repr=False)
    _literals: tuple[int, frozenset[str]] | None = field(default=None, repr=False)
    _name_starts: list[int] | None = field(default=None, repr=False)
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False)

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def countries(self, countries: Countries) -> list[Any]:
        """Every country name in the sentence (``Countries.compiled().finditer``)."""
        if self._countries is None:
            self._countries = list(countries.compiled().finditer(self.text))
        return self._countries

    def literals(self) -> frozenset[str]:
        """The literals of every trigger's :class:`Needs` that the folded sentence contains."""
        if self._literals is None or self._literals[0] != _LITERALS.version:
            self._literals = (_LITERALS.version, _LITERALS.found(self.folded))
        return self._literals[1]

    def starts(self, lead: str, countries: Countries) -> list[int]:
        """Every offset where a trigger that starts with ``{country}`` (``lead`` "country")
        or ``{countries}`` can match: where a country name starts (names may overlap:
        "the UK" and "UK"), and for ``{countries}`` also at a "the" right before one
        (the list's optional article)."""
        key = lead
        found = self._starts.get(key)
        if found is not None:
            return found
        names = self._name_starts
        if names is None:
            names = self._name_starts = [m.start() for m in
                                         countries.compiled().finditer(self.text, overlapped=True)]
        found = set(names)
        if lead == "countries":
            text = self.text
            for first in names:
                # The name's lookbehind keeps a word character out of the way: a "the"
                # before it ends where the spaces before the name begin.
                at = first
                while at > 0 and _SPACE.match(text, at - 1):
                    at -= 1
                if at < first and at >= 3 and _THE.fullmatch(text, at - 3, at):
                    found.add(at - 3)
        self._starts[key] = sorted(found)
        return self._starts[key]

    def has(self, need: str, countries: Countries) -> bool:
        if need == _NEED_COUNTRY:
            return bool(self.countries(countries))
        if need == _NEED_DEMONYM:
            if self._demonym is None:
                self._demonym = countries.demonyms_compiled().search(self.text) is not None
            return self._demonym
        return need in self.folded


class Scan:
    """A document's sentences and shared lookups, built on first use."""

    def __init__(self, ctx: Any) -> None:
        from .claims import sentences

        text = ctx.text
        self.text = text
        self.sentences = [Sentence(s, text[s:e]) for s, e in sentences(ctx)]
        self._starts = [s.start for s in self.sentences]
        ends = [s.start + len(s.text) for s in self.sentences]
        self._ends = ends
        # Occurrences are placed in sentences by offset: needs sorted, disjoint spans.
        self._ordered = all(ends[i] <= self._starts[i + 1] for i in range(len(ends) - 1))
        self._names: tuple[int, set[str], dict[int, set[str]]] | None = None
        self._quiet: dict[tuple[Any, ...], dict[int, bool]] = {}
        self._memo: dict[Any, Any] = {}
        self._folded: str | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def names(self, words: tuple[str, ...]) -> tuple[set[str], dict[int, set[str]]]:
        """(the organisation names that occur in the document, {sentence index: the names
        that occur inside that sentence}), for ``words`` and every name other rules look
        for; case-sensitive substrings, as the rules' prefilters always were."""
        _NAMES.add(words)
        if self._names is None or self._names[0] != _NAMES.version:
            self._names = (_NAMES.version, *self._find_names())
        return self._names[1], self._names[2]

    def _find_names(self) -> tuple[set[str], dict[int, set[str]]]:
        text, sentences = self.text, self.sentences
        pattern, prefixes = _NAMES.index()
        if not self._ordered:  # not expected; stay exact the slow way
            words = list(prefixes)
            inside = {i: {w for w in words if w in s.text} for i, s in enumerate(sentences)}
            return {w for w in words if w in text}, {i: ws for i, ws in inside.items() if ws}
        anywhere: set[str] = set()
        inside: dict[int, set[str]] = {}
        search, starts, ends = pattern.search, self._starts, self._ends
        match = search(text)
        while match is not None:
            at = match.start()
            # Every name that starts here is a prefix of the longest one found.
            fitting = prefixes[match.group()]
            anywhere.update(w for w, _ in fitting)
            index = bisect_right(starts, at) - 1
            if index >= 0 and at < ends[index]:
                for word, length in fitting:
                    if at + length <= ends[index]:
                        inside.setdefault(index, set()).add(word)
            match = search(text, at + 1)
        return anywhere, inside

    def silenced(self, quiet: list[Any], index: int) -> bool:
        """Whether a ``quiet`` pattern matches sentence ``index`` (shared by rules whose
        packs give the same patterns)."""
        if not quiet:
            return False
        key = tuple((p.pattern, p.flags) for p in quiet)
        verdicts = self._quiet.setdefault(key, {})
        verdict = verdicts.get(index)
        if verdict is None:
            text = self.sentences[index].text
            verdict = verdicts[index] = any(_found(p, text) for p in quiet)
        return verdict

    def memo(self, key: Any, make: Callable[[], Any]) -> Any:
        """A per-document value computed once (e.g. the years an undated article names)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]


class _Names:
    """Every organisation name some rule looks for, found in a document with one scan.

    A `re` trie finds the longest name starting at each offset (plain `re` is exact
    for literal text); the other names starting there are its prefixes."""

    def __init__(self) -> None:
        self.words: dict[str, None] = {}
        self._seen: set[tuple[str, ...]] = set()
        self._index: tuple[Any, dict[str, list[tuple[str, int]]]] | None = None
        self.version = 0  # grows with each new name: documents scanned before must rescan

    def add(self, words: tuple[str, ...]) -> None:
        if words in self._seen:
            return
        self._seen.add(words)
        for word in words:
            if word and word not in self.words:
                self.words[word] = None
                self._index = None
                self.version += 1

    def index(self) -> tuple[Any, dict[str, list[tuple[str, int]]]]:
        if self._index is None:
            import re

            from .trie import trie_pattern

            words = list(self.words)
            pattern = re.compile(trie_pattern(words) if words else "(?!)")
            known = self.words
            prefixes = {w: [(w[:n], n) for n in range(1, len(w) + 1) if w[:n] in known] for w in words}
            self._index = (pattern, prefixes)
        return self._index


_NAMES = _Names()


def scan(ctx: Any) -> Scan:
    """The document's :class:`Scan`, shared by every entities rule that reads it."""
    found = ctx.memo.get(_KEY)
    if found is None:
        found = ctx.memo[_KEY] = Scan(ctx)
    return found


class Trigger:
    """A pack pattern, compiled against the knowledge base on first use."""

    def __init__(self, source: str, compile_: Callable[[], Any], needs: Needs, anaphoric: bool = False,
                 **info: Any) -> None:
        self.source = source
        self._compile = compile_
        self._pattern: Any = None
        self.needs = needs
        self.anaphoric = anaphoric
        self.info = info

    @property
    def pattern(self) -> Any:
        if self._pattern is None:
            self._pattern = self._compile()
        return self._pattern

    def finditer(self, sentence: Sentence, countries: Countries) -> Iterator[Any]:
        """What ``pattern.finditer`` finds in the sentence, bounded by PATTERN_TIMEOUT, as
        ``safe_regex.finditer`` but without its prefilter (the needs already gate the
        trigger, and analysing a pattern that holds the country names is slow). A trigger
        that starts with a country is tried only where one starts: the same matches, as
        it can match nowhere else (lookbehinds still see the text before)."""
        from ..safe_regex import PATTERN_TIMEOUT, PatternTimeout, matches_at

        pattern, text = self.pattern, sentence.text
        if self.needs.lead:
            yield from matches_at(pattern, text, sentence.starts(self.needs.lead, countries))
            return
        try:
            yield from pattern.finditer(text, timeout=PATTERN_TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(pattern.pattern) from None


class Triggers:
    """A rule's triggers, indexed by a literal each one needs, so that a sentence is
    tested only against the triggers whose key literal it contains."""

    def __init__(self, triggers: list[Trigger]) -> None:
        self.triggers = triggers
        self._always: list[int] = []
        self._by_literal: dict[str, list[int]] = {}
        for i, trigger in enumerate(triggers):
            words = [c for c in trigger.needs.clauses if not any(n.startswith("<") for n in c)]
            if not words:
                self._always.append(i)
                continue
            for literal in max(words, key=_strength):
                self._by_literal.setdefault(literal, []).append(i)

    def __bool__(self) -> bool:
        return bool(self.triggers)

    def passing(self, sentence: Sentence, countries: Countries, named: bool) -> list[Trigger]:
        """The triggers, in order, that may match the sentence: those for sentences that
        name the organisation (``named``) or refer back to it, whose needs it meets."""
        chosen = set(self._always)
        by_literal = self._by_literal
        for literal in sentence.literals():
            if literal in by_literal:
                chosen.update(by_literal[literal])
        found = []
        for i in sorted(chosen):
            trigger = self.triggers[i]
            wanted = trigger.anaphoric != named or trigger.info.get("anywhere")
            if wanted and trigger.needs.met(sentence, countries):
                found.append(trigger)
        return found


def candidates(ctx: Any, words: tuple[str, ...], quiet: list[Any], triggers: Triggers, countries: Countries,
               anaphora: tuple[str, ...] = (), anaphor: Any = None) -> Iterator[tuple[Sentence, list[Trigger]]]:
    """(sentence, the triggers to run on it) for each sentence worth checking: one that
    contains one of ``words`` (the organisations' names) or, with ``anaphor``, refers
    back to one ("the alliance": it contains one of the nouns ``anaphora``, then
    matches ``anaphor``); one that some trigger may match, and that no ``quiet``
    pattern silences. Nothing at all when the document names none of the organisations."""
    doc = scan(ctx)
    anywhere, names_in = doc.names(words)
    wanted = _frozen(words)
    if "" in wanted:  # an empty name is in every sentence
        named_in = set(range(len(doc.sentences)))
    elif wanted.isdisjoint(anywhere):
        return
    else:
        named_in = {i for i, found in names_in.items() if not wanted.isdisjoint(found)}
    indices = set(named_in)
    if anaphor is not None and any(n in doc.folded for n in anaphora):
        # fold() keeps every letter `regex` IGNORECASE would match as that letter
        indices.update(i for i, s in enumerate(doc.sentences) if any(n in s.folded for n in anaphora))
    for index in sorted(indices):
        sentence = doc.sentences[index]
        named = index in named_in
        if not named and not anaphor.search(sentence.text):
            continue
        passing = triggers.passing(sentence, countries, named)
        if passing and not doc.silenced(quiet, index):
            yield sentence, passing


def _found(pattern: Any, text: str) -> bool:
    """Whether ``pattern`` matches in ``text``, bounded by PATTERN_TIMEOUT. Not through
    ``safe_regex.finditer``: its prefilter folds each sentence again for patterns that
    run on a few sentences only."""
    from ..safe_regex import PATTERN_TIMEOUT, PatternTimeout

    try:
        return pattern.search(text, timeout=PATTERN_TIMEOUT) is not None
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


@lru_cache(maxsize=64)
def _frozen(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(words)


def document_intervals(ctx: Any, markers: Any) -> list[tuple[dt.date, dt.date]]:
    """claims.document_intervals, once per document and ``recent-years``."""
    from .claims import document_intervals as compute

    return scan(ctx).memo(("intervals", markers.recent_years), lambda: compute(ctx, markers))


def mentioned_countries(ctx: Any, countries: Countries) -> set[str | None]:
    """ISO codes of every country the article names."""
    return scan(ctx).memo("mentioned", lambda: {countries.code(m.group(0))
                                               for m in countries.compiled().finditer(ctx.text)})
