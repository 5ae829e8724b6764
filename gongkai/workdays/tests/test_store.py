"""The calendar in the database: seed, edits with their events, the shared cache."""

import datetime as dt

import pytest
from django.core.cache import cache

from gongkai.eventlog.log import history
from gongkai.workdays import store
from gongkai.workdays.core import SpecialDay, WorkdayDate
from gongkai.workdays.models import CalendarDay, CalendarYear
from gongkai.workdays.seed import PACKAGE_YEARS, package_calendar

D = dt.date
pytestmark = pytest.mark.django_db


def test_the_migration_seeds_every_year_of_the_package():
    assert sorted(CalendarYear.objects.values_list("year", flat=True)) == list(PACKAGE_YEARS)
    seeded = store.calendar_from_db()
    assert seeded == package_calendar()
    assert CalendarDay.objects.get(date=D(2026, 1, 4)).is_workday  # 调休 Sunday is a row


def test_the_current_calendar_gives_the_worked_example():
    assert store.current_calendar().add_workdays(D(2025, 9, 26), 20) == WorkdayDate(D(2025, 10, 30))


def test_set_day_makes_a_holiday_and_records_it(county, django_capture_on_commit_callbacks):
    assert store.current_calendar().is_workday(D(2026, 11, 11))
    with django_capture_on_commit_callbacks(execute=True):
        row = store.set_day(
            D(2026, 11, 11), False, "临时放假", "县政府通知", acting_user=county.office_admin
        )
    assert (row.name, row.updated_by) == ("临时放假", county.office_admin)
    assert not store.current_calendar().is_workday(D(2026, 11, 11))
    [event] = history(row)
    assert (event.verb, event.from_state, event.to_state, event.actor) == (
        "day_set",
        "workday",
        "holiday",
        county.office_admin,
    )


def test_set_day_back_to_the_plain_rule_removes_the_row(county, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        store.set_day(D(2026, 1, 4), False, "", "更正", acting_user=county.office_admin)
    assert not CalendarDay.objects.filter(date=D(2026, 1, 4)).exists()
    assert not store.current_calendar().is_workday(D(2026, 1, 4))


def test_the_cache_is_not_rebuilt_until_the_change_commits(
    county, django_capture_on_commit_callbacks
):
    before = store.current_calendar()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        store.set_day(D(2026, 11, 11), False, "临时放假", "", acting_user=county.office_admin)
        assert store.current_calendar() is before
    assert [c.func for c in callbacks] == [store._after_calendar_edit]


def test_another_server_sees_an_edit_through_the_shared_cache(
    county, django_capture_on_commit_callbacks
):
    store.current_calendar()
    server_b = store._in_process  # what a second process holds in its memory
    with django_capture_on_commit_callbacks(execute=True):
        store.set_day(D(2026, 11, 11), False, "临时放假", "", acting_user=county.office_admin)
    store._in_process = server_b
    assert not store.current_calendar().is_workday(D(2026, 11, 11))


def test_a_flushed_cache_never_serves_a_stale_calendar():
    store.current_calendar()
    stale = store._in_process
    cache.clear()
    CalendarDay.objects.filter(date=D(2026, 1, 4)).delete()  # changed while the cache was empty
    store._in_process = stale
    assert not store.current_calendar().is_workday(D(2026, 1, 4))


def test_load_year_makes_2027_official(county, django_capture_on_commit_callbacks):
    assert store.current_calendar().add_workdays(D(2026, 12, 31), 1) == WorkdayDate(
        D(2027, 1, 1), True
    )
    days = [SpecialDay(D(2027, 1, 1), False, "元旦"), SpecialDay(D(2027, 2, 20), True, "春节")]
    with django_capture_on_commit_callbacks(execute=True):
        loaded = store.load_year(
            2027, days, "国办发明电〔2026〕X号", acting_user=county.office_admin
        )
    assert loaded.loaded_by == county.office_admin
    assert store.current_calendar().add_workdays(D(2026, 12, 31), 1) == WorkdayDate(
        D(2027, 1, 4), False
    )
    [event] = history(loaded)
    assert (event.verb, event.to_state) == ("year_loaded", "loaded")
    assert event.data == {
        "source": "国办发明电〔2026〕X号",
        "holidays": 1,
        "workdays": 1,
        "replaced": 0,
    }


def test_load_year_replaces_the_days_of_that_year(county):
    store.load_year(
        2026, [SpecialDay(D(2026, 10, 1), False, "国庆节")], "重载", acting_user="命令行"
    )
    assert list(CalendarDay.objects.filter(date__year=2026).values_list("date", flat=True)) == [
        D(2026, 10, 1)
    ]
    [event] = history(CalendarYear.objects.get(year=2026))
    assert (event.from_state, event.actor_name, event.data["replaced"]) == ("loaded", "命令行", 39)


def test_seed_missing_years_loads_only_what_is_missing():
    assert store.seed_missing_years(acting_user="命令行") == []
    CalendarYear.objects.filter(year=2025).delete()
    CalendarDay.objects.filter(date__year=2025).delete()
    assert store.seed_missing_years(acting_user="命令行") == [2025]
    assert store.calendar_from_db() == package_calendar()
