"""The month-by-month trend of missed deadlines, from the records.

A month counts every application, information item and letter whose deadline fell in
it and was missed: answered or published after it, or still open after it passed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps

from gongkai.applications.models import Application
from gongkai.publishing.deadlines import UNPUBLISHED, publication_due_on
from gongkai.publishing.models import InformationItem, ItemStatus
from gongkai.workdays.core import Calendar


def last_months(today: datetime.date, n: int = 12) -> list[datetime.date]:
    """The first days of the n months ending with today's, oldest first."""
    year, month = today.year, today.month
    months = []
    for _ in range(n):
        months.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


@dataclass(frozen=True)
class Trend:
    months: list[datetime.date]
    applications: tuple[int, ...]
    publications: tuple[int, ...]
    letters: tuple[int, ...]

    @property
    def labels(self) -> list[str]:
        return [f"{m.year % 100:02d}年{m.month}月" for m in self.months]

    @property
    def rows(self):
        return list(zip(self.labels, self.applications, self.publications, self.letters, strict=True))


def _missed(due: datetime.date, done: datetime.date | None, today: datetime.date) -> bool:
    return (done is not None and done > due) or (done is None and due < today)


def _tally(months, pairs, today) -> tuple[int, ...]:
    index = {(m.year, m.month): i for i, m in enumerate(months)}
    counts = [0] * len(months)
    for due, done in pairs:
        i = index.get((due.year, due.month))
        if i is not None and _missed(due, done, today):
            counts[i] += 1
    return tuple(counts)


def missed_deadlines_by_month(agencies, today: datetime.date, calendar: Calendar, n: int = 12) -> Trend:
    months = last_months(today, n)
    start = months[0]
    applications = Application.objects.filter(agency__in=agencies, due_on__gte=start, due_on__lte=today)
    app_pairs = [(due, replied or closed) for due, replied, closed in applications.values_list("due_on", "replied_on", "closed_on")]

    # Art. 26 deadlines are at least 20 days after formed_on: look back far enough.
    items = InformationItem.objects.filter(
        agency__in=agencies, formed_on__gte=start - datetime.timedelta(days=60),
        status__in=(*UNPUBLISHED, ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN),
    ).values_list("formed_on", "published_on")
    item_pairs = [(publication_due_on(formed, calendar).date, published) for formed, published in items]

    letter_pairs = []
    if apps.is_installed("gongkai.mailbox"):
        from gongkai.mailbox.models import MailboxLetter

        letter_pairs = list(
            MailboxLetter.objects.filter(agency__in=agencies, due_on__gte=start, due_on__lte=today)
            .values_list("due_on", "answered_on")
        )
    return Trend(
        months,
        _tally(months, app_pairs, today),
        _tally(months, item_pairs, today),
        _tally(months, letter_pairs, today),
    )
