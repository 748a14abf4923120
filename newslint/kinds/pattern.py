"""``pattern``: token patterns in spaCy ``Matcher`` syntax, declared in a pack.

Pack fields:

- ``patterns``: a list of patterns; each is a list of token tables in spaCy
  ``Matcher`` syntax (``{LOWER = "could"}``, ``{LOWER = {IN = ["a", "an"]}}``,
  ``{IS_PUNCT = true}``, ``OP = "?"``, ...).
- ``report``: token indexes (into the matched tokens; negative from the end) whose
  span is reported; default the whole match. Lets a pattern look at context
  without reporting it: ``report = [1, 2]``.
- ``replacement``: a template (or a list of them) for the suggested fix. ``{0}``,
  ``{1}``... are the matched tokens, ``{match}`` the reported text; a format spec
  changes case: ``{1:lower}``, ``{0:upper}``, ``{0:cap}``; ``{match:first}`` / ``{match:last}``
  are its first / last word.
- ``safe``: whether ``--fix`` may apply the replacement unreviewed (default false).
- ``unless-before`` / ``unless-after``: a regex (case-insensitive) searched in
  the sentence before / after the reported span; a hit leaves the match alone
  ("what it was is" is grammatical).
- ``exceptions``: regexes over the text whose matches are left alone.
- ``word-lists``: a TOML file of named word lists (relative to the pack; default
  ``data/grammar-words.toml``). In a pattern, ``"@name"`` inside an ``IN`` or
  ``NOT_IN`` list stands for that list, so long lists (verbs, plural nouns) are
  written once and shared by several rules.

All pattern rules of a process share ONE ``Matcher`` per spaCy vocabulary: the text
is tokenised once (``ctx.spacy_doc()``) and matched once for every rule, and each
rule then reads its own matches. spaCy is imported only when a pattern rule is
configured or run.
"""
from __future__ import annotations

import hashlib
import json
import string
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Hit, NewslintError
from ..toml import load_toml
from .base import Context, PackError, RuleKind
from .common import Exceptions, compile_regex

#: Token attributes that only a trained pipeline fills in.
TAGGED_ATTRS = {"POS": "pos", "TAG": "pos", "MORPH": "pos", "LEMMA": "lemma", "DEP": "dep",
                "ENT_TYPE": "ents",
                "ENT_IOB": "ents", "ENT_ID": "ents", "ENT_KB_ID": "ents"}

# Pattern registry: match key -> (patterns, needs tags). Keys are "CODE#digest" so two
# packs that reuse a code with different patterns (tests, newsroom packs) do not clash.
_REGISTRY: dict[str, tuple[list[list[dict[str, Any]]], bool]] = {}


# First-token attributes a pattern can be indexed by, and the Token attribute holding each.
_INDEX_ATTRS = {"LOWER": "lower_", "ORTH": "text", "TEXT": "text", "NORM": "norm_"}


def _first_words(pattern: list[dict[str, Any]]) -> tuple[int, str, list[str]] | None:
    """(position, attribute, words): an early token of the pattern that must be one of a few
    words, if the pattern can be indexed by it (bounded length, one token per position up to
    it). spaCy's Matcher tries every pattern at every token, so its cost grows with the number
    of patterns; the index tries a pattern only where its word occurs."""
    if any(t.get("OP") in ("*", "+") or str(t.get("OP", "")).startswith("{") for t in pattern):
        return None  # open-ended or counted ("{1,2}"): the match may not fit the window
    best: tuple[int, str, list[str]] | None = None
    for position, token in enumerate(pattern[:4]):
        if "OP" in token:
            break
        for attr, value in token.items():
            token_attr = _INDEX_ATTRS.get(str(attr).upper())
            words: list[str] = []
            if token_attr is None:
                continue
            if isinstance(value, str):
                words = [value]
            elif isinstance(value, dict) and set(value) == {"IN"} and all(
                    isinstance(v, str) for v in value["IN"]):
                words = list(dict.fromkeys(value["IN"]))
            if words and (best is None or len(words) < len(best[2])):
                best = (position, token_attr, words)  # the fewest words: the rarest place to try
            break
    return best


class _Combined:
    """One Matcher (plain) plus one for tag-needing patterns, for one vocabulary; plain
    patterns with a fixed first word are run only where that word occurs."""

    def __init__(self, vocab: Any) -> None:
        from spacy.matcher import Matcher

        self.vocab = vocab
        self.plain = Matcher(vocab)
        self.tagged = Matcher(vocab)
        self.first: dict[tuple[int, str, str], Any] = {}  # (position, token attribute, word) -> Matcher
        self.window: dict[tuple[int, str, str], int] = {}  # longest pattern there, plus one token
        self.keys: set[str] = set()
        self._doc: Any = None
        self._results: dict[str, list[tuple[int, int]]] = {}

    def sync(self) -> None:
        """Add patterns registered since the last run (a new Linter, a test pack)."""
        from spacy.matcher import Matcher

        for key, (patterns, tagged) in _REGISTRY.items():
            if key in self.keys:
                continue
            self.keys.add(key)
            self._doc = None
            if tagged:
                self.tagged.add(key, patterns)
                continue
            rest = []
            for pattern in patterns:
                index = _first_words(pattern)
                if index is None:
                    rest.append(pattern)
                    continue
                position, attr, words = index
                for word in words:
                    slot = (position, attr, word)
                    if slot not in self.first:
                        self.first[slot] = Matcher(self.vocab)
                    self.first[slot].add(key, [pattern])
                    self.window[slot] = max(self.window.get(slot, 0), len(pattern) + 1)
            if rest:
                self.plain.add(key, rest)

    def matches(self, doc: Any, key: str) -> list[tuple[int, int]]:
        if doc is not self._doc:
            results: dict[str, list[tuple[int, int]]] = {}
            matchers = [self.plain] if len(self.plain) else []
            if len(self.tagged) and (doc.has_annotation("TAG") or doc.has_annotation("POS")):
                matchers.append(self.tagged)
            strings = self.vocab.strings
            for matcher in matchers:
                for match_id, start, end in matcher(doc):
                    results.setdefault(strings[match_id], []).append((start, end))
            if self.first:
                lookups = sorted({(position, attr) for position, attr, _ in self.first})
                for token in doc:
                    for position, attr in lookups:
                        slot = (position, attr, getattr(token, attr))
                        matcher = self.first.get(slot)
                        i = token.i - position
                        if matcher is None or i < 0:
                            continue
                        for match_id, start, end in matcher(doc[i:i + self.window[slot]]):
                            if start == 0:
                                results.setdefault(strings[match_id], []).append((i, i + end))
            self._doc, self._results = doc, results
        return self._results.get(key, [])


_COMBINED: dict[int, _Combined] = {}


def _combined(vocab: Any) -> _Combined:
    combined = _COMBINED.get(id(vocab))
    if combined is None or combined.vocab is not vocab:
        combined = _COMBINED[id(vocab)] = _Combined(vocab)
    combined.sync()
    return combined


def validate_patterns(patterns: Any, declared: frozenset[str]) -> bool:
    """Check patterns with spaCy's own validator; return whether they need a tagger."""
    if not isinstance(patterns, list) or not patterns:
        raise PackError("'patterns' must be a non-empty list of token patterns (lists of tables)")
    tagged = False
    for number, pattern in enumerate(patterns, 1):
        if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
            raise PackError(f"pattern {number} must be a non-empty list of token tables, "
                            f"e.g. [{{LOWER = \"the\"}}]")
        for token in pattern:
            for attr in token:
                feature = TAGGED_ATTRS.get(str(attr).upper())
                if feature:
                    tagged = True
                    if not declared & {feature, "pos"}:
                        raise PackError(f"pattern {number} uses {attr}, which needs a trained pipeline: "
                                        f"add requires = [\"{feature}\"]")
    from spacy.errors import MatchPatternError
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    try:
        Matcher(Vocab(), validate=True).add("check", patterns)
    except MatchPatternError as exc:
        detail = " ".join(str(exc).split())
        raise PackError(f"invalid token pattern: {detail}") from None
    except (ValueError, TypeError, KeyError) as exc:
        raise PackError(f"invalid token pattern: {exc}") from None
    return tagged


class _Template(string.Formatter):
    """str.format with case specs (lower, upper, cap, title) and missing keys kept visible."""

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        if isinstance(key, str) and key.lstrip("-").isdigit():
            key = int(key)  # "{-2}": the second token from the end
        if isinstance(key, int):
            return args[key] if -len(args) <= key < len(args) else "{" + str(key) + "}"
        return kwargs.get(key, "{" + key + "}")

    def format_field(self, value: Any, format_spec: str) -> str:
        text = str(value)
        if format_spec == "lower":
            return text.lower()
        if format_spec == "upper":
            return text.upper()
        if format_spec == "cap":
            return text[:1].upper() + text[1:]
        if format_spec == "title":
            return text.title()
        if format_spec == "first":
            return text.split()[0] if text.split() else text
        if format_spec == "last":
            return text.split()[-1] if text.split() else text
        return format(text, format_spec)

    def fill(self, template: str, args: list[str], kwargs: dict[str, str]) -> str:
        try:
            return self.vformat(template, args, kwargs)
        except (ValueError, IndexError, KeyError, AttributeError):
            return template


TEMPLATE = _Template()


class Kind(RuleKind):
    fields = {"patterns": list, "report": list, "replacement": (str, list), "safe": bool,
              "unless-before": str, "unless-after": str, "exceptions": list, "word-lists": str}
    required = ("patterns",)
    needs = frozenset({"tokens"})

    def configure(self, spec: dict[str, Any]) -> None:
        requires = spec.get("requires", [])
        if not all(isinstance(r, str) for r in requires):
            raise PackError("'requires' must be a list of strings")
        patterns = spec["patterns"]
        if _uses_lists(patterns):
            path = Path(self.rule.pack_path).parent / spec.get("word-lists", "data/grammar-words.toml")
            patterns = expand_lists(patterns, load_word_lists(str(path)))
        tagged = validate_patterns(patterns, frozenset(requires))
        digest = hashlib.sha1(json.dumps(patterns, sort_keys=True).encode()).hexdigest()[:12]
        # One match key per pattern, so that each pattern can report its own tokens.
        self.keys = [f"{self.rule.code}#{digest}/{i}" for i in range(len(patterns))]
        for key, pattern in zip(self.keys, patterns, strict=True):
            _REGISTRY.setdefault(key, ([pattern], tagged))
        self.report = _reports(spec.get("report"), len(patterns))
        replacement = spec.get("replacement", [])
        self.replacements = [replacement] if isinstance(replacement, str) else replacement
        if not all(isinstance(r, str) for r in self.replacements):
            raise PackError("'replacement' must be a string or a list of strings")
        self.safe = bool(spec.get("safe", False))
        self.before = _optional_regex(spec.get("unless-before"), "unless-before")
        self.after = _optional_regex(spec.get("unless-after"), "unless-after")
        self.exceptions = Exceptions(spec.get("exceptions"))

    def check(self, ctx: Context) -> Iterable[Hit]:
        doc = ctx.spacy_doc()
        combined = _combined(doc.vocab)
        found = [(start, end, report) for key, report in zip(self.keys, self.report, strict=True)
                 for start, end in combined.matches(doc, key)]
        if not found:
            return
        text = ctx.text
        exempt = self.exceptions.spans(text) if self.exceptions.patterns else []
        seen: set[tuple[int, int]] = set()
        for start, end, report in sorted(found, key=lambda m: (m[0], m[1])):
            first, last = _reported(report, start, end)
            span_start, span_end = doc[first].idx, doc[last].idx + len(doc[last])
            if (span_start, span_end) in seen or Exceptions.covers(exempt, span_start, span_end):
                continue
            if not self._context_allows(doc, first, last, text, span_start, span_end):
                continue
            seen.add((span_start, span_end))
            tokens = [t.text for t in doc[start:end]]
            found_text = text[span_start:span_end]
            values = {"match": found_text}
            replacements = [_fill_replacement(r, tokens, values) for r in self.replacements]
            replacements = [r for r in dict.fromkeys(replacements) if r != found_text]
            values["replacement"] = " or ".join(replacements)
            yield Hit(
                span_start, span_end, TEMPLATE.fill(self.rule.message, tokens, values),
                replacements=replacements,
                fix=replacements[0] if len(replacements) == 1 else None, safe=self.safe,
            )

    def _context_allows(self, doc: Any, first: int, last: int, text: str, start: int, end: int) -> bool:
        if self.before is None and self.after is None:
            return True
        sent = doc[first].sent if doc.has_annotation("SENT_START") else None
        sent_start = sent.start_char if sent is not None else 0
        sent_end = max(sent.end_char, end) if sent is not None else len(text)
        if self.before is not None and self.before.search(text, sent_start, start):
            return False
        return not (self.after is not None and self.after.search(text, end, sent_end))


@lru_cache(maxsize=8)
def load_word_lists(path: str) -> dict[str, list[str]]:
    """Named word lists (``name = ["...", ...]``); a broken file is a pack error."""
    try:
        data, _ = load_toml(path)
    except NewslintError as exc:
        raise PackError(str(exc)) from None
    lists: dict[str, list[str]] = {}
    for name, words in data.items():
        if name == "source":
            continue
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise PackError(f"{path}: word list '{name}' must be a list of strings")
        lists[name] = words
    return lists


def _uses_lists(value: Any) -> bool:
    if isinstance(value, str):
        return value.startswith("@")
    if isinstance(value, list):
        return any(_uses_lists(v) for v in value)
    if isinstance(value, dict):
        return any(_uses_lists(v) for v in value.values())
    return False


def expand_lists(value: Any, lists: dict[str, list[str]]) -> Any:
    """Replace "@name" items of IN / NOT_IN lists by the words of that list."""
    if isinstance(value, dict):
        return {k: expand_lists(v, lists) for k, v in value.items()}
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            if isinstance(item, str) and item.startswith("@"):
                if item[1:] not in lists:
                    raise PackError(f"unknown word list '{item}' (known: {', '.join(sorted(lists))})")
                out.extend(lists[item[1:]])
            else:
                out.append(expand_lists(item, lists))
        return out
    return value


def _reports(raw: Any, count: int) -> list[list[int] | None]:
    """``report`` for each pattern: one list for all patterns, or one list per pattern."""
    if raw is None:
        return [None] * count

    def valid(item: Any) -> bool:
        return isinstance(item, list) and bool(item) and all(
            isinstance(i, int) and not isinstance(i, bool) for i in item)

    if valid(raw):
        return [list(raw)] * count
    if isinstance(raw, list) and len(raw) == count and all(valid(r) for r in raw):
        return [list(r) for r in raw]
    raise PackError("'report' must be a list of token indexes (e.g. [1, 2]) or one such list per pattern")


def _reported(report: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """Doc token indexes of the first and last reported token of a match."""
    if not report:
        return start, end - 1
    size = end - start
    picked = [min(max(i if i >= 0 else size + i, 0), size - 1) for i in report]
    return start + min(picked), start + max(picked)


def _fill_replacement(template: str, tokens: list[str], values: dict[str, str]) -> str:
    """Fill a replacement; at a capitalised match a plain literal is capitalised too."""
    filled = TEMPLATE.fill(template, tokens, values)
    match = values["match"]
    if match[:1].isupper() and filled[:1].islower() and ":lower}" not in template:
        filled = filled[:1].upper() + filled[1:]
    return filled


def _optional_regex(source: Any, what: str) -> Any:
    if source is None:
        return None
    return compile_regex(source, ignore_case=True, what=what)
