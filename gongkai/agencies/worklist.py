"""What waits on this person (工作台): counts and links per role, read from the records.

Each line names the step, how many cases wait at it in the agencies where the person holds
the role that takes that step, and the filtered list that shows them. Lines with nothing
waiting are still shown (a zero is news too), but only for roles the person holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from gongkai.agencies.access import agencies_where, scope_of
from gongkai.agencies.models import Role

DUE_SOON_WORKDAYS = 3


@dataclass(frozen=True)
class WorkLine:
    label: str
    count: int
    url: str
    urgent: bool = False


def work_for(user) -> list[WorkLine]:
    scope = scope_of(user)
    lines: list[WorkLine] = []
    handling = agencies_where(user, Role.CLERK, Role.APPROVER, Role.OFFICE_ADMIN)
    approving = agencies_where(user, Role.APPROVER, Role.OFFICE_ADMIN)
    reviewing = agencies_where(user, Role.REVIEWER, Role.OFFICE_ADMIN)
    holds = {role for _agency, role in scope.roles}
    if holds & {Role.CLERK, Role.APPROVER, Role.OFFICE_ADMIN}:
        lines += _applications(handling, approving, holds)
        lines += _letters(handling, approving, holds)
    if holds & {Role.REVIEWER, Role.APPROVER, Role.OFFICE_ADMIN}:
        lines += _items(reviewing, approving, holds)
    return lines


def _applications(handling, approving, holds) -> list[WorkLine]:
    from gongkai.applications.deadlines import calendar, today
    from gongkai.applications.models import OPEN_STATUSES, Application, Status

    queue = reverse("applications:queue")
    open_cases = Application.objects.filter(agency__in=handling, status__in=OPEN_STATUSES)
    day = today()
    soon = calendar().add_workdays(day, DUE_SOON_WORKDAYS).date
    lines = [
        WorkLine("依申请公开：待确认收到", open_cases.filter(status=Status.SUBMITTED).count(), f"{queue}?status=submitted"),
        WorkLine("依申请公开：3个工作日内到期", open_cases.filter(due_on__gte=day, due_on__lte=soon).count(),
                 f"{queue}?due=soon"),
        WorkLine("依申请公开：已超期", open_cases.filter(due_on__lt=day).count(), f"{queue}?due=overdue", urgent=True),
    ]
    if holds & {Role.APPROVER, Role.OFFICE_ADMIN}:
        proposed = Application.objects.filter(agency__in=approving, status=Status.PROPOSED).count()
        lines.insert(1, WorkLine("依申请公开：答复待签发", proposed, f"{queue}?status=proposed"))
    return lines


def _letters(handling, approving, holds) -> list[WorkLine]:
    from gongkai.mailbox.models import LetterStatus, MailboxLetter

    queue = reverse("mailbox:queue")
    lines = [WorkLine("县长信箱：待答复", MailboxLetter.objects.filter(agency__in=handling, status=LetterStatus.ASSIGNED).count(),
                      queue)]
    if holds & {Role.APPROVER, Role.OFFICE_ADMIN}:
        waiting = MailboxLetter.objects.filter(agency__in=approving, status=LetterStatus.AWAITING_APPROVAL).count()
        lines.append(WorkLine("县长信箱：答复待审核", waiting, queue))
    return lines


def _items(reviewing, approving, holds) -> list[WorkLine]:
    from gongkai.publishing.models import InformationItem, ItemStatus

    lines = []
    if holds & {Role.REVIEWER, Role.OFFICE_ADMIN}:
        count = InformationItem.objects.filter(agency__in=reviewing, status=ItemStatus.IN_REVIEW).count()
        lines.append(WorkLine("主动公开：待保密审查", count, reverse("publishing:review_queue")))
    if holds & {Role.APPROVER, Role.OFFICE_ADMIN}:
        count = InformationItem.objects.filter(agency__in=approving, status=ItemStatus.AWAITING_APPROVAL).count()
        lines.append(WorkLine("主动公开：待审批", count, reverse("publishing:approval_queue")))
    return lines
