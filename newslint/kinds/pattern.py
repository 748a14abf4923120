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

Token attributes: ``ORTH``/``TEXT``, ``LOWER``/``NORM`` (a string, or ``IN``, ``NOT_IN``,
``REGEX``), ``LENGTH`` (a number or ``==``, ``!=``, ``<``, ``<=``, ``>``, ``>=``, ``IN``,
``NOT_IN``), and true/false flags ``IS_ALPHA``, ``IS_ASCII``, ``IS_DIGIT``, ``IS_LOWER``,
``IS_UPPER``, ``IS_TITLE``, ``IS_PUNCT``, ``IS_SPACE``, ``IS_QUOTE``, ``IS_BRACKET``,
``IS_SENT_START``, ``LIKE_NUM``; ``_`` (spaCy's custom-attribute syntax) with word-form
classes from the lexicon, true or false: ``_ = {past_only = true}``, ``_ = {bare_verb = true,
noun = false}`` (the classes are listed in :mod:`newslint.wordforms`); with ``requires = ["pos"]``
also ``POS``, ``TAG``,
``MORPH``, ``LEMMA``, ``DEP`` and ``ENT_TYPE``. ``OP``: ``?``, ``*``, ``+``, ``!``,
``{n}``, ``{n,m}``, ``{n,}``, ``{,m}``. Anything else is a pack error naming the rule.

Patterns that need no trained pipeline are matched by :mod:`newslint.matcher` over
the document's shared tokens (``ctx.tokens()``), without spaCy; each pattern is tried
only at the tokens that hold one of its literal words. Patterns that read tags
(``requires = ["pos"]``) run through one spaCy ``Matcher`` on the trained pipeline's
``Doc``, so spaCy is imported only when such a rule runs.
"""
from __future__ import annotations

import hashlib
import json
import string
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..matcher import TAGGED_ATTRS, Pattern, PatternError, PatternIndex
from ..records import Hit, NewslintError
from ..safe_regex import Exceptions, compile_regex
from ..tokens import Tokens
from ..toml import load_toml
from .base import Context, PackError, RuleKind, check_template

#: Every plain pattern of the process, by its gate words.
INDEX = PatternIndex()

# Tag-reading patterns: match key -> pattern. Keys are "CODE#digest/i" so that two packs
# that reuse a code with different patterns (tests, newsroom packs) do not clash.
_TAGGED: dict[str, list[dict[str, Any]]] = {}
# REGEX predicates of tag-reading patterns, as spaCy token extensions: name -> (attr, pattern).
# spaCy would compile them with Python's `re` and run them with no time limit; as
# extensions they run through newslint.safe_regex like every other pack pattern.
_REGEX_EXTENSIONS: dict[str, tuple[str, Any]] = {}


class _TaggedMatcher:
    """One spaCy Matcher for every tag-reading pattern of the process, for one vocabulary;
    a document is matched once and each rule reads its own matches."""

    def __init__(self, vocab: Any) -> None:
        from spacy.matcher import Matcher

        self.vocab = vocab
        self.matcher = Matcher(vocab)
        self.keys: set[str] = set()
        self._doc: Any = None
        self._results: dict[str, list[tuple[int, int]]] = {}

    def matches(self, doc: Any, key: str) -> list[tuple[int, int]]:
        _register_regex_extensions()
        for new, pattern in _TAGGED.items():
            if new not in self.keys:
                self.keys.add(new)
                self.matcher.add(new, [pattern])
                self._doc = None
        if doc is not self._doc:
            results: dict[str, list[tuple[int, int]]] = {}
            if doc.has_annotation("TAG") or doc.has_annotation("POS"):
                strings = self.vocab.strings
                for match_id, start, end in self.matcher(doc):
                    results.setdefault(strings[match_id], []).append((start, end))
            self._doc, self._results = doc, results
        return self._results.get(key, [])


_MATCHERS: dict[int, _TaggedMatcher] = {}


def _tagged_matcher(vocab: Any) -> _TaggedMatcher:
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None or matcher.vocab is not vocab:
        matcher = _MATCHERS[id(vocab)] = _TaggedMatcher(vocab)
    return matcher


def compile_patterns(patterns: Any, declared: frozenset[str]) -> tuple[list[Pattern], bool]:
    """Validate patterns and compile them; also say whether they need a tagger (then
    the compiled patterns only validate, and spaCy matches them)."""
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
    compiled = []
    for number, pattern in enumerate(patterns, 1):
        try:
            compiled.append(Pattern(pattern, tagged_ok=tagged))
        except PatternError as exc:
            raise PackError(f"invalid token pattern {number}: {exc}") from None
    return compiled, tagged


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
        self.patterns, self.tagged = compile_patterns(patterns, frozenset(requires))
        self.keys: list[str] = []
        if not self.tagged:
            for compiled in self.patterns:
                INDEX.add(compiled)
        if self.tagged:
            digest = hashlib.sha1(json.dumps(patterns, sort_keys=True).encode()).hexdigest()[:12]
            # One match key per pattern, so that each pattern can report its own tokens.
            self.keys = [f"{self.rule.code}#{digest}/{i}" for i in range(len(patterns))]
            for key, pattern in zip(self.keys, patterns, strict=True):
                _TAGGED.setdefault(key, _regex_as_extensions(pattern))
        self.report = _reports(spec.get("report"), len(patterns))
        replacement = spec.get("replacement", [])
        self.replacements = [replacement] if isinstance(replacement, str) else replacement
        if not all(isinstance(r, str) for r in self.replacements):
            raise PackError("'replacement' must be a string or a list of strings")
        for template in self.replacements:
            check_template(template, "replacement")  # no {0:>50000000}: a fix is built per match
        self.safe = bool(spec.get("safe", False))
        self.before = _optional_regex(spec.get("unless-before"), "unless-before")
        self.after = _optional_regex(spec.get("unless-after"), "unless-after")
        self.exceptions = Exceptions(spec.get("exceptions"))

    def check(self, ctx: Context) -> Iterable[Hit]:
        view = _SpacyView(ctx.spacy_doc()) if self.tagged else _TokensView(ctx.tokens())
        if self.tagged:
            matcher = _tagged_matcher(view.doc.vocab)
            found = [(start, end, report) for key, report in zip(self.keys, self.report, strict=True)
                     for start, end in matcher.matches(view.doc, key)]
        else:
            live = INDEX.live(view.tokens)
            found = [(start, end, report) for pattern, report in zip(self.patterns, self.report, strict=True)
                     if pattern in live for start, end in pattern.find(view.tokens)]
        if not found:
            return
        text = ctx.text
        exempt = self.exceptions.spans(text) if self.exceptions.patterns else []
        yield from self._hits(view, found, text, exempt, set())

    def _hits(self, view: Any, found: list[tuple[int, int, Any]], text: str,
              exempt: list[tuple[int, int]], seen: set[tuple[int, int]]) -> Iterable[Hit]:
        """One hit per matched span (``seen`` spans are skipped), outside exceptions and
        the unless-before/after context, with the message and replacements filled in."""
        for start, end, report in sorted(found, key=lambda m: (m[0], m[1])):
            first, last = _reported(report, start, end)
            span_start, span_end = view.start(first), view.end(last)
            if (span_start, span_end) in seen or Exceptions.covers(exempt, span_start, span_end):
                continue
            if not self._context_allows(view, first, text, span_start, span_end):
                continue
            seen.add((span_start, span_end))
            tokens = view.words(start, end)
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

    def _context_allows(self, view: Any, first: int, text: str, start: int, end: int) -> bool:
        if self.before is None and self.after is None:
            return True
        sent_start, sent_end = view.sentence(first, len(text))
        sent_end = max(sent_end, end)
        if self.before is not None and self.before.search(text, sent_start, start):
            return False
        return not (self.after is not None and self.after.search(text, end, sent_end))


class _TokensView:
    """Matches over newslint's own tokens."""

    def __init__(self, tokens: Tokens) -> None:
        self.tokens = tokens

    def start(self, i: int) -> int:
        return self.tokens.starts[i]

    def end(self, i: int) -> int:
        return self.tokens.ends[i]

    def words(self, start: int, end: int) -> list[str]:
        return self.tokens.words[start:end]

    def sentence(self, i: int, length: int) -> tuple[int, int]:
        return self.tokens.sentence_of(i)


class _SpacyView:
    """Matches over a spaCy Doc (tag-reading patterns)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc

    def start(self, i: int) -> int:
        return int(self.doc[i].idx)

    def end(self, i: int) -> int:
        token = self.doc[i]
        return int(token.idx + len(token))

    def words(self, start: int, end: int) -> list[str]:
        return [t.text for t in self.doc[start:end]]

    def sentence(self, i: int, length: int) -> tuple[int, int]:
        if not self.doc.has_annotation("SENT_START"):
            return 0, length
        sent = self.doc[i].sent
        return int(sent.start_char), int(sent.end_char)


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


def required_word_lists(pack_path: str, file: str, names: Iterable[str]) -> dict[str, frozenset[str]]:
    """The named lists a kind needs from a word-list file beside its pack, lower-cased; a
    missing list is a pack error that names them."""
    path = Path(pack_path).parent / file
    lists = load_word_lists(str(path))
    missing = [name for name in names if name not in lists]
    if missing:
        raise PackError(f"word lists {path.name} lack: {', '.join(missing)}")
    return {name: frozenset(w.lower() for w in lists[name]) for name in names}


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


def _regex_as_extensions(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A tag-reading pattern whose ``REGEX`` predicates are token extensions (``_``) that
    search with a limit; the rest of each table is left as spaCy reads it."""
    tables = []
    for table in pattern:
        table = dict(table)
        for attr in list(table):
            value = table[attr]
            name = str(attr).upper()
            if not (isinstance(value, dict) and "REGEX" in value and name in ("ORTH", "TEXT", "LOWER", "NORM")):
                continue
            operand = value["REGEX"]
            ext = "newslint_re_" + hashlib.sha1(f"{name}\0{operand}".encode()).hexdigest()[:16]
            _REGEX_EXTENSIONS[ext] = (name, compile_regex(operand, what=f"{name} REGEX"))
            rest = {k: v for k, v in value.items() if k != "REGEX"}
            if rest:
                table[attr] = rest
            else:
                del table[attr]
            table["_"] = {**table.get("_", {}), ext: True}
        tables.append(table)
    return tables


def _register_regex_extensions() -> None:
    """Register the REGEX extensions with spaCy (imported by now: a tagged rule is running)."""
    from spacy.tokens import Token

    for ext, (attr, pattern) in _REGEX_EXTENSIONS.items():
        if not Token.has_extension(ext):
            text_of = {"LOWER": "lower_", "NORM": "norm_"}.get(attr, "text")
            Token.set_extension(ext, getter=lambda token, p=pattern, a=text_of: p.search(getattr(token, a)) is not None)


def _optional_regex(source: Any, what: str) -> Any:
    if source is None:
        return None
    return compile_regex(source, ignore_case=True, what=what)
