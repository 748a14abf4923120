"""Rule kinds: the Python half of every rule. Packs (TOML) configure them.

Kinds are *declared* in :data:`KINDS` (pack name -> module). A module in this
package that is not listed there (``base``, ``mention``, ``mixing``, ``prefilter``)
is a helper, never a kind, so a pack cannot name it. Old names of renamed kinds stay
accepted through :data:`DEPRECATED_KINDS`. A kind's module exposes a class ``Kind``
(a :class:`newslint.kinds.base.RuleKind`) and is imported only when a loaded pack
uses it, so a run pays only for what it checks.

Adding a kind: write ``newslint/kinds/my_kind.py`` with ``class Kind(RuleKind)``
and add ``"my-kind": "my_kind"`` below (a test fails until you do).
"""
from __future__ import annotations

import difflib
import importlib

from .base import RuleKind

#: Every rule kind a pack may name, mapped to its module in this package.
KINDS: dict[str, str] = {
    "acronym-case": "acronym_case",
    "agreement": "agreement",
    "balanced-brackets": "balanced_brackets",
    "balanced-quotes": "balanced_quotes",
    "capital": "capital",
    "confused-word": "confused_word",
    "dash-style": "dash_style",
    "doubled-word": "doubled_word",
    "existence": "existence",
    "furniture-line": "furniture_line",
    "house-spelling": "house_spelling",
    "impossible-date": "impossible_date",
    "indefinite-article": "indefinite_article",
    "join-date": "join_date",
    "locale-mix": "locale_mix",
    "member-count": "member_count",
    "membership": "membership",
    "mixed-spelling": "mixed_spelling",
    "mixed-spelling-unlisted": "mixed_spelling_unlisted",
    "mixed-terms": "mixed_terms",
    "number-style": "number_style",
    "office-holder": "office_holder",
    "pattern": "pattern",
    "pos-confusion": "pos_confusion",
    "quote-style": "quote_style",
    "relative-day": "relative_day",
    "run-together": "run_together",
    "spelling": "spelling",
    "substitution": "substitution",
    "tagged-pattern": "tagged_pattern",
    "teaser": "teaser",
    "title-case": "title_case",
    "verb-chain": "verb_chain",
    "verb-pattern": "verb_pattern",
    "weekday": "weekday",
}

#: Kind names packs used before issue 17 gave the name kinds names that say what they
#: check. Still accepted (newsroom packs use them) but deprecated: ``check-pack`` says
#: which name to use, and a loaded rule carries the new name.
DEPRECATED_KINDS: dict[str, str] = {
    "consistency": "mixed-terms",
    "name-consistency": "mixed-spelling",
    "name-groups": "house-spelling",  # with mode = "mixed": mixed-spelling
    "name-variants": "mixed-spelling-unlisted",
}


def canonical_kind(kind: str, spec: dict[str, object] | None = None) -> str:
    """The registered name for ``kind``: itself, or what a deprecated name became
    (``spec`` tells the two modes of the old ``name-groups`` apart)."""
    new = DEPRECATED_KINDS.get(kind, kind)
    if new == "house-spelling" and spec is not None and spec.get("mode") == "mixed":
        return "mixed-spelling"
    return new


class UnknownKind(LookupError):
    """A kind name that is not in the registry (the message names the nearest kind)."""


def module_name(kind: str) -> str:
    """The full module name of a registered kind."""
    if not kind_exists(kind):
        raise UnknownKind(unknown_kind_message(kind))
    return f"{__name__}.{KINDS[canonical_kind(kind)]}"


def kind_exists(kind: object) -> bool:
    """A registered kind, or a deprecated name of one."""
    return isinstance(kind, str) and (kind in KINDS or kind in DEPRECATED_KINDS)


def unknown_kind_message(kind: object) -> str:
    near = difflib.get_close_matches(str(kind), list(KINDS), n=1, cutoff=0.75)
    hint = f"; did you mean '{near[0]}'?" if near else " (see newslint kinds)"
    return f"unknown rule kind '{kind}'{hint}"


def load_kind(kind: str) -> type[RuleKind]:
    """The ``Kind`` class of a registered kind; UnknownKind for anything else."""
    module = importlib.import_module(module_name(kind))
    cls = getattr(module, "Kind", None)
    if not (isinstance(cls, type) and issubclass(cls, RuleKind)):
        raise UnknownKind(f"rule kind '{kind}' is registered but {module.__name__} defines no Kind class")
    return cls


def available_kinds() -> list[str]:
    """The kinds ``newslint kinds`` lists: registered names only, not deprecated ones."""
    return sorted(KINDS)
