"""The daily reminder: each clerk gets one e-mail listing their agency's cases that are
overdue or due within a few working days, and online applications still unconfirmed."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse

from gongkai.agencies.models import Role, StaffRole
from gongkai.applications.deadlines import DAILY_TITLE, recompute_open_deadlines, remaining_workdays
from gongkai.applications.models import CLOCK_STATUSES, Application, Status
from gongkai.notifications.outbox import queue_email

DUE_SOON_WORKDAYS = 3


@dataclass
class Reminder:
    user: object
    overdue: list = field(default_factory=list)
    due_soon: list = field(default_factory=list)
    unconfirmed: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.due_soon or self.unconfirmed)


def reminders() -> list[Reminder]:
    by_user: dict[int, Reminder] = {}
    roles = StaffRole.objects.filter(role=Role.CLERK, user__is_active=True).select_related("user")
    for role in roles:
        reminder = by_user.setdefault(role.user_id, Reminder(role.user))
        for application in Application.objects.filter(agency_id=role.agency_id, status__in=CLOCK_STATUSES,
                                                      due_on__isnull=False).order_by("due_on"):
            left = remaining_workdays(application.due_on)
            if left < 0:
                reminder.overdue.append((application, left))
            elif left <= DUE_SOON_WORKDAYS:
                reminder.due_soon.append((application, left))
        reminder.unconfirmed += list(
            Application.objects.filter(agency_id=role.agency_id, status=Status.SUBMITTED).order_by("submitted_at")
        )
    return [r for r in by_user.values() if not r.empty]


def send_reminders() -> int:
    """Recompute deadlines (paused clocks move daily), then mail every clerk with cases."""
    recompute_open_deadlines(title=DAILY_TITLE)
    sent = 0
    for reminder in reminders():
        if not reminder.user.email:
            continue
        # Through the outbox: retried while the mail server is down, never sent twice.
        queue_email(reminder.user.email, "依申请公开办理提醒", _body(reminder))
        sent += 1
    return sent


def _body(reminder: Reminder) -> str:
    root = settings.SITE_ROOT.rstrip("/")
    lines = [f"{reminder.user.get_full_name() or reminder.user.get_username()}：", ""]

    def line(application, words):
        url = root + reverse("applications:case", args=[application.pk])
        return f"- {application.agency.display_name}{application.reference} {words} {url}"

    if reminder.overdue:
        lines.append("已超过答复期限：")
        lines += [line(a, f"期限 {a.due_on}，已超 {-left} 个工作日") for a, left in reminder.overdue]
    if reminder.due_soon:
        lines.append(f"{DUE_SOON_WORKDAYS}个工作日内到期：")
        lines += [line(a, f"期限 {a.due_on}，剩 {left} 个工作日") for a, left in reminder.due_soon]
    if reminder.unconfirmed:
        lines.append("网上申请待确认收到（确认之日起计算答复期限）：")
        lines += [line(a, f"提交于 {a.submitted_at:%Y-%m-%d}") for a in reminder.unconfirmed]
    return "\n".join(lines)

