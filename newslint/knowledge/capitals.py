"""Capitals over time (``rules/knowledge/capitals/*.toml``), for the capital check.

A country may have several capitals at once; each city may carry ``since``/``until``
dates (moves and renamings: Almaty -> Astana 1997, Nur-Sultan 2019-2022) and a status
(``disputed``: accepted, never flagged). ``other-cities`` lists big cities that are no
country's capital, so that "Istanbul, the Turkish capital" is recognised as a place.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import NewslintError
from ..toml import load_toml
from .files import folder_loader, strings
from .offices import fold


@dataclass(frozen=True)
class Seat:
    """One city's time as a capital of one country."""

    country: str
    city: str
    since: dt.date | None = None
    until: dt.date | None = None
    disputed: bool = False

    def covers(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)

    def before(self, day: dt.date) -> bool:
        return self.since is None or self.since <= day


@dataclass
class Capitals:
    seats: list[Seat] = field(default_factory=list)
    cities: dict[str, str] = field(default_factory=dict)  # folded spelling -> city
    spellings: set[str] = field(default_factory=set)
    adjectives: dict[str, str] = field(default_factory=dict)
    disputed_countries: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)

    def city(self, written: str) -> str | None:
        return self.cities.get(fold(written))

    def of_country(self, country: str) -> list[Seat]:
        return [s for s in self.seats if s.country == country]

    def of_city(self, city: str) -> list[Seat]:
        return [s for s in self.seats if s.city == city]


def load_capitals(paths: list[Path]) -> Capitals:
    result = Capitals()
    for path in paths:
        data, _ = load_toml(path)
        result.files.append(str(path))
        adjectives = data.get("adjectives", {})
        if not isinstance(adjectives, dict):
            raise NewslintError(f"{path}: [adjectives] must be a table")
        for code, words in adjectives.items():
            for word in strings(words, path, f"adjectives.{code}"):
                result.adjectives[word] = code
        for name in strings(data.get("other-cities", {}).get("names", []), path, "other-cities.names"):
            _spell(result, name, name)
        entries = data.get("capitals", [])
        if not isinstance(entries, list):
            raise NewslintError(f"{path}: [[capitals]] must be an array of tables")
        for i, entry in enumerate(entries):
            _entry(result, entry, path, i)
    return result


def _entry(result: Capitals, entry: Any, path: Path, i: int) -> None:
    where = f"{path}: capitals #{i + 1}"
    if not isinstance(entry, dict) or not isinstance(entry.get("country"), str):
        raise NewslintError(f"{where} needs a 'country' (ISO alpha-3 code)")
    country = entry["country"]
    if entry.get("status") == "disputed":
        result.disputed_countries.add(country)
    cities = entry.get("cities")
    if not isinstance(cities, list) or not cities:
        raise NewslintError(f"{where} ({country}) needs 'cities', a list of tables")
    for city in cities:
        if not isinstance(city, dict) or not isinstance(city.get("city"), str):
            raise NewslintError(f"{where} ({country}): every city needs a 'city' name")
        since, until = city.get("since"), city.get("until")
        for value in (since, until):
            if value is not None and not isinstance(value, dt.date):
                raise NewslintError(f"{where} ({country}): 'since'/'until' of {city['city']} must be dates")
        name = city["city"]
        result.seats.append(Seat(country, name, since, until, city.get("status") == "disputed"))
        for spelling in [name, *strings(city.get("also", []), path, f"{country}: {name}.also")]:
            _spell(result, spelling, name)


def _spell(result: Capitals, spelling: str, city: str) -> None:
    result.cities.setdefault(fold(spelling), city)
    result.spellings.add(spelling)


#: ``capitals(*folders)``: every ``*.toml`` in the folders; ``""`` (the default) is the bundled
#: ``rules/knowledge/capitals``. Later files add to earlier ones, so a newsroom folder listed
#: after the bundled one extends it.
capitals = folder_loader(load_capitals, "capitals", "capitals")
