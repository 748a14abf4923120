"""``membership``: a country named where the sentence needs a member of an
organisation, or a non-member, checked against the dated knowledge base.

Pack fields: ``expects`` (what the triggers and frames require of the country they
capture: "member", "non-member", "founder", "newest" member, "candidate", "former"
member (it left), or "ordinal" (its place in the order of joining)), ``triggers`` (patterns, or tables
``{pattern = "...", organisations = ["unsc-p5"]}``, with the placeholders
``{org}``, ``{country}``, ``{countries}``, ``{demonym}``, ``{noun}``,
``{member_word}``; an optional group ``cue`` narrows the phrase quoted in the
message), ``organisations`` (knowledge ids; default all), ``history`` / ``past``
/ ``quiet`` (patterns that widen the time a sentence may be about, or silence
it), ``recent-years``, ``grace-days``, ``suggest`` (offer the organisation's
aspirants as replacements), ``frames`` (membership claims found as frames:
an organisation reference, a cue and a country in a governed position; see
:mod:`newslint.knowledge.frames`; their shared word lists are in
``rules/data/frames.toml``). A rule needs ``triggers`` or ``frames``. The message
template may use {fact}, {context}, {needs}, {suggestion}, {source}, {date}.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import regex

from ..knowledge.checking import FactChecks
from ..records import Hit
from ..text_case import capitalised, match_case
from .base import Context, PackError, RuleKind

_YEAR = regex.compile(r"(?<![\w.-])(?:1[89]\d\d|20\d\d)(?![\w-])")
# After an ordinal frame: a period that makes the place relative ("the first country to
# join the grouping since Cambodia's admission", "the first in 26 years").
_PERIOD = regex.compile(r"[^.;:!?]*?\b(?:since|in\s+(?:\d+|[a-z-]+)\s+(?:years|decades)|in\s+(?:over|more\s+than|"
                        r"almost|nearly)\s+(?:a|two|three|\d+)\s+(?:years?|decades?))\b", regex.IGNORECASE)
EXPECTS = ("member", "non-member", "founder", "newest", "candidate", "former", "ordinal")


class Kind(FactChecks, RuleKind):
    fields = {"expects": str, "triggers": list, "organisations": list, "history": list, "past": list,
              "quiet": list, "narrative": list, "anchors": list, "recent-years": int, "grace-days": int,
              "suggest": bool, "frames": list}
    required = ("expects",)
    needs = frozenset({"tokens"})

    def configure(self, spec: dict[str, Any]) -> None:
        from ..knowledge import organisation_ids
        from ..knowledge.claims import Markers, check_placeholders, organisation_list
        from ..knowledge.scan import needs_of

        self.expects = spec["expects"]
        if self.expects not in EXPECTS:
            raise PackError(f"'expects' must be one of {', '.join(EXPECTS)}, not {self.expects!r}")
        known = organisation_ids()
        self.org_ids = organisation_list(spec.get("organisations", known), known, "organisations")
        self.triggers: list[tuple[str, list[str]]] = []
        if not spec.get("triggers") and not spec.get("frames"):
            raise PackError("needs 'triggers' or 'frames'")
        from ..knowledge.frames import Frame
        from ..knowledge.word_lists import fill_words

        self.frames = [Frame.from_spec(f, f"frame #{i + 1}") for i, f in enumerate(spec.get("frames", []))]
        for i, trigger in enumerate(spec.get("triggers", [])):
            if isinstance(trigger, str):
                source, ids = trigger, self.org_ids
            elif isinstance(trigger, dict) and isinstance(trigger.get("pattern"), str):
                source = trigger["pattern"]
                ids = organisation_list(trigger.get("organisations", self.org_ids), known,
                                        f"trigger #{i + 1} organisations")
            else:
                raise PackError(f"trigger #{i + 1} must be a pattern or a table with 'pattern'")
            source = fill_words(source, f"trigger #{i + 1}")
            check_placeholders(source, f"trigger #{i + 1}")
            if "{org}" not in source and len(ids) != 1:
                raise PackError(f"trigger #{i + 1} has no {{org}}, so it must name exactly one organisation")
            if not any(p in source for p in ("{country}", "{countries}", "{demonym}")):
                raise PackError(f"trigger #{i + 1} must capture a country: "
                                "{country}, {countries} or {demonym}")
            self.triggers.append((source, ids))
        # What each trigger needs, worked out now so that every rule's literals are known
        # before the first sentence is scanned for them.
        self._needs = [needs_of(source) for source, _ in self.triggers]
        self.markers = Markers.from_spec(spec)
        self.suggest = bool(spec.get("suggest", self.expects == "non-member"))
        self._compiled: Any = None

    def _patterns(self) -> Any:
        """Triggers against the knowledge base, each once with the organisations' names and
        once with "the alliance" for ``{org}``; compiled when a sentence first needs them."""
        if self._compiled is None:
            from ..knowledge import knowledge
            from ..knowledge.claims import ANAPHOR, ANAPHORS, expand
            from ..knowledge.scan import Trigger, Triggers

            kb = knowledge()
            self._words = tuple(dict.fromkeys(w for i in self.org_ids
                                              for w in kb.organisation(i).names + kb.organisation(i).mentions))
            self._anaphora = tuple(ANAPHORS)
            self._anaphor = regex.compile(ANAPHOR, regex.IGNORECASE)
            compiled = []
            for (source, ids), needs in zip(self.triggers, self._needs, strict=True):
                orgs = [kb.organisation(i) for i in ids]
                compiled.append(Trigger(source, lambda s=source, o=orgs: expand(s, kb, o), needs, orgs=orgs))
                if "{org}" in source:
                    compiled.append(Trigger(source, lambda s=source, o=orgs: expand(s, kb, o, anaphora=True),
                                            needs, anaphoric=True, orgs=orgs))
            self._compiled = Triggers(compiled)
        return self._compiled

    def check_facts(self, ctx: Context, patterns: Any, kb: Any) -> Iterable[Hit]:
        from ..knowledge.claims import entity_spans
        from ..knowledge.scan import document_intervals

        countries = kb.countries
        seen: set[tuple[int, int]] = set()
        for found in self.trigger_matches(ctx, patterns, kb):
            sent, match, org = found.sentence, found.match, found.org
            spans = entity_spans(match, kb, sent.start)
            intervals = self.markers.intervals(sent.text, ctx.date, org) + document_intervals(ctx, self.markers)
            for start, end, code in spans:
                if (start, end) in seen or not self._wrong(org, code, intervals, ctx.date):
                    continue
                seen.add((start, end))
                in_sentence = {countries.code(m.group(0)) for m in sent.countries(countries)}
                context = _quote(ctx.text, *found.cue(), spans)
                yield self._hit(ctx, kb, org, code, start, end, context, spans, in_sentence)
        if self.frames:
            yield from self._frame_hits(ctx, kb, seen)

    def _frame_hits(self, ctx: Context, kb: Any, seen: set[tuple[int, int]]) -> Iterable[Hit]:
        """Claims the frames find, judged at the moments the sentence can be about."""
        from ..knowledge.scan import document_intervals

        for claim in self.frame_claims(ctx, kb):
            if (claim.start, claim.end) in seen:
                continue
            s_start, s_end = claim.sentence
            # The frame's own verbs say when: "Russia demanded that Lithuania never join" is
            # about now; "Poland applied to join" may be history.
            own = None
            if claim.frame.shape in ("label", "apposition"):  # history markers must be the claim's own
                own = ctx.text[max(claim.context[0] - 20, s_start):claim.context[1]]
            marked = [y for y in claim.years if y <= ctx.date.year]
            if marked:  # "which became the newest member last year": the marker says when, not "became"
                own = ""
            intervals = self.markers.intervals(ctx.text[s_start:s_end], ctx.date, claim.org, False, False, own) + \
                document_intervals(ctx, self.markers)
            if marked:  # "applied for membership last April": a past claim, checked in its own years
                intervals += [(dt.date(y, 1, 1), min(dt.date(y, 12, 31), ctx.date)) for y in marked]
            elif claim.past and not _YEAR.search(ctx.text, s_start, s_end):  # unanchored past: maybe history
                intervals.append((claim.org.founded, ctx.date))
            if self.expects == "ordinal":
                places = claim.org.ordinals(claim.code)
                if claim.ordinal is None or not places or claim.ordinal in places:
                    continue  # never a member: the membership rules' finding
                if claim.ordinal == 1 and _PERIOD.match(ctx.text, claim.context[1], s_end):
                    continue  # "the first country to join since 1999": first in a period, not in all
            elif not self._wrong(claim.org, claim.code, intervals, ctx.date,
                                 _newest_count(ctx.text[claim.context[0]:claim.context[1]])):
                continue
            seen.add((claim.start, claim.end))
            in_sentence = {kb.countries.code(m.group(0))
                           for m in kb.countries.compiled().finditer(ctx.text, s_start, s_end)}
            context = _quote(ctx.text, claim.context[0], claim.context[1], claim.spans)
            yield self._hit(ctx, kb, claim.org, claim.code, claim.start, claim.end, context, claim.spans,
                            in_sentence, intervals, claim.ordinal)

    def _wrong(self, org: Any, code: str, intervals: list[tuple[dt.date, dt.date]], date: dt.date,
               newest: int = 1) -> bool:
        from ..knowledge.organisations import MEMBER, NON_MEMBER

        if self.expects == "non-member":
            return org.status(code, date) == MEMBER and org.always(code, MEMBER, intervals)
        if self.expects == "founder":  # a permanent fact: no tense can make it true
            return org.first_joined(code) != org.founded and org.exists_on(date)
        if self.expects == "ordinal":  # "Sweden, the 31st member": checked in _frame_hits
            return False
        if self.expects == "candidate":  # members are the non-member rule's finding
            return org.never_candidate(code, intervals)
        if self.expects == "former":  # "Norway left the EU": it never belonged
            first = org.first_joined(code)
            return org.exists_on(date) and (first is None or first > date)
        if self.expects == "newest":
            return org.exists_on(date) and code not in org.newest_during(intervals, newest)
        return org.status(code, date) == NON_MEMBER and org.always(code, NON_MEMBER, intervals)

    def _hit(self, ctx: Context, kb: Any, org: Any, code: str, start: int, end: int, context: str,
             spans: list[tuple[int, int, str]], in_sentence: set[str | None],
             intervals: list[tuple[dt.date, dt.date]] | None = None, ordinal: int | None = None) -> Hit:
        from ..calendar_names import long_date

        name = kb.countries.display(code)
        written = ctx.text[start:end]
        as_written = written[:1].isupper() and written not in kb.countries.capitals and \
            not (len(written) > 3 and written.isupper())
        subject = capitalised(written) if as_written else capitalised(name)
        date = ctx.date
        if self.expects == "non-member":
            period = org.period(code, date)
            fact = f"{subject} has been {org.member_phrase} since {period.joined.year}"
            needs = "a non-member"
        elif self.expects == "founder":
            first = org.first_joined(code)
            never = f"has never been {org.member_phrase}"
            joined = f"joined {org.name} on {long_date(first)}" if first else never
            fact = f"{subject} {joined}; the founding members joined on {long_date(org.founded)}"
            needs = "a founding member"
        elif self.expects == "ordinal":
            places = sorted(org.ordinals(code))
            place = (f"{_th(places[0])} to {_th(places[-1])}" if len(places) > 2
                     else " or ".join(_th(n) for n in places))
            first = org.first_joined(code)
            fact = (f"{subject} was {org.name}'s {place} member (joined {long_date(first)}), "
                    f"not its {_th(ordinal or 0)}") if first else f"{subject} is not {org.member_phrase}"
            needs = f"the {_th(ordinal or 0)} member"
        elif self.expects == "candidate":
            listed = [capitalised(kb.countries.display(c)) for c in org.aspirants_on(date)]
            fact = (f"{subject} was not a candidate for {org.name} on {long_date(date)} (candidates: "
                    f"{', '.join(listed) or 'none'})")
            needs = "a candidate"
        elif self.expects == "former":
            fact = f"{subject} has never been {org.member_phrase}"
            needs = "a country that was a member"
        elif self.expects == "newest" and (count := _newest_count(context)) > 1:
            newest = sorted(org.newest_during(intervals or [(date, date)], count))
            names = " and ".join(capitalised(kb.countries.display(c)) for c in newest) or "none"
            fact = f"{org.name}'s {count} newest members on {long_date(date)} were {names}"
            needs = f"one of the {count} newest members"
        elif self.expects == "newest":
            newest = sorted(org.newest_during(intervals or [(date, date)]))
            names = " and ".join(capitalised(kb.countries.display(c)) for c in newest) or "none"
            last = max((p.joined for p in org.members if p.joined <= date), default=org.founded)
            fact = f"{org.name}'s newest member on {long_date(date)} was {names} (joined {long_date(last)})"
            needs = "the newest member"
        else:
            period = org.period(code, date)
            first = org.first_joined(code)
            if period is not None and period.left is not None and period.left < date:
                fact = (f"{subject}'s membership ended on {long_date(period.left)}; "
                        f"it was not {org.member_phrase} on {long_date(date)}")
            elif first is not None and first > date:
                fact = (f"{subject} was not {org.member_phrase} on {long_date(date)} "
                        f"(it joined on {long_date(first)})")
            else:
                fact = f"{subject} is not {org.member_phrase}"
            needs = "a member"
        named = {c for _, _, c in spans}
        options: list[str] = []
        if self.suggest:
            if self.expects in ("non-member", "candidate"):
                options = self._suggestions(ctx, kb, org, named, in_sentence)
            else:
                options = self._facts_suggest(kb, org, named | {c for c in in_sentence if c},
                                              intervals or [(date, date)], ordinal)
        suggestion = f" Did you mean {options[0]}?" if options else ""
        values = {
            "fact": fact, "context": context, "needs": needs,
            "suggestion": suggestion, "source": org.path, "date": date.isoformat(),
            "entity": ctx.text[start:end], "org": org.name,
        }
        replacements = [match_case(written, o) for o in options[:1]]
        return Hit(start, end, self.format(**values), replacements=replacements,
                   fix=replacements[0] if replacements else None, safe=False)

    def _facts_suggest(self, kb: Any, org: Any, named: set[str], intervals: list[tuple[dt.date, dt.date]],
                       ordinal: int | None) -> list[str]:
        """The one country the knowledge base gives for the claim, when there is exactly
        one and the sentence does not already name it: the newest member, the country that
        left, the n-th member. Several (or none): no suggestion."""
        found: set[str] = set()
        if self.expects == "newest":
            found = org.newest_during(intervals)
        elif self.expects == "former":
            found = {p.country for p in org.members if p.left is not None
                     and any(start <= p.left <= end for start, end in intervals)}
            if not found:  # no time given: every country that ever left, if only one did
                found = {p.country for p in org.members if p.left is not None and p.left <= intervals[0][1]}
        elif self.expects == "ordinal" and ordinal is not None:
            found = {p.country for p in org.members if ordinal in org.ordinals(p.country)}
        found -= named
        if len(found) != 1:
            return []
        return [capitalised(kb.countries.display(c)) for c in found]

    def _suggestions(self, ctx: Context, kb: Any, org: Any, named: set[str],
                     in_sentence: set[str | None]) -> list[str]:
        """Aspirants on the article date that the sentence does not name, when the
        sentence names another aspirant or the article mentions one: those the
        article mentions first, then those that became aspirants nearest in time
        to the ones named (Ukraine and Georgia share the 2008 Bucharest promise)."""
        current = org.aspirants_on(ctx.date)
        named_aspirants = [c for c in current if c in named or c in in_sentence]
        options = [c for c in current if c not in named and c not in in_sentence]
        if not options:
            return []
        from ..knowledge.scan import mentioned_countries

        mentioned = mentioned_countries(ctx, kb.countries)
        if not named_aspirants and not mentioned & set(options):
            return []
        since = {a.country: a.since for a in org.aspirants if a.covers(ctx.date)}

        def distance(code: str) -> int:
            if not named_aspirants:
                return 0
            return min(abs((since[code] - since[n]).days) for n in named_aspirants)

        ranked = sorted(options, key=lambda c: (c not in mentioned, distance(c), options.index(c)))
        return [capitalised(kb.countries.display(c)) for c in ranked]


def _quote(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> str:
    """text[start:end] as quoted in a message, each country of ``spans`` shown as '…'."""
    pieces, pos = [], start
    for s, e, _ in sorted(spans):
        if s < start or e > end:
            continue
        pieces += [text[pos:s], "…"]
        pos = e
    pieces.append(text[pos:end])
    quoted = " ".join("".join(pieces).split())
    quoted = _squash(quoted)
    return quoted if len(quoted) <= 80 else quoted[:77] + "…"


def _squash(quoted: str) -> str:
    """'… and …' / '…, …' -> '…' so a coordination reads as one slot."""
    return regex.sub(r"…(?:\s*(?:,|and|or|nor|&)\s*(?:the\s+)?…)+", "…", quoted, flags=regex.IGNORECASE)


def _th(n: int) -> str:
    """12 -> '12th', 31 -> '31st'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_HOW_MANY_NEWEST = regex.compile(r"\b(two|three|four|five|2|3|4|5)\s+(?:newest|latest|most\s+recent)\b",
                                 regex.IGNORECASE)
_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}


def _newest_count(cue: str) -> int:
    """How many members "the two newest members" means (1 unless a number says otherwise)."""
    found = _HOW_MANY_NEWEST.search(cue)
    if found is None:
        return 1
    word = found.group(1).lower()
    return _SMALL_NUMBERS.get(word) or int(word)
