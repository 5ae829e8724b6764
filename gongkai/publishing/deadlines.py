"""Art. 26 deadlines: 条例第二十六条 — proactively disclosed information is published
within 20 working days of the day it is formed or changed.

Nothing is stored: each item's deadline is recomputed from its `formed_on` with the
current working-day calendar, so loading next year's holidays corrects every
provisional deadline at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.publishing.models import InformationItem, ItemStatus
from gongkai.workdays.core import Calendar, WorkdayDate

PUBLISH_WORKDAYS = 20  # 条例第二十六条
# How close a deadline must be to be listed as "due soon" (a working week).
DUE_SOON_WORKDAYS = 5

UNPUBLISHED = (ItemStatus.DRAFT, ItemStatus.IN_REVIEW, ItemStatus.AWAITING_APPROVAL, ItemStatus.RETURNED)


def publication_due_on(formed_on: datetime.date, calendar: Calendar) -> WorkdayDate:
    """The last day to publish: the 20th working day after `formed_on` (the day itself
    not counted, rules.md §1)."""
    return calendar.add_workdays(formed_on, PUBLISH_WORKDAYS)


@dataclass(frozen=True)
class ItemDeadline:
    item: InformationItem
    due_on: datetime.date
    provisional: bool
    # Working days from today to the deadline; negative once it has passed. For a
    # published item: how many working days after the deadline it was published.
    workdays: int

    @property
    def workdays_apart(self) -> int:
        """How many working days separate today (or the publication) from the deadline."""
        return abs(self.workdays)


@dataclass(frozen=True)
class DeadlineList:
    today: datetime.date
    due_soon: list[ItemDeadline]  # not yet published, deadline within DUE_SOON_WORKDAYS
    late: list[ItemDeadline]  # not yet published, deadline passed
    published_late: list[ItemDeadline]  # published after the deadline, since `published_since`


def publication_deadlines(
    agencies,
    *,
    today: datetime.date | None = None,
    published_since: datetime.date | None = None,
    calendar: Calendar | None = None,
) -> DeadlineList:
    """Items of `agencies` (an Agency or a queryset of them) that are due soon or late
    under Art. 26, and those published late since `published_since` (default: 1 January
    of this year)."""
    if calendar is None:
        from gongkai.workdays.store import current_calendar

        calendar = current_calendar()
    today = today or timezone.localdate()
    published_since = published_since or today.replace(month=1, day=1)
    items = InformationItem.objects.filter(**_agency_filter(agencies)).select_related("agency")

    due_soon, late = [], []
    for item in items.filter(status__in=UNPUBLISHED).order_by("formed_on", "id"):
        due = publication_due_on(item.formed_on, calendar)
        left = calendar.workdays_between(today, due.date)
        if due.date < today:
            late.append(ItemDeadline(item, due.date, due.provisional, left))
        elif left <= DUE_SOON_WORKDAYS:
            due_soon.append(ItemDeadline(item, due.date, due.provisional, left))

    published_late = []
    # 20 working days are at least 20 calendar days, so this narrows the rows in the
    # database without ever dropping a late one.
    candidates = items.filter(
        status__in=(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN),
        published_on__gte=published_since,
        published_on__gt=F("formed_on") + datetime.timedelta(days=PUBLISH_WORKDAYS),
    ).order_by("-published_on", "-id")
    for item in candidates:
        due = publication_due_on(item.formed_on, calendar)
        if item.published_on > due.date:
            over = calendar.workdays_between(due.date, item.published_on)
            published_late.append(ItemDeadline(item, due.date, due.provisional, over))
    return DeadlineList(today, due_soon, late, published_late)


def _agency_filter(agencies) -> dict:
    if isinstance(agencies, Agency):
        return {"agency": agencies}
    return {"agency__in": agencies}
