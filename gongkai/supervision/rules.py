"""The inspection rules (rules.md §6), without Django.

国办发〔2018〕123号 and the inspection index 国办秘函〔2019〕19号:
- a government new-media account with no update in the 2 weeks before a check fails
  outright; the platform warns earlier, after 10 working days without a post;
- a website with more than 5 columns not updated as their kind requires fails.

Every number here comes in as an argument: the thresholds and column update periods
are data (supervision.models.Threshold, UpdatePeriod), marked 'verify' where the
official text was not checked.
"""

from __future__ import annotations

import calendar as _calendar
import datetime
from dataclasses import dataclass
from enum import StrEnum

from gongkai.workdays.core import Calendar


class Health(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILING = "failing"


HEALTH_LABELS = {Health.OK: "正常", Health.WARNING: "预警", Health.FAILING: "不合格"}


@dataclass(frozen=True)
class Silence:
    """How long a new-media account has been silent, and what that means."""

    health: Health
    last_post_on: datetime.date | None
    days: int | None  # calendar days since the last post
    workdays: int | None  # working days since the last post
    explanation: str


def account_silence(
    last_post_on: datetime.date | None,
    today: datetime.date,
    calendar: Calendar,
    *,
    warning_workdays: int,
    failure_days: int,
) -> Silence:
    """Whether an open account is silent: failing once more than `failure_days` calendar
    days have passed since its last post (国办秘函〔2019〕19号: no update within the two
    weeks before the check); warning from `warning_workdays` working days on."""
    if last_post_on is None:
        return Silence(Health.FAILING, None, None, None, "没有登记任何发布记录。")
    days = (today - last_post_on).days
    workdays = calendar.workdays_between(last_post_on, today)
    if days > failure_days:
        return Silence(
            Health.FAILING, last_post_on, days, workdays,
            f"已 {days} 天未更新，超过 {failure_days} 天（检查指标：两周内无更新即不合格）。",
        )
    if workdays >= warning_workdays:
        return Silence(
            Health.WARNING, last_post_on, days, workdays,
            f"已 {workdays} 个工作日未更新（达到 {warning_workdays} 个工作日预警线）。",
        )
    return Silence(Health.OK, last_post_on, days, workdays, f"{workdays} 个工作日前更新。")


class PeriodUnit(StrEnum):
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"


PERIOD_UNIT_LABELS = {PeriodUnit.DAYS: "天", PeriodUnit.MONTHS: "个月", PeriodUnit.YEARS: "年"}


def add_period(d: datetime.date, amount: int, unit: str) -> datetime.date:
    """d plus a calendar period; a month end stays within the month (1-31 + 1 month →
    2-28)."""
    if unit == PeriodUnit.DAYS:
        return d + datetime.timedelta(days=amount)
    months = amount * 12 if unit == PeriodUnit.YEARS else amount
    year, month = divmod(d.month - 1 + months, 12)
    year += d.year
    month += 1
    day = min(d.day, _calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


@dataclass(frozen=True)
class ColumnState:
    stale: bool
    last_published_on: datetime.date | None
    due_by: datetime.date | None  # the day by which the next item had to be published
    explanation: str


def column_state(
    last_published_on: datetime.date | None, today: datetime.date, amount: int, unit: str
) -> ColumnState:
    """A column is stale when its newest published item is older than its update period
    (it had to be updated by `last + period` and today is past that). A column that never
    published anything is stale too (空白栏目)."""
    label = f"{amount}{PERIOD_UNIT_LABELS[PeriodUnit(unit)]}"
    if last_published_on is None:
        return ColumnState(True, None, None, f"栏目从未发布信息（更新周期 {label}）。")
    due_by = add_period(last_published_on, amount, unit)
    if today > due_by:
        return ColumnState(
            True, last_published_on, due_by,
            f"最近一条发布于 {last_published_on:%Y-%m-%d}，应在 {due_by:%Y-%m-%d} 前更新（周期 {label}）。",
        )
    return ColumnState(False, last_published_on, due_by, f"下次应在 {due_by:%Y-%m-%d} 前更新。")


def website_fails(stale_columns: int, allowed: int) -> bool:
    """国办秘函〔2019〕19号: more than `allowed` (5) columns not updated → the site fails."""
    return stale_columns > allowed


def duplicate_accounts(accounts: list[tuple[int, int, str]]) -> set[int]:
    """Among open accounts given as (id, agency_id, platform), the ids of every account
    beyond the first of the same agency on the same platform (国办发〔2018〕123号: one
    account per unit per platform, as a rule). The oldest (lowest id) is kept unflagged."""
    seen: set[tuple[int, str]] = set()
    flagged: set[int] = set()
    for account_id, agency_id, platform in sorted(accounts):
        key = (agency_id, platform)
        if key in seen:
            flagged.add(account_id)
        seen.add(key)
    return flagged
