"""``mixed-terms``: one article using two forms of a word or phrase that should be
written one way (e-mail and email, per cent and percent), from lists of variants.

(Kind ``consistency`` before issue 17; that name still works and is deprecated. For
names and places with dated house spellings, see ``mixed-spelling``.)

Pack fields: ``groups`` (a list; each a list of variants, or a table with
``variants`` and optional ``id``/``label``), ``ignore-case`` (default false),
``exceptions``. The form used most often wins (ties: the one used first); every
use of another form is flagged, saying which lines use which. Message
placeholders: {match}, {preferred} (also {replacement}), {count}, {times} ("once",
"twice", "3 times"), {lines}, {match_lines}, {label}. ``mentions`` (default true): a variant talked about
as a word ("the spelling X", quoted, "Y, not X") is not counted (:mod:`.mention`);
``mention-cues``: a cue file of the pack's own.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..records import Hit
from ..safe_regex import Exceptions, finditer, terms_regex
from .base import Context, PackError, RuleKind
from .mention import MENTION_FIELDS, configured_cues, mentions_for
from .mixing import minority_hits


class Kind(RuleKind):
    fields = {"groups": list, "ignore-case": bool, "exceptions": list, "safe": bool, **MENTION_FIELDS}
    required = ("groups",)

    def configure(self, spec: dict[str, Any]) -> None:
        self.ignore_case = bool(spec.get("ignore-case", False))
        self.safe = bool(spec.get("safe", False))
        self.exceptions = Exceptions(spec.get("exceptions"))
        self.mentions, self.mention_cues = configured_cues(spec, self.rule.pack_path)
        self.groups: list[tuple[str, list[str]]] = []
        canonical: dict[str, int] = {}
        for index, group in enumerate(spec["groups"]):
            label, variants = _group(group, index)
            for variant in variants:
                canonical[self._key(variant)] = len(self.groups)
            self.groups.append((label, variants))
        self.canonical = canonical
        self.pattern = terms_regex(list(canonical_variants(self.groups)), self.ignore_case)

    def _key(self, word: str) -> str:
        return word.lower() if self.ignore_case else word

    def variant_of(self, word: str) -> tuple[int, str] | None:
        """(group index, variant as listed) for a matched word, or None."""
        for index, (_, variants) in enumerate(self.groups):
            for variant in variants:
                if word == variant or (self.ignore_case or word.isupper()) and word.lower() == variant.lower():
                    return index, variant
        return None

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        exempt = self.exceptions.spans(text)
        uses: dict[int, dict[str, list[tuple[int, int]]]] = {}
        for match in finditer(self.pattern, text):
            if Exceptions.covers(exempt, *match.span()):
                continue
            found = self.variant_of(match.group())
            if found is None:
                continue
            group, variant = found
            if self.mentions:
                others = [v for v in self.groups[group][1] if v != variant]
                if mentions_for(ctx, self.mention_cues).is_mention(*match.span(), others):
                    continue
            uses.setdefault(group, {}).setdefault(variant, []).append(match.span())
        for group, by_variant in uses.items():
            yield from minority_hits(self, ctx, by_variant, keep_case=False, safe=self.safe,
                                     label=self.groups[group][0])


def canonical_variants(groups: list[tuple[str, list[str]]]) -> Iterable[str]:
    for _, variants in groups:
        yield from variants


def _group(raw: Any, index: int) -> tuple[str, list[str]]:
    if isinstance(raw, dict):
        variants = raw.get("variants")
        label = str(raw.get("label") or raw.get("id") or "")
    else:
        variants, label = raw, ""
    if not isinstance(variants, list) or len(variants) < 2 or not all(isinstance(v, str) for v in variants):
        raise PackError(f"groups[{index}] must list at least two variants (strings)")
    return label or variants[0], variants
