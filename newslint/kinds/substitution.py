"""``substitution``: a term that house style replaces with another (Kiev -> Kyiv).

Pack fields: ``terms`` (table: term -> preferred, or -> list of choices),
``exceptions`` (patterns whose matches are left alone: "chicken Kiev"),
``ignore-case`` (default false: terms match as written, in ALL CAPS and, for
lower-case terms, Capitalised), ``safe`` (whether the fix is safe; default true),
``presets`` (per-preset tables of extra ``terms`` and ``disable = true``),
``mentions`` (default true: a term talked about as a word — quoted, "the spelling
Kiev", "Kyiv, not Kiev" — is left alone; see :mod:`.mention`), ``mention-cues`` (a cue file of the pack's own
instead of ``rules/data/mention.toml``).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..records import Hit
from ..safe_regex import Exceptions, finditer, terms_regex
from ..text_case import match_case
from .base import Context, PackError, RuleKind
from .mention import load_cues, mentions_for


class Kind(RuleKind):
    fields = {"terms": dict, "exceptions": list, "ignore-case": bool, "safe": bool, "presets": dict,
              "mentions": bool, "mention-cues": str}
    required = ("terms",)

    def configure(self, spec: dict[str, Any]) -> None:
        self.ignore_case = bool(spec.get("ignore-case", False))
        self.safe = bool(spec.get("safe", True))
        self.exceptions = Exceptions(spec.get("exceptions"))
        self.mentions = bool(spec.get("mentions", True))
        cues = spec.get("mention-cues")
        self.mention_cues = str(Path(self.rule.pack_path).parent / cues) if cues else None
        if self.mentions:
            load_cues(self.mention_cues)  # a broken cue file is a pack error now, not mid-run
        self.terms = _terms(spec["terms"])
        self.pattern = terms_regex(self.terms, self.ignore_case)
        self.presets: dict[str, tuple[bool, dict[str, list[str]], Any]] = {}
        for name, table in (spec.get("presets") or {}).items():
            if not isinstance(table, dict):
                raise PackError(f"presets.{name} must be a table")
            extra = _terms(table.get("terms", {}))
            merged = {**self.terms, **extra}
            for term in table.get("allow", []):
                merged.pop(term, None)
            self.presets[name] = (bool(table.get("disable", False)), merged, terms_regex(merged, self.ignore_case))

    def check(self, ctx: Context) -> Iterable[Hit]:
        terms, pattern = self.terms, self.pattern
        if ctx.style in self.presets:
            disabled, terms, pattern = self.presets[ctx.style]
            if disabled:
                return
        if pattern is None:
            return
        text = ctx.text
        lookup: dict[str, list[str]] | None = None
        exempt: list[tuple[int, int]] | None = None
        for match in finditer(pattern, text):
            word = match.group()
            start, end = match.span()
            if exempt is None:
                exempt = self.exceptions.spans(text)
                if self.ignore_case:
                    lookup = {k.lower(): v for k, v in terms.items()}
            if Exceptions.covers(exempt, start, end):
                continue
            choices = _lookup(terms, lookup, word)
            if not choices:
                continue
            if self.mentions and mentions_for(ctx, self.mention_cues).is_mention(start, end, choices):
                continue
            replacements = [match_case(word, c) for c in choices]
            yield Hit(
                start, end,
                self.format(match=word, replacement=" or ".join(replacements)),
                replacements=replacements,
                fix=replacements[0] if len(replacements) == 1 else None,
                safe=self.safe,
            )


def _terms(raw: Any) -> dict[str, list[str]]:
    if not isinstance(raw, dict):
        raise PackError("'terms' must be a table of term = \"preferred\"")
    terms: dict[str, list[str]] = {}
    for term, preferred in raw.items():
        if isinstance(preferred, str):
            terms[term] = [preferred]
        elif isinstance(preferred, list) and preferred and all(isinstance(p, str) for p in preferred):
            terms[term] = list(preferred)
        else:
            raise PackError(f"terms.{term} must be a string or a list of strings")
    return terms


def _lookup(terms: dict[str, list[str]], lowered: dict[str, list[str]] | None, word: str) -> list[str]:
    if word in terms:
        return terms[word]
    if lowered is not None:
        return lowered.get(word.lower(), [])
    for term, choices in terms.items():
        if word in (term.upper(), term[:1].upper() + term[1:]):
            return choices
    return []
