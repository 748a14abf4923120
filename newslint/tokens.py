"""Tokens and sentences of a document, without spaCy: one regular-expression pass.

Every rule that reads words (token patterns, name variants, the entity kinds) shares
one :class:`Tokens` per document, built on first use. The split follows spaCy's
English tokenizer where the rules can tell the difference, so that packs written in
spaCy ``Matcher`` syntax mean the same thing with or without spaCy:

- punctuation is its own token ("Kyiv," -> ``Kyiv`` ``,``), and so are hyphens
  between words ("well-known" -> ``well`` ``-`` ``known``);
- clitics split off: ``do`` ``n't``, ``it`` ``'s``, ``they`` ``'re``;
- a full stop stays on abbreviations (``Mr.``, ``U.S.``, ``a.m.``, a single capital
  as in ``J.``) and splits elsewhere ("Friday." -> ``Friday`` ``.``); the list of
  abbreviations, and of units below, is data: ``rules/data/tokenizer.toml``;
- numbers keep their separators (``1,000``, ``3.5``, ``10:30``), and units split off
  (``5km`` -> ``5`` ``km``; ``5bn`` and ``1990s`` stay whole);
- whitespace other than one plain space between tokens is a token (``"\\n"``), so a
  pattern never matches across a line break by accident.

Sentences end after ``.``, ``!`` or ``?`` (with any closing quotes and brackets)
and at a blank line; a sentence starts at its first word, never at whitespace.

Why not spaCy: importing it takes 0.7 s and tokenising 200 articles another 0.2 s on
the benchmark machine, more than a pre-commit hook may spend on everything. spaCy is
still used when a trained pipeline is configured, for the rules that need its tags.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

CLITICS = r"(?:[sS]|[mM]|[dD]|re|RE|ve|VE|ll|LL)"
TERMINALS = frozenset({".", "!", "?", "‼", "‽", "⁇", "⁈", "⁉", "！", "？", "．"})

_SOURCE = r"""
    (?<=\S\ )\s+ | (?<!\s)[^\S\ ]\s*                          # whitespace but one plain space
  | [cC]an(?=not(?!\w))                                       # can | not
  | [^\W\d_]+(?=[\s,;!?)\]"”]|\Z)                             # most words: the fast path
  | https?://[^\s<>"]*[^\s<>".,;:!?)\]'”’]                    # a web address
  | (?<![\w.])(?:ABBREVIATIONS)\.                             # Mr.  Jan.  Calif.
  | (?<![\w.])[^\W\d_]{1,2}\.(?:[^\W\d_]{1,2}\.)+             # U.S.  a.m.  Ph.D.
  | (?<![\w.])[^\W\d_]\.(?![\w.])                             # J. (an initial)
  | \d+(?:[.,:/]\d+)*(?=(?:UNITS)(?![\w.]))                   # 5 | km
  | \d+(?:[.,:/]\d+)*[^\W_]*                                  # 1,000  3.5  9/11  5bn  1990s  1st
  | \w+?(?=[nN]['’][tT](?!\w))                                # do | n't
  | [nN]['’][tT](?!\w)
  | \w+(?:['’]\w+)*?(?=['’]CLITICS(?!\w))                     # it | 's
  | ['’]CLITICS(?!\w)
  | \w+(?:['’]\w+|\.(?=[a-z0-9])\w+|-(?=\d)\w+)*              # words; O'Brien; bbc.co.uk; MPEG-2
  | \.\.+ | …
  | [^\w\s]
"""
TOKENIZER_DATA = ("data", "tokenizer.toml")  # abbreviations and units, under rules/


@lru_cache(maxsize=1)
def token_pattern() -> re.Pattern[str]:
    """The tokenizer's expression, built on first use from ``rules/data/tokenizer.toml``."""
    from .resources import data_path
    from .toml import load_toml

    data, _ = load_toml(data_path(*TOKENIZER_DATA))
    abbreviations = "|".join(re.escape(a) for a in sorted(data["abbreviations"], key=len, reverse=True))
    units = "|".join(data["units"])
    source = _SOURCE.replace("ABBREVIATIONS", abbreviations).replace("UNITS", units).replace("CLITICS", CLITICS)
    return re.compile(source, re.VERBOSE)


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@lru_cache(maxsize=4096)
def is_punct(text: str) -> bool:
    """Every character is Unicode punctuation (spaCy's ``IS_PUNCT``)."""
    return bool(text) and all(unicodedata.category(c).startswith("P") for c in text)


class Tokens:
    """The tokens of a text as parallel lists (text, lower case, start and end offsets),
    with sentence starts computed on first use."""

    __slots__ = ("text", "words", "lower", "starts", "ends", "vocabulary", "_sent_starts", "_index",
                 "_sentences", "_sentence_firsts", "_breaks")

    def __init__(self, text: str, breaks: tuple[int, ...] = ()) -> None:
        """``breaks``: offsets where a sentence starts whatever the punctuation says (the
        first token at or after each), e.g. after a dateline's dash."""
        self.text = text
        self._breaks = breaks
        spans = [m.span() for m in token_pattern().finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self.words = [text[s:e] for s, e in spans]
        self.lower = [w.lower() for w in self.words]
        self.vocabulary = frozenset(self.lower)
        self._sent_starts: list[bool] | None = None
        self._index: dict[str, list[int]] | None = None
        self._sentences: list[tuple[int, int]] | None = None
        self._sentence_firsts: list[int] = []

    def __len__(self) -> int:
        return len(self.words)

    @property
    def sent_starts(self) -> list[bool]:
        """Whether each token starts a sentence."""
        if self._sent_starts is None:
            starts = _sentence_starts(self.words)
            for offset in self._breaks:
                i = bisect_left(self.starts, offset)
                while i < len(self.words) and self.words[i].isspace():
                    i += 1
                if i < len(starts):
                    starts[i] = True
            self._sent_starts = starts
        return self._sent_starts

    def positions(self, lower: str) -> list[int]:
        """Indexes of the tokens whose lower-case form is ``lower``."""
        if self._index is None:
            index: dict[str, list[int]] = {}
            for i, word in enumerate(self.lower):
                index.setdefault(word, []).append(i)
            self._index = index
        return self._index.get(lower, [])

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) character offsets of each sentence; whitespace after a sentence
        belongs to it, as in spaCy."""
        if self._sentences is None:
            starts = [i for i, first in enumerate(self.sent_starts) if first]
            bounds = [self.starts[i] for i in starts] + [self.ends[-1] if self.words else 0]
            self._sentences = [(bounds[k], bounds[k + 1]) for k in range(len(starts))]
            self._sentence_firsts = bounds[:-1]
        return self._sentences

    def sentence_of(self, i: int) -> tuple[int, int]:
        """The character span of the sentence holding token ``i``."""
        spans = self.sentences()
        if not spans:
            return self.starts[i], self.ends[i]
        k = bisect_right(self._sentence_firsts, self.starts[i]) - 1
        return spans[max(k, 0)]

    def is_space(self, i: int) -> bool:
        return self.words[i].isspace()


def _sentence_starts(words: list[str]) -> list[bool]:
    starts = [False] * len(words)
    if not words:
        return starts
    terminal = False  # the sentence has seen its final punctuation
    pending = True  # the next word starts a sentence (document start, blank line, after a break)
    for i, word in enumerate(words):
        if word.isspace():
            if terminal or ("\n" in word and _BLANK_LINE.search(word)):
                pending, terminal = True, False
            continue
        if pending:
            starts[i], pending, terminal = True, False, word in TERMINALS
            continue
        if terminal and not is_punct(word):
            starts[i], terminal = True, False
        elif word in TERMINALS:
            terminal = True
    return starts
