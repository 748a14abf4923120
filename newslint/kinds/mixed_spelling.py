"""``mixed-spelling``: one listed name or place spelled two ways in one article
(Zelensky and Zelenskyy, Turkey and Türkiye).

(Kind ``name-consistency`` before issue 17; that name still works and is deprecated,
as does ``name-groups`` with ``mode = "mixed"``.)

The form the article uses most stays (ties: the form used first); every use of
another variant of the group is flagged, and the fix (the majority form) is unsafe,
applied on request by ``--fix-consistency``. Uses that a ``house-spelling`` rule with
the same groups would flag under the article's preset and date are not counted, so
that one word never gets two findings. Fields as for ``house-spelling``
(:mod:`.house_spelling`), usually ``groups-from`` naming the house-spelling rule of
the same pack so that the groups live once. Message placeholders: {match},
{replacement}, {preferred}, {count}, {times}, {lines}, {match_lines}, {label}.
"""
from __future__ import annotations

from typing import Any

from .base import PackError
from .house_spelling import Kind as HouseSpelling


class Kind(HouseSpelling):
    # ``mode`` stays a field so that old ``name-groups`` rules with mode = "mixed" load here

    def configure(self, spec: dict[str, Any]) -> None:
        if spec.get("mode", "mixed") != "mixed":
            raise PackError("a mixed-spelling rule only checks mixing; use kind house-spelling for house style")
        super().configure({**spec, "mode": "mixed"})
