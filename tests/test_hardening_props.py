"""The file system fuzz targets of issue 16 (fuzz/fs_targets.py) as property tests: random trees
of links, FIFOs and loops are walked without leaving the folders given; reports written to random
kinds of target keep the target's kind. CI runs a bounded, derandomised number of examples;
``HYPOTHESIS_PROFILE=long`` searches longer (as in tests/test_properties.py)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))

from fs_targets import check_outputs, check_paths, outputs, trees  # noqa: E402

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
PROFILE = settings(max_examples=2000 if LONG else 40, derandomize=not LONG, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))


@PROFILE
@given(trees())
def test_walks_end_and_stay_inside(case: tuple[list[tuple[int, str]], bool]) -> None:
    check_paths(case)


@PROFILE
@given(outputs())
def test_reports_keep_the_kind_of_their_target(case: tuple[str, str]) -> None:
    check_outputs(case)


def test_the_targets_catch_a_walk_that_follows_links_out() -> None:
    """The property is not vacuous: a walk that followed every link would fail it."""
    import pytest

    import newslint.walk as walk

    real = walk.link_problem
    try:
        walk.link_problem = lambda path, w: None  # type: ignore[assignment]
        with pytest.raises(AssertionError, match="left the tree"):
            check_paths(([(0, "link-out")], False))
    finally:
        walk.link_problem = real
