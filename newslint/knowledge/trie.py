"""Alternations of many literal names written as a trie.

``Albania|Algeria|...`` with 900 country names is tried name by name at every
position of the text, and the `regex` module parses such a pattern slowly (each
trigger embeds it several times). The same names as a trie
(``A(?:l(?:bania|geria)|...)``) fail on the first letter that fits no name, and
are a fraction of the size. The trie tries longer names before shorter ones at
the same position, as a longest-first alternation does, so matches are unchanged.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

import regex

_END = ""  # key of a node's "a name ends here" entry


def trie_pattern(names: Iterable[str], guards: Mapping[str, str] | None = None) -> str:
    """A group-free pattern matching exactly the ``names``, longest first at each position.

    ``guards`` maps a name to a zero-width pattern that must hold at the position
    where the name *ends* (e.g. ``(?<!New\\sGuinea)``); it is tested only for that
    name, so a failed guard lets the match fall back to a shorter name.
    """
    root: dict[str, dict] = {}
    for name in names:
        if not name:
            raise ValueError("names must not be empty")
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[_END] = {"guard": (guards or {}).get(name, "")}
    if not root:
        return "(?!)"
    return _emit(root)


@lru_cache(maxsize=4096)
def _escape(char: str) -> str:
    return regex.escape(char)


def _emit(node: dict[str, dict]) -> str:
    branches = []
    for char in sorted(k for k in node if k != _END):
        prefix, child = _escape(char), node[char]
        # Follow a chain of single-child nodes where no name ends: one literal run.
        while _END not in child and len(child) == 1:
            (next_char, grandchild), = child.items()
            prefix += _escape(next_char)
            child = grandchild
        branches.append(prefix + _emit(child))
    if _END in node:
        end = node[_END]["guard"]
        if not branches:
            return end
        if not end:  # optional rest: tried before ending here, so longer names come first
            body = branches[0] if len(branches) == 1 else "|".join(branches)
            return f"(?:{body})?"
        branches.append(end)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
