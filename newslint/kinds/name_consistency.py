"""``name-consistency``: one known name or place spelled two ways in one article.

The ``name-groups`` kind in mixed mode (see :mod:`newslint.kinds.name_groups`),
under its own kind name so that ``--fix-consistency`` knows its unsafe fixes
(the majority form) are the ones to apply on request. Usually declared with
``groups-from`` pointing at the house-spelling rule of the same pack.
"""
from __future__ import annotations

from typing import Any

from .base import PackError
from .name_groups import Kind as NameGroups


class Kind(NameGroups):
    fields = {k: v for k, v in NameGroups.fields.items() if k != "mode"}

    def configure(self, spec: dict[str, Any]) -> None:
        if spec.get("mode", "mixed") != "mixed":
            raise PackError("a name-consistency rule only checks mixing; use kind name-groups for house style")
        super().configure({**spec, "mode": "mixed"})
