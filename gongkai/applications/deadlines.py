"""The stored due date of an application, kept in step with its clock events.

clock.derive_deadline is the rule; this module feeds it the application's ClockEvent
rows and the database calendar, and stores the result on the application (so the
queue can sort by it). Called after every clock event, and, as a background job, after
every calendar change (`calendar_changed` is named in settings.CALENDAR_CHANGED_HANDLERS:
the calendar announces its changes and knows nothing of applications).
"""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gongkai.applications import clock
from gongkai.applications.models import CLOCK_STATUSES, Application
from gongkai.workdays.core import Calendar
from gongkai.workdays.store import current_calendar

logger = logging.getLogger(__name__)
REDERIVE_KIND = "applications.rederive_deadlines"
REDERIVE_TITLE = "按修改后的工作日历重新计算办理中申请的答复期限"
DAILY_TITLE = "每日重新计算办理中申请的答复期限"  # paused clocks move on by a day


def today() -> datetime.date:
    return timezone.localdate()


def calendar() -> Calendar:
    return current_calendar()


def clock_events(application: Application, extra: list[clock.ClockEvent] = ()) -> list[clock.ClockEvent]:
    rows = [
        clock.ClockEvent(
            kind=row.kind,
            on=row.on,
            workdays=row.workdays,
            due_on=row.due_on,
            reason=row.reason,
            consulted_agency=row.consulted_agency,
        )
        for row in application.clock_events.order_by("on", "id")
    ]
    return rows + list(extra)


def derive(application: Application, extra: list[clock.ClockEvent] = (), *, on=None) -> clock.Deadline:
    """The deadline with `extra` events added; raises clock.ClockError if not allowed."""
    return clock.derive_deadline(
        application.received_on, clock_events(application, extra), calendar(), on or today()
    )


def refresh_deadline(application: Application, *, on=None) -> clock.Deadline | None:
    """Recompute and store the due date (inside the caller's transaction)."""
    if application.received_on is None:
        return None
    deadline = derive(application, on=on)
    application.due_on = deadline.due_on
    application.due_provisional = deadline.provisional
    application.due_explanation = deadline.explanation
    application.paused_since = deadline.paused_since
    application.correction_notice_due_on = deadline.correction_notice_due_on
    application.correction_notice_late = deadline.correction_notice_late
    application.save(
        update_fields=[
            "due_on",
            "due_provisional",
            "due_explanation",
            "paused_since",
            "correction_notice_due_on",
            "correction_notice_late",
            "updated_at",
        ]
    )
    return deadline


def locked(pk: int) -> Application:
    """The application row, locked for the rest of the transaction (every action locks it so)."""
    return Application.objects.select_for_update().select_related("agency").get(pk=pk)


def calendar_changed(*, acting_user=None) -> None:
    """A calendar edit committed: re-derive every open due date in the background."""
    from gongkai.jobs import runs

    runs.start(REDERIVE_KIND, REDERIVE_TITLE, recompute_open_deadlines, started_by=acting_user)


def recompute_open_deadlines(run_id: int | None = None, *, title: str = REDERIVE_TITLE) -> int:
    """Recompute every open application's due date, e.g. after the calendar changed.

    One case per transaction with its row locked as the actions lock it, so a step taken
    on a case meanwhile is never overwritten with a date computed before it. A case the
    rules no longer accept keeps its last due date and is logged and listed as a failure
    of the run (the office sees it at /staff/jobs/). Returns how many were recomputed.
    Safe to repeat; paused clocks move on by a day each day, so the reminder job calls it too.
    """
    from gongkai.jobs.runs import progress

    ids = list(
        Application.objects.filter(status__in=CLOCK_STATUSES, received_on__isnull=False)
        .order_by("pk").values_list("pk", flat=True)
    )
    count = 0
    with progress(run_id, kind=REDERIVE_KIND, title=title) as run:
        run.set_total(len(ids))
        for pk in ids:
            try:
                with transaction.atomic():
                    application = locked(pk)
                    if application.status in CLOCK_STATUSES and application.received_on:
                        refresh_deadline(application)
            except Exception as error:  # noqa: BLE001 - one bad case must not stop the others
                logger.exception("due date of application %s not recomputed", pk)
                run.fail(_label(pk), str(error) or error.__class__.__name__,
                         link=reverse("applications:case", args=[pk]))
                continue
            run.advance()
            count += 1
    return count


def _label(pk: int) -> str:
    application = Application.objects.select_related("agency").filter(pk=pk).first()
    if application is None:
        return f"申请 #{pk}"
    return f"{application.agency.display_name}{application.reference or f'申请 #{pk}'}"


def workdays_after(start: datetime.date, n: int) -> datetime.date:
    """The n-th working day after `start` (the day itself not counted)."""
    return calendar().add_workdays(start, n).date


def remaining_workdays(due_on: datetime.date, *, on=None) -> int:
    return calendar().workdays_between(on or today(), due_on)
