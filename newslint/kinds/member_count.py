"""``member-count``: "NATO, an alliance of 30 countries" checked against how many
members the organisation had at the time the sentence can be about.

Pack fields: ``patterns`` (with ``{org}`` and ``{n}``, a number in digits or
words; an optional group ``cue`` narrows the quoted phrase), ``anaphora``
(patterns whose ``{org}`` is a bare "alliance" / "bloc" / "cartel", read as the
organisation the article named last: "the 30-nation alliance"), ``topic-patterns``
(with ``{n}`` only: "all 27 member states"; checked against every organisation the
copy names before them, flagged only when the number fits none), ``organisations``
(knowledge ids; only those with ``counts = true`` are checked); a pattern whose
optional group ``accession`` matched ("bringing NATO's membership to 32") is the count
just after a country joined, so the ``grace-days`` for stale counts do not apply (nor after
a group ``joined``: "the alliance, which Sweden joined last month, has 31 members"); ``history`` /
``past`` / ``quiet``, ``recent-years``, ``grace-days``. The message may use
{fact}, {context}, {said}, {source}, {date}.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from ..knowledge.checking import FactChecks, cue_span
from ..records import Hit
from ..text_case import capitalised
from .base import Context, PackError, RuleKind


class Kind(FactChecks, RuleKind):
    fields = {"patterns": list, "anaphora": list, "topic-patterns": list, "organisations": list,
              "history": list, "past": list, "quiet": list,
              "narrative": list, "anchors": list,
              "recent-years": int, "grace-days": int}
    required = ("patterns",)
    needs = frozenset({"tokens"})

    def configure(self, spec: dict[str, Any]) -> None:
        from ..knowledge import organisation_ids
        from ..knowledge.claims import Markers, organisation_list
        from ..knowledge.scan import needs_of

        known = organisation_ids()
        self.org_ids = organisation_list(spec.get("organisations", known), known, "organisations")
        self.sources = _patterns(spec["patterns"], "pattern", with_org=True)
        self.anaphora = _patterns(spec.get("anaphora", []), "anaphora pattern", with_org=True)
        self.topic_sources = _patterns(spec.get("topic-patterns", []), "topic pattern", with_org=False)
        self._topic: list[Any] | None = None
        # What each pattern needs, worked out now so that every rule's literals are known
        # before the first sentence is scanned for them.
        self._needs = {source: needs_of(source) for source in self.sources + self.anaphora}
        self.markers = Markers.from_spec(spec)
        self._compiled: Any = None
        self._orgs: list[Any] = []
        self._apposed: Any = None

    def _patterns(self) -> Any:
        """Patterns against the knowledge base, compiled when a sentence first needs them."""
        if self._compiled is None:
            from ..knowledge import knowledge
            from ..knowledge.claims import COUNT_ANAPHOR_NOUN, COUNT_ANAPHORS, expand
            from ..knowledge.scan import Trigger, Triggers

            kb = knowledge()
            self._orgs = [o for o in (kb.organisation(i) for i in self.org_ids) if o.counts]
            self._words = tuple(dict.fromkeys(w for o in self._orgs for w in o.names + o.mentions))
            self._anaphora = tuple(COUNT_ANAPHORS)
            self._anaphor = regex.compile(COUNT_ANAPHOR_NOUN, regex.IGNORECASE)
            compiled = [Trigger(s, lambda s=s: expand(s, kb, self._orgs), self._needs[s]) for s in self.sources]
            # "where the grouping of 11 countries met": a count's noun may follow the name in
            # the same sentence, so these run on every sentence, named or not.
            compiled += [Trigger(s, lambda s=s: expand(s, kb, self._orgs, anaphora="count"), self._needs[s],
                                 anaphoric=True, anywhere=True) for s in self.anaphora]
            self._compiled = Triggers(compiled if self._orgs else [])
        return self._compiled

    def check_facts(self, ctx: Context, patterns: Any, kb: Any) -> Iterable[Hit]:
        from ..knowledge.claims import parse_number, referents

        if not patterns:
            return
        seen: set[tuple[int, int]] = set()
        for found in self.trigger_matches(ctx, patterns, kb, self._orgs):
            sent, match, org = found.sentence, found.match, found.org
            said = parse_number(match.group("n"))
            if said is None:
                continue
            start, end = sent.start + match.start("n"), sent.start + match.end("n")
            if (start, end) in seen:
                continue
            if found.trigger.anaphoric and self._describes_another(sent.text[:match.start()]):
                continue  # "Ecowas, the 15-member regional bloc": the noun is Ecowas's, not the topic's
            seen.add((start, end))  # judged once: by the first pattern that reads it, right or wrong
            others = [org]
            if found.trigger.anaphoric:  # "the bloc" after "EU and NATO": right if it fits either
                others += referents(ctx.text, sent.start + match.start("org"), match.group("org"), self._orgs)
            if match.groupdict().get("accession"):
                joined = _accession_days(kb, sent.text[:match.start()], others)
                if joined is not None:
                    if any(said in o.counts_during(joined) for o in others):
                        continue
                    yield self._hit(ctx, org, said, found.cue(), start, end)
                    continue
            grace = not (match.groupdict().get("accession") or match.groupdict().get("joined"))
            if any(self._fits(ctx, sent.text, o, said, grace) for o in others):
                continue
            yield self._hit(ctx, org, said, found.cue(), start, end)
        if self.topic_sources:
            yield from self._topic_hits(ctx, seen)

    def _fits(self, ctx: Context, sentence: str, org: Any, said: int, grace: bool = True) -> bool:
        """Whether the count is right for the organisation at some moment the sentence
        may be about (or the file cannot say)."""
        from ..knowledge.scan import document_intervals

        intervals = self.markers.intervals(sentence, ctx.date, org, grace=grace) + \
            document_intervals(ctx, self.markers)
        return not org.counts_known(intervals) or said in org.counts_during(intervals)

    def _describes_another(self, before: str) -> bool:
        """Whether a count phrase that opens with "the" stands in apposition to a name the
        knowledge base does not know ("Ecowas, the regional body of 15 states"); a phrase
        after an opener ("On Thursday, the bloc") or a verb is the article's organisation."""
        if self._apposed is None:
            from ..knowledge.word_lists import word_lists

            lists = word_lists()
            openers = "(?:" + "|".join(lists[n] for n in ("sentence-openers", "months", "weekdays")) + ")"
            self._apposed = regex.compile(
                r"(?:^|[,;(]\s*|\b(?:and|by|with|from|as|of)\s+)(?!" + openers + r"\b)"
                r"[A-Z][\w.&'’-]*(?:\s+(?:of|for|and|[A-Z][\w.&'’-]*)){0,5}\s*(?:,|\(|–|—|\s-{1,2})\s*$")
        return self._apposed.search(before) is not None

    def _topic_hits(self, ctx: Context, seen: set[tuple[int, int]]) -> Iterable[Hit]:
        """"All 27 member states": right if it fits any organisation the copy has named
        before it (at any moment the sentence may be about); reported against the one
        named most often in the paragraph before."""
        from ..knowledge import knowledge
        from ..knowledge.claims import expand, parse_number
        from ..knowledge.frames import named_organisations, topic_of
        from ..knowledge.scan import document_intervals, scan
        from ..safe_regex import finditer

        if self._topic is None:
            self._topic = [expand(s, knowledge(), self._orgs) for s in self.topic_sources]
        named = named_organisations(ctx.text, self._orgs)
        if not named:
            return
        doc = scan(ctx)
        for index, sent in enumerate(doc.sentences):
            if "member" not in sent.text and "allies" not in sent.text:
                continue
            if doc.silenced(self.markers.quiet, index):
                continue
            before = [org for at, org in named if at < sent.start + len(sent.text)]
            if not before:
                continue
            for pattern in self._topic:
                for match in finditer(pattern, sent.text):
                    said = parse_number(match.group("n"))
                    start, end = sent.start + match.start("n"), sent.start + match.end("n")
                    if said is None or (start, end) in seen:
                        continue
                    fits = False
                    grace = not match.groupdict().get("accession")
                    for org in {o.id: o for o in before}.values():
                        intervals = self.markers.intervals(sent.text, ctx.date, org, grace=grace) + \
                            document_intervals(ctx, self.markers)
                        if not org.counts_known(intervals) or said in org.counts_during(intervals):
                            fits = True
                            break
                    if fits:
                        continue
                    seen.add((start, end))
                    org = topic_of(named, sent.start)
                    yield self._hit(ctx, org, said, cue_span(match, sent.start), start, end)

    def _hit(self, ctx: Context, org: Any, said: int, cue: tuple[int, int], start: int, end: int) -> Hit:
        from ..calendar_names import long_date
        from ..knowledge.claims import spell_like

        firm, unclear = org.count(ctx.date)
        right = str(firm) if not unclear else f"{firm} {'or' if unclear == 1 else 'to'} {firm + unclear}"
        bodies = [b.country for b in org.bodies if b.covers(ctx.date)]
        counted = f" (counting {' and '.join(bodies)} or not)" if bodies else ""
        fact = f"{capitalised(org.name)} had {right} members{counted} on {long_date(ctx.date)}"
        context = " ".join(ctx.text[cue[0]:cue[1]].split())
        replacement = spell_like(ctx.text[start:end], firm) if not unclear else None
        message = self.format(fact=fact, context=context, said=str(said), source=org.path,
                              date=ctx.date.isoformat(), org=org.name)
        return Hit(start, end, message, replacements=[replacement] if replacement else [],
                   fix=replacement, safe=False)


def _accession_days(kb: Any, before: str, orgs: list[Any]) -> list[tuple[Any, Any]] | None:
    """The days the countries named before "bringing its membership to N" joined one of
    the organisations: the count is the one right after that accession ("Croatia joined,
    bringing the EU's membership to 28" is right in any year); of several, the last to join.
    None if no such country is
    named (then the sentence's own time markers decide)."""
    codes = {kb.countries.code(m.group(0)) for m in kb.countries.compiled().finditer(before)}
    days = []
    for org in orgs:  # "Finland and Sweden joined, bringing ...": after the last of them
        joined = [p.joined for p in org.members if p.country in codes]
        if joined:
            days.append((max(joined), max(joined)))
    return days or None


def _patterns(sources: Any, what: str, with_org: bool) -> list[str]:
    """A pack's count patterns: each a string with {n}, and with {org} (``with_org``) or
    without it (topic patterns, checked against every organisation named before)."""
    from ..knowledge.claims import check_placeholders
    from ..knowledge.word_lists import fill_words

    need = "with {org} and {n}" if with_org else "with {n} and no {org}"
    found: list[str] = []
    for i, source in enumerate(sources):
        if not isinstance(source, str) or "{n}" not in source or ("{org}" in source) != with_org:
            raise PackError(f"{what} #{i + 1} must be a string {need}")
        source = fill_words(source, f"{what} #{i + 1}")
        check_placeholders(source, f"{what} #{i + 1}")
        found.append(source)
    return found
