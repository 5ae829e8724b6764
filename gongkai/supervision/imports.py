"""Checking imported sheets row by row: 12345 hotline counts and new-media post dates.

`check_*` take the table and lookups, return the parsed records and one Chinese error
per bad row. The actions save only when there is no error at all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from gongkai.supervision.tables import Table, parse_count, parse_date, parse_month

HOTLINE_COLUMNS = ("月份", "单位", "类别", "件数")
MEDIA_POST_COLUMNS = ("平台", "账号名称", "最近发布日期")


@dataclass(frozen=True)
class HotlineRecord:
    month: datetime.date
    agency_id: int
    category: str
    count: int


@dataclass(frozen=True)
class PostRecord:
    account_id: int
    last_post_on: datetime.date


@dataclass
class Checked:
    records: list = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.records)


def check_hotline(table: Table, agency_ids: dict[str, int], *, today: datetime.date) -> Checked:
    """agency_ids maps every accepted spelling (full name, short name, code) to an id."""
    table.require(*HOTLINE_COLUMNS)
    checked = Checked()
    seen: dict[tuple, int] = {}
    for row in table.rows:
        problems = []
        month = agency_id = count = None
        try:
            month = parse_month(row.get("月份"))
            if month > today:
                problems.append(f"月份「{row.get('月份')}」还没到")
        except ValueError as exc:
            problems.append(str(exc))
        agency_id = agency_ids.get(row.get("单位"))
        if agency_id is None:
            problems.append(f"单位「{row.get('单位')}」在平台中不存在（请用机关全称或简称）")
        category = row.get("类别")
        if not category:
            problems.append("类别不能为空")
        elif len(category) > 50:
            problems.append("类别不能超过 50 个字")
        try:
            count = parse_count(row.get("件数"))
        except ValueError as exc:
            problems.append(str(exc))
        key = (month, agency_id, category)
        if not problems and key in seen:
            problems.append(f"与第 {seen[key]} 行重复（同一月份、单位、类别）")
        if problems:
            checked.errors.append(f"第 {row.number} 行：" + "；".join(problems) + "。")
            continue
        seen[key] = row.number
        checked.records.append(HotlineRecord(month, agency_id, category, count))
    if not table.rows:
        checked.errors.append("表中没有数据行。")
    return checked


def check_media_posts(
    table: Table, account_ids: dict[tuple[str, str], int], platforms: dict[str, str], *, today: datetime.date
) -> Checked:
    """account_ids: (platform key, account name) → id; platforms: label or key → key."""
    table.require(*MEDIA_POST_COLUMNS)
    checked = Checked()
    for row in table.rows:
        problems = []
        platform = platforms.get(row.get("平台"))
        if platform is None:
            problems.append(f"平台「{row.get('平台')}」不认识")
        account_id = account_ids.get((platform, row.get("账号名称"))) if platform else None
        if platform and account_id is None:
            problems.append(f"账号「{row.get('账号名称')}」未在台账中登记或已关停")
        try:
            on = parse_date(row.get("最近发布日期"))
            if on > today:
                problems.append(f"最近发布日期「{row.get('最近发布日期')}」晚于今天")
        except ValueError as exc:
            problems.append(str(exc))
            on = None
        if problems:
            checked.errors.append(f"第 {row.number} 行：" + "；".join(problems) + "。")
            continue
        checked.records.append(PostRecord(account_id, on))
    if not table.rows:
        checked.errors.append("表中没有数据行。")
    return checked
