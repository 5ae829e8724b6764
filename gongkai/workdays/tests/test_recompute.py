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


def test_the_office_sees_the_rederivation_it_started_on_the_year_page(
    county, client, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 9, 27, 9, 0))
    application = _register(county, datetime.date(2025, 9, 26))
    client.force_login(county.office_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/staff/calendar/day/", {
            "date": "2025-10-20", "is_workday": "0", "name": "假设的临时假日", "source": "测试",
        })
    page = client.get(response.url).content.decode()
    assert "按修改后的工作日历重新计算办理中申请的答复期限" in page
    assert "已完成，共 1 件，已完成 1 件" in page
    application.refresh_from_db()
    assert application.due_on == datetime.date(2025, 10, 31)


def test_the_calendar_does_not_import_what_builds_on_it():
    # The calendar announces a change through settings.CALENDAR_CHANGED_HANDLERS;
    # it must not know the applications it moves.
    from pathlib import Path

    package = Path(store.__file__).parent
    sources = [p for p in package.rglob("*.py") if "tests" not in p.parts and "migrations" not in p.parts]
    importing = [p.name for p in sources if "gongkai.applications" in p.read_text(encoding="utf-8")]
    assert importing == []


def test_every_handler_named_in_the_settings_is_called_with_the_editor(
    county, settings, django_capture_on_commit_callbacks
):
    settings.CALENDAR_CHANGED_HANDLERS = ["gongkai.workdays.tests.test_recompute.remember"]
    CALLED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        store.set_day(datetime.date(2026, 10, 20), False, "临时假日", "测试", acting_user=county.office_admin)
    assert CALLED == [county.office_admin]


CALLED = []


def remember(*, acting_user):
    CALLED.append(acting_user)
