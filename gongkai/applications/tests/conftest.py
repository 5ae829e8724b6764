"""Shared set-up for the applications tests: the package calendar, a frozen today,
and a factory for registered applications."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache

from gongkai.workdays.seed import package_calendar

TODAY = dt.date(2025, 12, 10)
PERSON = {
    "type": "natural_person",
    "name": "张三",
    "id_type": "resident_id",
    "id_number": "11010519491231002X",
    "phone": "13812345678",
    "address": "河南省平顶山市郏县龙山大道1号",
    "email": "zhangsan@example.com",
}


@pytest.fixture(autouse=True)
def _calendar_and_today(monkeypatch):
    cache.clear()  # the tracking page counts attempts in the cache
    calendar = package_calendar()
    monkeypatch.setattr("gongkai.applications.deadlines.current_calendar", lambda: calendar)
    with time_machine.travel(dt.datetime(2025, 12, 10, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False):
        yield


@pytest.fixture
def register(county):
    from gongkai.applications.actions import do_register_application

    def make(received_on=dt.date(2025, 9, 26), agency=None, applicant=None, description="2025年全县义务教育阶段学校名单", **extra):
        return do_register_application(
            agency or county.dept,
            channel=extra.pop("channel", "in_person"),
            received_on=received_on,
            applicant=applicant or PERSON,
            description=description,
            form_wanted=extra.pop("form_wanted", "paper"),
            delivery_wanted=extra.pop("delivery_wanted", "post"),
            acting_user=extra.pop("acting_user", county.clerk),
            **extra,
        )

    return make


