"""Working-day arithmetic (rules.md §1), without Django.

A working day is a Monday–Friday that is not a statutory holiday, plus every make-up
working day (调休) the State Council announces. The calendar is data: `overrides`
holds every date that differs from the Mon–Fri rule (holidays may also be kept on
weekends, for their names), and `loaded_years` the years whose official notice has
been loaded completely.

A date in a year that is not loaded counts Mon–Fri, and every result that depends on
such a date is marked provisional: it must never raise (rules.md §1).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class SpecialDay:
    """One date that differs from the Mon–Fri rule, or a named holiday."""

    on: datetime.date
    is_workday: bool
    name: str = ""


@dataclass(frozen=True)
class WorkdayDate:
    """A date found by counting working days; provisional when the count crossed a year
    whose official holiday data is not loaded."""

    date: datetime.date
    provisional: bool = False


def is_weekday(d: datetime.date) -> bool:
    return d.weekday() < 5


@dataclass(frozen=True)
class Calendar:
    """The working-day calendar: overrides {date: (is_workday, name)} + loaded years."""

    overrides: Mapping[datetime.date, tuple[bool, str]] = field(default_factory=dict, hash=False)
    loaded_years: frozenset[int] = frozenset()

    def __post_init__(self):
        # Frozen for real: callers may keep the dict they passed in and change it later.
        object.__setattr__(self, "overrides", MappingProxyType(dict(self.overrides)))
        object.__setattr__(self, "loaded_years", frozenset(self.loaded_years))

    def __reduce__(self):
        # Pickled into Django's cache (store.py); a mappingproxy cannot be pickled itself.
        return (Calendar, (dict(self.overrides), self.loaded_years))

    @classmethod
    def from_days(cls, days: Iterable[SpecialDay], loaded_years: Iterable[int]) -> Calendar:
        return cls({d.on: (d.is_workday, d.name) for d in days}, frozenset(loaded_years))

    # --- single days -------------------------------------------------------------

    def is_loaded(self, year: int) -> bool:
        return year in self.loaded_years

    def is_workday(self, d: datetime.date) -> bool:
        # 调休: an override wins over the weekday, in either direction.
        if d in self.overrides:
            return self.overrides[d][0]
        return is_weekday(d)

    def name(self, d: datetime.date) -> str:
        """The holiday or make-up day's name (春节, 国庆节…), or ""."""
        return self.overrides.get(d, (False, ""))[1]

    def special_days(self, year: int) -> list[SpecialDay]:
        """The year's overrides, in date order."""
        return [
            SpecialDay(on, is_work, name)
            for on, (is_work, name) in sorted(self.overrides.items())
            if on.year == year
        ]

    # --- counting ----------------------------------------------------------------

    def add_workdays(
        self,
        start: datetime.date,
        n: int,
        *,
        excluding: Iterable[tuple[datetime.date, datetime.date]] = (),
    ) -> WorkdayDate:
        """The n-th working day after `start` (rules.md §1: the day D itself is not
        counted). `excluding` lists inclusive date ranges whose working days do not
        count (the clock's pauses). n == 0 gives `start` back."""
        if n < 0:
            raise ValueError("n must be ≥ 0")
        skipped = tuple(excluding)
        day, counted, provisional = start, 0, False
        while counted < n:
            day += ONE_DAY
            provisional = provisional or not self.is_loaded(day.year)
            if self.is_workday(day) and not _within(day, skipped):
                counted += 1
        return WorkdayDate(day, provisional)

    def workdays_between(self, a: datetime.date, b: datetime.date) -> int:
        """Working days in (a, b]; negative when b is before a."""
        if b < a:
            return -self.workdays_between(b, a)
        return sum(1 for d in _days_after(a, b) if self.is_workday(d))

    def touches_unloaded_year(self, a: datetime.date, b: datetime.date) -> bool:
        """Whether any day of (a, b] lies in a year without loaded data."""
        low, high = min(a, b), max(a, b)
        if low == high:
            return False
        return any(not self.is_loaded(y) for y in range((low + ONE_DAY).year, high.year + 1))

    def next_workday(self, d: datetime.date) -> WorkdayDate:
        """The first working day after d."""
        return self.add_workdays(d, 1)

    def previous_workday(self, d: datetime.date) -> WorkdayDate:
        """The last working day before d."""
        day, provisional = d, False
        while True:
            day -= ONE_DAY
            provisional = provisional or not self.is_loaded(day.year)
            if self.is_workday(day):
                return WorkdayDate(day, provisional)


def _days_after(a: datetime.date, b: datetime.date) -> Iterator[datetime.date]:
    day = a
    while day < b:
        day += ONE_DAY
        yield day


def _within(day: datetime.date, ranges: tuple[tuple[datetime.date, datetime.date], ...]) -> bool:
    return any(first <= day <= last for first, last in ranges)
