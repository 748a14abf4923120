"""``house-spelling``: a listed name or place in a spelling other than the one house style
prefers on the article date (Zelensky under AP in 2023, Kiev -> Kyiv).

(Kind ``name-groups`` before issue 17; that name still works and is deprecated.)

One group lists the variants of one name (Zelensky, Zelenskiy, Zelenskyy) and,
optionally, which spelling is preferred: ``prefer`` for every house style and
``presets.<style>`` for one, each a *dated* list of ``{spelling, since, source}``
entries, because outlets change their minds (AP: Zelensky in 2019, Zelenskyy
by 2022). The entry in force on the article date wins. Every use of a variant
other than the spelling in force is flagged, with that spelling as a safe fix.

The same groups serve kind ``mixed-spelling`` (:mod:`.mixed_spelling`): one article
using two variants of a group. This module holds both checks; ``mode = "mixed"`` here
is the deprecated way to ask for that one.

Pack fields: ``groups`` (a list of tables: ``id``, ``variants``, ``prefer``,
``presets``, ``exceptions``, ``source``/``note``), or ``groups-from`` (the code of
a rule in the same pack whose groups to share, so that data lives once),
``exceptions`` (patterns whose matches are left alone),
``quoted-titles`` (leave names inside quoted titles alone, e.g. a film called
“Kiev Nights”), ``safe``, ``mentions`` (default true: a name talked about as a
word — "the old spelling Kiev", "Kyiv, not Kiev", an article about the switch —
is not a use; see :mod:`.mention`), ``mention-cues`` (a cue file instead of
``rules/data/mention.toml``). Message placeholders: {match}, {replacement},
{preferred}, {house}, {since}, {source}, {label}, {count}, {times}, {lines},
{match_lines}.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..prefilter import doc_view
from ..records import Hit
from ..regex_cache import compile_pattern
from ..safe_regex import Exceptions, finditer, terms_regex
from ..text_case import match_case
from .base import Context, PackError, RuleKind
from .mention import MENTION_FIELDS, configured_cues, mentions_for
from .mixing import minority_hits

# A quoted stretch whose words are all capitalised reads as a title (“Kiev Nights”).
_QUOTED = compile_pattern(r"[\"“‘']([^\"“”‘’'\n]{1,80})[\"”’'](?!\p{L})")  # not “Kiev’s
_SMALL_WORDS = frozenset("a an and at by for from in of on or the to with".split())


@dataclass(frozen=True)
class Preference:
    """One dated house-style choice for a group."""

    spelling: str
    since: dt.date
    source: str


@dataclass
class Group:
    """One name's variants and who prefers which spelling since when."""

    label: str
    variants: list[str]
    prefer: list[Preference] = field(default_factory=list)
    presets: dict[str, list[Preference]] = field(default_factory=dict)
    exceptions: Exceptions | None = None

    def canonical(self, spelling: str) -> str:
        """The first listed variant with the same letters regardless of case."""
        folded = spelling.casefold()
        return next((v for v in self.variants if v.casefold() == folded), spelling)

    def preference(self, style: str, date: dt.date) -> tuple[Preference, str] | None:
        """The preference in force for ``style`` on ``date`` and whose it is ("AP style")."""
        for entries, house in ((self.presets.get(style, []), f"{_display(style)} style"),
                               (self.prefer, "House style")):
            chosen = [p for p in entries if p.since <= date]
            if chosen:
                return chosen[-1], house
        return None


class Kind(RuleKind):
    fields = {"groups": list, "groups-from": str, "mode": str, "exceptions": list,
              "quoted-titles": bool, "safe": bool, **MENTION_FIELDS}

    def configure(self, spec: dict[str, Any]) -> None:
        self.mode = spec.get("mode", "style")
        if self.mode not in ("style", "mixed"):
            raise PackError("mode must be \"style\" or \"mixed\"")
        self.safe = bool(spec.get("safe", self.mode == "style"))
        self.quoted_titles = bool(spec.get("quoted-titles", True))
        self.exceptions = Exceptions(spec.get("exceptions"))
        # Mention is not use ("the old spelling Kiev", "Kyiv, not Kiev"): on unless a pack
        # turns it off; cues from rules/data/mention.toml or the pack's own file.
        self.mentions, self.mention_cues = configured_cues(spec, self.rule.pack_path)
        raw = spec.get("groups")
        if raw is None:
            raw = _shared_groups(self.rule.pack_path, spec.get("groups-from"), self.rule.code)
        elif "groups-from" in spec:
            raise PackError("give either 'groups' or 'groups-from', not both")
        if not isinstance(raw, list):
            raise PackError("'groups' must be a list of tables")
        self.groups = [_group(g, i) for i, g in enumerate(raw)]
        # Every spelling a use may take -> (group, variant); None where ALL CAPS is ambiguous.
        # Variants differing only in case (Kim Jong-un, Kim Jong-Un: a headline's capitals)
        # count as one, the first listed.
        self.forms: dict[str, tuple[int, str] | None] = {}
        for index, group in enumerate(self.groups):
            for variant in group.variants:
                self.forms[variant] = (index, group.canonical(variant))
        listed = set(self.forms)
        for index, group in enumerate(self.groups):
            for variant in group.variants:
                target = (index, group.canonical(variant))
                for form in _case_forms(variant)[1:]:
                    if form in listed:
                        continue
                    if form in self.forms and self.forms[form] != target:
                        self.forms[form] = None  # an ALL CAPS form two groups share: not counted
                    else:
                        self.forms[form] = target
        self.pattern = terms_regex([v for g in self.groups for v in g.variants])

    # ------------------------------------------------------------------------------------
    def uses(self, ctx: Context) -> dict[int, dict[str, list[tuple[int, int]]]]:
        """Group -> variant -> spans, outside exceptions and quoted titles."""
        text = ctx.text
        exempt: list[tuple[int, int]] | None = None  # found at the first use
        group_exempt: dict[int, list[tuple[int, int]]] = {}
        found: dict[int, dict[str, list[tuple[int, int]]]] = {}
        if self.pattern is None:
            return found
        for match in finditer(self.pattern, text):
            span = match.span()
            if exempt is None:
                exempt = self.exceptions.spans(text)
                if self.quoted_titles:
                    exempt += _quoted_titles(text)
            if Exceptions.covers(exempt, *span):
                continue
            known = self.forms.get(match.group())
            if known is None:
                continue
            index, variant = known
            group = self.groups[index]
            if group.exceptions is not None:
                if index not in group_exempt:
                    group_exempt[index] = group.exceptions.spans(text)
                if Exceptions.covers(group_exempt[index], *span):
                    continue
            if self.mentions:
                others = [v for v in group.variants if v.casefold() != variant.casefold()]
                if mentions_for(ctx, self.mention_cues).is_mention(*span, others):
                    continue
            found.setdefault(index, {}).setdefault(variant, []).append(span)
        return found

    def _may_hit(self, ctx: Context) -> bool:
        """Whether the uses, before exceptions and quoted titles are taken out (which only
        removes uses), could give a finding: most articles use one spelling or none."""
        if self.pattern is None:
            return False
        seen: dict[int, set[str]] = {}
        for match in finditer(self.pattern, ctx.text):
            known = self.forms.get(match.group())
            if known is not None:
                seen.setdefault(known[0], set()).add(known[1])
        for index, variants in seen.items():
            group = self.groups[index]
            chosen = group.preference(ctx.style, ctx.date)
            keep = group.canonical(chosen[0].spelling) if chosen is not None else None
            if self.mode == "style":
                if keep is not None and variants - {keep}:
                    return True
            elif keep is None and len(variants) >= 2:
                return True
        return False

    def check(self, ctx: Context) -> Iterable[Hit]:
        if not self._may_hit(ctx):
            return
        uses = self.uses(ctx)
        for index, by_variant in uses.items():
            group = self.groups[index]
            chosen = group.preference(ctx.style, ctx.date)
            if self.mode == "style":
                if chosen is not None:
                    yield from self._style_hits(ctx, group, by_variant, *chosen)
            else:
                if chosen is not None:
                    keep = group.canonical(chosen[0].spelling)
                    by_variant = {v: s for v, s in by_variant.items() if v == keep}
                yield from self._mixed_hits(ctx, group, by_variant)

    def _style_hits(self, ctx: Context, group: Group, by_variant: dict[str, list[tuple[int, int]]],
                    preferred: Preference, house: str) -> Iterable[Hit]:
        for variant, spans in by_variant.items():
            if variant == group.canonical(preferred.spelling):
                continue
            for start, end in spans:
                word = ctx.text[start:end]
                replacement = match_case(word, preferred.spelling)
                message = self.format(
                    match=word, replacement=replacement, preferred=preferred.spelling, house=house,
                    since=preferred.since.isoformat(), source=preferred.source, label=group.label,
                )
                yield Hit(start, end, message, replacements=[replacement], fix=replacement, safe=self.safe)

    def _mixed_hits(self, ctx: Context, group: Group,
                    by_variant: dict[str, list[tuple[int, int]]]) -> Iterable[Hit]:
        return minority_hits(self, ctx, by_variant, safe=self.safe, label=group.label)


def _display(style: str) -> str:
    """ap -> AP, bbc -> BBC, reuters -> Reuters."""
    return style.upper() if len(style) <= 3 else style.capitalize()


def _case_forms(term: str) -> list[str]:
    forms = [term, term.upper()]
    if term[:1].islower():
        forms.append(term[:1].upper() + term[1:])
    return list(dict.fromkeys(forms))


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """Spans of quoted titles, found once per text."""
    memo = doc_view(text).memo
    spans = memo.get("quoted-titles")
    if spans is None:
        spans = memo["quoted-titles"] = _find_quoted_titles(text)
    return list(spans)


_TITLE_WORD = compile_pattern(r"[\w'’-]+")


def _find_quoted_titles(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _QUOTED.finditer(text):
        words = _TITLE_WORD.findall(match.group(1))
        if 1 <= len(words) <= 8 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS or w[:1].isdigit()
                                         for w in words) and words[0][:1].isupper():
            spans.append(match.span())
    return spans


def _shared_groups(pack_path: str, code: Any, own_code: str) -> Any:
    """The ``groups`` of another rule in the same pack (``groups-from = "NL102"``)."""
    if not isinstance(code, str):
        raise PackError("a house-spelling or mixed-spelling rule needs 'groups' or 'groups-from'")
    from ..packs import load_pack
    from ..records import NewslintError

    try:
        pack = load_pack(pack_path)
    except (NewslintError, OSError) as exc:
        raise PackError(f"cannot read groups-from {code}: {exc}") from None
    for rule in pack.rules:
        if rule.code == code and rule.code != own_code:
            groups = rule.spec.get("groups")
            if groups is None:
                raise PackError(f"groups-from {code}: that rule has no 'groups'")
            return groups
    raise PackError(f"groups-from {code}: no such rule in {pack_path}")


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PackError(f"{where}: 'since' must be a date (YYYY-MM-DD)")


def _preferences(raw: Any, variants: list[str], where: str) -> list[Preference]:
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, list):
        raise PackError(f"{where} must be a list of {{spelling, since, source}} tables")
    found = []
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("spelling"), str):
            raise PackError(f"{where}: every entry needs a 'spelling'")
        if entry["spelling"] not in variants:
            raise PackError(f"{where}: '{entry['spelling']}' is not one of the group's variants")
        if not isinstance(entry.get("source", ""), str) or not entry.get("source"):
            raise PackError(f"{where}: '{entry['spelling']}' needs a 'source' (where the preference is documented)")
        found.append(Preference(entry["spelling"], _date(entry.get("since"), where), entry["source"]))
    return sorted(found, key=lambda p: p.since)


def _group(raw: Any, index: int) -> Group:
    where = f"groups[{index}]"
    if not isinstance(raw, dict):
        raise PackError(f"{where} must be a table with 'variants'")
    variants = raw.get("variants")
    if not isinstance(variants, list) or len(variants) < 2 or not all(isinstance(v, str) and v for v in variants):
        raise PackError(f"{where} must list at least two variants (strings)")
    label = str(raw.get("id") or variants[0])
    where = f"group '{label}'"
    unknown = set(raw) - {"id", "variants", "prefer", "presets", "exceptions", "source", "note"}
    if unknown:
        raise PackError(f"{where}: unknown field '{sorted(unknown)[0]}'")
    presets_raw = raw.get("presets", {})
    if not isinstance(presets_raw, dict):
        raise PackError(f"{where}: 'presets' must be a table of style = [entries]")
    from ..presets import all_presets

    known_styles = all_presets()
    presets = {}
    for style, entries in presets_raw.items():
        if style not in known_styles:
            raise PackError(f"{where}: unknown style preset '{style}' (known: {', '.join(sorted(known_styles))})")
        presets[style] = _preferences(entries, variants, f"{where}, presets.{style}")
    exceptions = Exceptions(raw["exceptions"], f"{where} exceptions") if raw.get("exceptions") else None
    return Group(label=label, variants=list(variants),
                 prefer=_preferences(raw.get("prefer", []), variants, f"{where}, prefer"),
                 presets=presets, exceptions=exceptions)
