"""Office holders over time (``rules/knowledge/offices/*.toml``), for the role checks.

Each file lists posts (``[[office]]``) with the titles copy uses for them and their
holders with start and end dates, plus ``[adjectives]`` ("Russian" -> RUS) and ``[bodies]``
(how a message names a body that is not a country: WHO -> "the World Health Organization"). Names are
matched without regard to accents or case, so "Erdogan" finds "Erdoğan". A post is only
judged inside its coverage window (``from``..``to``): what the file does not claim to
know can never produce a finding.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import NewslintError
from ..toml import load_toml
from .files import folder_loader, strings, table

FAR_PAST = dt.date(1, 1, 1)


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive key: "Erdoğan" -> "erdogan"."""
    text = text.replace("’", "'").replace("‘", "'").replace("ı", "i").replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


@dataclass(frozen=True)
class Term:
    """One person's time in one office (``end`` is the day the successor took over)."""

    person: str
    office: str
    start: dt.date
    end: dt.date | None = None
    acting: bool = False

    def covers(self, day: dt.date, grace: int = 0) -> bool:
        slack = dt.timedelta(days=grace)
        return self.start - slack <= day and (self.end is None or day < self.end + slack)

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        return self.start <= last and (self.end is None or self.end > first)


@dataclass
class Office:
    id: str
    country: str
    titles: list[str]
    path: str
    source: str = ""
    since: dt.date = FAR_PAST
    until: dt.date | None = None
    terms: list[Term] = field(default_factory=list)

    def covered(self, day: dt.date) -> bool:
        """Whether the file claims to know every holder on this day."""
        return self.since <= day and (self.until is None or day <= self.until)

    def holders(self, day: dt.date) -> list[str]:
        return list(dict.fromkeys(t.person for t in self.terms if t.covers(day)))


@dataclass
class Offices:
    """Every office, indexed by title, by person and by name as written."""

    offices: dict[str, Office] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)  # as written -> country code
    bodies: dict[str, str] = field(default_factory=dict)  # code of a body -> its name in a message
    names: dict[str, str] = field(default_factory=dict)  # folded full name -> person
    surnames: dict[str, set[str]] = field(default_factory=dict)  # folded surname -> persons
    spellings: set[str] = field(default_factory=set)  # every name and surname as written
    surname_of: dict[str, str] = field(default_factory=dict)  # person -> surname for suggestions
    files: list[str] = field(default_factory=list)

    def titled(self, title: str, country: str | None = None) -> list[Office]:
        key = fold(title)
        return [o for o in self.offices.values()
                if key in o.titles and (country is None or o.country == country)]

    def terms_of(self, person: str, offices: list[Office] | None = None) -> list[Term]:
        pool = offices if offices is not None else list(self.offices.values())
        return [t for o in pool for t in o.terms if t.person == person]


def load_offices(paths: list[Path]) -> Offices:
    """Read every office file; a broken file raises NewslintError naming it and the entry."""
    result = Offices()
    for path in paths:
        data, _ = load_toml(path)
        result.files.append(str(path))
        for code, words in table(data, "adjectives", path).items():
            for word in strings(words, path, f"adjectives.{code}"):
                result.adjectives[word] = code
        for code, name in table(data, "bodies", path).items():
            if not isinstance(name, str):
                raise NewslintError(f"{path}: bodies.{code} must be a string like \"the World Bank\"")
            result.bodies[code] = name
        offices = data.get("office", [])
        if not isinstance(offices, list):
            raise NewslintError(f"{path}: [[office]] must be an array of tables")
        for i, entry in enumerate(offices):
            office = _office(entry, path, i)
            if office.id in result.offices:
                raise NewslintError(f"{path}: office '{office.id}' is defined twice")
            result.offices[office.id] = office
            for holder in entry.get("holders", []):
                _index_names(result, holder, path, office.id)
    return result


def _office(entry: Any, path: Path, i: int) -> Office:
    where = f"{path}: office #{i + 1}"
    if not isinstance(entry, dict):
        raise NewslintError(f"{where} must be a table")
    for key in ("id", "country"):
        if not isinstance(entry.get(key), str):
            raise NewslintError(f"{where}: '{key}' must be a string")
    where = f"{path}: office '{entry['id']}'"
    titles = [fold(t) for t in strings(entry.get("titles", []), path, f"{entry['id']}.titles")]
    if not titles:
        raise NewslintError(f"{where}: 'titles' must name at least one title")
    holders = entry.get("holders", [])
    if not isinstance(holders, list) or not holders:
        raise NewslintError(f"{where}: 'holders' must be a non-empty list of tables")
    terms = []
    for j, holder in enumerate(holders):
        if not isinstance(holder, dict) or not isinstance(holder.get("name"), str):
            raise NewslintError(f"{where}: holder #{j + 1} needs a 'name'")
        start, end = holder.get("start"), holder.get("end")
        if not isinstance(start, dt.date) or (end is not None and not isinstance(end, dt.date)):
            raise NewslintError(f"{where}: holder '{holder['name']}' needs dates like start = 2019-05-20")
        if end is not None and end < start:
            raise NewslintError(f"{where}: holder '{holder['name']}' ends before it starts")
        terms.append(Term(holder["name"], entry["id"], start, end, bool(holder.get("acting", False))))
    since = entry.get("from", min(t.start for t in terms))
    until = entry.get("to")
    if not isinstance(since, dt.date) or (until is not None and not isinstance(until, dt.date)):
        raise NewslintError(f"{where}: 'from' and 'to' must be dates")
    return Office(entry["id"], entry["country"], titles, str(path), str(entry.get("source", "")), since, until, terms)


def _index_names(result: Offices, holder: dict[str, Any], path: Path, office: str) -> None:
    person = holder["name"]
    spellings = [person, *strings(holder.get("also", []), path, f"{office}: {person}.also")]
    for name in spellings:
        result.names.setdefault(fold(name), person)
        result.spellings.add(name)
    default = [person.split()[-1]]
    surnames = strings(holder.get("surnames", default), path, f"{office}: {person}.surnames")
    if surnames:
        result.surname_of.setdefault(person, surnames[0])
    for surname in surnames:
        result.surnames.setdefault(fold(surname), set()).add(person)
        result.spellings.add(surname)


#: ``offices(*folders)``: every ``*.toml`` in the folders; ``""`` (the default) is the bundled
#: ``rules/knowledge/offices``. Later files add to earlier ones, so a newsroom folder listed
#: after the bundled one extends it.
offices = folder_loader(load_offices, "offices", "office")
