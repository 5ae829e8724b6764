"""The stored due date of an application, kept in step with its clock events.

clock.derive_deadline is the rule; this module feeds it the application's ClockEvent
rows and the database calendar, and stores the result on the application (so the
queue can sort by it). Called after every clock event, and by the workdays module
whenever the calendar changes (`recompute_open_deadlines`).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from gongkai.applications import clock
from gongkai.applications.models import CLOCK_STATUSES, Application
from gongkai.workdays.core import Calendar
from gongkai.workdays.store import current_calendar


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


def recompute_open_deadlines() -> int:
    """Recompute every open application's due date, e.g. after the calendar changed.

    Returns how many were recomputed. Safe to call any time; paused clocks move on
    by a day each day, so the reminder job calls it too.
    """
    count = 0
    for application in Application.objects.filter(status__in=CLOCK_STATUSES, received_on__isnull=False):
        try:
            refresh_deadline(application)
        except clock.ClockError:
            continue  # a record the rules no longer accept keeps its last due date
        count += 1
    return count


def workdays_after(start: datetime.date, n: int) -> datetime.date:
    """The n-th working day after `start` (the day itself not counted)."""
    return calendar().add_workdays(start, n).date


def remaining_workdays(due_on: datetime.date, *, on=None) -> int:
    return calendar().workdays_between(on or today(), due_on)
