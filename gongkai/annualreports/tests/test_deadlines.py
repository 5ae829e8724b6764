"""When a year's report is due: the township date is a setting (issue 10.11, verify)."""

import datetime as dt

from gongkai.annualreports.deadlines import report_due_on


def test_township_report_date_is_a_setting(settings):
    assert report_due_on("township", 2025) == dt.date(2026, 1, 31)
    settings.ANNUAL_REPORT_DUE_TOWNSHIP = "03-31"
    assert report_due_on("township", 2025) == dt.date(2026, 3, 31)
    assert report_due_on("subdistrict", 2025) == dt.date(2026, 3, 31)
    assert report_due_on("department", 2025) == dt.date(2026, 1, 31)  # 条例第四十九条
    assert report_due_on("government", 2025) == dt.date(2026, 3, 31)  # 条例第五十条


def test_the_supervision_page_uses_the_same_rule(settings, county):
    from gongkai.supervision.findings import annual_report_due_on

    settings.ANNUAL_REPORT_DUE_TOWNSHIP = "02-28"
    county.dept.kind = "township"
    assert annual_report_due_on(county.dept, 2025) == dt.date(2026, 2, 28)
