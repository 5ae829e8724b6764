"""Editing the calendar moves the due dates of open applications (and only those)."""

import datetime

from gongkai.applications.actions import do_register_application
from gongkai.workdays import store


def _register(county, received_on):
    return do_register_application(
        county.dept, channel="in_person", received_on=received_on,
        applicant={"type": "natural_person", "name": "张三", "phone": "13903751234"},
        description="2025年低保资金发放情况", form_wanted="paper", delivery_wanted="collect",
        acting_user=county.clerk,
    )


def test_a_new_holiday_moves_an_open_due_date(county, django_capture_on_commit_callbacks, time_machine):
    time_machine.move_to(datetime.datetime(2025, 9, 27, 9, 0))
    application = _register(county, datetime.date(2025, 9, 26))
    assert application.due_on == datetime.date(2025, 10, 30)
    with django_capture_on_commit_callbacks(execute=True):
        store.set_day(datetime.date(2025, 10, 20), False, "假设的临时假日", "测试", acting_user=county.office_admin)
    application.refresh_from_db()
    assert application.due_on == datetime.date(2025, 10, 31)
