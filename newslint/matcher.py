"""Token patterns in spaCy ``Matcher`` syntax, matched over :class:`~newslint.tokens.Tokens`.

Packs write patterns the way spaCy documents them (``{LOWER = {IN = ["a", "an"]}}``,
``OP = "?"``), and a pattern that needs no trained pipeline is matched here, without
importing spaCy. The semantics are spaCy's: every start and every length that fits is
a match (``a b?`` on "a b" gives "a" and "a b"), ``!`` consumes one token that must not
match, ``{n,m}`` counts.

Each pattern is tried only where it can match: at the tokens equal to one of its
literal words (its *anchor*, the position with the fewest words), not at every token.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .tokens import Tokens, is_punct

#: Attributes only a trained pipeline fills in; patterns using them are matched by spaCy.
TAGGED_ATTRS = {"POS": "pos", "TAG": "pos", "MORPH": "pos", "LEMMA": "lemma", "DEP": "dep",
                "ENT_TYPE": "ents", "ENT_IOB": "ents", "ENT_ID": "ents", "ENT_KB_ID": "ents"}
STRING_ATTRS = {"ORTH", "TEXT", "LOWER", "NORM"}
NUMBER_ATTRS = {"LENGTH"}
FLAG_ATTRS = {"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT",
              "IS_SPACE", "IS_SENT_START", "LIKE_NUM", "IS_QUOTE", "IS_BRACKET"}
STRING_PREDICATES = {"IN", "NOT_IN", "REGEX"}
NUMBER_PREDICATES = {"==", "!=", ">=", "<=", ">", "<", "IN", "NOT_IN"}
_COUNT = re.compile(r"^\{(\d*)(,?)(\d*)\}$")
UNBOUNDED = 1 << 30

# spaCy's English LIKE_NUM words
_NUMBER_WORDS = frozenset((
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million billion trillion quadrillion gajillion bazillion").split())
_ORDINAL_WORDS = frozenset((
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth "
    "fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth millionth billionth "
    "trillionth quadrillionth gajillionth bazillionth").split())
_QUOTES = frozenset("\"'`‘’“”«»‚„‹›")
_BRACKETS = frozenset("()[]{}<>")


class PatternError(ValueError):
    """A pattern uses something this matcher (or spaCy) does not know."""


def like_num(text: str) -> bool:
    """spaCy's English ``LIKE_NUM``: digits (with , and .), fractions, number words."""
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    lower = text.lower()
    if lower in _NUMBER_WORDS or lower in _ORDINAL_WORDS:
        return True
    return lower.endswith(("st", "nd", "rd", "th")) and lower[:-2].isdigit()


def _flag(attr: str) -> Callable[[Tokens, int], bool]:
    def text_test(test: Callable[[str], bool]) -> Callable[[Tokens, int], bool]:
        return lambda t, i: test(t.words[i])

    if attr == "IS_SENT_START":
        return lambda t, i: t.sent_starts[i]
    tests: dict[str, Callable[[str], bool]] = {
        "IS_ALPHA": str.isalpha, "IS_ASCII": str.isascii, "IS_DIGIT": str.isdigit, "IS_LOWER": str.islower,
        "IS_UPPER": str.isupper, "IS_TITLE": str.istitle, "IS_PUNCT": is_punct, "IS_SPACE": str.isspace,
        "LIKE_NUM": like_num, "IS_QUOTE": lambda w: w in _QUOTES or w in ("''", "``"),
        "IS_BRACKET": lambda w: w in _BRACKETS,
    }
    return text_test(tests[attr])


def _string_test(attr: str, value: Any) -> Callable[[Tokens, int], bool]:
    lower = attr in ("LOWER", "NORM")
    if isinstance(value, str):
        if lower:
            return lambda t, i: t.lower[i] == value
        return lambda t, i: t.words[i] == value
    if not isinstance(value, dict) or not value:
        raise PatternError(f"{attr} must be a string or a table of predicates ({', '.join(sorted(STRING_PREDICATES))})")
    tests: list[Callable[[Tokens, int], bool]] = []
    for predicate, operand in value.items():
        if predicate in ("IN", "NOT_IN"):
            if not isinstance(operand, list) or not all(isinstance(v, str) for v in operand):
                raise PatternError(f"{attr} {predicate} must be a list of strings")
            words = frozenset(operand)
            # (default arguments bind this iteration's set: a table may have IN and NOT_IN)
            if predicate == "IN":
                tests.append((lambda t, i, w=words: t.lower[i] in w) if lower
                             else (lambda t, i, w=words: t.words[i] in w))
            else:
                tests.append((lambda t, i, w=words: t.lower[i] not in w) if lower
                             else (lambda t, i, w=words: t.words[i] not in w))
        elif predicate == "REGEX":
            if not isinstance(operand, str):
                raise PatternError(f"{attr} REGEX must be a string")
            search = _regex_search(attr, operand)
            tests.append((lambda t, i, f=search: f(t.lower[i]) is not None) if lower
                         else (lambda t, i, f=search: f(t.words[i]) is not None))
        else:
            raise PatternError(f"unknown predicate {predicate!r} for {attr} "
                               f"(one of: {', '.join(sorted(STRING_PREDICATES))})")
    return _all(tests)


def _regex_search(attr: str, operand: str) -> Callable[[str], Any]:
    """A REGEX predicate's search, compiled and run like every pack pattern: `regex`
    syntax, refused when it would blow up, stopped after the time limit
    (:mod:`newslint.safe_regex`; imported here, not at the top, as it imports the kinds)."""
    from .kinds.base import PackError
    from .safe_regex import compile_regex

    try:
        return compile_regex(operand, False, f"{attr} REGEX").search
    except PackError as exc:
        raise PatternError(str(exc)) from None


_COMPARE: dict[str, Callable[[int, Any], bool]] = {
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b, ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, "<": lambda a, b: a < b,
    "IN": lambda a, b: a in b, "NOT_IN": lambda a, b: a not in b,
}


def _length_test(value: Any) -> Callable[[Tokens, int], bool]:
    if isinstance(value, int) and not isinstance(value, bool):
        return lambda t, i: len(t.words[i]) == value
    if not isinstance(value, dict) or not value:
        raise PatternError("LENGTH must be a number or a table of comparisons")
    checks = []
    for predicate, operand in value.items():
        if predicate not in NUMBER_PREDICATES:
            raise PatternError(f"unknown predicate {predicate!r} for LENGTH "
                               f"(one of: {', '.join(sorted(NUMBER_PREDICATES))})")
        numbers = operand if predicate in ("IN", "NOT_IN") else [operand]
        if not isinstance(numbers, list) or not all(isinstance(n, int) and not isinstance(n, bool)
                                                    for n in numbers):
            wanted = "a list of numbers" if predicate in ("IN", "NOT_IN") else "a number"
            raise PatternError(f"LENGTH {predicate} needs {wanted}")
        checks.append((_COMPARE[predicate], frozenset(numbers) if predicate in ("IN", "NOT_IN") else operand))
    return lambda t, i: all(compare(len(t.words[i]), operand) for compare, operand in checks)


def _quantifier(op: Any) -> tuple[int, int]:
    """(min, max) repetitions of an ``OP``; ``!`` is (1, 1) with the test negated."""
    fixed = {"?": (0, 1), "*": (0, UNBOUNDED), "+": (1, UNBOUNDED), "!": (1, 1), "1": (1, 1)}
    if op in fixed:
        return fixed[op]
    match = _COUNT.match(op) if isinstance(op, str) else None
    if not match or not (match.group(1) or match.group(3)):
        raise PatternError(f"unknown OP {op!r} (one of: ?, *, +, !, {{n}}, {{n,m}}, {{n,}}, {{,m}})")
    low = int(match.group(1) or 0)
    if not match.group(2):
        return low, low
    high = int(match.group(3)) if match.group(3) else UNBOUNDED
    if high < low:
        raise PatternError(f"OP {op!r}: the maximum is below the minimum")
    return low, high


@dataclass(frozen=True)
class TokenSpec:
    """One table of a pattern: a test for one token and how many tokens it takes."""

    test: Callable[[Tokens, int], bool]
    low: int
    high: int
    words: frozenset[str] | None  # the lower-case words it must be one of, if it says so
    rank: int = 2  # how few tokens pass (0: listed words, 1: a positive flag, 2: most tokens)


def compile_token(table: dict[str, Any], tagged_ok: bool = False) -> TokenSpec:
    """A pattern table -> TokenSpec. Raises PatternError for what the matcher cannot do;
    with ``tagged_ok`` attributes of a trained pipeline are accepted and not tested
    (validation of patterns that spaCy will match)."""
    tests: list[Callable[[Tokens, int], bool]] = []
    words: frozenset[str] | None = None
    rank = 2
    op = "1"
    for attr, value in table.items():
        name = str(attr).upper()
        if name == "OP":
            op = value
        elif name in STRING_ATTRS:
            tests.append(_string_test(name, value))
            literal = _literal_words(name, value)
            if literal is not None and (words is None or len(literal) < len(words)):
                words = literal
        elif name in NUMBER_ATTRS:
            tests.append(_length_test(value))
        elif name in FLAG_ATTRS:
            if not isinstance(value, bool):
                raise PatternError(f"{name} must be true or false")
            if value and name not in ("IS_ALPHA", "IS_ASCII"):
                rank = min(rank, 1)
            flag = _flag(name)
            tests.append(flag if value else (lambda t, i, f=flag: not f(t, i)))
        elif name == "_":
            tests.append(_form_test(value))
            if any(value.values()):
                rank = min(rank, 1)
        elif name in TAGGED_ATTRS:
            if not tagged_ok:
                raise PatternError(f"{name} needs a trained pipeline")
        else:
            known = sorted(STRING_ATTRS | NUMBER_ATTRS | FLAG_ATTRS | set(TAGGED_ATTRS) | {"OP", "_"})
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise PatternError(f"unknown token attribute {attr!r} ({hint}one of: {', '.join(known)})")
    low, high = _quantifier(op)
    if op == "!":
        positive = _all(tests)
        return TokenSpec(lambda t, i: not positive(t, i), 1, 1, None)
    return TokenSpec(_all(tests), low, high, words if low >= 1 else None, 0 if words is not None else rank)


def _form_test(value: Any) -> Callable[[Tokens, int], bool]:
    """``_ = {past_only = true, noun = false}``: word-form classes from the lexicon
    (:mod:`newslint.wordforms`, loaded only when a token is tested)."""
    from .wordforms import CLASSES, mask

    if not isinstance(value, dict) or not value:
        raise PatternError(f"_ must be a table of word-form classes ({', '.join(CLASSES)}) set to true or false")
    checks: list[tuple[Callable[[int], bool], bool]] = []
    for key, wanted in value.items():
        if key not in CLASSES:
            close = difflib.get_close_matches(str(key), list(CLASSES), n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise PatternError(f"unknown word-form class {key!r} ({hint}one of: {', '.join(CLASSES)})")
        if not isinstance(wanted, bool):
            raise PatternError(f"_.{key} must be true or false")
        checks.append((CLASSES[key], wanted))

    def test(t: Tokens, i: int) -> bool:
        bits = mask(t.lower[i])
        return all(check(bits) is wanted for check, wanted in checks)

    return test


def _all(tests: list[Callable[[Tokens, int], bool]]) -> Callable[[Tokens, int], bool]:
    """One test for a token table (the common shapes without a generator per call)."""
    if not tests:
        return lambda t, i: True
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda t, i: first(t, i) and second(t, i)
    if len(tests) == 3:
        first, second, third = tests
        return lambda t, i: first(t, i) and second(t, i) and third(t, i)
    return lambda t, i: all(test(t, i) for test in tests)


def _literal_words(attr: str, value: Any) -> frozenset[str] | None:
    """The lower-case forms a token must have, when the table lists them (ORTH / LOWER)."""
    if isinstance(value, str):
        return frozenset({value.lower()})
    if isinstance(value, dict) and isinstance(value.get("IN"), list) and all(
            isinstance(v, str) for v in value["IN"]):
        return frozenset(v.lower() for v in value["IN"])
    return None


class Pattern:
    """A compiled token pattern with the anchors it can be tried from."""

    def __init__(self, tables: list[dict[str, Any]], tagged_ok: bool = False) -> None:
        if not isinstance(tables, list) or not tables or not all(isinstance(t, dict) for t in tables):
            raise PatternError("a pattern must be a non-empty list of token tables")
        self.specs = [compile_token(table, tagged_ok) for table in tables]
        self.anchors = _anchors(self.specs)
        self.fixed = all(spec.low == spec.high == 1 for spec in self.specs)
        self.tests = [spec.test for spec in self.specs]
        self.size = len(self.specs)
        # a fixed-length match is a conjunction: test the tables that fewest tokens pass first
        order = sorted(range(self.size), key=lambda k: self.specs[k].rank)
        self._fits = _sequence([self.tests[k] for k in order], order)
        # the anchor checked first for the whole process (PatternIndex): the fewest, longest words
        self.gate = min((words for _, _, words in self.anchors),
                        key=lambda w: (len(w), -min(map(len, w))), default=None)

    def find(self, tokens: Tokens) -> list[tuple[int, int]]:
        """(start, end) token indexes of every match, by start then end."""
        n = len(tokens.words)
        starts: Any = range(n)
        if self.anchors:
            vocabulary = tokens.vocabulary
            for _, _, words in self.anchors:
                if words.isdisjoint(vocabulary):
                    return []  # a word every match needs is not in the document
            # the anchor rarest in this document (counted before any list is built)
            best_cost, best_low, best_high, best_words = -1, 0, 0, frozenset()
            positions = tokens.positions
            for low, high, words in self.anchors:
                present = words & vocabulary
                cost = sum(len(positions(word)) for word in present) * (high - low + 1)
                if best_cost < 0 or cost < best_cost:
                    best_cost, best_low, best_high, best_words = cost, low, high, present
            best = [i for word in best_words for i in positions(word)]
            if best_low == best_high:
                starts = sorted({i - best_low for i in best if i >= best_low})
            else:
                starts = sorted({i - offset for i in best for offset in range(best_low, best_high + 1)
                                 if i >= offset})
        if self.fixed:
            return [(s, s + self.size) for s in starts if s + self.size <= n and self._fits(tokens, s)]
        found: set[tuple[int, int]] = set()
        for start in starts:
            for end in self._ends(tokens, n, 0, start):
                if end > start:
                    found.add((start, end))
        return sorted(found)

    def _ends(self, tokens: Tokens, n: int, k: int, i: int) -> Iterator[int]:
        """Every token index at which specs[k:] can end when started at token i."""
        if k == len(self.specs):
            yield i
            return
        spec = self.specs[k]
        count = 0
        while count < spec.low:
            if i + count >= n or not spec.test(tokens, i + count):
                return
            count += 1
        while True:
            yield from self._ends(tokens, n, k + 1, i + count)
            if count >= spec.high or i + count >= n or not spec.test(tokens, i + count):
                return
            count += 1


class PatternIndex:
    """The patterns of a process, by the words of their gates: one look at a document's
    vocabulary tells which patterns can match it at all, instead of asking each one."""

    def __init__(self) -> None:
        self.by_word: dict[str, list[Pattern]] = {}
        self.always: list[Pattern] = []
        self.words: frozenset[str] = frozenset()
        self.version = 0
        self._last: tuple[Tokens, int, set[Pattern]] | None = None

    def add(self, pattern: Pattern) -> None:
        if pattern.gate is None:
            self.always.append(pattern)
        else:
            for word in pattern.gate:
                self.by_word.setdefault(word, []).append(pattern)
        self.words = frozenset(self.by_word)
        self.version += 1

    def live(self, tokens: Tokens) -> set[Pattern]:
        """The patterns whose gate word occurs in the document (worked out once per
        document: documents are matched one after another, so the last one is kept)."""
        last = self._last
        if last is not None and last[0] is tokens and last[1] == self.version:
            return last[2]
        found = set(self.always)
        for word in self.words & tokens.vocabulary:
            found.update(self.by_word[word])
        self._last = (tokens, self.version, found)
        return found


def _sequence(tests: list[Callable[[Tokens, int], bool]], offsets: list[int]) -> Callable[[Tokens, int], bool]:
    """One test for a run of single tokens starting at i: ``tests[k]`` applies to token
    ``i + offsets[k]`` (unrolled for short patterns)."""
    if len(tests) == 1:
        (a,) = tests
        (x,) = offsets
        return lambda t, i: a(t, i + x)
    if len(tests) == 2:
        a, b = tests
        x, y = offsets
        return lambda t, i: a(t, i + x) and b(t, i + y)
    if len(tests) == 3:
        a, b, c = tests
        x, y, z = offsets
        return lambda t, i: a(t, i + x) and b(t, i + y) and c(t, i + z)
    pairs = list(zip(tests, offsets, strict=True))
    return lambda t, i: all(test(t, i + k) for test, k in pairs)


def _anchors(specs: list[TokenSpec]) -> list[tuple[int, int, frozenset[str]]]:
    """(fewest, most tokens before it, words) of each listed-word token that every match
    has, at a bounded distance from the start: a match needs one of its words there, so a
    pattern is tried only near where its rarest anchor occurs."""
    anchors: list[tuple[int, int, frozenset[str]]] = []
    low = high = 0
    for spec in specs:
        if spec.words is not None and spec.low >= 1:
            anchors.append((low, high, spec.words))
        low, high = low + spec.low, high + spec.high
        if high >= UNBOUNDED:
            break
    return anchors
