"""``office-holder``: a person given a title they did not hold on the article date.

"Russian President Joe Biden", "German Chancellor Angela Merkel" in 2024, "Prime
Minister Boris Johnson" in 2023. A mention is a known holder's name (or surname) with
a title before it ("former German Chancellor", "Russia's President", "the Russian
president,") or after it ("Vladimir Putin, the Russian president"). The person must
have held an office with that title (of that country, when copy names one) at some
moment the sentence can be about: the article date (give or take ``grace-days``), a
year the sentence names, any earlier day after a past qualifier ("former", "then-"),
within half a year after it for a transition qualifier ("outgoing", "incoming", "-elect").

Pack fields: ``titles`` (title phrases to recognise; the office files say which post
each names), ``qualifiers`` (``past`` / ``near`` / ``any`` / ``plain`` lists), ``blockers`` (words
that make a title another post: Deputy, Vice), ``honorifics`` (between title and
name: Sir, Dr), ``common-surnames`` (never matched alone), ``grace-days``, ``undated``
(``never-held``: an article without a date is only checked for titles the person
never held; ``today``: checked as of today), ``recent`` (phrases that reach that many
days back: "last month"), ``future-words`` (a month after one of these in its clause is
the coming one: "will host the summit in June"), ``now-words`` (a weekday or "today"
puts the sentence at the article date, so a month it names excuses nothing),
``succession`` (handover cues, see office_succession). Quoted speech is left alone.
The message may use {fact}, {suggestion}, {source}, {date}.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ..calendar_names import long_date, month_names
from ..records import Hit, NewslintError
from .base import Context, PackError, RuleKind, as_str_list
from .office_succession import Named, SuccessionCues, judge_handover, succession_hit

QUALIFIER_CLASSES = ("past", "near", "any", "plain")
YEAR = regex.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@lru_cache(maxsize=1)
def _month_pattern() -> Any:
    """A month as a time ("in December", "on 3 March", "last May"), not "Theresa May";
    the names come from rules/data/calendar.toml."""
    names = "|".join(month_names())
    day = r"\d{1,2}(?:st|nd|rd|th)?\s+"
    return regex.compile(r"(?:(?<![\w-])(?i:in|on|since|until|by|during|early|late|mid|last|that)[\s-]+"
                         r"(?:" + day + r")?|" + day + r")(?P<month>" + names + r")(?![\w-])")


@dataclass(frozen=True)
class Mention:
    """One titled mention of a known person, as read from the copy."""

    start: int
    end: int
    persons: frozenset[str]
    surname_only: bool
    title: str
    country: str | None
    qualifier: str | None  # a class: past / near / any
    written: str


def alternation(words: Iterable[str], flags: str = "") -> str:
    """Whole words as a trie (longest first at each position); a space matches any run of
    white space. An empty list matches nothing."""
    from ..knowledge.trie import trie_pattern

    unique = sorted({w for w in words if w})
    if not unique:
        return "(?!)"
    body = trie_pattern(unique).replace(r"\ ", r"\s+")
    return f"(?{flags}:{body})" if flags else body


def knowledge_folders(value: Any, pack_path: str) -> tuple[str, ...]:
    """``knowledge = ["bundled", "our-offices"]``: folders of knowledge files, relative to
    the pack file; "bundled" (or nothing) is newslint's own."""
    from pathlib import Path

    names = as_str_list(value, "knowledge") if value else ["bundled"]
    base = Path(pack_path).parent
    return tuple("" if n == "bundled" else str((base / n).resolve()) for n in names)


def compiled(pattern: str) -> Any:
    """A big pattern through the project's compiled-pattern cache (parsed once per machine)."""
    from ..regex_cache import compile_cached

    return compile_cached(pattern, regex.V0)


SINGLE_OPEN = regex.compile(r"(?:^|(?<=[\s(\[—–-]))‘")
SINGLE_CLOSE = regex.compile(r"(?<=\S)’(?!\w)")


def quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside quotation marks in its paragraph (the speaker's words):
    straight or curly double quotes, or British single quotes (‘...’, where a ’ inside a
    word is an apostrophe)."""
    start = text.rfind("\n", 0, pos) + 1
    before = text[start:pos]
    if before.count('"') % 2 == 1 or before.count("“") > before.count("”"):
        return True
    return len(SINGLE_OPEN.findall(before)) > len(SINGLE_CLOSE.findall(before))


class Kind(RuleKind):
    fields = {"titles": list, "qualifiers": dict, "blockers": list, "honorifics": list, "period-words": dict,
              "common-surnames": list, "grace-days": int, "undated": str, "knowledge": (str, list), "recent": dict,
              "future-words": list, "now-words": list, "succession": dict}
    required = ("titles", "qualifiers")
    needs = frozenset({"tokens"})

    def configure(self, spec: dict[str, Any]) -> None:
        self.titles = as_str_list(spec["titles"], "titles")
        self._title_words = {t.lower() for t in self.titles}
        quals = spec["qualifiers"]
        unknown = set(quals) - set(QUALIFIER_CLASSES)
        if unknown:
            raise PackError(f"qualifiers: unknown class {sorted(unknown)[0]!r} (use {', '.join(QUALIFIER_CLASSES)})")
        self.qualifiers = {w.lower(): cls for cls in QUALIFIER_CLASSES
                           for w in as_str_list(quals.get(cls, []), f"qualifiers.{cls}")}
        self.blockers = {w.lower() for w in as_str_list(spec.get("blockers", []), "blockers")}
        self.honorifics = as_str_list(spec.get("honorifics", []), "honorifics")
        self.common = {w.casefold() for w in as_str_list(spec.get("common-surnames", []), "common-surnames")}
        self.grace = int(spec.get("grace-days", 3))
        self.undated = str(spec.get("undated", "never-held"))
        if self.undated not in ("never-held", "today"):
            raise PackError("undated must be 'never-held' or 'today'")
        self.folders = knowledge_folders(spec.get("knowledge", []), self.rule.pack_path)
        recent = spec.get("recent", {})
        if not all(isinstance(v, int) and v >= 0 for v in recent.values()):
            raise PackError("recent: each phrase needs a number of days, like recently = 90")
        self.recent = {str(k).lower(): int(v) for k, v in recent.items()}
        period = spec.get("period-words", {})
        self.period_before = {w.lower() for w in as_str_list(period.get("before", []), "period-words.before")}
        self.period_after = {w.lower() for w in as_str_list(period.get("after", []), "period-words.after")}
        self.future = _phrases(as_str_list(spec.get("future-words", []), "future-words"), "i")
        self.now = _phrases(as_str_list(spec.get("now-words", []), "now-words"), "")
        self.succession = SuccessionCues(spec.get("succession", {}), self.honorifics)
        self._compiled: Any = None

    def _period(self, sentence: str, start: int, end: int) -> bool:
        """'under President Bush', 'President Bush's administration': the person's time in
        office is meant, which is right whenever they held the post before the date."""
        before = regex.search(r"([\w-]+)\W*\Z", sentence[:start])
        after = regex.match(r"['’]s\s+([\w-]+)", sentence[end:])
        return bool((before and before.group(1).lower() in self.period_before)
                    or (after and after.group(1).lower() in self.period_after))

    # ----- patterns, built on first use ------------------------------------------------------
    def _patterns(self) -> Any:
        if self._compiled is None:
            from ..knowledge import knowledge
            from ..knowledge.capitals import capitals
            from ..knowledge.offices import offices

            data = offices(*self.folders)
            kb = knowledge()
            countries = dict(kb.countries.by_name)
            places = {**capitals().adjectives, **data.adjectives}
            self._country_words = {**countries, **places}
            names = set(data.spellings)
            names |= {_plain(n) for n in names}
            qual = "|".join(regex.escape(q) + (r"\s*" if q.endswith("-") else r"\s+")
                            for q in sorted(self.qualifiers, key=lambda q: (-len(q), q)))
            country = alternation(self._country_words)
            title = alternation(self.titles, "i")
            honor = alternation(self.honorifics) if self.honorifics else "(?!)"
            left = (rf"(?P<the>(?<![\w-])(?i:the)\s+)?"
                    rf"(?:(?<![\w-])(?P<q1>(?i:{qual})))?"
                    rf"(?:(?<![\w.-])(?P<country>{country})(?P<poss>['’]s)?\s+)?"
                    rf"(?:(?<![\w-])(?P<q2>(?i:{qual})))?"
                    rf"(?<![\w.-])(?P<title>{title})(?P<elect>(?i:-elect|-designate))?"
                    rf"(?:\s+of\s+(?:the\s+)?(?P<country3>{country}))?"
                    rf"(?P<comma>\s*,)?\s+(?:{honor}\.?\s+)?\Z")
            right = (rf"\A\s*,\s+(?:(?i:the)\s+)?(?:(?P<q1>(?i:{qual})))?"
                     rf"(?:(?P<country>{country})(?P<poss>['’]s)?\s+)?(?:(?P<q2>(?i:{qual})))?"
                     rf"(?P<title>{title})(?P<elect>(?i:-elect|-designate))?"
                     rf"(?:\s+of\s+(?:the\s+)?(?P<country2>{country}))?(?P<then>\s+at\s+the\s+time)?(?![\w'’-])")
            self._of_country = compiled(rf"\A\s+of\s+(?:the\s+)?(?P<country>{country})(?![\w-]|['’]s)")
            self._compiled = (
                data,
                compiled(rf"(?<![\w-]){alternation(names)}(?![\w-]|['’][a-rt-z])"),
                compiled(left),
                compiled(right),
            )
        return self._compiled

    # ----- reading mentions ------------------------------------------------------------------
    def mentions(self, text: str, start: int, end: int) -> Iterable[Mention]:
        """Titled mentions of known people in one sentence (prose offsets)."""
        data, names, left, right = self._patterns()
        from ..knowledge.offices import fold

        sentence = text[start:end]
        for m in names.finditer(sentence):
            written = m.group(0)
            key = fold(written)
            if key in data.names:
                # a one-word name ("Salman", "Philippe") is no stronger than a surname
                persons, surname_only = frozenset({data.names[key]}), " " not in key
            else:
                persons, surname_only = frozenset(data.surnames.get(key, ())), True
            if not persons:
                continue
            after = sentence[m.end():]
            if surname_only and regex.match(r"\s+(?:[A-Z][\w'’-]*[a-z]|[IVX]+(?![\w-]))", after):
                continue  # "President Lee Jae-myung" read as "Lee", "Queen Elizabeth I": another name goes on
            window = max(0, m.start() - 160)
            found = left.search(sentence[window:m.start()])
            lead_start = m.start()
            if found is not None:
                lead_start = window + found.start()
                lead = sentence[:lead_start]
                if found.group("comma") and not (found.group("the") or found.group("poss")):
                    continue
                if found.group("the") and not (found.group("comma") or found.group("country")
                                               or found.group("country3") or found.group("q1") or found.group("q2")):
                    continue  # "the Queen Elizabeth" (a ship), "the President Wilson" (a hotel)
                previous = regex.search(r"([\w-]+)\W*\Z", lead)
                if previous and previous.group(1).lower() in self.blockers:
                    continue
                country_word = found.group("country") or found.group("country3")
                if country_word is None:
                    of = self._of_country.match(after)
                    country_word = of.group("country") if of else None
            else:
                found = right.match(after)
                if found is None:
                    continue
                country_word = found.group("country") or found.group("country2")
                if country_word is None and not _closed_apposition(after, found.end()):
                    continue  # "Blair, the prime minister who took Britain to war": a description
                if found.group("then"):
                    found = _Then(found)
            qual = self._qualifier(found)
            if qual is None and self._period(sentence, lead_start, m.end()) and not self._now_after(sentence, m.end()):
                # "President Bush's administration" is a past time; "Trudeau's government
                # announced on Friday" is the article's
                qual = "past"
            country = self._country_words.get(country_word) if country_word else None
            if surname_only and key in self.common and country is None:
                continue
            yield Mention(start + m.start(), start + m.end(), persons, surname_only,
                          found.group("title"), country, qual, written)

    def _qualifier(self, found: Any) -> str | None:
        if found.group("elect"):
            return "near"
        classes = [self.qualifiers.get(q.strip().lower()) for q in (found.group("q1"), found.group("q2")) if q]
        if isinstance(found, _Then):
            classes.append("past")
        for cls in ("any", "past", "near"):  # "plain" words (federal, current) change nothing
            if cls in classes:
                return cls
        return None

    # ----- judging -------------------------------------------------------------------------------
    def check(self, ctx: Context) -> Iterable[Hit]:
        try:
            data = self._patterns()[0]
        except NewslintError as exc:
            yield Hit(0, 0, f"the office-holder knowledge cannot be read, so this rule was skipped: {exc}",
                      severity="error")
            return
        text = ctx.text
        undated = ctx.doc.date is None and ctx.date == dt.date.today() and self.undated == "never-held"
        for s_start, s_end in ctx.sentences():
            sentence = text[s_start:s_end]
            lower = sentence.lower()
            if not any(t in lower for t in self._title_words):
                continue
            years = self.periods(sentence, ctx.date)
            for mention in self.mentions(text, s_start, s_end):
                if quoted(text, mention.start) or mention.qualifier == "any":
                    continue
                hit = self.judge(data, mention, ctx.date, years, undated)
                if hit is not None:
                    yield hit
            if not undated and not self.succession.empty and self.succession.present(sentence):
                yield from self._handovers(data, text, s_start, sentence, ctx.date, years)

    def _handovers(self, data: Any, text: str, s_start: int, sentence: str, day: dt.date,
                   periods: list[tuple[dt.date, dt.date]]) -> Iterable[Hit]:
        """Succession frames ("replacing X", "X's successor") checked against the office's
        order of holders; see office_succession."""
        from ..knowledge.offices import fold

        names = list(self.named(sentence))
        if len(names) < 2 or self.future.search(sentence):
            return  # "X will replace Y": a plan, not a fact to check
        titles = {fold(m.group(0)) for m in self._title_pattern().finditer(sentence)}
        now = self._now_at(sentence) is not None
        for handover in self.succession.handovers(sentence, names):
            if quoted(text, s_start + handover.old.start):
                continue
            result = judge_handover(data, handover, titles, day, periods, now, self.grace)
            if result is not None:
                from ..knowledge import knowledge

                post = _office_label(result[2][0], knowledge().countries, data.bodies)
                yield succession_hit(self, data, handover, s_start, result, day, post)

    def named(self, sentence: str) -> Iterable[Named]:
        """Every known person's name in a sentence, titled or not (offsets in the sentence)."""
        data, names, _, _ = self._patterns()
        from ..knowledge.offices import fold

        for m in names.finditer(sentence):
            key = fold(m.group(0))
            persons = frozenset({data.names[key]}) if key in data.names else frozenset(data.surnames.get(key, ()))
            if not persons:
                continue
            if key not in data.names and regex.match(r"\s+(?:[A-Z][\w'’-]*[a-z]|[IVX]+(?![\w-]))", sentence[m.end():]):
                continue  # part of a longer name the files do not know
            yield Named(m.start(), m.end(), persons, m.group(0))

    def _title_pattern(self) -> Any:
        if getattr(self, "_titles_compiled", None) is None:
            self._titles_compiled = compiled(rf"(?<![\w-]){alternation(self.titles, 'i')}(?![\w-])")
        return self._titles_compiled

    def periods(self, sentence: str, day: dt.date) -> list[tuple[dt.date, dt.date]]:
        """The times a sentence names besides the article date: years ("in 2019"), months
        ("in December", resolved by tense) and the pack's ``recent`` phrases ("last month":
        that many days back). "since 2022" and "has recently" run up to the article date, so
        they add nothing: the title must be right on that date."""
        spans = [(dt.date(int(y.group(1)), 1, 1), dt.date(int(y.group(1)), 12, 31))
                 for y in YEAR.finditer(sentence) if int(y.group(1)) <= day.year and not _since(sentence, y.start())]
        now = self._now_at(sentence)
        for m in _month_pattern().finditer(sentence):
            if (now is not None and now < m.start()) or m.group(0)[:5].lower() == "since" \
                    or YEAR.match(sentence, m.end() + 1):
                continue  # "said on Thursday that ... in March", "since March", "in March 2019" (year read above)
            month = month_names().index(m.group("month")) + 1
            if self._future(sentence, m.start()):
                year = day.year if month >= day.month else day.year + 1
            else:
                year = day.year if month <= day.month else day.year - 1
            last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
            spans.append((dt.date(year, month, 1), last))
        lower = sentence.lower()
        for phrase, days in self.recent.items():
            for found in regex.finditer(rf"(?<![\w-]){regex.escape(phrase)}(?![\w-])", lower):
                if not PERFECT.search(lower[:found.start()]):
                    spans.append((day - dt.timedelta(days=days), day))
        return spans

    def _now_at(self, sentence: str) -> int | None:
        """Where the sentence first puts itself at the article's time ("on Thursday",
        "today"); a weekday with a date ("Thursday 4 July") is a day like any other."""
        for found in self.now.finditer(sentence):
            if not regex.match(r"\s*,?\s*(?:\d|(?:" + "|".join(month_names()) + r")\b)", sentence[found.end():]):
                return found.start()
        return None

    def _now_after(self, sentence: str, pos: int) -> bool:
        """A weekday or "today" after ``pos`` and no year: the clause reports today's news
        ("Trudeau's government announced on Friday"), not a past time ("documents released
        on Monday show President Bush's administration knew" keeps its past)."""
        now = self._now_at(sentence[pos:])
        return now is not None and YEAR.search(sentence) is None

    def _future(self, sentence: str, pos: int) -> bool:
        """A month is the coming one when a future word ("will", "is due to") stands before
        it in the same clause: "will host the summit in June"; not "said in June he would"."""
        clause = regex.split(r"[,;:—–]", sentence[:pos])[-1]
        return any(len(clause[f.end():].split()) <= 10 for f in self.future.finditer(clause))

    def judge(self, data: Any, mention: Mention, day: dt.date, years: list[tuple[dt.date, dt.date]],
              undated: bool) -> Hit | None:
        """A finding when no candidate person held the title at any moment the sentence is about."""
        offices = data.titled(mention.title, mention.country)
        if mention.country is None:
            # A bare title ("President Putin") is judged only against posts the person held
            # with that title: "Chancellor Gordon Brown" may be a post the files do not list.
            offices = [o for o in offices if any(data.terms_of(p, [o]) for p in mention.persons)]
        if not offices:
            return None
        if undated:
            if mention.country is None or any(data.terms_of(p, offices) for p in mention.persons):
                return None
            if not all(o.since <= dt.date(2000, 1, 1) for o in offices):
                return None
            return self._hit(data, mention, offices, day, undated=True)
        if not any(o.covered(day) for o in offices):
            return None
        if any(not any(o.since <= first for o in offices) for first, _ in years):
            return None  # a year before the files are complete: nothing to say
        for person in mention.persons:
            for term in data.terms_of(person, offices):
                if mention.qualifier == "past" and term.start <= day + dt.timedelta(days=self.grace):
                    return None
                if mention.qualifier == "near" and term.overlaps(day - dt.timedelta(days=self.grace),
                                                                 day + dt.timedelta(days=180)):
                    return None
                if term.covers(day, self.grace):
                    return None
                if any(term.overlaps(first, last) for first, last in years):
                    return None
        return self._hit(data, mention, offices, day)

    def _hit(self, data: Any, mention: Mention, offices: list[Any], day: dt.date, undated: bool = False) -> Hit:
        from ..knowledge import knowledge

        countries = knowledge().countries
        person = sorted(mention.persons)[0]
        post = (f"{_title_case(mention.title)} of {_where(offices[0].country, countries, data.bodies)}"
                if mention.country is None and len(offices) == 1 else _post_name(mention, countries, data.bodies))
        held = data.terms_of(person, offices)
        if not held:
            fact = f"{person} never held the post of {post} in the knowledge base"
            elsewhere = sorted(data.terms_of(person), key=lambda t: abs((t.start - day).days))
            if elsewhere:
                t = elsewhere[0]
                other = data.offices[t.office]
                fact += f" (they were {_office_label(other, countries, data.bodies)} {_span(t)})"
                adjective = _adjective(data, other.country)
                if adjective and t.covers(day, 0) and mention.country is not None and other.country != mention.country:
                    fact += f"; if {person} was meant, write '{adjective} {_title_case(mention.title)}'"
        elif mention.qualifier == "past":
            first = min(held, key=lambda t: t.start)
            fact = f"{person} only became {post} on {long_date(first.start)}, after {long_date(day)}"
        else:
            spans = ", ".join(_span(t) for t in sorted(held, key=lambda t: t.start))
            fact = f"{person} was {post} {spans}, not on {long_date(day)}"
            if any(t.end is not None and t.end <= day for t in held):
                fact += " (write 'former' or 'then-', or give the year)"
        holders = [] if undated else [h for o in offices for h in o.holders(day) if h not in mention.persons]
        holders = list(dict.fromkeys(holders))
        suggestion = f" Did you mean {' or '.join(holders)}?" if holders and len(holders) <= 2 else ""
        if mention.surname_only:
            replacements = [data.surname_of.get(h, h.split()[-1]) for h in holders][:2]
        else:
            replacements = holders[:2]
        sources = ", ".join(sorted({o.path.rsplit("/", 1)[-1] for o in offices}))
        message = self.format(fact=fact, suggestion=suggestion, source=f"rules/knowledge/offices/{sources}",
                              date=("undated article" if undated else day.isoformat()))
        return Hit(mention.start, mention.end, message, replacements=replacements,
                   fix=None, safe=False)


PERFECT = regex.compile(r"(?<![\w-])(?:has|have|had|'s|’s)\s+(?:\w+ly\s+)?\Z")


def _closed_apposition(after: str, end: int) -> bool:
    """ "Justin Trudeau, the prime minister, said": a bare title after "the", closed by a
    comma or the sentence's end, names the post the person holds (its country is theirs)."""
    return (regex.match(r"\s*,\s+(?i:the)\s", after) is not None
            and regex.match(r"\s*(?:[,.;:!?)]|\Z)", after[end:]) is not None)


def _since(sentence: str, pos: int) -> bool:
    """Whether the time at ``pos`` follows "since": a period running up to the article date."""
    months = "|".join(month_names())
    return regex.search(rf"(?<![\w-])(?i:since)\s+(?:(?:early|late|mid|the\s+end\s+of)[\s-]+)?(?:(?:{months})\s+)?\Z",
                        sentence[:pos]) is not None


def _phrases(words: list[str], flags: str) -> Any:
    """Whole-word phrases as one pattern; an empty list matches nothing."""
    if not words:
        return regex.compile("(?!)")
    return regex.compile(rf"(?<![\w'’-]){alternation(words, flags)}(?![\w-])")


class _Then:
    """A right apposition ending in "at the time": read as a past qualifier."""

    def __init__(self, match: Any) -> None:
        self._match = match

    def group(self, name: str) -> Any:
        return self._match.group(name)


def _plain(name: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _span(term: Any) -> str:
    end = f"to {long_date(term.end)}" if term.end else "onwards"
    return f"from {long_date(term.start)} {end}"


def _title_case(title: str) -> str:
    title = " ".join(title.split())
    if title.islower() and title.upper() != title:
        title = " ".join(w if w in ("of", "the") else w[:1].upper() + w[1:] for w in title.split())
    return title


def _post_name(mention: Mention, countries: Any, bodies: dict[str, str]) -> str:
    title = _title_case(mention.title)
    if mention.country is None:
        return title
    return f"{title} of {_where(mention.country, countries, bodies)}"


def _adjective(data: Any, code: str) -> str | None:
    """The first word the offices files give for a country ("Uzbek" for UZB)."""
    return next((word for word, c in data.adjectives.items() if c == code), None)


def _where(code: str, countries: Any, bodies: dict[str, str]) -> str:
    return bodies.get(code) or countries.display(code)


def _office_label(office: Any, countries: Any, bodies: dict[str, str]) -> str:
    return f"{office_title(office)} of {_where(office.country, countries, bodies)}"


def office_title(office: Any) -> str:
    title = office.titles[0]
    return " ".join(w if w in ("of", "the") else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
                    for w in title.split())
