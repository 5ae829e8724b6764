"""Every date a person sees is the Asia/Shanghai date (issue 10.2).

    {% load local_dates %}
    {{ event.at|local_date }}        → 2025年9月26日
    {{ event.at|local_date:"iso" }}  → 2025-09-26 (for <time datetime>)

A datetime is converted to the platform's time zone (settings.TIME_ZONE) before its date
is taken; a plain date is shown as it is. An application made at 03:37 Beijing time is
dated that day, not the previous (UTC) one.
"""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


def local_day(value) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


@register.filter
def local_date(value, style: str = "") -> str:
    day = local_day(value)
    if day is None:
        return ""
    if style == "iso":
        return day.isoformat()
    return f"{day.year}年{day.month}月{day.day}日"
