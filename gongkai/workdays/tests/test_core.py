"""Working-day arithmetic (rules.md §1), on the package's official data 2004–2026."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.workdays.core import Calendar, SpecialDay, WorkdayDate
from gongkai.workdays.seed import PACKAGE_YEARS, package_calendar

CAL = package_calendar()
D = dt.date


# rules.md §1, worked examples: 20 working days, the day of receipt not counted.
@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (D(2025, 9, 26), 20, D(2025, 10, 30)),
        (D(2025, 9, 26), 7, D(2025, 10, 13)),  # 补正 notice (条例第三十条)
        (D(2025, 12, 20), 20, D(2026, 1, 19)),
        (D(2026, 2, 10), 20, D(2026, 3, 16)),
        (D(2025, 9, 26), 40, D(2025, 11, 27)),  # with the full 20-day extension
        (D(2025, 1, 18), 20, D(2025, 2, 20)),  # Saturday receipt; find_workday says 02-21
    ],
)
def test_it_reproduces_the_worked_examples(start, n, due):
    assert CAL.add_workdays(start, n) == WorkdayDate(due, provisional=False)


# One working day after `start`, across each year's holidays and 调休 weekends.
@pytest.mark.parametrize(
    ("start", "next_day", "why"),
    [
        (D(2019, 2, 1), D(2019, 2, 2), "2019 春节调休周六上班"),
        (D(2019, 2, 3), D(2019, 2, 11), "2019 春节 02-04 至 02-10"),
        (D(2019, 9, 27), D(2019, 9, 29), "2019 国庆调休周日上班"),
        (D(2019, 9, 30), D(2019, 10, 8), "2019 国庆 10-01 至 10-07"),
        (D(2020, 1, 17), D(2020, 1, 19), "2020 春节调休周日上班"),
        (D(2020, 1, 23), D(2020, 2, 3), "2020 春节延长至 02-02"),
        (D(2020, 6, 24), D(2020, 6, 28), "2020 端午 06-25 至 06-27，06-28 周日上班"),
        (D(2021, 2, 10), D(2021, 2, 18), "2021 春节 02-11 至 02-17"),
        (D(2021, 9, 17), D(2021, 9, 18), "2021 中秋调休周六上班"),
        (D(2021, 9, 18), D(2021, 9, 22), "2021 中秋 09-19 至 09-21"),
        (D(2022, 4, 1), D(2022, 4, 2), "2022 清明调休周六上班"),
        (D(2022, 9, 30), D(2022, 10, 8), "2022 国庆后周六上班"),
        (D(2022, 12, 30), D(2023, 1, 3), "2023 元旦 12-31 至 01-02"),
        (D(2023, 1, 20), D(2023, 1, 28), "2023 春节 01-21 至 01-27，01-28 周六上班"),
        (D(2023, 4, 4), D(2023, 4, 6), "2023 清明 04-05 周三"),
        (D(2023, 9, 28), D(2023, 10, 7), "2023 中秋国庆 09-29 至 10-06"),
        (D(2024, 2, 8), D(2024, 2, 9), "2024 除夕 02-09 不放假"),
        (D(2024, 2, 9), D(2024, 2, 18), "2024 春节 02-10 至 02-17，02-18 周日上班"),
        (D(2024, 9, 13), D(2024, 9, 14), "2024 中秋调休周六上班"),
        (D(2024, 9, 14), D(2024, 9, 18), "2024 中秋 09-15 至 09-17"),
        (D(2025, 1, 24), D(2025, 1, 26), "2025 春节调休周日上班"),
        (D(2025, 1, 27), D(2025, 2, 5), "2025 春节 01-28 至 02-04"),
        (D(2025, 4, 30), D(2025, 5, 6), "2025 劳动节 05-01 至 05-05"),
        (D(2025, 9, 26), D(2025, 9, 28), "2025 国庆调休周日上班"),
        (D(2026, 1, 1), D(2026, 1, 4), "2026 元旦 01-01 至 01-03，01-04 周日上班"),
        (D(2026, 2, 13), D(2026, 2, 14), "2026 春节调休周六上班"),
        (D(2026, 2, 14), D(2026, 2, 24), "2026 春节 02-15 至 02-23"),
        (D(2026, 9, 18), D(2026, 9, 20), "2026 国庆调休周日上班"),
        (D(2026, 9, 24), D(2026, 9, 28), "2026 中秋 09-25 至 09-27"),
    ],
)
def test_it_skips_holidays_and_counts_make_up_days(start, next_day, why):
    assert CAL.add_workdays(start, 1) == WorkdayDate(next_day, False), why


@pytest.mark.parametrize(
    ("day", "is_workday"),
    [
        (D(2025, 10, 11), True),  # 调休 Saturday
        (D(2025, 10, 6), False),  # Monday, 中秋
        (D(2025, 10, 9), True),
        (D(2025, 10, 12), False),
        (D(2026, 1, 4), True),  # 调休 Sunday
        (D(2027, 1, 1), True),  # not loaded: counts Mon–Fri
        (D(2027, 1, 2), False),
    ],
)
def test_is_workday(day, is_workday):
    assert CAL.is_workday(day) is is_workday


def test_it_counts_mon_to_fri_into_an_unloaded_year_and_says_so():
    # 2026-12-15 (Tue): 12 weekdays left in December, then 8 in January 2027.
    assert CAL.add_workdays(D(2026, 12, 15), 20) == WorkdayDate(D(2027, 1, 12), provisional=True)
    assert CAL.add_workdays(D(2026, 12, 31), 1) == WorkdayDate(D(2027, 1, 1), provisional=True)


def test_it_stays_official_when_the_count_ends_before_the_year_ends():
    assert CAL.add_workdays(D(2026, 12, 1), 5) == WorkdayDate(D(2026, 12, 8), provisional=False)


def test_it_is_official_again_once_the_next_year_is_loaded():
    new_year = {D(2027, 1, 1): (False, "元旦")}
    calendar = Calendar({**CAL.overrides, **new_year}, CAL.loaded_years | {2027})
    assert calendar.add_workdays(D(2026, 12, 31), 1) == WorkdayDate(D(2027, 1, 4), False)


def test_it_gives_the_start_back_for_zero_days():
    assert CAL.add_workdays(D(2025, 10, 4), 0) == WorkdayDate(D(2025, 10, 4), False)


def test_it_refuses_negative_counts():
    with pytest.raises(ValueError):
        CAL.add_workdays(D(2025, 10, 4), -1)


def test_it_skips_excluded_ranges():
    # Consultation 10-09 … 10-20 (inclusive): 9 working days not counted.
    due = CAL.add_workdays(D(2025, 9, 26), 20, excluding=[(D(2025, 10, 9), D(2025, 10, 20))])
    assert due.date == D(2025, 11, 12)


@pytest.mark.parametrize(
    ("a", "b", "count"),
    [
        (D(2025, 9, 26), D(2025, 10, 30), 20),
        (D(2025, 10, 30), D(2025, 9, 26), -20),
        (D(2025, 10, 1), D(2025, 10, 1), 0),
        (D(2025, 9, 30), D(2025, 10, 8), 0),
        (D(2025, 9, 30), D(2025, 10, 9), 1),
    ],
)
def test_workdays_between(a, b, count):
    assert CAL.workdays_between(a, b) == count


def test_next_and_previous_workday():
    assert CAL.next_workday(D(2025, 9, 30)) == WorkdayDate(D(2025, 10, 9), False)
    assert CAL.previous_workday(D(2025, 10, 9)) == WorkdayDate(D(2025, 9, 30), False)
    assert CAL.previous_workday(D(2025, 10, 12)) == WorkdayDate(D(2025, 10, 11), False)
    assert CAL.previous_workday(D(2027, 1, 4)) == WorkdayDate(D(2027, 1, 1), True)


def test_it_keeps_its_own_copy_of_the_overrides():
    days = {D(2030, 1, 1): (False, "元旦")}
    calendar = Calendar(days, {2030})
    days[D(2030, 1, 2)] = (False, "元旦")
    assert calendar.is_workday(D(2030, 1, 2))


def test_special_days_lists_one_year_in_order():
    calendar = Calendar.from_days(
        [SpecialDay(D(2025, 2, 8), True, "春节"), SpecialDay(D(2025, 1, 28), False, "春节")], {2025}
    )
    assert [d.on for d in calendar.special_days(2025)] == [D(2025, 1, 28), D(2025, 2, 8)]
    assert calendar.name(D(2025, 2, 8)) == "春节"


# --- properties ------------------------------------------------------------------

dates = st.dates(min_value=D(2003, 1, 1), max_value=D(2028, 12, 31))
counts = st.integers(min_value=1, max_value=60)


@given(dates, counts)
def test_the_result_is_a_working_day_n_working_days_later(start, n):
    due = CAL.add_workdays(start, n)
    assert CAL.is_workday(due.date)
    assert CAL.workdays_between(start, due.date) == n


@given(dates, counts, counts)
def test_it_is_monotone_in_n(start, n1, n2):
    low, high = sorted((n1, n2))
    assert CAL.add_workdays(start, low).date <= CAL.add_workdays(start, high).date


@given(dates, dates, counts)
def test_it_is_monotone_in_the_start(a, b, n):
    early, late = sorted((a, b))
    assert CAL.add_workdays(early, n).date <= CAL.add_workdays(late, n).date


@given(dates, counts)
def test_it_is_provisional_iff_the_span_touches_an_unloaded_year(start, n):
    due = CAL.add_workdays(start, n)
    span_years = range((start + dt.timedelta(days=1)).year, due.date.year + 1)
    assert due.provisional == any(y not in PACKAGE_YEARS for y in span_years)
    assert due.provisional == CAL.touches_unloaded_year(start, due.date)


@given(dates)
def test_previous_workday_is_the_last_one_before(day):
    previous = CAL.previous_workday(day).date
    assert previous < day and CAL.is_workday(previous)
    assert CAL.workdays_between(previous, day - dt.timedelta(days=1)) == 0
