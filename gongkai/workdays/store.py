"""The calendar in the database: reading it fast, and every edit as one action.

`current_calendar()` is what the rest of the platform calls to count working days.
It is built from `CalendarDay`/`CalendarYear` once and kept in the process and in
Django's cache, under a version token. Each edit replaces the token when its
transaction commits (`calendar_changed`), so every app server sees the edit on its
next call, and none caches data from before the commit under the new token.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction

from gongkai.eventlog.log import record
from gongkai.workdays.core import Calendar, SpecialDay, is_weekday
from gongkai.workdays.models import CalendarDay, CalendarYear
from gongkai.workdays.seed import PACKAGE_SOURCE, PACKAGE_YEARS, package_days

VERSION_KEY = "workdays:calendar:version"
_in_process: tuple[str, Calendar] | None = None


def current_calendar() -> Calendar:
    """The calendar as the database holds it (one cache read per call when unchanged)."""
    global _in_process
    version = _version()
    if _in_process is not None and _in_process[0] == version:
        return _in_process[1]
    key = f"workdays:calendar:{version}"
    calendar = cache.get(key)
    if calendar is None:
        calendar = calendar_from_db()
        cache.set(key, calendar, timeout=7 * 24 * 3600)
    _in_process = (version, calendar)
    return calendar


def calendar_changed() -> None:
    """Make every process rebuild the calendar on its next call.

    A fresh random token rather than a counter: if the cache is flushed, the token is
    new too, so no process keeps serving a calendar built before the flush.
    """
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _after_calendar_edit() -> None:
    """Once an edit commits: drop cached calendars, then re-derive every open
    application's due date from it (the brief: due dates follow the calendar).

    An explicit call rather than a signal, so the workflow reads top to bottom; the
    import is local because applications build on workdays, not the other way round.
    """
    from gongkai.applications.deadlines import recompute_open_deadlines

    calendar_changed()
    recompute_open_deadlines()


def calendar_from_db() -> Calendar:
    days = CalendarDay.objects.values_list("date", "is_workday", "name")
    years = CalendarYear.objects.values_list("year", flat=True)
    return Calendar({d: (is_work, name) for d, is_work, name in days}, frozenset(years))


def _version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


# --- edits: one transaction each, with its event row ---------------------------------


def set_day(
    date: datetime.date, is_workday: bool, name: str, source: str, *, acting_user
) -> CalendarDay | None:
    """Make `date` a holiday or a working day. A day set back to the plain Mon–Fri rule
    without a name loses its row (rules.md §1: rows only for dates that differ)."""
    _require_county_office(acting_user)
    with transaction.atomic():
        row = CalendarDay.objects.select_for_update().filter(date=date).first()
        before = _state(row.is_workday) if row else _state(is_weekday(date))
        plain = is_workday == is_weekday(date) and not name
        if plain and row is None:
            return None
        if plain:
            record(
                row,
                "day_cleared",
                actor=acting_user,
                from_state=before,
                to_state=_state(is_workday),
                data=_day_data(date, is_workday, name, source),
            )
            row.delete()
            transaction.on_commit(_after_calendar_edit)
            return None
        row = row or CalendarDay(date=date)
        row.is_workday, row.name, row.source = is_workday, name, source
        row.updated_by = _user_or_none(acting_user)
        row.save()
        record(
            row,
            "day_set",
            actor=acting_user,
            from_state=before,
            to_state=_state(is_workday),
            data=_day_data(date, is_workday, name, source),
        )
        transaction.on_commit(_after_calendar_edit)
        return row


def load_year(year: int, days: Iterable[SpecialDay], source: str, *, acting_user) -> CalendarYear:
    """Replace the year's special days with the official ones and mark it loaded.

    Days of a neighbouring year in the same notice (元旦 2018-12-30 in the 2019 notice)
    are written too, without touching the rest of that year.
    """
    _require_county_office(acting_user)
    days = list(days)
    with transaction.atomic():
        replaced, _ = CalendarDay.objects.filter(date__year=year).delete()
        user = _user_or_none(acting_user)
        for day in days:
            CalendarDay.objects.update_or_create(
                date=day.on,
                defaults={
                    "is_workday": day.is_workday,
                    "name": day.name,
                    "source": source,
                    "updated_by": user,
                },
            )
        loaded, created = CalendarYear.objects.update_or_create(
            year=year, defaults={"source": source, "loaded_by": user}
        )
        record(
            loaded,
            "year_loaded",
            actor=acting_user,
            from_state="" if created else "loaded",
            to_state="loaded",
            data={
                "source": source,
                "holidays": sum(1 for d in days if not d.is_workday),
                "workdays": sum(1 for d in days if d.is_workday),
                "replaced": replaced,
            },
        )
        transaction.on_commit(_after_calendar_edit)
        return loaded


def seed_missing_years(*, acting_user) -> list[int]:
    """Load every year the chinesecalendar package covers and the database lacks."""
    present = set(CalendarYear.objects.values_list("year", flat=True))
    missing = [year for year in PACKAGE_YEARS if year not in present]
    for year in missing:
        load_year(year, package_days(year), PACKAGE_SOURCE, acting_user=acting_user)
    return missing


def _state(is_workday: bool) -> str:
    return "workday" if is_workday else "holiday"


def _day_data(date, is_workday, name, source) -> dict:
    return {"date": date.isoformat(), "is_workday": is_workday, "name": name, "source": source}


def _require_county_office(actor) -> None:
    """The calendar moves every agency's statutory due dates: a person editing it must be
    the county office (the root agency's office administrator). The command line and the
    data migrations pass a name, not a user."""
    from gongkai.agencies.access import scope_of

    if getattr(actor, "is_authenticated", False) and not scope_of(actor).is_county_office:
        raise PermissionDenied("只有县政务公开办管理员可以修改工作日历。")


def _user_or_none(actor):
    """Edits from the command line pass a name (a string) as the actor."""
    return actor if getattr(actor, "is_authenticated", False) else None
