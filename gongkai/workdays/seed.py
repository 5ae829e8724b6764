"""The official holiday data shipped in the `chinesecalendar` package (rules.md §1: seed
from it; it covers 2004–2026). Pure: no Django.

Only the package's data tables are read. Its `find_workday` is off by one when the
start is not a working day and is never used for deadlines.
"""

from __future__ import annotations

from chinese_calendar.constants import Holiday, holidays, workdays

from gongkai.workdays.core import Calendar, SpecialDay

PACKAGE_YEARS = range(2004, 2027)
PACKAGE_SOURCE = "chinesecalendar 1.11 软件包（据国务院办公厅历年部分节假日安排的通知）"

# The package's short names, written the way the State Council's notices write them.
_NOTICE_NAMES = {"清明": "清明节", "端午": "端午节", "中秋": "中秋节"}
_CHINESE_NAMES = {h.value: _NOTICE_NAMES.get(h.chinese, h.chinese) for h in Holiday}


def package_days(year: int) -> list[SpecialDay]:
    """Holidays (weekends included, for their names) and make-up working days of `year`."""
    days = [SpecialDay(d, False, _CHINESE_NAMES[v]) for d, v in holidays.items() if d.year == year]
    days += [SpecialDay(d, True, _CHINESE_NAMES[v]) for d, v in workdays.items() if d.year == year]
    return sorted(days, key=lambda d: d.on)


def package_calendar() -> Calendar:
    """A calendar with every year of the package loaded (for tests and previews)."""
    days = [d for year in PACKAGE_YEARS for d in package_days(year)]
    return Calendar.from_days(days, PACKAGE_YEARS)
