"""Dated facts for the entities rules: who belonged to which organisation when.

The data lives in ``rules/knowledge/*.toml`` so that an editor can read and
extend it; this package only loads it. Loading is lazy (the first entities rule
that runs pays for it) and happens once per process.
"""
from __future__ import annotations

from functools import lru_cache

from .countries import Countries, load_countries
from .organisations import Membership, Organisation, load_organisation

__all__ = ["Countries", "Knowledge", "Membership", "Organisation", "knowledge"]


class Knowledge:
    """Countries and organisations, looked up by ISO code and by id."""

    def __init__(self, countries: Countries, organisations: dict[str, Organisation]) -> None:
        self.countries = countries
        self.organisations = organisations

    def organisation(self, org_id: str) -> Organisation:
        return self.organisations[org_id]


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The bundled knowledge base, loaded on first use."""
    from ..resources import data_path

    folder = data_path("knowledge")
    countries = load_countries(folder / "countries.toml")
    organisations: dict[str, Organisation] = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name == "countries.toml":
            continue
        org = load_organisation(path, countries)
        organisations[org.id] = org
    return Knowledge(countries, organisations)


def organisation_ids() -> list[str]:
    """Ids of the bundled organisations, without loading them (file name = id)."""
    from ..resources import data_path

    return sorted(p.stem for p in data_path("knowledge").glob("*.toml") if p.stem != "countries")
