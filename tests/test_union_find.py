"""Names joined pair by pair into groups (NL103 in one article, the archive across articles)."""
from __future__ import annotations

from newslint.union_find import UnionFind


def test_pairs_join_into_groups_in_first_use_order() -> None:
    same = UnionFind(["Zhovka", "Kyiv", "Zhovkva", "Zhowkwa", "Kiev", "Lviv"])
    same.union("Zhovkva", "Zhovka")
    same.union("Zhowkwa", "Zhovkva")
    same.union("Kiev", "Kyiv")
    assert same.groups() == [["Zhovka", "Zhovkva", "Zhowkwa"], ["Kyiv", "Kiev"], ["Lviv"]]
    assert same.find("Zhowkwa") == same.find("Zhovka") != same.find("Lviv")


def test_joining_twice_or_in_either_order_changes_nothing() -> None:
    one, two = UnionFind("abcd"), UnionFind("abcd")
    one.union("a", "b"), one.union("c", "d"), one.union("b", "a")
    two.union("d", "c"), two.union("b", "a")
    assert one.groups() == two.groups() == [["a", "b"], ["c", "d"]]
