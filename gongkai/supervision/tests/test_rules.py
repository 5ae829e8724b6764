"""The inspection thresholds on working days around holidays (pure, no database)."""

import datetime as dt

import pytest

from gongkai.supervision.rules import (
    Health,
    account_silence,
    add_period,
    column_state,
    duplicate_accounts,
    website_fails,
)
from gongkai.workdays.seed import package_calendar

CAL = package_calendar()
D = dt.date


def silence(last, today):
    return account_silence(last, today, CAL, warning_workdays=10, failure_days=14)


@pytest.mark.parametrize(
    ("last_post", "today", "health"),
    [
        # An ordinary fortnight: 10 working days on the 14th day → warning, 15th day → failing.
        (D(2025, 9, 12), D(2025, 9, 25), Health.OK),
        (D(2025, 9, 12), D(2025, 9, 26), Health.WARNING),
        (D(2025, 9, 12), D(2025, 9, 27), Health.FAILING),
        # 调休: Sunday 2025-09-28 is a working day, so it is the 10th.
        (D(2025, 9, 15), D(2025, 9, 27), Health.OK),
        (D(2025, 9, 15), D(2025, 9, 28), Health.WARNING),
        # National Day 2025-10-01…08: 13 and 14 calendar days, only 4 and 5 working days.
        (D(2025, 9, 26), D(2025, 10, 9), Health.OK),
        (D(2025, 9, 26), D(2025, 10, 10), Health.OK),
        # …but the two-week rule counts calendar days: the 15th day fails, holiday or not.
        (D(2025, 9, 26), D(2025, 10, 11), Health.FAILING),
        (D(2025, 9, 30), D(2025, 10, 14), Health.OK),
        (D(2025, 9, 30), D(2025, 10, 15), Health.FAILING),
        # 春节 2026 (02-15…02-23): a post on 02-13 is still fine on 02-27.
        (D(2026, 2, 13), D(2026, 2, 27), Health.OK),
        (None, D(2025, 10, 15), Health.FAILING),
    ],
)
def test_it_grades_silence_around_holidays(last_post, today, health):
    assert silence(last_post, today).health == health


def test_it_explains_the_warning_in_working_days():
    result = silence(D(2025, 9, 15), D(2025, 9, 28))
    assert result.workdays == 10
    assert "10 个工作日" in result.explanation


def test_it_adds_months_keeping_month_ends():
    assert add_period(D(2025, 1, 31), 1, "months") == D(2025, 2, 28)
    assert add_period(D(2024, 2, 29), 1, "years") == D(2025, 2, 28)
    assert add_period(D(2025, 8, 31), 6, "months") == D(2026, 2, 28)
    assert add_period(D(2025, 9, 30), 14, "days") == D(2025, 10, 14)


@pytest.mark.parametrize(
    ("last", "today", "amount", "unit", "stale"),
    [
        (D(2025, 9, 30), D(2025, 10, 14), 14, "days", False),
        (D(2025, 9, 30), D(2025, 10, 15), 14, "days", True),
        (D(2025, 3, 31), D(2025, 9, 30), 6, "months", False),
        (D(2025, 3, 31), D(2025, 10, 1), 6, "months", True),
        (D(2024, 10, 1), D(2025, 10, 1), 1, "years", False),
        (D(2024, 10, 1), D(2025, 10, 2), 1, "years", True),
        (None, D(2025, 10, 2), 1, "years", True),
    ],
)
def test_it_finds_stale_columns(last, today, amount, unit, stale):
    assert column_state(last, today, amount, unit).stale is stale


def test_it_fails_a_website_only_past_five_stale_columns():
    assert not website_fails(5, 5)
    assert website_fails(6, 5)


def test_it_flags_the_second_account_of_an_agency_on_a_platform():
    accounts = [(1, 10, "wechat"), (2, 10, "weibo"), (3, 10, "wechat"), (4, 11, "wechat"), (5, 10, "wechat")]
    assert duplicate_accounts(accounts) == {3, 5}
