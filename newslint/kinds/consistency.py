"""``consistency``: variants of which one article should use only one.

Pack fields: ``groups`` (a list; each a list of variants, or a table with
``variants`` and optional ``id``/``label``), ``ignore-case`` (default false),
``exceptions``. The form used most often wins (ties: the one used first); every
use of another form is flagged, saying which lines use which. Message
placeholders: {match}, {preferred}, {count}, {times} ("once", "twice", "3 times"),
{lines}, {match_lines}, {label}. ``mentions`` (default true): a variant talked about
as a word ("the spelling X", quoted, "Y, not X") is not counted (:mod:`.mention`);
``mention-cues``: a cue file of the pack's own.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..records import Hit
from .base import Context, PackError, RuleKind
from ..safe_regex import Exceptions, finditer, terms_regex
from .base import format_lines, line_numbers
from .mention import load_cues, mentions_for


class Kind(RuleKind):
    fields = {"groups": list, "ignore-case": bool, "exceptions": list, "safe": bool, "mentions": bool,
              "mention-cues": str}
    required = ("groups",)

    def configure(self, spec: dict[str, Any]) -> None:
        self.ignore_case = bool(spec.get("ignore-case", False))
        self.safe = bool(spec.get("safe", False))
        self.exceptions = Exceptions(spec.get("exceptions"))
        self.mentions = bool(spec.get("mentions", True))
        cues = spec.get("mention-cues")
        self.mention_cues = str(Path(self.rule.pack_path).parent / cues) if cues else None
        if self.mentions:
            load_cues(self.mention_cues)  # a broken cue file is a pack error now, not mid-run
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
            if len(by_variant) < 2:
                continue
            preferred = max(by_variant, key=lambda v: (len(by_variant[v]), -by_variant[v][0][0]))
            preferred_lines = line_numbers(ctx, (s for s, _ in by_variant[preferred]))
            for variant, spans in by_variant.items():
                if variant == preferred:
                    continue
                match_lines = line_numbers(ctx, (s for s, _ in spans))
                for start, end in spans:
                    word = text[start:end]
                    yield Hit(
                        start, end,
                        self.format(
                            match=word, preferred=preferred, count=len(by_variant[preferred]),
                            times=times(len(by_variant[preferred])),
                            lines=format_lines(preferred_lines), match_lines=format_lines(match_lines),
                            label=self.groups[group][0],
                        ),
                        replacements=[preferred], fix=preferred, safe=self.safe,
                    )


def times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


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
