"""Named word lists for the entity rules' patterns (``rules/data/entity-words.toml``).

A pattern in ``rules/entities.toml`` writes ``{words:reporting-verbs}`` where it needs
"said, told, announced, ..."; the list lives in the data file, one readable word or
phrase per entry, so an editor adds a word without touching a regular expression.
``{words:months}`` and ``{words:weekdays}`` come from ``rules/data/calendar.toml``.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..kinds.base import PackError

WORDS_DATA = ("data", "entity-words.toml")  # under rules/
_REFERENCE = regex.compile(r"\{words:([a-z][a-z-]*)\}")


def fill_words(source: str, what: str) -> str:
    """``source`` with each ``{words:NAME}`` replaced by its list as a non-capturing
    alternation (longest entry first; a space in an entry matches any run of spaces)."""
    if "{words:" not in source:
        return source
    lists = word_lists()

    def one(match: regex.Match[str]) -> str:
        name = match.group(1)
        if name not in lists:
            raise PackError(f"{what} uses an unknown word list {{words:{name}}} (one of: "
                            + ", ".join(sorted(lists)) + f"; lists are in rules/{'/'.join(WORDS_DATA)})")
        return lists[name]

    return _REFERENCE.sub(one, source)


@lru_cache(maxsize=1)
def word_lists() -> dict[str, str]:
    """Every list of the data file (and the calendar's names), as alternations."""
    from ..calendar_names import month_names, weekday_name
    from ..records import NewslintError
    from ..resources import data_path
    from ..toml import load_toml

    path = data_path(*WORDS_DATA)
    data, _ = load_toml(path)
    table = data.get("words")
    if not isinstance(table, dict):
        raise NewslintError(f"{path}: needs a [words] table of word lists")
    raw: dict[str, list[str]] = {"months": list(month_names()), "weekdays": [weekday_name(i) for i in range(7)]}
    for name, entries in table.items():
        if not isinstance(entries, list) or not entries or not all(isinstance(e, str) and e.strip() for e in entries):
            raise NewslintError(f"{path}: '{name}' must be a non-empty list of words or phrases")
        raw[name] = entries
    return {name: alternation(entries) for name, entries in raw.items()}


def alternation(entries: list[str]) -> str:
    """"(?:prior\\s+to|since|...)": the entries escaped, longest first, spaces as ``\\s+``."""
    escaped = {r"\s+".join(regex.escape(part) for part in entry.split()) for entry in entries}
    return "(?:" + "|".join(sorted(escaped, key=lambda e: (-len(e), e))) + ")"
