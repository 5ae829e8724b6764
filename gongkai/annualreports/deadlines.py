"""When a year's report is due (条例第四十九条、第五十条).

Departments (and townships) submit their report to the government's disclosure office
and publish it by 31 January; the county (or higher) government's own report is
published by 31 March.
"""

import datetime

from django.conf import settings

from gongkai.agencies.models import AgencyKind


def report_due_on(agency_kind: str, year: int) -> datetime.date:
    """The last day to publish the report on `year`."""
    if agency_kind == AgencyKind.GOVERNMENT:
        return datetime.date(year + 1, 3, 31)  # 条例第五十条
    if agency_kind in (AgencyKind.TOWNSHIP, AgencyKind.SUBDISTRICT):
        # Neither 第四十九条 nor 第五十条 names them (verify): a setting, not a constant.
        month, day = (int(part) for part in settings.ANNUAL_REPORT_DUE_TOWNSHIP.split("-"))
        return datetime.date(year + 1, month, day)
    return datetime.date(year + 1, 1, 31)  # 条例第四十九条


def reminder(agency_kind: str, year: int, today: datetime.date, *, published: bool) -> str:
    """A line for the staff page: how long is left, or how late it is."""
    due = report_due_on(agency_kind, year)
    if published:
        return f"{year}年度报告已发布。"
    if today <= datetime.date(year, 12, 31):
        return f"{year}年度报告应于{due:%Y年%m月%d日}前发布。"
    days = (due - today).days
    if days < 0:
        return f"{year}年度报告应于{due:%Y年%m月%d日}前发布，已逾期{-days}天。"
    if days == 0:
        return f"{year}年度报告今天（{due:%Y年%m月%d日}）到期。"
    return f"{year}年度报告应于{due:%Y年%m月%d日}前发布，还有{days}天。"
