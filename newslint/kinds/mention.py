"""Mention is not use: tell a name talked ABOUT from a name used.

"The old spelling Kiev", "Kyiv, not Kiev", "Kiev (now Kyiv)", a quoted "Kiev" or an
article about the Kiev/Kyiv switch mention the old form; they must not be flagged as
house-style slips, while "talks in Kiev" still is. The kinds that check names and
terms (house-spelling, mixed-spelling, substitution, mixed-terms) ask
:meth:`Mentions.is_mention` for each candidate use, passing the OTHER forms of the same
name so that contrast cues ("not", "from ... to") count only when the other form is
there. The cues are data: ``rules/data/mention.toml``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from ..resources import data_path
from ..safe_regex import compile_regex
from ..toml import load_toml
from .base import PackError

_WINDOW = 160  # characters looked at on each side of a use
_QUOTES_OPEN = "\"“‘'«"
_QUOTES_CLOSE = "\"”’'»"
# Items of a list that come before the term: "Kiev and ", "Kharkov, Lvov and " (capitalised).
_LIST_ITEMS = (r"(?:(?-i:\p{Lu})[\p{L}'’-]+[\"”’']?(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)"
               r"[\"“‘'«]?){0,4}")
_SENTENCE_END = regex.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?\p{Lu}|\d)|\n\s*\n")


@dataclass(frozen=True)
class Cues:
    """The compiled cue patterns of one data file."""

    naming_before: Any
    naming_after: Any
    contrast_before: Any
    after_other: list[str]
    subject_vocabulary: Any
    subject_min: int
    subject_sentence: Any
    object_before: Any = None  # a verb of saying, using or writing right before the term ...
    object_after: Any = None  # ... and the clause ending after it: "I used to say Kharkov."
    elsewhere_after: Any = None  # a same-named place elsewhere: "Odessa, Texas"


def _alternation(items: Any, where: str, anchor: str = "") -> Any:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise PackError(f"mention cues: '{where}' must be a list of patterns")
    body = "|".join(f"(?:{i})" for i in items) or "(?!)"  # no cues: never matches
    return compile_regex(anchor.replace("BODY", body), True, f"mention cues: '{where}'")


@lru_cache(maxsize=8)
def load_cues(path: str | None = None) -> Cues:
    """Cues from ``path`` (default: the bundled ``data/mention.toml``)."""
    file = Path(path) if path else data_path("data", "mention.toml")
    try:
        data, _ = load_toml(file)
    except (OSError, ValueError) as exc:
        raise PackError(f"cannot read mention cues {file}: {exc}") from None
    naming, contrast, subject, objects, elsewhere = (
        data.get(k, {}) for k in ("naming", "contrast", "subject", "object", "elsewhere"))
    # A cue, then an optional comma/colon and an opening quote, then maybe the items of a list
    # before the term ("spellings such as Kiev and Odessa", "names like Kharkov, Lvov and ..."),
    # up to the term.
    before = r"(?:BODY)[\s,:]*[\"“‘'«]?\s*" + _LIST_ITEMS + "$"
    regions = elsewhere.get("regions", [])
    if not isinstance(regions, list) or not all(isinstance(r, str) for r in regions):
        raise PackError("mention cues: 'elsewhere.regions' must be a list of names")
    region = "(?-i:" + "|".join(regex.escape(r) for r in sorted(regions, key=len, reverse=True)) + ")"
    elsewhere_after = [e.replace("{regions}", region) for e in elsewhere.get("after", [])]
    after_other = contrast.get("after-other", [])
    _alternation(after_other, "contrast.after-other")  # each cue is checked here, used later
    return Cues(
        naming_before=_alternation(naming.get("before", []), "naming.before", before),
        naming_after=_alternation(naming.get("after", []), "naming.after", r"(?:BODY)"),
        contrast_before=_alternation(contrast.get("before", []), "contrast.before", before),
        after_other=list(after_other),
        subject_vocabulary=_alternation(subject.get("vocabulary", []), "subject.vocabulary", "BODY"),
        subject_min=int(subject.get("min-count", 2)),
        subject_sentence=_alternation(subject.get("sentence", []), "subject.sentence", "BODY"),
        object_before=_alternation(objects.get("before", []), "object.before", r"(?:BODY)\s+" + _LIST_ITEMS + "$"),
        object_after=_alternation(objects.get("after", []), "object.after", "(?:BODY)"),
        elsewhere_after=_alternation(elsewhere_after, "elsewhere.after", "(?:BODY)"),
    )


class Mentions:
    """Mention tests for one text; article-level facts are computed once."""

    def __init__(self, text: str, cues: Cues | None = None) -> None:
        self.text = text
        self.cues = cues or load_cues()
        self._subject: bool | None = None
        self._others: dict[tuple[str, ...], Any] = {}
        self._spans: dict[tuple[tuple[str, ...], str], list[tuple[int, int]]] = {}
        self._elsewhere: dict[str, bool] = {}

    # ------------------------------------------------------------------------------
    def is_mention(self, start: int, end: int, others: Iterable[str]) -> bool:
        """Whether the use at ``start:end`` names the term rather than uses it.

        ``others`` are the other forms of the same name (for contrast cues and the
        article-level test); may be empty."""
        others = tuple(sorted({o for o in others if o}))
        text = self.text
        if self._quoted(start, end) or (start > 0 and text[start - 1] == "#"):
            return True
        left = text[max(0, start - _WINDOW):start]
        right_pos = end
        cues = self.cues
        if cues.naming_before.search(left) or cues.naming_after.match(text, right_pos):
            return True
        if cues.object_before is not None and cues.object_before.search(left) \
                and cues.object_after.match(text, right_pos):
            return True  # the term is the object of "say", "use", "write": a word, not the city
        if cues.elsewhere_after is not None and self._placed_elsewhere(text[start:end]):
            return True  # "Odessa, Texas" here or once in the article: a same-named place elsewhere
        if not others:
            return False
        other_re = self._other_re(others)
        other_spans = self._other_spans(others, text[start:end])
        s_start, s_end = self._sentence(start, end)
        sentence_has_other = any(s_start <= a < s_end for a, _ in other_spans)
        if sentence_has_other:
            # both forms in one sentence with naming words: the sentence compares names
            if cues.contrast_before.search(left) or cues.subject_sentence.search(text, s_start, s_end):
                return True
            for cue in cues.after_other:
                if _after_other(cue, other_re.pattern).match(text[right_pos:right_pos + _WINDOW]):
                    return True
        if other_spans and self.about_spelling():
            return sentence_has_other or bool(cues.subject_sentence.search(text, s_start, s_end))
        return False

    def _placed_elsewhere(self, term: str) -> bool:
        """Whether the article once puts ``term`` in another country's region ("ODESSA,
        Texas —", "Odessa, Texas,"): one place per article, so its bare uses are that place."""
        key = term.casefold()
        found = self._elsewhere.get(key)
        if found is None:
            after = self.cues.elsewhere_after
            found = self._elsewhere[key] = any(
                after.match(self.text, m.end()) for m in self._other_re((term,)).finditer(self.text))
        return found

    # ------------------------------------------------------------------------------
    def about_spelling(self) -> bool:
        """The article's subject is a spelling: the vocabulary of naming occurs often
        enough (the caller checks that another form of the name is used too)."""
        if self._subject is None:
            count = 0
            for _ in self.cues.subject_vocabulary.finditer(self.text):
                count += 1
                if count >= self.cues.subject_min:
                    break
            self._subject = count >= self.cues.subject_min
        return self._subject

    def _other_spans(self, others: tuple[str, ...], own: str) -> list[tuple[int, int]]:
        """Where the other forms occur, leaving out those inside a use of ``own`` (Republic
        of Macedonia inside Former Yugoslav Republic of Macedonia)."""
        key = (others, own)
        spans = self._spans.get(key)
        if spans is None:
            own_spans = [m.span() for m in self._other_re((own,)).finditer(self.text)]
            spans = [m.span() for m in self._other_re(others).finditer(self.text)
                     if not any(a <= m.start() and m.end() <= b for a, b in own_spans)]
            self._spans[key] = spans
        return spans

    def _other_re(self, others: tuple[str, ...]) -> Any:
        pattern = self._others.get(others)
        if pattern is None:
            body = "|".join(regex.escape(o) for o in sorted(others, key=len, reverse=True))
            pattern = self._others[others] = regex.compile(rf"(?<!\w)(?:{body})(?!\w)", regex.IGNORECASE)
        return pattern

    def _quoted(self, start: int, end: int) -> bool:
        """“Kiev” or 'Kiev,' on its own inside quote marks (not Kiev's)."""
        text = self.text
        if start == 0 or text[start - 1] not in _QUOTES_OPEN:
            return False
        if text[start - 1] == "'" and start >= 2 and text[start - 2].isalnum():
            return False
        pos = end
        if pos < len(text) and text[pos] in ",.":
            pos += 1
        if pos >= len(text) or text[pos] not in _QUOTES_CLOSE:
            return False
        return not (pos + 1 < len(text) and text[pos + 1].isalnum())

    def _sentence(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        lo = max(0, start - 400)
        s_start = lo
        for m in _SENTENCE_END.finditer(text, lo, start):
            s_start = m.end()
        m = _SENTENCE_END.search(text, end, min(len(text), end + 400))
        return s_start, (m.start() + 1 if m else min(len(text), end + 400))


@lru_cache(maxsize=256)
def _after_other(cue: str, other: str) -> Any:
    """A contrast cue, then the other form ("Kiev, now Kyiv"): checked when the cues load."""
    return compile_regex(rf"(?:{cue})[\"“‘'«]?(?:{other})", True, "mention cues: 'contrast.after-other'")


#: The pack fields of a kind that leaves mentions alone.
MENTION_FIELDS: dict[str, type] = {"mentions": bool, "mention-cues": str}


def configured_cues(spec: dict[str, Any], pack_path: str) -> tuple[bool, str | None]:
    """A rule's ``mentions`` (default on) and its ``mention-cues`` file (relative to the
    pack; None: the bundled cues). The cues load now, so that a broken cue file is a pack
    error when the rule loads, not mid-run."""
    cues = spec.get("mention-cues")
    path = str(Path(pack_path).parent / cues) if cues else None
    enabled = bool(spec.get("mentions", True))
    if enabled:
        load_cues(path)
    return enabled, path


def mentions_for(ctx: Any, path: str | None = None) -> Mentions:
    """The document's :class:`Mentions`, shared by every rule through ``ctx.memo``."""
    key = ("mentions", path)
    found = ctx.memo.get(key)
    if found is None or found.text is not ctx.text:
        found = ctx.memo[key] = Mentions(ctx.text, load_cues(path))
    return found
