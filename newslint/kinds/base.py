"""The interface every rule kind implements, and the context a check runs in."""
from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..document import Document
from ..records import Hit, Rule
from ..tokens import Tokens


class PackError(Exception):
    """A rule's fields are wrong; the loader adds the pack file and rule code."""


@dataclass
class Context:
    """What a rule may look at while checking one document.

    ``text`` is the document's prose (markup removed); hits are spans of it.
    ``date`` is the article date (front matter, leading date line, --date, config,
    else today). ``preset`` is the house-style preset's settings (``name`` included).
    """

    doc: Document
    date: dt.date
    preset: dict[str, Any] = field(default_factory=lambda: {"name": "default"})
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    nlp: Any = None  # newslint.nlp.NLP, built on demand by the engine
    #: The newsroom's own words (config ``dictionary`` files): never misspellings.
    words: frozenset[str] = frozenset()
    _spacy_doc: Any = field(default=None, repr=False)
    _tokens: Any = field(default=None, repr=False)
    #: Per-document work that several rules share (the entity rules' one scan, ...);
    #: each kind chooses its own keys.
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.doc.prose

    @property
    def style(self) -> str:
        return str(self.preset.get("name", "default"))

    def rule_options(self, rule: Rule) -> dict[str, Any]:
        """Per-rule settings from config (``[options.NL505]``), by code or name."""
        return {**self.options.get(rule.name, {}), **self.options.get(rule.code, {})}

    def tokens(self) -> Tokens:
        """The prose's tokens and sentences (:mod:`newslint.tokens`), built once per
        document and shared by every rule; no spaCy."""
        if self._tokens is None:
            dateline = self.doc.dateline_end
            self._tokens = Tokens(self.text, (dateline,) if dateline else ())
        return self._tokens

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) prose offsets of each sentence."""
        return self.tokens().sentences()

    def spacy_doc(self) -> Any:
        """The spaCy ``Doc`` of the prose (only for rules that read a trained pipeline's
        tags or entities): tokenised and sentence-split once per document."""
        if self._spacy_doc is None:
            if self.nlp is None:
                from ..nlp import NLP

                self.nlp = NLP()
            self._spacy_doc = self.nlp(self.text)
        return self._spacy_doc


class RuleKind:
    """One kind of check (substitution, existence, mixed-terms, ...).

    Subclasses declare ``fields`` (kind-specific pack fields, name -> accepted types),
    ``required`` (those that must be present), and ``needs`` (what they read beyond the
    text: ``"tokens"`` says the kind reads :meth:`Context.tokens`, newslint's own words
    and sentences, which need no spaCy and are always there; ``"pos"``, ``"dep"``,
    ``"lemma"`` and ``"ents"`` ask for a trained pipeline, and a rule that needs one
    runs only when a pipeline is configured, see :data:`newslint.nlp.TRAINED_FEATURES`).
    ``configure`` validates and compiles once per process; ``check`` runs per document
    and yields :class:`Hit` objects with prose offsets.
    """

    fields: ClassVar[dict[str, type | tuple[type, ...]]] = {}
    required: ClassVar[tuple[str, ...]] = ()
    needs: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        check_template(rule.message, "message")
        self.configure(rule.spec)

    def configure(self, spec: dict[str, Any]) -> None:  # noqa: B027 - optional hook
        """Validate and compile kind-specific fields; raise PackError on bad input."""

    def requirements(self) -> frozenset[str]:
        """What this configured rule needs from NLP (a pack may add ``requires = ["pos"]``)."""
        return self.needs | frozenset(self.rule.spec.get("requires", ()))

    def check(self, ctx: Context) -> Iterable[Hit]:
        raise NotImplementedError

    # Helpers shared by kinds -------------------------------------------------------------
    def format(self, template: str | None = None, **values: Any) -> str:
        """Fill the rule's message template; unknown placeholders are left visible."""
        text = template if template is not None else self.rule.message
        try:
            return text.format_map(_Missing(values))
        except (ValueError, IndexError, KeyError, AttributeError, TypeError):
            return text


#: Format specs a message may use: the case changes the pattern kind offers, nothing that
#: pads or repeats (``{match:>50000000}`` would build a 50 MB message).
TEMPLATE_SPECS = frozenset({"", "lower", "upper", "cap", "title", "first", "last"})


def check_template(template: str, field_name: str) -> None:
    """A pack's message may only use ``{name}`` (or ``{name:lower}``-style) fields: no
    attribute or index access (``{x.__class__}``), no width or padding, no conversions."""
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise PackError(f"'{field_name}' is not a valid template: {exc}") from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if not (name.isidentifier() or name.lstrip("-").isdigit()):
            raise PackError(f"'{field_name}' field '{{{name}}}' is not allowed: use a plain name such as "
                            "{match} (no attributes or indexes)")
        if conversion or spec not in TEMPLATE_SPECS:
            raise PackError(f"'{field_name}' field '{{{name}:{spec}}}' is not allowed: formats are "
                            f"{', '.join(sorted(s for s in TEMPLATE_SPECS if s))}")


class _Missing(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# Reading rule fields and naming lines in messages: used by many kinds.

def runs_under_style(ctx: Any, rule: Any, styles: set[str]) -> bool:
    """Whether a preset-gated rule runs for the article's house style; ``[options.CODE] styles``
    in config overrides the pack's list."""
    override = ctx.rule_options(rule).get("styles")
    if isinstance(override, list):
        styles = {str(s).lower() for s in override}
    return ctx.style.lower() in styles


def as_str_list(value: Any, field: str) -> list[str]:
    """A pack field that takes one string or a list of strings, as a list."""
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PackError(f"'{field}' must be a list of strings")
    return list(value)


def str_list(spec: dict[str, Any], key: str, items: str = "strings") -> list[str]:
    """``spec[key]`` (absent: an empty list), which must be a list of strings."""
    value = spec.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PackError(f"'{key}' must be a list of {items}")
    return value


def line_numbers(ctx: Any, offsets: Iterable[int]) -> list[int]:
    """Original-file line numbers of prose offsets, sorted and unique."""
    doc = ctx.doc
    return sorted({doc.line_col(doc.to_original(o))[0] for o in offsets})


def format_lines(lines: list[int], limit: int = 6) -> str:
    """"line 3" or "lines 2, 5, 9, ..." (at most ``limit`` numbers) for a message."""
    shown = ", ".join(str(n) for n in lines[:limit])
    if len(lines) > limit:
        shown += ", ..."
    return ("line " if len(lines) == 1 else "lines ") + shown
