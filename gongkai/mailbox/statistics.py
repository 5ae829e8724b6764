"""Letter counts by month and by agency, and the on-time rate, from the letter rows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from gongkai.mailbox.models import LetterStatus, MailboxLetter


@dataclass
class Tally:
    received: int = 0
    answered: int = 0
    on_time: int = 0
    late: int = 0
    unanswered: int = 0
    overdue: int = 0  # unanswered and past the deadline
    published: int = 0

    @property
    def on_time_rate(self) -> float | None:
        """Answered on time / answered (None when nothing was answered yet)."""
        return self.on_time / self.answered if self.answered else None

    @property
    def on_time_label(self) -> str:
        rate = self.on_time_rate
        return "—" if rate is None else f"{rate * 100:.1f}%"

    def add(self, letter: MailboxLetter, today: datetime.date) -> None:
        self.received += 1
        self.published += letter.is_published
        if letter.status == LetterStatus.ANSWERED:
            self.answered += 1
            if letter.answered_on_time:
                self.on_time += 1
            else:
                self.late += 1
        elif letter.is_unanswered:
            self.unanswered += 1
            if letter.due_on is not None and letter.due_on < today:
                self.overdue += 1


@dataclass
class LetterStatistics:
    year: int
    total: Tally = field(default_factory=Tally)
    by_month: dict[int, Tally] = field(default_factory=dict)
    by_agency: dict[str, Tally] = field(default_factory=dict)


UNASSIGNED = "（未分办）"


def letter_statistics(year: int, *, today: datetime.date, letters=None) -> LetterStatistics:
    """Letters received in `year`, counted by month of receipt and by agency."""
    letters = MailboxLetter.objects.all() if letters is None else letters
    stats = LetterStatistics(year, by_month={m: Tally() for m in range(1, 13)})
    for letter in letters.filter(received_on__year=year).select_related("agency").order_by("received_on", "id"):
        stats.total.add(letter, today)
        stats.by_month[letter.received_on.month].add(letter, today)
        name = letter.agency.display_name if letter.agency else UNASSIGNED
        stats.by_agency.setdefault(name, Tally()).add(letter, today)
    return stats
