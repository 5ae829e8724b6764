"""The reply deadline of an application (rules.md §2), derived from its clock events.

Pure: takes the date of receipt, the events, a working-day calendar and today, and
returns a `Deadline` with a step-by-step explanation in plain Chinese. Nothing is
stored: the deadline is always recomputed from the events (style.md: derived, never
typed in twice).

- 条例第三十三条: 20 working days from receipt, the day of receipt not counted; one
  extension of at most 20 working days.
- 条例第三十条: a 补正 notice (one, within 7 working days of receipt) stops the clock;
  it restarts, with a fresh 20 days, from the day the corrected application arrives.
- 条例第三十二条、第三十四条: time spent consulting a third party or another agency is
  not counted. Fees (国办函〔2020〕109号, verify): the time from the fee notice to
  payment is not counted either. A pause is counted as 第三十三条 counts days: its
  first day (the letter goes out; the agency's own day) still counts for the agency,
  the days after it up to and including its last day do not; counting resumes the day
  after it ends. A consultation pause has a cap, the party's reply-by date (15 working
  days from their receipt): still open past it, the clock runs again by itself — the
  due date no longer slides day by day. Any other open pause is projected as if it
  ended today.
- 条例第三十五条: for an excessive application the agency may set a longer deadline.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from gongkai.workdays.core import Calendar, WorkdayDate

REPLY_WORKDAYS = 20  # 条例第三十三条第二款
MAX_EXTENSION_WORKDAYS = 20  # 条例第三十三条第二款
CORRECTION_NOTICE_WORKDAYS = 7  # 条例第三十条


class ClockError(ValueError):
    """An event sequence the Regulation does not allow; the message is for the user."""


class ClockEventKind(StrEnum):
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTION_RECEIVED = "correction_received"
    CONSULTATION_STARTED = "consultation_started"
    CONSULTATION_ENDED = "consultation_ended"
    EXTENDED = "extended"
    FEE_NOTIFIED = "fee_notified"
    FEE_PAID = "fee_paid"
    DEADLINE_SET = "deadline_set"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ClockEventKind.CORRECTION_REQUESTED: "发出补正通知",
    ClockEventKind.CORRECTION_RECEIVED: "收到补正后的申请",
    ClockEventKind.CONSULTATION_STARTED: "开始征求意见",
    ClockEventKind.CONSULTATION_ENDED: "征求意见结束",
    ClockEventKind.EXTENDED: "延长答复期限",
    ClockEventKind.FEE_NOTIFIED: "发出收费通知",
    ClockEventKind.FEE_PAID: "缴纳信息处理费",
    ClockEventKind.DEADLINE_SET: "确定较长的答复期限",
}


@dataclass(frozen=True)
class ClockEvent:
    kind: ClockEventKind | str
    on: datetime.date
    workdays: int = 0  # extended: how many working days
    due_on: datetime.date | None = None  # deadline_set: the longer deadline (第三十五条);
    # consultation_started: the party's reply-by date, the pause's cap (第三十二条)
    reason: str = ""  # extended / deadline_set: why, as told to the applicant
    consulted_agency: bool = False  # consultation with another agency (第三十四条)


@dataclass(frozen=True)
class Deadline:
    due_on: datetime.date
    provisional: bool  # depends on a year whose holidays are not loaded yet
    paused: bool
    paused_since: datetime.date | None
    pause_kind: str  # the ClockEventKind that opened the pause, or ""
    correction_notice_due_on: datetime.date
    correction_notice_late: bool
    remaining_workdays: int  # working days in (today, due_on]: 0 on the day, < 0 when late
    explanation: list[str] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        return self.remaining_workdays < 0


@dataclass
class _Pause:
    kind: ClockEventKind  # CONSULTATION_STARTED or FEE_NOTIFIED
    first: datetime.date
    last: datetime.date | None = None
    consulted_agency: bool = False
    cap: datetime.date | None = None  # consultation: the party's reply-by date

    def excluded(self, today: datetime.date) -> tuple[datetime.date, datetime.date] | None:
        """The inclusive range of days not counted: after the first day, up to the last
        (or, while open, up to today but never past the cap)."""
        last = self.last or (min(today, self.cap) if self.cap else today)
        first = self.first + datetime.timedelta(days=1)
        return (first, last) if first <= last else None


@dataclass
class _Clock:
    """The state while folding over the events."""

    start: datetime.date  # counting starts the day after
    workdays: int = REPLY_WORKDAYS
    pauses: list[_Pause] = field(default_factory=list)
    correction_requested_on: datetime.date | None = None
    awaiting_correction: bool = False
    correction_restarts: bool = True  # False: a late notice without an override
    extended: bool = False
    set_due: datetime.date | None = None
    steps: int = 0

    def due(self, calendar: Calendar, today: datetime.date) -> WorkdayDate:
        if self.awaiting_correction and self.correction_restarts:
            # Projected as if the corrected application arrived today.
            return calendar.add_workdays(today, self.workdays)
        ranges = [r for p in self.pauses if (r := p.excluded(today))]
        computed = calendar.add_workdays(self.start, self.workdays, excluding=ranges)
        if self.set_due and self.set_due > computed.date:
            return WorkdayDate(self.set_due, provisional=False)
        return computed

    def open_pause(self, kind: ClockEventKind) -> _Pause | None:
        return next((p for p in self.pauses if p.kind == kind and p.last is None), None)


def derive_deadline(
    received_on: datetime.date,
    events: Iterable[ClockEvent],
    calendar: Calendar,
    today: datetime.date,
) -> Deadline:
    """The reply deadline and how it follows from the Regulation, step by step."""
    clock = _Clock(start=received_on)
    notice_due = calendar.add_workdays(received_on, CORRECTION_NOTICE_WORKDAYS).date
    first = calendar.add_workdays(received_on, REPLY_WORKDAYS)
    lines = [
        f"收到申请 {received_on}（第三十一条），不计当日，"
        f"{REPLY_WORKDAYS}个工作日 → {_when(first)}（第三十三条）。"
    ]
    for event in _in_order(events, received_on, today):
        _refuse_while_awaiting_correction(clock, event)
        lines += _HANDLERS[event.kind](clock, event, calendar, notice_due)
        clock.steps += 1
    lines += _open_state(clock, calendar, today)
    due = clock.due(calendar, today)
    lines += _closing(clock, due, calendar, today)
    paused_since, pause_kind = _paused(clock)
    return Deadline(
        due_on=due.date,
        provisional=due.provisional,
        paused=paused_since is not None,
        paused_since=paused_since,
        pause_kind=pause_kind,
        correction_notice_due_on=notice_due,
        correction_notice_late=bool(
            clock.correction_requested_on and clock.correction_requested_on > notice_due
        ),
        remaining_workdays=calendar.workdays_between(today, due.date),
        explanation=lines,
    )


def _in_order(events, received_on, today) -> list[ClockEvent]:
    checked = []
    for event in events:
        try:
            kind = ClockEventKind(event.kind)
        except ValueError:
            raise ClockError(f"未知的办理事项“{event.kind}”。") from None
        if event.on < received_on:
            raise ClockError(f"“{kind.label}”的日期 {event.on} 早于收到申请的日期 {received_on}。")
        if event.on > today:
            raise ClockError(f"“{kind.label}”的日期 {event.on} 晚于今天 {today}，不能预先登记。")
        checked.append(event)
    return sorted(checked, key=lambda e: e.on)  # stable: same-day events keep their order


# --- one handler per event kind: check it is allowed, update the clock, explain ---------


def _correction_requested(clock, event, calendar, notice_due):
    if clock.correction_requested_on:
        raise ClockError("补正通知只能发一次，应一次性告知需要补正的内容（第三十条）。")
    if clock.steps:
        raise ClockError("补正通知应在征求意见、延期、收费等其他办理事项之前发出（第三十条）。")
    clock.correction_requested_on = event.on
    clock.awaiting_correction = True
    timing = "按期" if event.on <= notice_due else "已超过该期限"
    lines = [
        f"补正通知应在收到申请后{CORRECTION_NOTICE_WORKDAYS}个工作日内发出，"
        f"即不晚于 {notice_due}（第三十条）；{event.on} 发出，{timing}。",
    ]
    if event.on > notice_due and not event.reason:
        # 第三十条 allows the restart only for a notice given in time: a late one does
        # not stop or restart the reply period unless overridden with a recorded reason.
        clock.correction_restarts = False
        return lines + ["补正通知超过法定期限发出，不符合第三十条，答复期限不因此停止或重新计算。"]
    if event.on > notice_due:
        lines.append(f"补正通知超期发出，经说明理由（{event.reason}）仍按重新计算处理。")
    return lines + [f"{event.on} 发出补正通知，答复期限停止计算，收到补正后的申请之日重新起算（第三十条）。"]


def _correction_received(clock, event, calendar, notice_due):
    if not clock.awaiting_correction:
        raise ClockError("没有待补正的通知，不能登记收到补正后的申请。")
    clock.awaiting_correction = False
    if not clock.correction_restarts:
        due = _when(clock.due(calendar, event.on))
        return [f"{event.on} 收到补正后的申请；补正通知超期，答复期限不重新计算 → {due}。"]
    clock.start = event.on
    due = _when(clock.due(calendar, event.on))
    return [
        f"{event.on} 收到补正后的申请，自该日重新计算（第三十条），"
        f"不计当日，{clock.workdays}个工作日 → {due}。"
    ]


def _pause_started(clock, event, calendar, notice_due):
    kind = ClockEventKind(event.kind)
    if clock.open_pause(kind):
        raise ClockError(
            f"上一次{_pause_name(kind, event.consulted_agency)}尚未结束，不能再次开始。"
        )
    cap = event.due_on if kind == ClockEventKind.CONSULTATION_STARTED else None
    clock.pauses.append(_Pause(kind, event.on, consulted_agency=event.consulted_agency, cap=cap))
    return []


def _pause_ended(clock, event, calendar, notice_due):
    kind = _STARTS[ClockEventKind(event.kind)]
    pause = clock.open_pause(kind)
    if pause is None:
        raise ClockError(
            f"没有进行中的{_pause_name(kind, False)}，不能登记“{ClockEventKind(event.kind).label}”。"
        )
    # 第三十二条: the pause never runs past the party's reply-by date, however late the
    # consultation is closed (the clock ran again by itself from the day after).
    pause.last = min(event.on, pause.cap) if pause.cap else event.on
    due = _when(clock.due(calendar, event.on))
    late = f"（{event.on} 才登记结束，已超过对方提出意见的期限 {pause.cap}，只计至该日）" if pause.last < event.on else ""
    return [_pause_sentence(pause, pause.last, calendar) + late + f" → 期限顺延至 {due}。"]


def _extended(clock, event, calendar, notice_due):
    if clock.extended:
        raise ClockError("答复期限只能延长一次（第三十三条）。")
    if not 1 <= event.workdays <= MAX_EXTENSION_WORKDAYS:
        raise ClockError(
            f"延长的期限最长不超过{MAX_EXTENSION_WORKDAYS}个工作日（第三十三条），"
            f"登记的是{event.workdays}个工作日。"
        )
    current = clock.due(calendar, event.on).date
    if event.on > current:
        raise ClockError(f"答复期限已于 {current} 届满，{event.on} 不能再决定延长（第三十三条）。")
    clock.extended = True
    clock.workdays += event.workdays
    due = _when(clock.due(calendar, event.on))
    why = f"，理由：{event.reason}" if event.reason else ""
    return [
        f"{event.on} 经政府信息公开工作机构负责人同意，延长答复期限"
        f"{event.workdays}个工作日（第三十三条）{why} → {due}。"
    ]


def _deadline_set(clock, event, calendar, notice_due):
    if clock.set_due:
        raise ClockError("已按第三十五条确定过答复期限，不能重复确定。")
    current = clock.due(calendar, event.on).date
    if event.due_on is None or event.due_on <= current:
        raise ClockError(f"按第三十五条确定的答复期限应晚于现有期限 {current}。")
    clock.set_due = event.due_on
    why = f"：{event.reason}" if event.reason else ""
    return [
        f"{event.on} 因申请数量、频次明显超过合理范围，确定延长答复期限至 {event.due_on}"
        f"（第三十五条）{why}。"
    ]


_HANDLERS = {
    ClockEventKind.CORRECTION_REQUESTED: _correction_requested,
    ClockEventKind.CORRECTION_RECEIVED: _correction_received,
    ClockEventKind.CONSULTATION_STARTED: _pause_started,
    ClockEventKind.CONSULTATION_ENDED: _pause_ended,
    ClockEventKind.FEE_NOTIFIED: _pause_started,
    ClockEventKind.FEE_PAID: _pause_ended,
    ClockEventKind.EXTENDED: _extended,
    ClockEventKind.DEADLINE_SET: _deadline_set,
}
_STARTS = {
    ClockEventKind.CONSULTATION_ENDED: ClockEventKind.CONSULTATION_STARTED,
    ClockEventKind.FEE_PAID: ClockEventKind.FEE_NOTIFIED,
}


def _refuse_while_awaiting_correction(clock: _Clock, event: ClockEvent) -> None:
    """While a 补正 notice is unanswered, nothing but the corrected application may follow."""
    kind = ClockEventKind(event.kind)
    if clock.awaiting_correction and kind != ClockEventKind.CORRECTION_RECEIVED:
        raise ClockError(f"正在等待申请人补正，不能登记“{kind.label}”（第三十条）。")


# --- wording -------------------------------------------------------------------


def _when(due: WorkdayDate) -> str:
    return f"{due.date}（暂定）" if due.provisional else str(due.date)


def _pause_name(kind: ClockEventKind, consulted_agency: bool) -> str:
    if kind == ClockEventKind.FEE_NOTIFIED:
        return "收费通知"
    return "征求其他机关意见" if consulted_agency else "征求第三方意见"


def _pause_rule(pause: _Pause) -> str:
    if pause.kind == ClockEventKind.FEE_NOTIFIED:
        return "收费通知至缴费期间不计入，国办函〔2020〕109号，待核实"
    return "第三十四条" if pause.consulted_agency else "第三十二条"


def _pause_sentence(pause: _Pause, last: datetime.date, calendar: Calendar) -> str:
    excluded = calendar.workdays_between(pause.first, last)
    name = _pause_name(pause.kind, pause.consulted_agency)
    return f"{name} {pause.first} 至 {last}，期间{excluded}个工作日不计入（{_pause_rule(pause)}）"


def _open_pause_sentence(pause: _Pause, today: datetime.date, calendar: Calendar) -> str:
    name = _pause_name(pause.kind, pause.consulted_agency)
    if pause.cap and today > pause.cap:
        excluded = calendar.workdays_between(pause.first, pause.cap)
        return (
            f"{name}自 {pause.first} 起尚未结束，但对方提出意见的期限 {pause.cap} 已过，"
            f"答复期限自次日起恢复计算，{excluded}个工作日不计入（{_pause_rule(pause)}）"
        )
    excluded = calendar.workdays_between(pause.first, today)
    return (
        f"{name}自 {pause.first} 起尚未结束，暂按今天 {today} 结束推算，"
        f"至今{excluded}个工作日不计入（{_pause_rule(pause)}）"
    )


def _open_state(clock: _Clock, calendar: Calendar, today: datetime.date) -> list[str]:
    """Sentences for what is still open today: a 补正 not yet received, a pause not ended."""
    due = _when(clock.due(calendar, today))
    if clock.awaiting_correction and clock.correction_restarts:
        return [
            f"尚未收到补正后的申请，暂按今天 {today} 收到推算，"
            f"不计当日，{clock.workdays}个工作日 → {due}。"
        ]
    return [
        _open_pause_sentence(p, today, calendar) + f" → 暂定 {due}。"
        for p in clock.pauses
        if p.last is None
    ]


def _closing(
    clock: _Clock, due: WorkdayDate, calendar: Calendar, today: datetime.date
) -> list[str]:
    lines = []
    if due.provisional:
        counted_from = today if clock.awaiting_correction and clock.correction_restarts else clock.start
        years = range(counted_from.year, due.date.year + 1)
        missing = "、".join(f"{y}年" for y in years if not calendar.is_loaded(y))
        lines.append(f"{missing}的节假日安排尚未载入，按周一至周五计算，期限为暂定。")
    lines.append(f"答复期限：{due.date}。")
    return lines


def _paused(clock: _Clock) -> tuple[datetime.date | None, str]:
    if clock.awaiting_correction and clock.correction_restarts:
        return clock.correction_requested_on, ClockEventKind.CORRECTION_REQUESTED.value
    open_pauses = [p for p in clock.pauses if p.last is None]
    if not open_pauses:
        return None, ""
    earliest = min(open_pauses, key=lambda p: p.first)
    return earliest.first, earliest.kind.value
