"""The reply deadline (rules.md §2, 条例第三十条至第三十五条) from the clock events."""

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gongkai.applications.clock import ClockError, ClockEvent, ClockEventKind, derive_deadline
from gongkai.workdays.seed import package_calendar

CAL = package_calendar()
D = dt.date
K = ClockEventKind


def deadline(received_on, *events, today=None):
    return derive_deadline(received_on, list(events), CAL, today or D(2027, 12, 31))


def E(kind, on, **extra):
    return ClockEvent(kind=kind, on=on, **extra)


@pytest.mark.parametrize(
    ("received_on", "events", "due_on", "provisional", "case"),
    [
        (D(2025, 9, 26), [], D(2025, 10, 30), False, "国庆中秋 8 天，09-28 周日、10-11 周六上班"),
        (D(2025, 12, 20), [], D(2026, 1, 19), False, "跨年，2026 元旦 01-04 周日上班"),
        (D(2026, 2, 10), [], D(2026, 3, 16), False, "2026 春节 9 天"),
        (D(2026, 2, 13), [], D(2026, 3, 19), False, "02-14 周六、02-28 周六上班"),
        (D(2025, 1, 18), [], D(2025, 2, 20), False, "周六收到；find_workday 会算成 02-21"),
        (D(2026, 12, 15), [], D(2027, 1, 12), True, "2027 年未载入：按周一至周五，暂定"),
        (D(2026, 11, 20), [], D(2026, 12, 18), False, "不跨入 2027 年：正式"),
        (
            D(2025, 9, 26),
            [E(K.EXTENDED, D(2025, 10, 20), workdays=20)],
            D(2025, 11, 27),
            False,
            "延长 20 个工作日（第三十三条）",
        ),
        (
            D(2025, 9, 26),
            [E(K.EXTENDED, D(2025, 10, 30), workdays=5)],
            D(2025, 11, 6),
            False,
            "期限当天决定延长 5 个工作日",
        ),
        (
            D(2025, 9, 26),
            [E(K.CONSULTATION_STARTED, D(2025, 10, 9)), E(K.CONSULTATION_ENDED, D(2025, 10, 20))],
            # 09-28, 29, 30, 10-09 (the day the letter goes out counts: 4); 10-10 … 10-20 not
            # counted (8 working days incl. 10-11 调休); 10-21 … 11-11 the other 16.
            D(2025, 11, 11),
            False,
            "征求第三方意见：发函当日计入，其后至收到意见之日不计入",
        ),
        (
            D(2025, 9, 26),
            [E(K.FEE_NOTIFIED, D(2025, 10, 27)), E(K.FEE_PAID, D(2025, 10, 29))],
            # 10-27 is the 17th day; 10-28, 10-29 not counted; 10-30, 10-31, 11-03.
            D(2025, 11, 3),
            False,
            "收费通知至缴费 2 个工作日不计入",
        ),
        (
            D(2025, 9, 26),
            [E(K.CORRECTION_REQUESTED, D(2025, 10, 10)), E(K.CORRECTION_RECEIVED, D(2025, 10, 20))],
            D(2025, 11, 17),
            False,
            "补正后自收到之日重新计算 20 个工作日",
        ),
        (
            D(2025, 9, 26),
            [
                E(K.CORRECTION_REQUESTED, D(2025, 9, 29)),
                E(K.CORRECTION_RECEIVED, D(2025, 10, 9)),
                E(K.CONSULTATION_STARTED, D(2025, 10, 13)),
                E(K.CONSULTATION_ENDED, D(2025, 10, 17)),
                E(K.EXTENDED, D(2025, 11, 3), workdays=10),
            ],
            # 10-09 + 20 = 11-05 (10-11 调休); 10-14 … 10-17 consulting (4 days) → 11-11;
            # + 10 → 11-25.
            D(2025, 11, 25),
            False,
            "补正、征求意见、延期依次发生",
        ),
        (
            D(2026, 12, 1),
            # 12-11, 12-14, 12-15 not counted: the 20th day is 2027-01-01 (year not loaded).
            [E(K.FEE_NOTIFIED, D(2026, 12, 10)), E(K.FEE_PAID, D(2026, 12, 15))],
            D(2027, 1, 1),
            True,
            "暂停后跨入未载入的 2027 年",
        ),
        (
            D(2025, 9, 26),
            [
                E(
                    K.DEADLINE_SET,
                    D(2025, 10, 15),
                    due_on=D(2025, 12, 31),
                    reason="申请涉及档案四千余件",
                )
            ],
            D(2025, 12, 31),
            False,
            "第三十五条确定的较长期限",
        ),
    ],
)
def test_it_derives_the_due_date(received_on, events, due_on, provisional, case):
    result = deadline(received_on, *events)
    assert (result.due_on, result.provisional) == (due_on, provisional), case
    assert not result.paused


def test_it_explains_the_derivation_step_by_step():
    result = deadline(
        D(2025, 9, 26),
        E(K.CONSULTATION_STARTED, D(2025, 10, 9)),
        E(K.CONSULTATION_ENDED, D(2025, 10, 20)),
        E(K.EXTENDED, D(2025, 11, 3), workdays=20, reason="需调取历年档案"),
    )
    assert result.explanation == [
        "收到申请 2025-09-26（第三十一条），不计当日，20个工作日 → 2025-10-30（第三十三条）。",
        "征求第三方意见 2025-10-09 至 2025-10-20，期间8个工作日不计入（第三十二条） → 期限顺延至 2025-11-11。",
        "2025-11-03 经政府信息公开工作机构负责人同意，延长答复期限20个工作日（第三十三条），"
        "理由：需调取历年档案 → 2025-12-09。",
        "答复期限：2025-12-09。",
    ]


def test_it_cites_article_34_for_another_agency():
    result = deadline(
        D(2025, 9, 26),
        E(K.CONSULTATION_STARTED, D(2025, 10, 9), consulted_agency=True),
        E(K.CONSULTATION_ENDED, D(2025, 10, 20)),
    )
    assert (
        "征求其他机关意见 2025-10-09 至 2025-10-20，期间8个工作日不计入（第三十四条）"
        in (result.explanation[1])
    )


def test_it_says_when_a_deadline_is_provisional():
    result = deadline(D(2026, 12, 15))
    assert result.explanation[0].endswith("→ 2027-01-12（暂定）（第三十三条）。")
    assert "2027年的节假日安排尚未载入，按周一至周五计算，期限为暂定。" in result.explanation


def test_an_open_consultation_projects_as_if_it_ended_today():
    result = deadline(
        D(2025, 9, 26), E(K.CONSULTATION_STARTED, D(2025, 10, 9)), today=D(2025, 10, 15)
    )
    # 10-10, 11 (调休), 13, 14, 15: five working days not counted so far (10-09 counts).
    assert result.due_on == D(2025, 11, 6)
    assert (result.paused, result.paused_since, result.pause_kind) == (
        True,
        D(2025, 10, 9),
        "consultation_started",
    )
    assert (
        "暂按今天 2025-10-15 结束推算，至今5个工作日不计入（第三十二条）" in result.explanation[1]
    )


def test_an_unpaid_fee_notice_pauses_the_clock():
    result = deadline(D(2025, 9, 26), E(K.FEE_NOTIFIED, D(2025, 10, 27)), today=D(2025, 10, 28))
    assert (result.paused, result.paused_since, result.pause_kind) == (
        True,
        D(2025, 10, 27),
        "fee_notified",
    )
    assert result.due_on == D(2025, 10, 31)  # 10-27 counts, 10-28 does not: 10-29, 10-30, 10-31


def test_an_unanswered_correction_notice_projects_from_today():
    result = deadline(
        D(2025, 9, 26), E(K.CORRECTION_REQUESTED, D(2025, 10, 9)), today=D(2025, 10, 16)
    )
    assert result.due_on == D(2025, 11, 13)  # 10-16 + 20 working days
    assert (result.paused, result.paused_since) == (True, D(2025, 10, 9))
    assert result.pause_kind == "correction_requested"


@pytest.mark.parametrize(
    ("sent_on", "late"),
    [(D(2025, 10, 13), False), (D(2025, 10, 14), True)],
)
def test_it_checks_the_correction_notice_was_sent_within_7_working_days(sent_on, late):
    result = deadline(D(2025, 9, 26), E(K.CORRECTION_REQUESTED, sent_on))
    assert result.correction_notice_due_on == D(2025, 10, 13)
    assert result.correction_notice_late is late


@pytest.mark.parametrize(
    ("today", "remaining", "overdue"),
    [
        (D(2025, 9, 26), 20, False),
        (D(2025, 10, 29), 1, False),
        (D(2025, 10, 30), 0, False),
        (D(2025, 10, 31), -1, True),
    ],
)
def test_it_counts_the_working_days_left(today, remaining, overdue):
    result = deadline(D(2025, 9, 26), today=today)
    assert (result.remaining_workdays, result.overdue) == (remaining, overdue)


@pytest.mark.parametrize(
    ("events", "message"),
    [
        (
            [E(K.EXTENDED, D(2025, 10, 9), workdays=5), E(K.EXTENDED, D(2025, 10, 10), workdays=5)],
            "答复期限只能延长一次（第三十三条）。",
        ),
        ([E(K.EXTENDED, D(2025, 10, 9), workdays=21)], "最长不超过20个工作日"),
        ([E(K.EXTENDED, D(2025, 10, 9), workdays=0)], "最长不超过20个工作日"),
        ([E(K.EXTENDED, D(2025, 10, 31), workdays=10)], "已于 2025-10-30 届满"),
        ([E(K.CONSULTATION_ENDED, D(2025, 10, 9))], "没有进行中的征求第三方意见"),
        ([E(K.FEE_PAID, D(2025, 10, 9))], "没有进行中的收费通知"),
        (
            [E(K.CONSULTATION_STARTED, D(2025, 10, 9)), E(K.CONSULTATION_STARTED, D(2025, 10, 10))],
            "上一次征求第三方意见尚未结束",
        ),
        ([E(K.FEE_NOTIFIED, D(2025, 9, 25))], "早于收到申请的日期 2025-09-26"),
        ([E(K.FEE_NOTIFIED, D(2026, 1, 1))], "晚于今天"),
        (
            [
                E(K.CORRECTION_REQUESTED, D(2025, 9, 29)),
                E(K.CORRECTION_RECEIVED, D(2025, 9, 30)),
                E(K.CORRECTION_REQUESTED, D(2025, 10, 9)),
            ],
            "补正通知只能发一次",
        ),
        ([E(K.CORRECTION_RECEIVED, D(2025, 9, 29))], "没有待补正的通知"),
        (
            [E(K.CORRECTION_REQUESTED, D(2025, 9, 29)), E(K.CONSULTATION_STARTED, D(2025, 9, 30))],
            "正在等待申请人补正，不能登记“开始征求意见”",
        ),
        (
            [E(K.CONSULTATION_STARTED, D(2025, 9, 29)), E(K.CORRECTION_REQUESTED, D(2025, 9, 30))],
            "补正通知应在征求意见、延期、收费等其他办理事项之前发出",
        ),
        ([E(K.DEADLINE_SET, D(2025, 10, 9), due_on=D(2025, 10, 30))], "应晚于现有期限 2025-10-30"),
        ([E(K.DEADLINE_SET, D(2025, 10, 9))], "应晚于现有期限"),
        (
            [
                E(K.DEADLINE_SET, D(2025, 10, 9), due_on=D(2025, 12, 1)),
                E(K.DEADLINE_SET, D(2025, 10, 10), due_on=D(2025, 12, 31)),
            ],
            "不能重复确定",
        ),
        ([E("withdrawn", D(2025, 10, 9))], "未知的办理事项“withdrawn”"),
    ],
)
def test_it_refuses_sequences_the_regulation_does_not_allow(events, message):
    with pytest.raises(ClockError, match=message):
        deadline(D(2025, 9, 26), *events, today=D(2025, 12, 31))


# --- properties ------------------------------------------------------------------

received_dates = st.dates(min_value=D(2019, 1, 1), max_value=D(2026, 12, 31))
offsets = st.integers(min_value=0, max_value=60)


@st.composite
def pauses(draw, received_on):
    kind = draw(st.sampled_from([K.CONSULTATION_STARTED, K.FEE_NOTIFIED]))
    first = received_on + dt.timedelta(days=draw(offsets))
    events = [E(kind, first)]
    if draw(st.booleans()):
        end = {K.CONSULTATION_STARTED: K.CONSULTATION_ENDED, K.FEE_NOTIFIED: K.FEE_PAID}[kind]
        events.append(E(end, first + dt.timedelta(days=draw(offsets))))
    return events


@st.composite
def cases(draw):
    received_on = draw(received_dates)
    base = []
    if draw(st.booleans()):
        extension_on = received_on + dt.timedelta(days=draw(st.integers(0, 25)))
        base.append(E(K.EXTENDED, extension_on, workdays=draw(st.integers(1, 20))))
    return received_on, base, draw(pauses(received_on))


@given(cases())
def test_the_due_date_is_always_a_working_day(case):
    received_on, base, pause = case
    result = deadline(received_on, *base, *pause, today=received_on + dt.timedelta(days=150))
    assert CAL.is_workday(result.due_on)


@given(cases())
def test_adding_a_pause_never_makes_the_due_date_earlier(case):
    received_on, base, pause = case
    today = received_on + dt.timedelta(days=150)
    try:
        without = deadline(received_on, *base, today=today)
    except ClockError:
        assume(False)  # an extension decided after the deadline: not this property's concern
    with_pause = deadline(received_on, *base, *pause, today=today)
    assert with_pause.due_on >= without.due_on


def test_a_consultation_past_its_reply_by_stops_pausing_and_the_case_becomes_overdue():
    """Issue 10.3: the pause is capped at the party's reply-by date (第三十二条: 15
    working days from their receipt); after it the clock runs by itself, so the due date
    stops sliding and the case can be overdue."""
    started = E(K.CONSULTATION_STARTED, D(2025, 10, 9), due_on=D(2025, 10, 31))
    # 09-28, 29, 30, 10-09 count (4); 10-10 … 10-31 not (17 working days); 11-03 … 11-24
    # are days 5 … 20.
    in_november = deadline(D(2025, 9, 26), started, today=D(2025, 11, 20))
    in_december = deadline(D(2025, 9, 26), started, today=D(2025, 12, 10))
    assert in_november.due_on == in_december.due_on == D(2025, 11, 24)
    assert in_december.overdue and not in_november.overdue
    assert "对方提出意见的期限 2025-10-31 已过" in in_december.explanation[1]


def test_a_late_correction_notice_does_not_restart_the_clock():
    """Issue 10.8: 条例第三十条 gives 7 working days for the 补正 notice (received 09-26 →
    by 10-13). Sent 10-20 without a recorded reason, it neither stops nor restarts the
    reply period: still 10-30."""
    late = deadline(
        D(2025, 9, 26), E(K.CORRECTION_REQUESTED, D(2025, 10, 20)), E(K.CORRECTION_RECEIVED, D(2025, 10, 24))
    )
    assert late.correction_notice_late and late.due_on == D(2025, 10, 30)
    assert "不符合第三十条，答复期限不因此停止或重新计算" in "".join(late.explanation)
    waiting = deadline(D(2025, 9, 26), E(K.CORRECTION_REQUESTED, D(2025, 10, 20)), today=D(2025, 10, 22))
    assert not waiting.paused and waiting.due_on == D(2025, 10, 30)


def test_a_late_correction_notice_restarts_only_with_a_recorded_override():
    overridden = deadline(
        D(2025, 9, 26),
        E(K.CORRECTION_REQUESTED, D(2025, 10, 20), reason="申请材料经邮局延误转交，10-17 才到承办人手中"),
        E(K.CORRECTION_RECEIVED, D(2025, 10, 24)),
    )
    # From 10-24: 10-27 … 10-31 (5), 11-03 … 11-07 (10), 11-10 … 11-14 (15), 11-17 … 11-21 (20).
    assert overridden.due_on == D(2025, 11, 21)
    assert "经说明理由" in "".join(overridden.explanation)


def test_a_consultation_closed_after_its_reply_by_still_pauses_only_up_to_it():
    """Found from outside (a lawyer): closing a consultation late dropped the cap, and the
    due date jumped from 11-24 to weeks later. Closed or open, the pause ends at 10-31."""
    started = E(K.CONSULTATION_STARTED, D(2025, 10, 9), due_on=D(2025, 10, 31))
    closed_late = deadline(D(2025, 9, 26), started, E(K.CONSULTATION_ENDED, D(2025, 11, 20)), today=D(2025, 12, 10))
    still_open = deadline(D(2025, 9, 26), started, today=D(2025, 12, 10))
    assert closed_late.due_on == still_open.due_on == D(2025, 11, 24)
    assert closed_late.overdue
    assert "只计至该日" in "".join(closed_late.explanation)
