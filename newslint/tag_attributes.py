"""The trained pipeline's attribute ruler (part of speech, morphology and a few lemmas from
the tag, with word exceptions) applied by look-up instead of spaCy's ``Matcher``.

In ``en_core_web_sm`` the ruler is 179 one- and two-token patterns, and running them
through the ``Matcher`` took about 40% of the pipeline's time on news sentences (more
than the parser). Every pattern there tests a token's tag, lower-case form, dependency
label or whether it is a space, by equality, ``IN`` or ``REGEX``; here each pattern is a
list of such tests, tried where its first token's tag or word can match, and the rules
are applied as spaCy applies them (all matches first, then in the order the rules were
added, later rules winning). A ruler with anything else in it (other attributes,
operators, extension attributes) is left to spaCy: :func:`from_ruler` returns None.
Tested against spaCy's own ruler token by token (``tests/test_tag_attributes.py``).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

#: Token attributes a pattern may test, read from a spaCy Token.
_READ: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
#: Attributes a rule may set (through the token's public setters).
_SETTABLE = frozenset({"POS", "MORPH", "LEMMA", "TAG", "DEP"})

Test = Callable[[Any], bool]
#: (rule number, (token offset, test) pairs, pattern width, index of the token set)
Entry = tuple[int, list[tuple[int, Test]], int, int]


def _test(key: str, value: Any) -> Test | None:
    """One token test, or None when it is not one read here."""
    read = _READ.get(key)
    if read is None:
        return None
    if isinstance(value, (str, bool)):
        return lambda t: read(t) == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list):
            members = frozenset(arg)
            return lambda t: read(t) in members
        if op == "NOT_IN" and isinstance(arg, list):
            members = frozenset(arg)
            return lambda t: read(t) not in members
        if op == "REGEX" and isinstance(arg, str):
            search = re.compile(arg).search  # spaCy's Matcher uses `re` for REGEX
            return lambda t: bool(search(read(t)))
    return None


class TagAttributes:
    """A spaCy pipeline component equivalent to a supported AttributeRuler."""

    def __init__(self, rules: list[tuple[list[list[Test]], dict[str, str], int]],
                 anchors: list[list[tuple[str, tuple[str, ...]] | None]]) -> None:
        #: (token-pattern alternatives, attributes to set, index of the token set), in order.
        self.rules = rules
        # Patterns by what their first token must be (its tag or its lower-case form), so
        # that a token is tried only against the patterns that may start there.
        self.by_tag: dict[str, list[Entry]] = {}
        self.by_lower: dict[str, list[Entry]] = {}
        self.anywhere: list[Entry] = []
        for number, ((alternatives, _, index), keys) in enumerate(zip(rules, anchors, strict=True)):
            for pattern, key in zip(alternatives, keys, strict=True):
                entry = (number, [(k, test) for k, tests in enumerate(pattern) for test in tests], len(pattern),
                         index)
                if key is None:
                    self.anywhere.append(entry)
                    continue
                table = self.by_tag if key[0] == "TAG" else self.by_lower
                for value in key[1]:
                    table.setdefault(value, []).append(entry)

    def __call__(self, doc: Any) -> Any:
        tokens = list(doc)
        n = len(tokens)
        found: list[tuple[int, int, int]] = []  # (rule number, start, token set)
        for start, token in enumerate(tokens):
            for number, tests, width, index in (*self.by_tag.get(token.tag_, ()),
                                                *self.by_lower.get(token.lower_, ()), *self.anywhere):
                if start + width > n:
                    continue
                if all(test(tokens[start + k]) for k, test in tests):
                    target = start + index if index >= 0 else start + width + index
                    if not start <= target < start + width:
                        raise ValueError("attribute ruler index outside its pattern")
                    found.append((number, start, target))
        found.sort()  # spaCy: by rule, then by position; later rules win
        for number, _, target in found:
            _apply(tokens[target], self.rules[number][1])
        return doc


def _apply(token: Any, attrs: dict[str, str]) -> None:
    for name, value in attrs.items():
        if name == "POS":
            token.pos_ = value
        elif name == "MORPH":
            token.set_morph(value)
        elif name == "LEMMA":
            token.lemma_ = value
        elif name == "TAG":
            token.tag_ = value
        elif name == "DEP":
            token.dep_ = value


def _anchor(first: dict[str, Any]) -> tuple[str, tuple[str, ...]] | None:
    """The words (better: fewer patterns per key) or tags a pattern's first token must
    have, for the index; None: try the pattern at every token."""
    for key in ("LOWER", "TAG"):
        value = first.get(key)
        if isinstance(value, str):
            return key, (value,)
        if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
            return key, tuple(dict.fromkeys(value["IN"]))
    return None


def from_ruler(patterns: list[dict[str, Any]]) -> TagAttributes | None:
    """A TagAttributes for an AttributeRuler's ``patterns`` (its public list), or None when
    some pattern holds what is not read here."""
    rules: list[tuple[list[list[Test]], dict[str, str], int]] = []
    anchors: list[list[tuple[str, tuple[str, ...]] | None]] = []
    for entry in patterns:
        attrs, index, alternatives = entry.get("attrs"), entry.get("index", 0), entry.get("patterns")
        if not isinstance(attrs, dict) or not set(attrs) <= _SETTABLE or not isinstance(index, int):
            return None
        if not all(isinstance(v, str) for v in attrs.values()) or not isinstance(alternatives, list):
            return None
        compiled, keys = [], []
        for pattern in alternatives:
            if not isinstance(pattern, list) or not pattern or not all(isinstance(d, dict) for d in pattern):
                return None
            tokens = []
            for spec in pattern:
                tests = [_test(k, v) for k, v in spec.items()]
                if any(t is None for t in tests):
                    return None
                tokens.append(tests)
            compiled.append(tokens)
            keys.append(_anchor(pattern[0]))
        rules.append((compiled, dict(attrs), index))
        anchors.append(keys)
    return TagAttributes(rules, anchors)


FACTORY = "newslint_tag_attributes"


def install(nlp: Any) -> bool:
    """Put a TagAttributes where ``nlp``'s attribute ruler is (True), or leave the pipeline
    as it is when it has no ruler or one with patterns not read here (False)."""
    names = list(nlp.pipe_names)
    if "attribute_ruler" not in names:
        return False
    patterns = nlp.get_pipe("attribute_ruler").patterns
    if from_ruler(patterns) is None:
        return False
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, default_config={"patterns": []}, func=_make)
    at = names.index("attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    follows = names[at + 1] if at + 1 < len(names) else None
    if follows:
        nlp.add_pipe(FACTORY, before=follows, config={"patterns": patterns})
    else:
        nlp.add_pipe(FACTORY, config={"patterns": patterns})
    return True


def _make(nlp: Any, name: str, patterns: list[dict[str, Any]]) -> TagAttributes:
    made = from_ruler(patterns)
    if made is None:  # install() checked them
        raise ValueError("attribute ruler patterns not supported")
    return made
