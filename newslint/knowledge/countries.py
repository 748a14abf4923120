"""Country names: ISO names from pycountry plus the aliases news copy uses."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from ..model import NewslintError
from ..toml import load_toml


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
            self._compiled = regex.compile(self.pattern())
        return self._compiled

    def demonym_pattern(self) -> str:
        return _alternation(self.demonyms, {})


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _alternation(names: dict[str, str], not_after: dict[str, list[str]]) -> str:
    parts = []
    for name in sorted(names, key=lambda n: (-len(n), n)):
        body = regex.escape(name)
        guards = "".join(f"(?<!{regex.escape(w)}\\s)" for w in not_after.get(name, ()))
        parts.append(guards + body)
    return r"(?<![\w.-])(?:" + "|".join(parts) + r")(?![\w-])"


def load_countries(path: Path) -> Countries:
    """pycountry's names, then the TOML's aliases, exclusions, display names and demonyms."""
    import pycountry

    data, _ = load_toml(path)
    excluded = set(_strings(data.get("exclude", {}).get("names", []), path, "exclude.names"))
    result = Countries(source=str(path))
    for country in pycountry.countries:
        code = country.alpha_3
        names = [getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)]
        for name in names:
            if name and "," not in name and "(" not in name and name not in excluded:
                result.by_name.setdefault(name, code)
        first = next((n for n in names if n and "," not in n and "(" not in n), country.name)
        result.display_names.setdefault(code, first)
    for code, aliases in _table(data, "aliases", path).items():
        for alias in _strings(aliases, path, f"aliases.{code}"):
            result.by_name[alias] = code
    for code, name in _table(data, "display", path).items():
        result.display_names[code] = str(name)
    for code, words in _table(data, "demonyms", path).items():
        for word in _strings(words, path, f"demonyms.{code}"):
            result.demonyms[word] = code
    for code, cities in _table(data, "capitals", path).items():
        for city in _strings(cities, path, f"capitals.{code}"):
            result.by_name[city] = code
            result.capitals.add(city)
    for name, words in _table(data, "not-after", path).items():
        result.not_after[name] = _strings(words, path, f"not-after.{name}")
    for name, code in list(result.by_name.items()):  # headlines in capitals: "BELGIUM WANTS IN"
        if len(name) > 3:
            result.by_name.setdefault(name.upper(), code)
    return result


def _table(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise NewslintError(f"{path}: [{key}] must be a table")
    return value


def _strings(value: Any, path: Path, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise NewslintError(f"{path}: {where} must be a list of strings")
    return value
