"""Applications still being handled, so the demo's queues, warnings and tracking page
have something to show. Dated from today backwards (a receipt date can never lie in the
future), so they stay current whenever the demo is loaded; idempotent by key."""


from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency, StaffRole
from gongkai.applications import actions as a
from gongkai.applications.models import Application
from gongkai.workdays.store import current_calendar

# (key, agency code, working days ago received, applicant, what was asked, what happens next)
OPEN_CASES = (
    ("online-new", "jiaxian-jyj", None, ("natural_person", "刘桂兰", "13903751201"),
     "2026年郏县城区义务教育学校招生划片范围", "awaits confirmation"),
    ("in-progress", "jiaxian-mzj", 6, ("natural_person", "王建国", "13903751202"),
     "薛店镇2026年城乡低保对象名单及发放标准", "in progress"),
    ("due-soon", "jiaxian", 18, ("commercial_enterprise", "郏县恒信建材有限公司", "13903751203"),
     "郏县2026年政府集中采购目录及限额标准", "in progress"),
    ("correction", "jiaxian-zrzyj", 4, ("natural_person", "张秀英", "13903751204"),
     "我家的土地征收补偿文件", "correction"),
    ("consulting", "jiaxian-fgw", 9, ("legal_service_org", "河南郏城律师事务所", "13903751205"),
     "某商砼站建设项目的环境影响评价批复及企业申报材料", "consulting"),
)


def load_open_cases() -> int:
    created = 0
    today = timezone.localdate()
    calendar = current_calendar()
    with transaction.atomic():
        for key, code, ago, (kind, name, phone), description, next_step in OPEN_CASES:
            if Application.objects.filter(idempotency_key=f"demo-{key}").exists():
                continue  # made on an earlier run
            agency = Agency.objects.get(code=code)
            clerk = _staff(agency, "clerk")
            applicant = {"type": kind, "name": name, "phone": phone}
            if ago is None:
                a.do_submit_application(
                    agency, applicant=applicant, description=description, form_wanted="electronic",
                    delivery_wanted="online", idempotency_key=f"demo-{key}",
                )
                created += 1
                continue
            received_on = _workdays_before(calendar, today, ago)
            application = a.do_register_application(
                agency, channel="in_person", received_on=received_on, applicant=applicant,
                description=description, form_wanted="paper", delivery_wanted="collect",
                idempotency_key=f"demo-{key}", acting_user=clerk,
            )
            created += 1
            if next_step == "correction":
                a.do_request_correction(
                    application, on=_workdays_after(calendar, received_on, 2),
                    items="请写明土地所在的村组和征收年份", answer_by=calendar.add_workdays(today, 15).date,
                    acting_user=clerk,
                )
            elif next_step == "consulting":
                a.do_start_consultation(
                    application, on=_workdays_after(calendar, received_on, 3), party_kind="third_party",
                    party_name="郏县某商砼有限公司", acting_user=clerk,
                )
    return created


def _staff(agency, role):
    row = StaffRole.objects.filter(agency=agency, role=role).select_related("user").first()
    if row is None:  # agencies without their own clerk in the demo: the county office registers
        row = StaffRole.objects.filter(role="office_admin").select_related("user").first()
    return row.user


def _workdays_before(calendar, day, n):
    for _ in range(n):
        day = calendar.previous_workday(day).date
    return day


def _workdays_after(calendar, day, n):
    return min(calendar.add_workdays(day, n).date, timezone.localdate())
