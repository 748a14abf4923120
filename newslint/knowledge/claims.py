"""What the entities kinds share: trigger placeholders, sentences, and the span of
time a sentence can be talking about.

A sentence in a 2024 article may be about 2024, about a year it names, or (if it
is written in the past tense or marks history: "before", "at the time") about
any moment of the recent or distant past. The kinds flag a claim only when it is
false at every moment the sentence could refer to: precision first.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from ..kinds.base import PackError, str_list
from ..records import Hit
from ..safe_regex import compile_regex, finditer
from . import Knowledge
from .organisations import Interval, Organisation

PLACEHOLDERS = ("org", "country", "countries", "demonym", "noun", "member_word", "n", "end", "year")
_PLACEHOLDER = regex.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
_YEAR = regex.compile(r"(?<![\w.-])(1[89]\d\d|20\d\d)(s)?(?![\w-])")

NUMBER_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split())
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
NUMBER = (r"(?:(?<![\d.,])\d{1,3}(?![\d]|[.,]\d)|(?:" + "|".join(TENS) + r")(?:[- ](?:"
          + "|".join(list(NUMBER_WORDS)[1:10]) + r"))?|"
          + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")")


# Where a phrase naming an organisation may end: punctuation or a word that starts
# a new clause, not "NATO summit" / "the EU's single market" / "NATO-led".
END = (r"(?!['’]s\b|[\w+-]|\s+(?:summits?|meetings?|talks|headquarters|HQ|conferences?|exercises?|drills?|"
       r"leaders?|"
       r"ministers?|officials?|diplomats?|envoys?|ambassadors?|forums?|sessions?|markets?|single|customs|internal|"
       r"membership|accession|members?|allies|ally|countries|country|nations?|states?|partners?|partnerships?|"
       r"missions?|operations?|forces?|troops|soldiers|command|standards?|rules?|laws?|budgets?|funds?|funding|aid|"
       r"sanctions|treaty|charter|commission|parliament|council|court|levels?|average|citizens|nationals|"
       r"passports?|visas?|borders?|area|zone|territory|airspace|framework|programmes?|programs?|plus|"
       r"spending|targets?|guarantees?|protection|umbrella|flank|bases?|jets?|aircraft|planes|ships|weapons|"
       r"agenda|policy|policies|presidency|chief|head|secretary|spokes\w+|sources?|figures?|data|statistics|"
       r"rate|rates|quota|quotas|output|production|cuts?|deal|deals|agreement|pact|accord|rules|regulations?|"
       r"ruling|courts?|bonds?|banks?|currency|euro|economy|economies|growth|inflation|debt|deficit)\b"
       # "Britain will join NATO in sending troops": taking part alongside, not membership
       r"|\s+(?:in|on|for)\s+(?:\w+ing|joint)\b"
       r"|\s+in\s+(?:an?|the|its|their|this|that|these|those)\s+"
       r"(?!future\b|coming\b|next\b|near\b|long\s+run\b|long\s+term\b|years?\b|months?\b)\w+)")


def parse_number(text: str) -> int | None:
    """'30' -> 30, 'thirty-two' -> 32, 'Twelve' -> 12; None for anything else."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    parts = regex.split(r"[- ]", text)
    if parts[0] in TENS and (len(parts) == 1 or (len(parts) == 2 and parts[1] in NUMBER_WORDS)):
        return TENS[parts[0]] + (NUMBER_WORDS[parts[1]] if len(parts) == 2 else 0)
    return None


def check_placeholders(source: str, what: str) -> None:
    """Fail at pack load if a trigger names a placeholder that does not exist."""
    for name in regex.findall(r"\{([a-z_]+)\}", source):
        if name not in PLACEHOLDERS:
            raise PackError(f"{what} uses an unknown placeholder {{{name}}} (one of: "
                            + ", ".join("{" + p + "}" for p in PLACEHOLDERS) + ")")
    def stand_in(m: Any) -> str:
        return "x" if m.group(1) in ("noun", "end") else f"(?P<{m.group(1)}>x)"

    dummy = _PLACEHOLDER.sub(stand_in, source)
    dummy = dummy.replace("(?P<country>", "(?P<entity>").replace("(?P<countries>", "(?P<entities>")
    compile_regex(dummy, True, what)


#: Nouns that refer back to an organisation named earlier ("the alliance").
ANAPHORS = ("alliance", "bloc", "cartel")
ANAPHOR_NOUN = (r"(?:(?:military|western|transatlantic|atlantic|defen[cs]e|security|oil|oil-producing|"
                r"trading|economic|political|\d+-(?:nation|member|country|strong)|[a-z]+-(?:nation|member))\s+){0,2}"
                r"(?:" + "|".join(ANAPHORS) + r")(?![\w-])")
ANAPHOR = r"(?<!\w)[Tt]he\s+" + ANAPHOR_NOUN
#: Counts name their organisation by more nouns ("the 10-member group", "the club of 38
#: countries", "the family of 56 nations"): a number and "member" make the reference safe
#: to resolve. Up to two lower-case words may describe the noun ("the human rights body",
#: "a continental body"), or a compound like "Russia-led" or "Paris-based"; a capitalised
#: word ends the phrase ("the 15-member Security Council" is not the UN).
COUNT_ANAPHORS = ANAPHORS + ("group", "grouping", "club", "union", "organisation", "organization", "body",
                             "council", "family", "association", "forum")
COUNT_ANAPHOR_NOUN = (r"(?:(?-i:[a-z][\w-]*|[A-Z][a-z]+-[a-z][\w-]*|\d+-[a-z]+)\s+){0,2}"
                      r"(?:" + "|".join(COUNT_ANAPHORS) + r")(?![\w-])")


_COUNTRY_GROUP = "_newslint_country"
# References to groups by number: \1, \g<1>, (?1), (?+1), (?(1)...), (?R)
_NUMBERED_GROUPS = regex.compile(r"\\[1-9]|\\g<[+-]?\d|\(\?[+-]?\d|\(\?\([+-]?\d|\(\?R")


def expand(source: str, knowledge: Knowledge, orgs: list[Organisation], anaphora: bool | str = False) -> Any:
    """Compile a trigger: placeholders become the knowledge base's names (or, with
    ``anaphora``, ``{org}`` becomes "the alliance" / "the bloc", resolved later;
    ``anaphora="bare"``: "alliance" without its article, as in "the 30-nation alliance";
    ``anaphora="count"``: the same with the nouns counts use, COUNT_ANAPHORS)."""
    countries = knowledge.countries.pattern()
    # The name alternation is big and slow to parse, and {countries} holds it three
    # times. When a trigger would hold it more than once, the first copy is a named
    # group and the others call it: the same matches (a call backtracks like the
    # pattern written out), a third of the parsing. Not in patterns that number their
    # groups (back references, conditions): the extra group would shift the numbers.
    copies = source.count("{country}") + 3 * source.count("{countries}")
    shared = copies > 1 and not _NUMBERED_GROUPS.search(source)
    defined = not shared

    def names() -> str:
        nonlocal defined
        if not shared:
            return countries
        if defined:
            return f"(?&{_COUNTRY_GROUP})"
        defined = True
        return f"(?P<{_COUNTRY_GROUP}>(?-i:{countries}))"

    def coordination() -> str:
        # A list of at most ten names: longer ones are not coordinations worth checking, and
        # an unbounded repeat backtracks quadratically on a page-long list.
        the = r"(?:(?i:the)\s+)?"
        first = the + names()
        one = the + names()
        return (first + r"(?:\s*,\s*" + one + r"(?!['’]s)){0,8}" + r"(?:\s*,?\s+(?i:and|or|nor|&)\s+" + one
                + r"(?!['’]s))?")

    from .organisations import name_alternatives

    org_alt = r"(?<!\w)(?:" + "|".join(name_alternatives(orgs)) + r")(?![\w+]|\s+[Pp]lus\b)"
    nouns = sorted({n for org in orgs for n in org.nouns}, key=lambda n: (-len(n), n)) or ["organisation"]
    if anaphora:
        org_alt = {"bare": ANAPHOR_NOUN, "count": COUNT_ANAPHOR_NOUN}.get(str(anaphora), ANAPHOR)
    parts: dict[str, Any] = {
        "org": f"(?-i:(?P<org>{org_alt}))",
        "country": lambda: f"(?-i:(?P<entity>{names()}))",
        "countries": lambda: f"(?-i:(?P<entities>{coordination()}))",
        "demonym": f"(?-i:(?P<demonym>{knowledge.countries.demonym_pattern()}))",
        "noun": r"(?:" + "|".join(regex.escape(n) for n in nouns) + r")(?!\w)",
        "member_word": (r"(?:member\s+states?|member\s+countries|member\s+country|member\s+nations?|members?|"
                        r"allies|ally)(?!\w)"),
        "n": f"(?P<n>{NUMBER})",
        "end": END,
        "year": r"(?P<year>1[89]\d\d|20\d\d)(?![\w-])",
    }

    def fill(m: Any) -> str:
        part = parts[m.group(1)]
        return part() if callable(part) else part

    return compile_regex(_PLACEHOLDER.sub(fill, source), True, "trigger")


@dataclass
class Markers:
    """Patterns that widen the time a sentence may refer to, or silence a rule.

    ``history`` ("before", "at the time"): any moment since the organisation was
    founded. An explicit year anchors the sentence to that year; ``anchors``
    ("in December", "last week") to the last year. Otherwise ``narrative`` past
    tense ("applied", "was blocked") may tell old history, and ``past`` (reported
    speech: "said", "would") the last ``recent-years``.
    """

    history: list[Any]
    past: list[Any]
    quiet: list[Any]
    narrative: list[Any] = field(default_factory=list)
    anchors: list[Any] = field(default_factory=list)
    recent_years: int = 5
    grace_days: int = 90

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Markers:
        from .word_lists import fill_words

        def patterns(key: str) -> list[Any]:
            return [compile_regex(fill_words(v, f"{key} pattern"), True, f"{key} pattern")
                    for v in str_list(spec, key, "patterns")]

        recent, grace = spec.get("recent-years", 5), spec.get("grace-days", 90)
        if not isinstance(recent, int) or not isinstance(grace, int) or recent < 0 or grace < 0:
            raise PackError("'recent-years' and 'grace-days' must be whole numbers of at least 0")
        return cls(patterns("history"), patterns("past"), patterns("quiet"), patterns("narrative"),
                   patterns("anchors"), recent, grace)

    def silenced(self, sentence: str) -> bool:
        return any(_search(p, sentence) for p in self.quiet)

    def intervals(self, sentence: str, date: dt.date, org: Organisation, tense: bool = True,
                  speech: bool = True, own: str | None = None, grace: bool = True) -> list[Interval]:
        """The stretches of time the sentence may be about. Without ``tense`` the verbs'
        past tense is not read as history: a label ("non-member Poland") describes the
        country as of the article unless a year or a history marker says otherwise.
        Without ``speech`` reported speech does not widen it: "Iran will join the SCO
        soon, officials said" is about the article's time. ``own``: the claim's own words
        (a label or apposition), where history markers must be to count: "Finland, then
        the newest member," is history; in "Finland, the newest member, was the first to
        send troops" the "was" is the sentence's, not the claim's. Without ``grace`` the
        claim is the count right after an accession ("bringing its membership to nine"):
        a stale count written soon after someone else joined does not excuse it."""
        found: list[Interval] = [(date - dt.timedelta(days=self.grace_days if grace else 0), date)]
        years = False
        for match in _YEAR.finditer(sentence):
            years = True
            year = int(match.group(1))
            if match.group(2):
                found.append((dt.date(year, 1, 1), dt.date(year + 9, 12, 31)))
            else:
                found.append((dt.date(year, 1, 1) - dt.timedelta(days=1), dt.date(year, 12, 31)))
        marked = own if own is not None else sentence
        if any(_search(p, marked) for p in self.history) or not org.exists_on(date):
            found.append((org.founded, date))
        elif years:
            pass
        elif any(_search(p, sentence) for p in self.anchors):
            found.append((_years_before(date, 1), date))
        elif not tense:
            pass
        elif any(_search(p, sentence) for p in self.narrative):
            found.append((org.founded, date))
        elif speech and any(_search(p, sentence) for p in self.past):
            found.append((_years_before(date, self.recent_years), date))
        return found


def _search(pattern: Any, text: str) -> bool:
    return next(finditer(pattern, text), None) is not None


def _years_before(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year - years)
    except ValueError:  # 29 February
        return date.replace(year=date.year - years, day=28)


def sentences(ctx: Any) -> Iterator[tuple[int, int]]:
    """Sentence spans of the prose (the shared tokens' sentences), never crossing a blank
    line: a sentence ends at one, so only the blank line after it is cut off."""
    text = ctx.text
    for start, end in ctx.sentences():
        if "\n" in text[start:end]:
            blank = _BLANK_LINE.search(text, start, end)
            if blank is not None:
                end = blank.start()
        if not text[start:end].isspace():
            yield start, end


_BLANK_LINE = re.compile(r"\n\s*\n")


def _last_named(text: str, before: int, noun_phrase: str,
                orgs: Iterable[Organisation]) -> list[tuple[int, Organisation]]:
    """(where it is named last before ``before``, organisation) for every organisation that
    goes by the noun ``noun_phrase`` ends in ("the alliance", "the bloc") and is named there."""
    noun = noun_phrase.split()[-1].lower()
    found = []
    for org in orgs:
        if not any(n.split()[-1].lower() == noun for n in org.nouns):
            continue
        last = -1
        for name in org.names:
            at = text.rfind(name, 0, before)
            while at >= 0 and not _whole(text, at, at + len(name)):
                at = text.rfind(name, 0, at)
            last = max(last, at)
        if last >= 0:
            found.append((last, org))
    return found


def referent(text: str, before: int, noun_phrase: str, orgs: Iterable[Organisation]) -> Organisation | None:
    """The organisation "the alliance" (ending in one of ANAPHORS) points back to:
    the one named last before ``before`` among those that go by that noun."""
    best = max(_last_named(text, before, noun_phrase, orgs), key=lambda pair: pair[0], default=None)
    return best[1] if best else None


def referents(text: str, before: int, noun_phrase: str, orgs: Iterable[Organisation]) -> list[Organisation]:
    """Every organisation named before ``before`` that goes by the noun "the bloc" ends
    in: the ones a reader may take it for."""
    return [org for _, org in _last_named(text, before, noun_phrase, orgs)]


def _whole(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end >= len(text) or not text[end].isalnum())


def org_of(name: str, orgs: Iterable[Organisation]) -> Organisation | None:
    for org in orgs:
        if name in org.names:
            return org
    return None


def entity_spans(match: Any, knowledge: Knowledge, base: int) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) of every country the trigger captured, in text offsets."""
    found: list[tuple[int, int, str]] = []
    names = knowledge.countries
    for group in ("entities", "entity"):
        if group in match.re.groupindex and match.start(group) >= 0:
            text = match.group(group)
            offset = match.start(group)
            for m in names.compiled().finditer(text):
                code = names.code(m.group(0))
                if code:
                    found.append((base + offset + m.start(), base + offset + m.end(), code))
    if "demonym" in match.re.groupindex and match.start("demonym") >= 0:
        code = names.demonyms.get(match.group("demonym"))
        if code:
            found.append((base + match.start("demonym"), base + match.end("demonym"), code))
    return found


def organisation_list(value: Any, known: list[str], what: str) -> list[str]:
    """Validate a pack's list of knowledge ids."""
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise PackError(f"'{what}' must be a non-empty list of organisation ids")
    unknown = [v for v in value if v not in known]
    if unknown:
        raise PackError(f"unknown organisation '{unknown[0]}' in '{what}' (known: {', '.join(known)})")
    return list(value)


def broken_knowledge(exc: Exception) -> Hit:
    """A finding in place of the rule's own when the knowledge base cannot be read:
    the editor sees which file and what is wrong, and the other rules still run."""
    return Hit(0, 0, f"the knowledge base cannot be read, so this rule was skipped: {exc}", severity="error")


def spell_like(original: str, number: int) -> str:
    """``number`` written the way ``original`` was: digits, or words in the same case."""
    if original.strip().isdigit():
        return str(number)
    ones = list(NUMBER_WORDS)
    if number < 20:
        word = ones[number]
    else:
        tens = next(w for w, v in TENS.items() if v == number // 10 * 10)
        word = tens + (("-" + ones[number % 10]) if number % 10 else "")
    if original[:1].isupper():
        word = word[:1].upper() + word[1:]
    return word


def document_intervals(ctx: Any, markers: Markers) -> list[Interval]:
    """For copy with no date of its own (linted as of today) the date is a guess:
    the recent past and the years the copy mentions are as likely as today. A 2005
    article's "the 25-member EU" is history, not an error."""
    today = dt.date.today()
    if ctx.doc.date is not None or ctx.date != today:
        return []
    years = {int(m.group(1)) for m in _YEAR.finditer(ctx.text) if not m.group(2)}
    found = [(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in sorted(years) if 1900 <= y <= today.year]
    return found + [(_years_before(today, markers.recent_years), today)]
