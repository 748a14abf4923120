"""Country names: ISO names from pycountry plus the aliases news copy uses."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from ..regex_cache import compile_cached
from ..toml import load_toml
from .files import strings, table
from .trie import trie_pattern


@dataclass
class Countries:
    """Name -> ISO alpha-3 code, display names, demonyms and a name pattern."""

    by_name: dict[str, str] = field(default_factory=dict)
    display_names: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    not_after: dict[str, list[str]] = field(default_factory=dict)
    capitals: set[str] = field(default_factory=set)
    source: str = ""
    _pattern: str | None = field(default=None, repr=False)
    _compiled: Any = field(default=None, repr=False)
    _demonyms_compiled: Any = field(default=None, repr=False)

    def code(self, name: str) -> str | None:
        """The ISO code of a name as written ("the UK" -> "GBR"), or None."""
        name = " ".join(name.split())
        return self.by_name.get(name) or self.by_name.get(_strip_the(name))

    def display(self, code: str) -> str:
        return self.display_names.get(code, code)

    def pattern(self) -> str:
        """A case-sensitive alternation of every name, longest first (no groups)."""
        if self._pattern is None:
            self._pattern = _alternation(self.by_name, self.not_after)
        return self._pattern

    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = compile_cached(self.pattern(), regex.V0)
        return self._compiled

    def demonym_pattern(self) -> str:
        return _alternation(self.demonyms, {})

    def demonyms_compiled(self) -> Any:
        if self._demonyms_compiled is None:
            self._demonyms_compiled = compile_cached(self.demonym_pattern(), regex.V0)
        return self._demonyms_compiled


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _alternation(names: dict[str, str], not_after: dict[str, list[str]]) -> str:
    """Whole names, longest first, as a trie (see trie.py); "Guinea" not after "New":
    the guard looks back from the end of the name over "New Guinea"."""
    guards = {name: "".join(f"(?<!{regex.escape(w)}\\s{regex.escape(name)})" for w in words)
              for name, words in not_after.items() if name in names}
    return r"(?<![\w.-])(?:" + trie_pattern(names, guards) + r")(?![\w-])"


def load_countries(path: Path) -> Countries:
    """pycountry's names, then the TOML's aliases, exclusions, display names and demonyms."""
    data, _ = load_toml(path)
    excluded = set(strings(data.get("exclude", {}).get("names", []), path, "exclude.names"))
    result = Countries(source=str(path))
    for country in iso_countries():
        code = country["alpha_3"]
        names = [country.get("common_name"), country["name"], country.get("official_name")]
        for name in names:
            if name and "," not in name and "(" not in name and name not in excluded:
                result.by_name.setdefault(name, code)
        first = next((n for n in names if n and "," not in n and "(" not in n), country["name"])
        result.display_names.setdefault(code, first)
    for code, aliases in table(data, "aliases", path).items():
        for alias in strings(aliases, path, f"aliases.{code}"):
            result.by_name[alias] = code
    for code, name in table(data, "display", path).items():
        result.display_names[code] = str(name)
    for code, words in table(data, "demonyms", path).items():
        for word in strings(words, path, f"demonyms.{code}"):
            result.demonyms[word] = code
    for code, cities in table(data, "capitals", path).items():
        for city in strings(cities, path, f"capitals.{code}"):
            result.by_name[city] = code
            result.capitals.add(city)
    for name, words in table(data, "not-after", path).items():
        result.not_after[name] = strings(words, path, f"not-after.{name}")
    for name, code in list(result.by_name.items()):  # headlines in capitals: "BELGIUM WANTS IN"
        if len(name) > 3:
            result.by_name.setdefault(name.upper(), code)
    return result


def iso_countries() -> list[dict[str, str]]:
    """pycountry's ISO 3166-1 records, in its order, through its public API."""
    import pycountry

    fields = ("alpha_3", "name", "common_name", "official_name")
    return [{f: getattr(c, f) for f in fields if getattr(c, f, None) is not None} for c in pycountry.countries]
