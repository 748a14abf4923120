"""Disjoint sets: which of many names are one name, once pairs of them are known to be.

Used where spellings are joined pair by pair into groups (NL103's clusters in one article,
the archive's across articles), so that the grouping is written once.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Items start alone; :meth:`union` joins two groups."""

    def __init__(self, items: Iterable[T]) -> None:
        self.parent: dict[T, T] = {item: item for item in items}

    def find(self, item: T) -> T:
        """The item that stands for the group (path halving keeps chains short)."""
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: T, b: T) -> None:
        self.parent[self.find(b)] = self.find(a)

    def groups(self) -> list[list[T]]:
        """Every group, in the order of its first item; items in their own order."""
        found: dict[T, list[T]] = {}
        for item in self.parent:
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())
