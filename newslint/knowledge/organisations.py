"""Organisations and their dated memberships, as stored in ``rules/knowledge``.

A membership is a period ``joined`` .. ``left`` (inclusive; open-ended if still a
member) with a status: ``member``, or ``partial`` / ``ambiguous`` for periods
where copy could defensibly say either (Schengen air borders only; Saudi Arabia
and BRICS). Checks flag only what is false at *every* moment a sentence could
refer to, so unclear periods keep them quiet.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import NewslintError
from ..toml import load_toml
from .countries import Countries

MEMBER = "member"
NON_MEMBER = "non-member"
UNCLEAR = "unclear"
FIRM_STATUSES = {"member"}
UNCLEAR_STATUSES = {"partial", "ambiguous"}
Interval = tuple[dt.date, dt.date]
ONE_DAY = dt.timedelta(days=1)
APPLICANT_LEAD = dt.timedelta(days=400)  # application to candidate status, as copy blurs them


@dataclass(frozen=True)
class Period:
    """A country's (or, in ``bodies``, a member body's) dated tie to an organisation,
    ``start`` .. ``end`` inclusive (open if ``end`` is None)."""

    country: str
    start: dt.date
    end: dt.date | None = None
    note: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def _alias(field_name: str) -> property:
    """The knowledge files' own word for a period's bound (``joined``, ``since``), read-only."""
    return property(lambda self: getattr(self, field_name), doc=f"the period's {field_name}")


@dataclass(frozen=True)
class Membership(Period):
    """A period of membership: ``joined`` .. ``left``, with a status and other years copy may give."""

    status: str = "member"
    also: tuple[int, ...] = ()
    place: int | None = None  # its place in the order of joining, when members joined on one day
    joined = _alias("start")
    left = _alias("end")


@dataclass(frozen=True)
class Aspirant(Period):
    """A period as a candidate or applicant: ``since`` .. ``until``."""

    since = _alias("start")
    until = _alias("end")


@dataclass
class Organisation:
    """One organisation's names, members over time and aspirants."""

    id: str
    name: str
    names: list[str]
    founded: dt.date
    path: str
    source: str = ""
    nouns: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    #: Bodies of the organisation ("European Commission"): copy about them is about it,
    #: so they make it the topic and what "the bloc" refers to, but are never joined.
    institutions: list[str] = field(default_factory=list)
    member_words: list[str] = field(default_factory=list)
    member_phrase: str = ""
    dissolved: dt.date | None = None
    counts: bool = False
    #: From this day the file lists every candidate, so a country outside the list is none.
    candidates_complete: dt.date | None = None
    #: Counts are checked only from this day (earlier ones need states the file cannot list).
    counts_since: dt.date | None = None
    #: Words after a name that make it another body ("Commonwealth of Independent States").
    not_followed_by: list[str] = field(default_factory=list)
    members: list[Membership] = field(default_factory=list)
    aspirants: list[Aspirant] = field(default_factory=list)
    #: Members that are not countries (the EU and the African Union in the G20): copy
    #: counts them or not, so each adds one to the counts that are right.
    bodies: list[Period] = field(default_factory=list)

    # ----- one day ------------------------------------------------------------------------
    def status(self, country: str, day: dt.date) -> str:
        """member / non-member / unclear, for one country on one day."""
        for period in self.members:
            if period.country == country and period.covers(day):
                return MEMBER if period.status in FIRM_STATUSES else UNCLEAR
        return NON_MEMBER

    def count(self, day: dt.date) -> tuple[int, int]:
        """(firm members, members whose status is unclear) on a day."""
        firm = unclear = 0
        for period in self.members:
            if period.covers(day):
                if period.status in FIRM_STATUSES:
                    firm += 1
                else:
                    unclear += 1
        unclear += sum(1 for body in self.bodies if body.covers(day))
        return firm, unclear

    def aspirants_on(self, day: dt.date) -> list[str]:
        """Countries recognised as aspirants or candidates on a day, in file order."""
        seen: list[str] = []
        for aspirant in self.aspirants:
            outside = self.status(aspirant.country, day) == NON_MEMBER
            if aspirant.covers(day) and aspirant.country not in seen and outside:
                seen.append(aspirant.country)
        return seen

    def period(self, country: str, day: dt.date) -> Membership | None:
        """The membership period covering the day, or the last one before it."""
        best = None
        for period in self.members:
            if period.country == country and period.joined <= day:
                if period.covers(day):
                    return period
                if best is None or period.joined > best.joined:
                    best = period
        return best

    def first_joined(self, country: str) -> dt.date | None:
        dates = [p.joined for p in self.members if p.country == country]
        return min(dates) if dates else None

    # ----- over intervals ---------------------------------------------------------------------
    def _moments(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """The days in [start, end] on which some membership fact can differ."""
        start = max(start, self.founded)
        if end < start:
            return []
        days = {start}
        for period in [*self.members, *self.bodies]:
            for edge in (period.start, (period.end + ONE_DAY) if period.end else None):
                if edge is not None and start < edge <= end:
                    days.add(edge)
        return sorted(days)

    def always(self, country: str, want: str, intervals: Iterable[Interval]) -> bool:
        """Whether the country had status ``want`` at every moment of every interval."""
        checked = False
        for start, end in intervals:
            for day in self._moments(start, end):
                checked = True
                if self.status(country, day) != want:
                    return False
        return checked

    def counts_known(self, intervals: Iterable[Interval]) -> bool:
        """Whether the file can give the member count at every moment of the intervals."""
        return self.counts and (self.counts_since is None or all(start >= self.counts_since
                                                                 for start, _ in intervals))

    def counts_during(self, intervals: Iterable[Interval]) -> set[int]:
        """Every member count that was right at some moment of the intervals."""
        possible: set[int] = set()
        for start, end in intervals:
            for day in self._moments(start, end):
                firm, unclear = self.count(day)
                possible.update(range(firm, firm + unclear + 1))
        return possible

    def newest(self, day: dt.date, count: int = 1) -> set[str]:
        """The members on a day that joined last (several when they joined together); with
        ``count``, the last ``count`` to join ("the two newest members")."""
        current = sorted((p for p in self.members if p.covers(day) and p.status in FIRM_STATUSES),
                         key=lambda p: p.joined, reverse=True)
        if not current:
            return set()
        last = current[min(count, len(current)) - 1].joined
        return {p.country for p in current if p.joined >= last}

    def newest_during(self, intervals: Iterable[Interval], count: int = 1) -> set[str]:
        """Every country that was among the ``count`` newest members at some moment of the
        intervals."""
        found: set[str] = set()
        for start, end in intervals:
            for day in self._moments(start, end):
                found |= self.newest(day, count)
        return found

    def never_candidate(self, country: str, intervals: Iterable[Interval]) -> bool:
        """Whether the country was neither a member nor a listed candidate at every moment
        of the intervals, all of them in the stretch where the candidate list is complete."""
        if self.candidates_complete is None:
            return False
        checked = False
        for start, end in intervals:
            if start < self.candidates_complete:
                return False
            days = set(self._moments(start, end)) | {end}
            days |= {a.since for a in self.aspirants if start <= a.since <= end}
            for day in days:
                checked = True
                if self.status(country, day) != NON_MEMBER:
                    return False
                # copy calls applicants candidates: status follows an application within a year or so
                if any(a.country == country and a.covers(day + APPLICANT_LEAD) for a in self.aspirants) or \
                        any(a.country == country and a.covers(day) for a in self.aspirants):
                    return False
        return checked

    def ordinals(self, country: str) -> set[int]:
        """The places in order of joining a country can be given: joining on day d as the
        n-th is right if n lies between the count before d (exclusive) and the count on d,
        since countries that joined together share the day."""
        found: set[int] = set()
        for period in self.members:
            if period.country == country and period.place is not None:
                found.add(period.place)  # the organisation's own order ("Gabon and Togo, the 55th and 56th")
            elif period.country == country:
                before = self.count(period.joined - ONE_DAY)
                after = self.count(period.joined)
                found.update(range(before[0] + 1, after[0] + after[1] + 1))
        return found

    def exists_on(self, day: dt.date) -> bool:
        return self.founded <= day and (self.dissolved is None or day <= self.dissolved)


def load_organisation(path: Path, countries: Countries) -> Organisation:
    """Read one organisation file; errors name the file and say what is wrong."""
    data, _ = load_toml(path)
    head = data.get("organisation")
    if not isinstance(head, dict):
        raise NewslintError(f"{path}: needs an [organisation] table")
    try:
        org = Organisation(
            id=_str(head, "id", path), name=_str(head, "name", path),
            names=_strs(head.get("names"), path, "names"),
            founded=_date(head.get("founded"), path, "founded"),
            path=_display_path(path), source=str(head.get("source", "")),
            nouns=_strs(head.get("nouns", []), path, "nouns"),
            mentions=_strs(head.get("mentions", []), path, "mentions"),
            institutions=_strs(head.get("institutions", []), path, "institutions"),
            member_words=_strs(head.get("member-words", ["member", "members"]), path, "member-words"),
            member_phrase=str(head.get("member-phrase", f"a member of {head.get('name', '')}")),
            dissolved=_date(head["dissolved"], path, "dissolved") if "dissolved" in head else None,
            counts=bool(head.get("counts", False)),
            candidates_complete=(_date(head["candidates-complete-since"], path, "candidates-complete-since")
                                 if "candidates-complete-since" in head else None),
            counts_since=_date(head["counts-since"], path, "counts-since") if "counts-since" in head else None,
            not_followed_by=_strs(head.get("not-followed-by", []), path, "not-followed-by"),
        )
    except KeyError as exc:
        raise NewslintError(f"{path}: [organisation] lacks {exc}") from None
    if org.id != path.stem:
        raise NewslintError(f"{path}: the organisation id '{org.id}' must match the file name '{path.stem}'")
    known = set(countries.display_names)
    for i, row in enumerate(_rows(data, "members", path)):
        code = _country(row, path, f"members #{i + 1}", known)
        status = str(row.get("status", "member"))
        if status not in FIRM_STATUSES | UNCLEAR_STATUSES:
            raise NewslintError(f"{path}: members #{i + 1}: unknown status '{status}'")
        left = _date(row["left"], path, "left") if "left" in row else None
        also = row.get("also-years", [])
        if not isinstance(also, list) or not all(isinstance(y, int) for y in also):
            raise NewslintError(f"{path}: members #{i + 1}: 'also-years' must be a list of years")
        place = row.get("place")
        if place is not None and (not isinstance(place, int) or place < 1):
            raise NewslintError(f"{path}: members #{i + 1}: 'place' must be a whole number of at least 1")
        org.members.append(Membership(code, _date(row.get("joined"), path, f"members #{i + 1} joined"), left,
                                      note=str(row.get("note", "")), status=status, also=tuple(also), place=place))
    for i, row in enumerate(_rows(data, "aspirants", path)):
        code = _country(row, path, f"aspirants #{i + 1}", known)
        until = _date(row["until"], path, "until") if "until" in row else None
        org.aspirants.append(Aspirant(code, _date(row.get("since"), path, f"aspirants #{i + 1} since"), until,
                                      str(row.get("note", ""))))
    for i, row in enumerate(_rows(data, "bodies", path)):
        name = row.get("name")
        if not isinstance(name, str) or not name:
            raise NewslintError(f"{path}: bodies #{i + 1}: needs a 'name'")
        left = _date(row["left"], path, "left") if "left" in row else None
        org.bodies.append(Period(name, _date(row.get("joined"), path, f"bodies #{i + 1} joined"), left,
                                 str(row.get("note", ""))))
    return org


def name_alternatives(orgs: Iterable[Organisation]) -> list[str]:
    """Every organisation name as a regular-expression alternative, longest first, each
    guarded by its organisation's ``not-followed-by`` words: "Commonwealth" but not
    "Commonwealth of Independent States". Works with ``re`` and ``regex`` alike."""
    import re

    guards: dict[str, list[str]] = {}
    for org in reversed(list(orgs)):
        for name in org.names:
            guards[name] = org.not_followed_by
    found = []
    for name in sorted(guards, key=lambda n: (-len(n), n)):
        words = guards[name]
        guard = (r"(?!\s+(?:" + "|".join(r"\s+".join(re.escape(w) for w in phrase.split())
                                        for phrase in words) + r")(?![\w-]))") if words else ""
        found.append(re.escape(name) + guard)
    return found


def _display_path(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[-3:]) if len(parts) >= 3 and parts[-2] == "knowledge" else str(path)


def _rows(data: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    rows = data.get(key, [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise NewslintError(f"{path}: '{key}' must be an array of tables ([[{key}]])")
    return rows


def _country(row: dict[str, Any], path: Path, where: str, known: set[str]) -> str:
    code = row.get("country")
    if not isinstance(code, str) or code not in known:
        raise NewslintError(f"{path}: {where}: country must be an ISO 3166 alpha-3 code, not {code!r}")
    return code


def _str(table: dict[str, Any], key: str, path: Path) -> str:
    value = table[key]
    if not isinstance(value, str) or not value:
        raise NewslintError(f"{path}: '{key}' must be a non-empty string")
    return value


def _strs(value: Any, path: Path, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise NewslintError(f"{path}: '{key}' must be a list of strings")
    return value


def _date(value: Any, path: Path, key: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise NewslintError(f"{path}: '{key}' must be a date written YYYY-MM-DD, not {value!r}")
