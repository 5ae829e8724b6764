"""Small hand-made datasets for the report tests: rows written directly, so each test
states exactly the dates and outcomes it counts (the workflow has its own tests)."""

import datetime
import itertools

from django.utils import timezone

from gongkai.appeals.models import Appeal
from gongkai.applications.models import Application, Status

_numbers = itertools.count(1)


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def application(agency, *, received: str | None, closed: str | None = None, outcome: str = "",
                applicant_type: str = "natural_person", due: str | None = None) -> Application:
    n = next(_numbers)
    status = Status.SUBMITTED if received is None else Status.IN_PROGRESS
    if closed:
        status = Status.REPLIED if outcome.startswith(("granted", "partial", "denied", "unable", "not_")) else Status.CLOSED
    received_on = d(received) if received else None
    return Application.objects.create(
        agency=agency, year=(received_on or datetime.date(2021, 1, 1)).year, number=n, tracking_code=f"T{n:011d}",
        channel="in_person", submitted_at=timezone.now(), received_on=received_on,
        applicant_type=applicant_type, applicant_name=f"申请人{n}", phone="13900000000", applicant_key=f"k{n}",
        description="某项政府信息", form_wanted="paper", delivery_wanted="collect", status=status,
        outcome=outcome if closed else "", replied_on=d(closed) if closed else None,
        closed_on=d(closed) if closed else None,
        due_on=d(due) if due else (received_on + datetime.timedelta(days=28) if received_on else None),
    )


def appeal(agency, kind: str, *, filed: str, result: str = "pending", decided: str | None = None) -> Appeal:
    return Appeal.objects.create(
        agency=agency, kind=kind, body="平顶山市人民政府", case_number=f"（2021）复{next(_numbers)}号",
        filed_on=d(filed), result=result, decided_on=d(decided) if decided else None,
    )
