"""``join-date``: "Sweden, which joined NATO in 2023" checked against the year the
knowledge base records (7 March 2024).

Pack fields: ``triggers`` (patterns or tables with ``{org}``, ``{country}`` /
``{countries}`` and ``{year}``; a table may set ``members-only = true`` to leave
countries that were never members to the membership rules), ``organisations``
(knowledge ids whose dates copy states consistently), ``quiet``. A year is right
if some membership period of the country began in it (or lists it under
``also-years``), ``frames`` (membership frames, :mod:`newslint.knowledge.frames`,
whose claims carry a year: "Sweden, which joined the alliance in 2023", "Croatia,
which joined in 2004"). The message may use {fact}, {context}, {said}, {suggestion},
{source}, {date}.
The country is reported (it is as likely to be the slip as the year), with the
countries that did join that year as suggestions.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from ..knowledge.checking import FactChecks
from ..records import Hit
from .base import Context, PackError, RuleKind

# "The Gambia, which rejoined the Commonwealth in 2018": the year of a later accession.
_REJOIN = re.compile(r"\bre-?join(?:s|ed|ing)?\b", re.IGNORECASE)
# "Greece and Turkey joined in 1952; Germany in 1955": a country with its own year right
# after it (a gapped clause) joined in that year, not in the year the frame ends with.
_OWN_YEAR = re.compile(r"\s*,?\s*in\s+(1[89]\d\d|20\d\d)(?![\w-])")


class Kind(FactChecks, RuleKind):
    fields = {"triggers": list, "organisations": list, "quiet": list, "frames": list}
    frame_events = True  # "which joined the alliance in 2023": a past cue is the claim
    required = ("triggers",)
    needs = frozenset({"tokens"})

    def configure(self, spec: dict[str, Any]) -> None:
        from ..knowledge import organisation_ids
        from ..knowledge.claims import Markers, check_placeholders, organisation_list
        from ..knowledge.scan import needs_of
        from ..knowledge.word_lists import fill_words

        known = organisation_ids()
        self.org_ids = organisation_list(spec.get("organisations", known), known, "organisations")
        self.triggers: list[tuple[str, bool]] = []
        for i, trigger in enumerate(spec["triggers"]):
            source = trigger.get("pattern") if isinstance(trigger, dict) else trigger
            if not isinstance(source, str) or "{org}" not in source or "{year}" not in source:
                raise PackError(f"trigger #{i + 1} must be a pattern with {{org}} and {{year}}")
            source = fill_words(source, f"trigger #{i + 1}")
            check_placeholders(source, f"trigger #{i + 1}")
            members_only = bool(trigger.get("members-only", False)) if isinstance(trigger, dict) else False
            self.triggers.append((source, members_only))
        # What each trigger needs, worked out now so that every rule's literals are known
        # before the first sentence is scanned for them.
        self._needs = [needs_of(source) for source, _ in self.triggers]
        self.markers = Markers.from_spec({"quiet": spec.get("quiet", [])})
        self._compiled: Any = None
        from ..knowledge.frames import Frame

        self.frames = [Frame.from_spec(f, f"frame #{i + 1}") for i, f in enumerate(spec.get("frames", []))]

    def _patterns(self) -> Any:
        """Triggers against the knowledge base, compiled when a sentence first needs them."""
        if self._compiled is None:
            from ..knowledge import knowledge
            from ..knowledge.claims import expand
            from ..knowledge.scan import Trigger, Triggers

            kb = knowledge()
            self._orgs = [kb.organisation(i) for i in self.org_ids]
            self._words = tuple(dict.fromkeys(w for o in self._orgs for w in o.names + o.mentions))
            self._compiled = Triggers([Trigger(s, lambda s=s: expand(s, kb, self._orgs), needs, members_only=only)
                                       for (s, only), needs in zip(self.triggers, self._needs, strict=True)])
        return self._compiled

    def check_facts(self, ctx: Context, patterns: Any, kb: Any) -> Iterable[Hit]:
        from ..knowledge.claims import entity_spans

        countries = kb.countries
        seen: set[tuple[int, int]] = set()
        for found in self.trigger_matches(ctx, patterns, kb, self._orgs):
            sent, match, org = found.sentence, found.match, found.org
            year = int(match.group("year"))
            if year > ctx.date.year:
                continue
            for start, end, code in entity_spans(match, kb, sent.start):
                periods = [p for p in org.members if p.country == code]
                if (start, end) in seen or (found.trigger.info["members_only"] and not periods):
                    continue
                if any(p.joined.year == year or year in p.also for p in periods):
                    continue
                seen.add((start, end))
                context = " ".join(sent.text[match.start("cue"):match.end("cue")].split()) \
                    if "cue" in match.re.groupindex and match.start("cue") >= 0 else match.group(0)
                named = {countries.code(m.group(0)) for m in sent.countries(countries)}
                yield self._hit(ctx, kb, org, code, year, start, end, context, named)
        if self.frames:
            yield from self._frame_hits(ctx, kb, seen)

    def _frame_hits(self, ctx: Context, kb: Any, seen: set[tuple[int, int]]) -> Iterable[Hit]:
        """Years the membership frames read: "Sweden, which joined the alliance in 2023"."""
        for claim in self.frame_claims(ctx, kb):
            own = _OWN_YEAR.match(ctx.text, claim.end)
            years = [int(own.group(1))] if own else list(claim.years)
            years, org = [y for y in years if y <= ctx.date.year], claim.org
            if not years or (claim.start, claim.end) in seen:
                continue
            if not (claim.cue_past or (claim.frame.shape == "apposition" and not claim.frame.events)
                    or claim.frame.shape == "possessor"):
                continue  # "will join in 2030" is a plan, not an accession year; "Hungary, admitting defeat"
            periods = [p for p in org.members if p.country == claim.code]
            if len(periods) > 1 and _REJOIN.search(ctx.text, claim.context[0], claim.context[1]):
                periods = sorted(periods, key=lambda p: p.joined)[1:]  # "rejoined": a later accession
            if any(p.joined.year == y or y in p.also for p in periods for y in years):
                continue
            if not periods and not (claim.cue_past and org.exists_on(dt.date(min(years), 12, 31))):
                continue  # "a member since 2020" of a never-member: the membership rules' finding
            seen.add((claim.start, claim.end))
            s_start, s_end = claim.sentence
            named = {kb.countries.code(m.group(0)) for m in kb.countries.compiled().finditer(ctx.text, s_start, s_end)}
            context = " ".join(ctx.text[claim.context[0]:claim.context[1]].split())
            yield self._hit(ctx, kb, org, claim.code, years, claim.start, claim.end, context, named)

    def _hit(self, ctx: Context, kb: Any, org: Any, code: str, year: int | list[int], start: int, end: int,
             context: str, named: set[str | None]) -> Hit:
        """The finding: the recorded accession date(s), and the countries that joined in
        the year the copy gives (one of them may have been meant). A relative marker
        ("last April") may give two years: both are named."""
        from ..calendar_names import long_date

        years = sorted(set(year)) if isinstance(year, list) else [year]
        said = " or ".join(str(y) for y in years)
        text = ctx.text
        periods = [p for p in org.members if p.country == code]
        written = text[start:end]
        capital = written in kb.countries.capitals or (len(written) > 3 and written.isupper())
        subject = kb.countries.display(code) if capital else written
        subject = subject[:1].upper() + subject[1:]
        if periods:
            joined = " and ".join(long_date(p.joined) for p in periods)
            fact = f"{subject} joined {org.name} on {joined}, not in {said}"
        else:
            fact = f"{subject} has never been {org.member_phrase}"
        others = sorted({p.country for p in org.members if p.joined.year in years} - named)
        options = [kb.countries.display(c) for c in others][:3] if len(others) <= 3 else []
        options = [o[:1].upper() + o[1:] for o in options]
        suggestion = (f" Did you mean {' or '.join(options)}, which joined in {said}?" if options else "")
        message = self.format(fact=fact, context=context, said=said, source=org.path,
                              date=ctx.date.isoformat(), org=org.name, suggestion=suggestion)
        return Hit(start, end, message, replacements=options,
                   fix=options[0] if len(options) == 1 else None, safe=False)
