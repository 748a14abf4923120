"""Membership and Aspirant are one kind of record, a dated Period (issue 17: one dataclass
shape, not two): the knowledge files' words (joined/left, since/until) read its bounds."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newslint.knowledge.organisations import Aspirant, Membership, Period

D = dt.date


def test_a_membership_reads_its_bounds_as_joined_and_left() -> None:
    period = Membership("GB", D(1973, 1, 1), D(2020, 1, 31), status="member", also=(1972,))
    assert (period.joined, period.left, period.also) == (D(1973, 1, 1), D(2020, 1, 31), (1972,))
    assert period.covers(D(1973, 1, 1)) and period.covers(D(2020, 1, 31))
    assert not period.covers(D(1972, 12, 31)) and not period.covers(D(2020, 2, 1))


def test_an_aspirant_reads_its_bounds_as_since_and_until_and_may_be_open() -> None:
    period = Aspirant("UA", D(2022, 6, 23))
    assert (period.since, period.until) == (D(2022, 6, 23), None)
    assert period.covers(D(2030, 1, 1)) and not period.covers(D(2022, 6, 22))


def test_periods_are_frozen_and_share_one_base() -> None:
    period = Membership("FR", D(1958, 1, 1))
    assert isinstance(period, Period) and isinstance(Aspirant("TR", D(1999, 12, 10)), Period)
    with pytest.raises(dataclasses.FrozenInstanceError):
        period.start = D(1957, 1, 1)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        period.joined = D(1957, 1, 1)  # type: ignore[misc]
