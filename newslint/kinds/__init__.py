"""Rule kinds: the Python half of every rule. Packs (TOML) configure them.

Kinds are *declared* in :data:`KINDS` (pack name -> module). A module in this
package that is not listed there (``base``, ``prefilter``) is a helper,
never a kind, so a pack cannot name it. A kind's module exposes a class ``Kind``
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
    "consistency": "consistency",
    "dash-style": "dash_style",
    "doubled-word": "doubled_word",
    "existence": "existence",
    "furniture-line": "furniture_line",
    "impossible-date": "impossible_date",
    "indefinite-article": "indefinite_article",
    "join-date": "join_date",
    "locale-mix": "locale_mix",
    "member-count": "member_count",
    "membership": "membership",
    "name-consistency": "name_consistency",
    "name-groups": "name_groups",
    "name-variants": "name_variants",
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


class UnknownKind(LookupError):
    """A kind name that is not in the registry (the message names the nearest kind)."""


def module_name(kind: str) -> str:
    """The full module name of a registered kind."""
    if kind not in KINDS:
        raise UnknownKind(unknown_kind_message(kind))
    return f"{__name__}.{KINDS[kind]}"


def kind_exists(kind: object) -> bool:
    return isinstance(kind, str) and kind in KINDS


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
    return sorted(KINDS)
