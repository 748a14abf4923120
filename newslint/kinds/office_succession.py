"""Succession frames for ``office-holder``: "Ishiba ..., replacing Shinzo Abe" in 2024.

A handover names two people: the new holder and the one they replaced. When both are
known holders of an office the sentence names by one of its titles, the replaced person
must be the one who held that office just before the new holder's term (Fumio Kishida,
not Shinzo Abe). Nothing is said without that evidence: an unknown name, no title in the
sentence, a new holder not (yet) in office, or a post the files do not cover.

Cues come from the pack's ``succession`` table as verbs in their base form (every
inflection comes from lemminflect):

* ``verbs``: NEW ... VERB OLD ("replacing Abe", "took over from Abe"; "OLD was replaced by
  NEW" too);
* ``possessives``: "OLD's successor, NEW" / "NEW, OLD's successor";
* ``predecessors``: "NEW's predecessor, OLD";
* ``departures``: NEW ... "after OLD stepped down".
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from ..records import Hit
from .base import PackError, as_str_list


@dataclass(frozen=True)
class Named:
    """A known person's name in the sentence (prose offsets within the sentence)."""

    start: int
    end: int
    persons: frozenset[str]
    written: str


@dataclass(frozen=True)
class Handover:
    """One succession frame: who came in, who they are said to have replaced."""

    new: Named
    old: Named
    others: tuple[Named, ...] = ()  # other names that may be the new holder ("Ishiba, who beat Takaichi, replaced")


class SuccessionCues:
    """The pack's ``succession`` table, compiled: each cue a whole-word pattern."""

    def __init__(self, spec: Any, honorifics: list[str]) -> None:
        if not isinstance(spec, dict):
            raise PackError("succession must be a table with verbs, possessives and departures")
        unknown = set(spec) - {"verbs", "possessives", "predecessors", "departures"}
        if unknown:
            raise PackError(f"succession: unknown list {sorted(unknown)[0]!r} "
                            "(use verbs, possessives, predecessors, departures)")
        self.verbs = _inflected(as_str_list(spec.get("verbs", []), "succession.verbs"))
        self.possessives = [w.lower() for w in as_str_list(spec.get("possessives", []), "succession.possessives")]
        self.predecessors = [w.lower() for w in as_str_list(spec.get("predecessors", []), "succession.predecessors")]
        self.departures = _inflected(as_str_list(spec.get("departures", []), "succession.departures"))
        lead = "|".join(regex.escape(h) for h in sorted(honorifics, key=len, reverse=True))
        self.lead = rf"(?:(?:{lead})\.?\s+)?" if lead else ""

    @property
    def empty(self) -> bool:
        return not (self.verbs or self.possessives or self.predecessors or self.departures)

    def present(self, sentence: str) -> bool:
        """Whether any cue occurs: the cheap test before names are looked up."""
        lower = sentence.lower()
        return (any(p is not None and p.search(sentence) for p in (self.verbs, self.departures))
                or any(w in lower for w in (*self.possessives, *self.predecessors)))

    def handovers(self, sentence: str, names: list[Named]) -> Iterator[Handover]:
        """Every handover the sentence states between two different known people."""
        if len(names) < 2:
            return
        for cue in _search(self.verbs, sentence):
            after = sentence[cue.end():]
            passive = regex.match(r"\s+by\s+", after)
            offset = cue.end() + (passive.end() if passive else 0)
            named = _at(names, sentence, offset, self.lead)
            other = _before(names, cue.start())
            if named is None or other is None:
                continue
            if passive and not PASSIVE_GAP.fullmatch(sentence[other.end:cue.start()]):
                continue  # "Kishida, replacing Suga, was himself replaced by Ishiba": the subject is further back
            if passive:
                yield Handover(new=named, old=other)
            else:
                earlier = tuple(n for n in names if n.end <= cue.start() and n != other and n.persons != named.persons)
                yield Handover(new=other, old=named, others=earlier)
        for words, forward in ((self.possessives, True), (self.predecessors, False)):
            for word in words:
                for cue in regex.finditer(rf"['’]s?\s+{regex.escape(word)}(?![\w-])", sentence, flags=regex.I):
                    owner = next((n for n in names if n.end == cue.start()), None)
                    if owner is None:
                        continue
                    other = _after(names, cue.end(), owner) or _before(names, owner.start, owner)
                    if other is not None:  # "Abe's successor, Suga" / "Suga's predecessor, Abe"
                        yield Handover(new=other, old=owner) if forward else Handover(new=owner, old=other)
        for cue in _search(self.departures, sentence):
            old = _last(n for n in names if n.end <= cue.start() and _only_aux(sentence[n.end:cue.start()]))
            if old is None or not regex.search(rf"(?<![\w-])(?i:after)\s+{self.lead}\Z", sentence[:old.start]):
                continue
            new = _before(names, old.start, old) or _after(names, cue.end(), old)
            if new is not None:
                yield Handover(new=new, old=old)


Verdict = tuple[str, list[str], list[Any], str]  # fact, predecessors, offices, new holder


#: Between the replaced person and a passive cue: "Suga, who was replaced by", "Abe had been
#: succeeded by", "May was eventually replaced by".
PASSIVE_GAP = regex.compile(r"(?:['’]s?)?\s*(?:,\s*(?i:who)\s+)?(?:(?i:was|were|is|has|had|have|been|be|being|"
                            r"himself|herself|later|eventually|then|soon|finally|quickly|formally)\s+)+")


def judge_handover(data: Any, handover: Handover, titles: set[str], day: dt.date,
                   periods: list[tuple[dt.date, dt.date]], now: bool, grace: int) -> Verdict | None:
    """(fact, predecessors, offices, post) when the replaced person held the named office but
    not just before the new holder; None when the frame is right or there is no evidence."""
    if handover.new.persons & handover.old.persons:
        return None
    for other in handover.others:  # any name the clause may make the new holder, right: quiet
        if judge_handover(data, Handover(other, handover.old), titles, day, periods, now, grace) is None \
                and _holds_with(data, other, handover.old, titles):
            return None
    offices = [o for o in data.offices.values() if titles & set(o.titles)
               and any(t.person in handover.new.persons for t in o.terms)
               and any(t.person in handover.old.persons for t in o.terms)]
    if not offices:
        return None
    wrong: list[tuple[Any, Any, list[str]]] = []
    for office in offices:
        terms = [t for t in office.terms if t.person in handover.new.persons
                 and t.start <= day + dt.timedelta(days=grace) and office.covered(t.start)]
        terms = _meant(terms, day, periods, now)
        if not terms:
            return None  # the new holder not yet in office, or another time than the files know
        before = [(t, predecessors(office, t)) for t in terms]
        if any(handover.old.persons & set(p) for _, p in before):
            return None
        term, previous = before[-1]
        if not previous or not any(t.person in handover.old.persons and t.start < term.start for t in office.terms):
            return None  # the replaced person never held the office before the new holder's term
        wrong.append((office, term, previous))
    office, term, previous = wrong[0]
    old = sorted(handover.old.persons & {t.person for t in office.terms})[0]
    new = term.person
    fact = (f"{new} did not replace {old} as {{post}}: {new} took over from {' and '.join(previous)}"
            f" on {_long(term.start)}")
    return fact, previous, [office], new


def _holds_with(data: Any, new: Named, old: Named, titles: set[str]) -> bool:
    """Whether both people held one office the sentence names (so a verdict means something)."""
    return any(titles & set(o.titles) and any(t.person in new.persons for t in o.terms)
               and any(t.person in old.persons for t in o.terms) for o in data.offices.values())


def predecessors(office: Any, term: Any) -> list[str]:
    """Who held the office just before ``term``: the last holder to leave before it began,
    and the last one who was not acting (an acting holder between them may be skipped)."""
    earlier = [t for t in office.terms if t.start < term.start and t.end is not None and t.end <= term.start]
    if not earlier:
        return []
    last = max(earlier, key=lambda t: (t.end, t.start))
    found = [last.person]
    settled = [t for t in earlier if not t.acting]
    if last.acting and settled:
        found.append(max(settled, key=lambda t: (t.end, t.start)).person)
    return list(dict.fromkeys(p for p in found if p != term.person))


def _meant(terms: list[Any], day: dt.date, periods: list[tuple[dt.date, dt.date]], now: bool) -> list[Any]:
    """The new holder's terms the sentence can be about: those in a year it names; else the
    latest when the sentence is at the article's time ("was elected Taoiseach on Thursday,
    replacing Varadkar" in 2025); else any ("Obama's successor, Trump" is true of 2017)."""
    terms = sorted(terms, key=lambda t: t.start)
    if not terms:
        return []
    if periods:
        return [t for t in terms if any(t.overlaps(first, last) or first <= t.start <= last for first, last in periods)]
    if now:
        return [terms[-1]]
    return terms


def _inflected(phrases: list[str]) -> Any:
    """Base-form phrases ("take over from") with every inflection of their first word."""
    from ..knowledge.frames import forms

    options: set[str] = set()
    for phrase in phrases:
        first, _, rest = phrase.strip().partition(" ")
        for form in forms(first) | {first.lower()}:
            options.add(f"{form} {rest}".strip())
    if not options:
        return None
    body = "|".join(regex.escape(o).replace(r"\ ", r"\s+") for o in sorted(options, key=lambda o: (-len(o), o)))
    return regex.compile(rf"(?<![\w-])(?i:{body})(?![\w-])")


def _search(pattern: Any, sentence: str) -> Iterable[Any]:
    return pattern.finditer(sentence) if pattern is not None else ()


def _at(names: list[Named], sentence: str, pos: int, lead: str) -> Named | None:
    """The name right at ``pos`` (after white space and an honorific or 'former')."""
    gap = regex.match(rf"\s*(?:(?i:the\s+late|former|outgoing|then-)\s*)?{lead}", sentence[pos:])
    start = pos + (gap.end() if gap else 0)
    return next((n for n in names if n.start == start), None)


def _before(names: list[Named], pos: int, skip: Named | None = None) -> Named | None:
    return _last(n for n in names if n.end <= pos and n != skip)


def _after(names: list[Named], pos: int, skip: Named | None = None) -> Named | None:
    return next((n for n in names if n.start >= pos and n != skip), None)


def _last(items: Iterable[Named]) -> Named | None:
    found = None
    for item in items:
        found = item
    return found


def _only_aux(gap: str) -> bool:
    """Between a name and a departure verb: nothing, or "had", "has", "was" ("after Abe had resigned")."""
    return regex.fullmatch(r"\s*(?:(?i:had|has|was|have|finally|abruptly|suddenly)\s+)*", gap) is not None


def _long(day: dt.date) -> str:
    from ..calendar_names import long_date

    return long_date(day)


def succession_hit(kind: Any, data: Any, handover: Handover, s_start: int, result: Verdict,
                   day: dt.date, post: str) -> Hit:
    """The finding on the replaced person's name, suggesting the real predecessor; ``post``
    names the office ("Prime Minister of Japan")."""
    fact, previous, offices, _ = result
    fact = fact.replace("{post}", post)
    surname_only = " " not in handover.old.written.strip()
    replacements = [data.surname_of.get(p, p.split()[-1]) for p in previous] if surname_only else list(previous)
    sources = ", ".join(sorted({o.path.rsplit("/", 1)[-1] for o in offices}))
    suggestion = f" Did you mean {' or '.join(previous)}?"
    message = kind.format(fact=fact, suggestion=suggestion, source=f"rules/knowledge/offices/{sources}",
                          date=day.isoformat())
    return Hit(s_start + handover.old.start, s_start + handover.old.end, message, replacements=replacements[:2],
               fix=None, safe=False)
