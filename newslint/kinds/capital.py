"""``capital``: a city called the capital of a country it is not (or was not) the capital of.

"Baku, the Armenian capital", "Kyiv, the capital of Russia", "the Turkish capital
Istanbul", "Sydney, Australia's capital". A claim is a known city (a capital of some
country, or a big city listed in the capitals files) joined to a country by one of the
frames below; words between the country and "capital" other than the pack's
qualifiers ("economic", "financial", "largest city") make it another claim, and a
country followed by "'s" region ("Russia's Chechnya region") is not the country.

Pack fields: ``qualifiers`` (``past``: former, old, ...; ``plain``: words that keep the
claim, like "new" or "official"), ``grace-days``. The claim is judged at the article
date and any year the sentence names; after a past qualifier, at any earlier day.
Countries marked disputed in the capitals file are never judged.
The message may use {fact}, {suggestion}, {source}, {date}.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import regex

from ..records import Hit, NewslintError
from .base import Context, PackError, RuleKind, as_str_list
from .office_holder import YEAR, alternation, compiled, knowledge_folders, long_date, quoted


class Kind(RuleKind):
    fields = {"qualifiers": dict, "knowledge": (str, list)}
    required = ("qualifiers",)
    needs = frozenset({"tokens"})

    def configure(self, spec: dict[str, Any]) -> None:
        quals = spec["qualifiers"]
        unknown = set(quals) - {"past", "plain"}
        if unknown:
            raise PackError(f"qualifiers: unknown class {sorted(unknown)[0]!r} (use past, plain)")
        self.past = {w.lower() for w in as_str_list(quals.get("past", []), "qualifiers.past")}
        self.plain = {w.lower() for w in as_str_list(quals.get("plain", []), "qualifiers.plain")}
        self.folders = knowledge_folders(spec.get("knowledge", []), self.rule.pack_path)
        self._compiled: Any = None

    def _patterns(self) -> Any:
        if self._compiled is None:
            from ..knowledge import knowledge
            from ..knowledge.capitals import capitals

            data = capitals(*self.folders)
            kb = knowledge()
            names = {n: c for n, c in kb.countries.by_name.items() if n not in kb.countries.capitals}
            self._names = names
            self._adjectives = dict(data.adjectives)
            city = alternation(data.spellings)
            adj = alternation(self._adjectives)
            country = alternation(names)
            qual = alternation(self.past | self.plain, "i")
            # "Baku, the Armenian capital" / "Sydney, Australia's capital" / "Kyiv, the capital of Russia"
            # / "Kyiv is the capital of Russia"; "the Turkish capital Istanbul" / "Russia's capital, Moscow"
            # / "the capital of Russia, Moscow".
            head = (rf"(?:(?P<q0>{qual})\s+)?(?<![\w.-])(?:(?P<adj>{adj})|(?P<poss>{country})['’]s)\s+"
                    rf"(?:(?P<q1>{qual})\s+)?capital")
            tail_of = rf"(?:(?P<q2>{qual})\s+)?capital(?:\s+city)?\s+of\s+(?:the\s+)?(?P<of>{country})(?![\w-]|['’]s)"
            stop = r"(?!['’]s|\s+(?:[A-Z]|of\b|region|district|province|area|territory|city['’]s|cities))"
            self._compiled = (data, [
                compiled(rf"(?<![\w-])(?P<city>{city})(?:\s*,\s+(?:(?i:the)\s+)?|\s+(?:is|was|remains|became)"
                              rf"\s+(?:the\s+)?)(?:{head}(?:\s+city)?{stop}|{tail_of})"),
                compiled(rf"(?:(?<![\w-])(?i:the)\s+)?{head}(?:\s+city)?(?:\s+of)?\s*,?\s+(?P<city>{city})(?![\w-])"),
                compiled(rf"(?<![\w-])(?i:the)\s+{tail_of}\s*,\s+(?P<city>{city})(?![\w-])"),
            ])
        return self._compiled

    def check(self, ctx: Context) -> Iterable[Hit]:
        try:
            data, frames = self._patterns()
        except NewslintError as exc:
            yield Hit(0, 0, f"the capitals knowledge cannot be read, so this rule was skipped: {exc}", severity="error")
            return
        text = ctx.text
        seen: set[int] = set()
        for s_start, s_end in ctx.sentences():
            sentence = text[s_start:s_end]
            if "capital" not in sentence:
                continue
            years = {int(y) for y in YEAR.findall(sentence) if int(y) <= ctx.date.year}
            for frame in frames:
                for m in frame.finditer(sentence):
                    start = s_start + m.start("city")
                    if start in seen or quoted(text, start):
                        continue
                    hit = self.judge(data, m, s_start, ctx.date, years, sentence)
                    if hit is not None:
                        seen.add(start)
                        yield hit

    def judge(self, data: Any, m: Any, base: int, day: dt.date, years: set[int], sentence: str) -> Hit | None:
        g = m.groupdict()
        if g.get("adj") and m.start("adj") > 0:
            before = sentence[:m.start("adj")].rstrip()
            word = regex.search(r"([\w-]+)\Z", before)
            if word and word.group(1)[:1].isupper() and word.start() > 0 and not before.endswith(","):
                return None  # "Western Australian capital", "New Zealand": a longer name
        country = (self._adjectives.get(g["adj"]) if g.get("adj")
                   else self._names.get(g.get("poss") or g.get("of") or ""))
        city = data.city(m.group("city"))
        if country is None or city is None or country in data.disputed_countries:
            return None
        seats = data.of_country(country)
        if not seats or any(s.city == city and s.disputed for s in seats):
            return None
        quals = {(g.get(k) or "").lower() for k in ("q0", "q1", "q2")} - {""}
        past = bool(quals & self.past)
        mine = [s for s in seats if s.city == city]
        if past and (any(s.before(day) for s in mine)
                     or not any(s.country != country for s in data.of_city(city))):
            return None  # the files do not know every former capital: only another country's capital is flagged
        if not past and any(s.covers(day) for s in mine):
            return None
        if any(s.covers(dt.date(y, 7, 1)) or s.covers(dt.date(y, 1, 1)) or s.covers(dt.date(y, 12, 31))
               for s in mine for y in years):
            return None
        from ..knowledge import knowledge

        countries = knowledge().countries
        named = countries.display(country)
        named = named[:1].upper() + named[1:]
        now = [s.city for s in seats if s.covers(day)]
        elsewhere = sorted({countries.display(s.country) for s in data.of_city(city) if s.covers(day)})
        if mine:
            spans = "; ".join(_seat_span(s) for s in mine)
            fact = f"{city} was {named}'s capital {spans}, not on {long_date(day)}"
            if not past and any(s.until is not None and s.until <= day for s in mine):
                fact += " (write 'former capital')"
        elif elsewhere:
            fact = f"{city} is the capital of {' and '.join(elsewhere)}, not of {countries.display(country)}"
        else:
            fact = f"{city} is not the capital of {countries.display(country)}"
        suggestion = f" {named}'s capital is {' or '.join(now)}." if now and not past else ""
        replacements = now[:2] if not past else []
        source = ", ".join(f.rsplit("/", 1)[-1] for f in data.files)
        message = self.format(fact=fact, suggestion=suggestion, source=f"rules/knowledge/capitals/{source}",
                              date=day.isoformat())
        return Hit(base + m.start("city"), base + m.end("city"), message, replacements=replacements, safe=False)


def _seat_span(seat: Any) -> str:
    if seat.since and seat.until:
        return f"from {long_date(seat.since)} to {long_date(seat.until)}"
    if seat.until:
        return f"until {long_date(seat.until)}"
    if seat.since:
        return f"from {long_date(seat.since)}"
    return "always"
