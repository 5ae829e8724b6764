"""The application state machine (条例第二十七条至第四十五条): every step, every refusal."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail

from gongkai.applications import actions as a
from gongkai.applications import deadlines
from gongkai.applications.models import (
    Application,
    ClockEvent,
    FeeStatus,
    LetterKind,
    Status,
)
from gongkai.applications.tests.conftest import PERSON
from gongkai.eventlog.log import history
from gongkai.testing import answer_application as reply

D = dt.date
pytestmark = pytest.mark.django_db


def verbs(application):
    return [e.verb for e in history(application)]


def test_it_registers_an_application_and_starts_the_clock(county, register, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application = register()
    assert application.status == Status.IN_PROGRESS
    assert application.received_on == D(2025, 9, 26)
    assert application.due_on == D(2025, 10, 30)  # rules.md §1 worked example
    assert application.due_provisional is False
    assert application.due_explanation[-1] == "答复期限：2025-10-30。"
    assert (application.year, application.number) == (2025, 1)
    assert verbs(application) == ["application_registered"]
    assert "2025年10月30日" in mail.outbox[-1].body


def test_an_online_application_waits_for_confirmation(county):
    application = a.do_submit_application(
        county.dept, applicant=PERSON, description="学校名单", form_wanted="electronic",
        delivery_wanted="email", idempotency_key="k1",
    )
    assert application.status == Status.SUBMITTED
    assert application.received_on is None and application.due_on is None
    application = a.do_confirm_receipt(application, on=D(2025, 12, 10), acting_user=county.clerk)
    assert application.status == Status.IN_PROGRESS
    assert application.received_on == D(2025, 12, 10)
    assert application.due_on == D(2026, 1, 8)
    assert verbs(application) == ["application_submitted", "receipt_confirmed"]


def test_a_double_submit_makes_one_application(county):
    kwargs = dict(applicant=PERSON, description="学校名单", form_wanted="paper", delivery_wanted="post")
    first = a.do_submit_application(county.dept, idempotency_key="same", **kwargs)
    second = a.do_submit_application(county.dept, idempotency_key="same", **kwargs)
    third = a.do_submit_application(county.dept, idempotency_key="other", **kwargs)
    assert first.pk == second.pk
    assert Application.objects.count() == 2
    assert [first.number, third.number] == [1, 2]


def test_numbers_are_gap_free_per_agency_and_year(county, register):
    numbers = [register().number for _ in range(3)]
    other = register(agency=county.other_dept, acting_user=county.office_admin)
    assert numbers == [1, 2, 3]
    assert other.number == 1
    with pytest.raises(a.NotAllowed):  # refused → the number is not used up
        register(received_on=D(2026, 1, 5))
    assert register().number == 4


def test_the_correction_cycle_restarts_the_clock(county, register):
    application = register()
    application = a.do_request_correction(
        application, on=D(2025, 10, 10), items="请写明文件名称或文号", answer_by=D(2025, 10, 31),
        acting_user=county.clerk,
    )
    assert application.status == Status.AWAITING_CORRECTION
    assert application.correction_notice_late is False
    assert application.letters.get().kind == LetterKind.CORRECTION_NOTICE
    application = a.do_receive_correction(application, on=D(2025, 10, 20), acting_user=county.clerk)
    assert application.status == Status.IN_PROGRESS
    assert application.due_on == D(2025, 11, 17)


def test_a_late_correction_notice_is_flagged(county, register):
    application = a.do_request_correction(
        register(), on=D(2025, 10, 14), items="请写明文号", answer_by=D(2025, 10, 31), acting_user=county.clerk,
    )
    assert application.correction_notice_late is True
    assert history(application).last().data["late"] is True


def test_no_correction_in_time_closes_as_overdue_correction(county, register):
    application = a.do_request_correction(
        register(), on=D(2025, 10, 10), items="请写明文号", answer_by=D(2025, 10, 31), acting_user=county.clerk,
    )
    with pytest.raises(a.NotAllowed, match="尚未届满"):
        a.do_close_overdue_correction(application, on=D(2025, 10, 31), acting_user=county.clerk)
    application = a.do_close_overdue_correction(application, acting_user=county.clerk)
    assert (application.status, application.outcome) == (Status.CLOSED, "other_overdue_correction")


def test_consultation_time_does_not_count(county, register):
    application = register()
    application = a.do_start_consultation(
        application, on=D(2025, 10, 9), party_kind="third_party", party_name="某公司", acting_user=county.clerk,
    )
    assert application.status == Status.CONSULTING
    # Assumed received 10-12, 3 days after sending (the setting); 15 working days → 10-31.
    assert application.consultations.get().reply_by == D(2025, 10, 31)
    application = a.do_end_consultation(
        application, on=D(2025, 10, 20), result="agreed", acting_user=county.clerk,
    )
    assert application.status == Status.IN_PROGRESS
    assert application.due_on == D(2025, 11, 11)  # 10-10 … 10-20 not counted (8 working days)


def test_an_extension_needs_an_approver_and_happens_once(county, register, django_capture_on_commit_callbacks):
    application = register()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(a.NotAllowed, match="负责人本人同意"):
            a.do_extend_deadline(application, on=D(2025, 10, 20), workdays=20, reason="需要检索档案",
                                 acting_user=county.clerk)
    assert callbacks == []  # refused: nobody is told anything
    request = a.do_request_extension(application, workdays=20, reason="需要检索档案", acting_user=county.clerk)
    application.refresh_from_db()
    assert application.due_on == D(2025, 10, 30)  # a request changes nothing yet
    with django_capture_on_commit_callbacks(execute=True):
        application = a.do_extend_deadline(application, on=D(2025, 10, 20), workdays=20, reason="需要检索档案",
                                           acting_user=county.approver)
    assert application.due_on == D(2025, 11, 27)
    assert ClockEvent.objects.get(application=application).approved_by == county.approver
    request.refresh_from_db()
    assert (request.approved, request.decided_by) == (True, county.approver)
    assert "延长" in mail.outbox[-1].subject
    with pytest.raises(a.NotAllowed, match="只能延长一次"):
        a.do_extend_deadline(application, on=D(2025, 10, 21), workdays=5, reason="再延",
                             acting_user=county.approver)


def test_an_extension_over_20_workdays_is_refused(county, register):
    application = register()
    with pytest.raises(a.NotAllowed, match="不超过20个工作日"):
        a.do_extend_deadline(application, on=D(2025, 10, 20), workdays=21, reason="多",
                             acting_user=county.approver)
    assert not ClockEvent.objects.exists()


def test_fees_pause_the_clock_and_can_be_paid(county, register):
    application = register()
    with pytest.raises(a.NotAllowed, match="无需收费"):
        a.do_notify_fee(application, on=D(2025, 10, 27), basis="per_page", pages=30, acting_user=county.clerk)
    application = a.do_notify_fee(application, on=D(2025, 10, 27), basis="per_page", pages=40,
                                  acting_user=county.clerk)
    assert application.status == Status.AWAITING_PAYMENT
    notice = application.fee_notices.get()
    assert notice.amount == Decimal(100)
    assert notice.pay_by == D(2025, 11, 24)
    application = a.do_record_payment(application, on=D(2025, 10, 29), acting_user=county.clerk)
    assert application.status == Status.IN_PROGRESS
    assert application.due_on == D(2025, 11, 3)  # 10-28, 10-29 not counted
    assert application.fee_notices.get().status == FeeStatus.PAID
    with pytest.raises(a.NotAllowed, match="一种方式"):
        a.do_notify_fee(application, on=D(2025, 10, 30), basis="per_application", acting_user=county.clerk)


def test_an_unpaid_fee_lapses(county, register):
    application = a.do_notify_fee(register(), on=D(2025, 10, 27), basis="per_page", pages=40,
                                  acting_user=county.clerk)
    with pytest.raises(a.NotAllowed, match="尚未届满"):
        a.do_lapse_fee(application, on=D(2025, 11, 24), acting_user=county.clerk)
    application = a.do_lapse_fee(application, acting_user=county.clerk)
    assert (application.status, application.outcome) == (Status.CLOSED, "other_overdue_fee")
    assert application.fee_notices.get().status == FeeStatus.LAPSED


def test_the_daily_job_closes_only_cases_whose_fee_date_has_passed(county, register):
    unpaid = a.do_notify_fee(register(), on=D(2025, 10, 27), basis="per_page", pages=40,
                             acting_user=county.clerk)
    pay_by = unpaid.fee_notices.get().pay_by
    assert a.lapse_unpaid_fees(on=pay_by) == 0  # the last day to pay is still open
    assert a.lapse_unpaid_fees(on=pay_by + dt.timedelta(days=1)) == 1
    unpaid.refresh_from_db()
    assert (unpaid.status, unpaid.outcome) == (Status.CLOSED, "other_overdue_fee")
    assert a.lapse_unpaid_fees(on=pay_by + dt.timedelta(days=2)) == 0


def test_a_fee_can_be_waived_with_a_reason(county, register):
    application = a.do_notify_fee(register(), on=D(2025, 10, 27), basis="per_page", pages=40,
                                  acting_user=county.clerk)
    with pytest.raises(a.NotAllowed, match="理由"):
        a.do_waive_fee(application, on=D(2025, 10, 28), reason=" ", acting_user=county.clerk)
    application = a.do_waive_fee(application, on=D(2025, 10, 28), reason="申请人为低保对象", acting_user=county.clerk)
    assert application.status == Status.IN_PROGRESS
    assert application.fee_notices.get().status == FeeStatus.WAIVED


def test_per_application_fees_count_the_applicants_month(county, register):
    apps = [register(received_on=D(2025, 10, 1 + i % 20)) for i in range(11)]
    assert a.nth_in_month(apps[-1]) == 11
    application = a.do_notify_fee(apps[-1], on=D(2025, 10, 22), basis="per_application",
                                  acting_user=county.clerk)
    assert application.fee_notices.get().amount == Decimal(100)


def test_a_clerk_proposes_and_an_approver_signs(county, register):
    application = register()
    application = a.do_decide_application(application, outcome="granted", acting_user=county.clerk)
    assert application.status == Status.PROPOSED
    draft = a.draft_reply(application)
    assert draft is not None and draft.sent_on is None  # drafted, not sent
    with pytest.raises(a.NotAllowed, match="负责人签发"):
        a.do_sign_reply(application, on=D(2025, 10, 28), acting_user=county.clerk)
    with pytest.raises(a.NotAllowed, match="保密审查"):
        a.do_sign_reply(application, on=D(2025, 10, 28), acting_user=county.approver)
    application = a.do_review_reply(application, passed=True, acting_user=county.reviewer)
    application = a.do_sign_reply(application, on=D(2025, 10, 28), acting_user=county.approver)
    assert application.status == Status.REPLIED
    assert application.letters.get(kind=LetterKind.REPLY).sent_on == D(2025, 10, 28)
    delivery = a.do_record_delivery(application, method="post", delivered_on=D(2025, 10, 30),
                                    reference="XA123", acting_user=county.clerk)
    assert delivery.letter.kind == LetterKind.REPLY
    assert verbs(application)[-4:] == ["reply_proposed", "reply_reviewed", "replied", "delivered"]


def test_an_approver_can_send_a_proposal_back(county, register):
    application = a.do_decide_application(register(), outcome="granted", acting_user=county.clerk)
    application = a.do_return_reply(application, note="请补充获取方式", acting_user=county.approver)
    assert application.status == Status.IN_PROGRESS


@pytest.mark.parametrize(
    ("outcome", "extra", "message"),
    [
        ("partial", {}, "不予公开的部分"),
        ("denied_state_secret", {}, "理由和依据"),
        ("unable_unclear_after_correction", {"reasons": "仍不明确"}, "未经补正"),
        ("other_overdue_fee", {}, "终止办理操作"),
        ("no_such_row", {}, "不是年度报告表三"),
    ],
)
def test_it_refuses_an_incomplete_decision(county, register, outcome, extra, message):
    application = register()
    with pytest.raises(a.NotAllowed, match=message):
        a.do_decide_application(application, outcome=outcome, acting_user=county.clerk, **extra)
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS and application.outcome == ""


def test_a_withdrawal_closes_as_other(county, register):
    application = a.do_withdraw(register(), on=D(2025, 10, 9), acting_user=county.clerk)
    assert (application.status, application.outcome) == (Status.CLOSED, "other_other")
    assert "撤回" in application.reasons


# --- forbidden events: each raises, in Chinese, and changes nothing --------------------

def _in(state, county, register):
    application = register()
    clerk = county.clerk
    if state == "awaiting_correction":
        return a.do_request_correction(application, on=D(2025, 10, 9), items="文号",
                                       answer_by=D(2025, 10, 30), acting_user=clerk)
    if state == "consulting":
        return a.do_start_consultation(application, on=D(2025, 10, 9), party_kind="agency",
                                       party_name="县财政局", acting_user=clerk)
    if state == "awaiting_payment":
        return a.do_notify_fee(application, on=D(2025, 10, 9), basis="per_page", pages=50, acting_user=clerk)
    if state == "proposed":  # a reply that discloses nothing: no 保密审查 before signing
        return a.do_decide_application(application, outcome="unable_not_held", reasons="经检索没有该信息",
                                       acting_user=clerk)
    if state == "replied":
        return reply(application, county, D(2025, 10, 20))
    if state == "closed":
        return a.do_withdraw(application, on=D(2025, 10, 9), acting_user=clerk)
    return application


def _steps(county):
    clerk, approver = county.clerk, county.approver
    on = D(2025, 10, 21)
    return {
        "confirm": lambda x: a.do_confirm_receipt(x, on=on, acting_user=clerk),
        "request_correction": lambda x: a.do_request_correction(
            x, on=on, items="文号", answer_by=D(2025, 11, 30), acting_user=clerk),
        "receive_correction": lambda x: a.do_receive_correction(x, on=on, acting_user=clerk),
        "start_consultation": lambda x: a.do_start_consultation(
            x, on=on, party_kind="third_party", party_name="某公司", acting_user=clerk),
        "end_consultation": lambda x: a.do_end_consultation(x, on=on, result="agreed", acting_user=clerk),
        "extend": lambda x: a.do_extend_deadline(x, on=on, workdays=5, reason="检索", acting_user=approver),
        "notify_fee": lambda x: a.do_notify_fee(x, on=on, basis="per_page", pages=50, acting_user=clerk),
        "record_payment": lambda x: a.do_record_payment(x, on=on, acting_user=clerk),
        "decide": lambda x: a.do_decide_application(x, outcome="granted", acting_user=clerk),
        "sign": lambda x: a.do_sign_reply(x, on=on, acting_user=approver),
        "withdraw": lambda x: a.do_withdraw(x, on=on, acting_user=clerk),
    }


ALLOWED = {
    "in_progress": {"request_correction", "start_consultation", "extend", "notify_fee", "decide", "withdraw"},
    "awaiting_correction": {"receive_correction", "withdraw"},
    "consulting": {"end_consultation", "extend", "withdraw"},
    "awaiting_payment": {"record_payment", "extend", "withdraw"},
    "proposed": {"decide", "sign", "extend", "withdraw"},
    "replied": set(),
    "closed": set(),
}


@pytest.mark.parametrize("state", list(ALLOWED))
@pytest.mark.parametrize(
    "step",
    ["confirm", "request_correction", "receive_correction", "start_consultation", "end_consultation",
     "extend", "notify_fee", "record_payment", "decide", "sign", "withdraw"],
)
def test_the_state_machine(county, register, state, step):
    application = _in(state, county, register)
    events_before = len(verbs(application))
    clock_before = application.clock_events.count()
    if step in ALLOWED[state]:
        _steps(county)[step](application)
        assert len(verbs(application)) == events_before + 1
        return
    with pytest.raises(a.NotAllowed) as refused:
        _steps(county)[step](application)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(refused.value))
    fresh = Application.objects.get(pk=application.pk)
    assert fresh.status == state
    assert len(verbs(fresh)) == events_before
    assert fresh.clock_events.count() == clock_before


def test_a_repeat_of_an_answered_application_is_flagged(county, register):
    first = reply(register(description="2025年全县义务教育阶段学校名单"), county, D(2025, 10, 20))
    again = register(received_on=D(2025, 11, 3), description="申请公开：2025年全县义务教育阶段学校名单。")
    assert again.repeat_of == first
    stranger = register(received_on=D(2025, 11, 3), applicant={**PERSON, "id_number": "110105194912310048"},
                        description="2025年全县义务教育阶段学校名单")
    assert stranger.repeat_of is None


def test_recompute_open_deadlines_follows_the_calendar(county, register, monkeypatch):
    from gongkai.applications import deadlines
    from gongkai.workdays.core import Calendar

    application = register()
    bare = Calendar({}, frozenset())  # nothing loaded: Mon–Fri, provisional
    monkeypatch.setattr(deadlines, "current_calendar", lambda: bare)
    assert deadlines.recompute_open_deadlines() == 1
    application.refresh_from_db()
    assert application.due_provisional is True
    assert application.due_on == D(2025, 10, 24)


def test_an_online_application_left_unconfirmed_is_deemed_received(county, settings):
    """Issue 10.9: confirmation is due within a set number of working days; past it the
    application counts as received on the last of them, and the clock runs from there."""
    import time_machine

    settings.APPLICATION_RECEIPT_CONFIRMATION_WORKDAYS = 1
    with time_machine.travel(dt.datetime(2025, 12, 5, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False):
        application = a.do_submit_application(
            county.dept, applicant=PERSON, description="学校名单", form_wanted="electronic",
            delivery_wanted="email", idempotency_key="late",
        )  # Friday evening: confirmation due Monday 2025-12-08
    assert a.receipt_deemed_on(application) == D(2025, 12, 8)
    late = a.do_confirm_receipt(application, on=D(2025, 12, 10), acting_user=county.clerk)
    assert late.received_on == D(2025, 12, 8) and "视为于2025年12月08日收到" in late.receipt_note


def test_the_daily_job_receives_what_staff_left_unconfirmed(county):
    import time_machine

    with time_machine.travel(dt.datetime(2025, 12, 5, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False):
        application = a.do_submit_application(
            county.dept, applicant=PERSON, description="学校名单", form_wanted="electronic",
            delivery_wanted="email", idempotency_key="job",
        )
    assert a.deem_unconfirmed_received(on=D(2025, 12, 8)) == 0  # the last day to confirm is still open
    assert a.deem_unconfirmed_received(on=D(2025, 12, 9)) == 1
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS and application.received_on == D(2025, 12, 8)


# --- issue 10.5: fees (国办函〔2020〕109号) -------------------------------------------------


def test_per_application_fees_count_only_applications_to_the_charging_agency(county, register):
    for i in range(6):
        register(received_on=D(2025, 10, 1 + i))
    for i in range(4):
        register(received_on=D(2025, 10, 1 + i), agency=county.other_dept, acting_user=county.office_admin)
    eleventh_overall = register(received_on=D(2025, 10, 20))
    assert a.nth_in_month(eleventh_overall) == 7  # the 7th to 郏县教育局, not the 11th overall
    with pytest.raises(a.NotAllowed, match="无需收费"):
        a.do_notify_fee(eleventh_overall, on=D(2025, 10, 22), basis="per_application", acting_user=county.clerk)


def test_no_fee_notice_after_the_reply_deadline(county, register):
    application = register()  # received 2025-09-26, due 2025-10-30
    with pytest.raises(a.NotAllowed, match="答复期限 2025-10-30 已过"):
        a.do_notify_fee(application, on=D(2025, 10, 31), basis="per_page", pages=40, acting_user=county.clerk)
    assert not application.fee_notices.exists()


def test_per_volume_fees_only_for_paper_email_or_copied_media(county, register):
    online = register(form_wanted="electronic", delivery_wanted="online")
    with pytest.raises(a.NotAllowed, match="按量计收只适用于"):
        a.do_notify_fee(online, on=D(2025, 10, 27), basis="per_page", pages=40, acting_user=county.clerk)
    emailed = register(form_wanted="electronic", delivery_wanted="email")
    a.do_notify_fee(emailed, on=D(2025, 10, 27), basis="per_page", pages=40, acting_user=county.clerk)


def test_the_payment_period_runs_from_the_day_after_the_applicant_receives_the_notice(county, register):
    application = a.do_notify_fee(register(), on=D(2025, 10, 27), basis="per_page", pages=40,
                                  acting_user=county.clerk)
    notice = application.fee_notices.get()
    a.do_record_delivery(application, method="post", delivered_on=D(2025, 10, 30),
                         letter=application.letters.get(kind="fee_notice"), acting_user=county.clerk)
    notice.refresh_from_db()
    assert notice.pay_by == D(2025, 11, 27)  # 20 working days after receipt on 10-30, not after 10-27


def test_a_consultation_counts_from_the_partys_receipt_and_ends_pausing_at_its_reply_by(county, register):
    """Issue 10.3: 15 working days from the third party's receipt (entered here: 10-10),
    not from sending; past that date the case's clock runs again and it becomes overdue."""
    application = a.do_start_consultation(register(), on=D(2025, 10, 9), party_kind="third_party",
                                          party_name="某公司", party_received_on=D(2025, 10, 10),
                                          acting_user=county.clerk)
    consultation = application.consultations.get()
    assert consultation.reply_by == D(2025, 10, 30)  # 10-11 (调休), 13–17, 20–24, 27–30
    deadlines.refresh_deadline(application)  # today is 2025-12-10, the party never answered
    application.refresh_from_db()
    # 09-28, 29, 30, 10-09 count; 10-10 … 10-30 do not; 10-31, 11-03 … 11-21 are days 5 … 20.
    assert application.due_on == D(2025, 11, 21)
    assert deadlines.remaining_workdays(application.due_on) < 0


def test_a_posted_consultation_letter_is_assumed_received_per_the_setting(county, register, settings):
    settings.APPLICATION_CONSULTATION_RECEIPT_DAYS = 3
    application = a.do_start_consultation(register(), on=D(2025, 10, 9), party_kind="third_party",
                                          party_name="某公司", acting_user=county.clerk)
    consultation = application.consultations.get()
    assert consultation.party_received_on == D(2025, 10, 12)
    assert consultation.reply_by == D(2025, 10, 31)  # 15 working days after Sunday 10-12


# --- issue 10 point 7: 保密审查 of a reply that discloses information (条例第十七条) ----------


@pytest.mark.parametrize(("outcome", "extra", "reviewed"), [
    ("granted", {}, True),
    ("partial", {"withheld_parts": "第三人的身份证号码", "reasons": "涉及个人隐私"}, True),
    ("denied_state_secret", {"reasons": "属于国家秘密"}, False),
    ("unable_not_held", {"reasons": "经检索没有该信息"}, False),
])
def test_point_7_a_disclosing_reply_passes_review_by_another_person_before_signing(
    county, register, outcome, extra, reviewed,
):
    application = a.do_decide_application(register(), outcome=outcome, acting_user=county.clerk, **extra)
    assert a.reply_needs_review(application) == reviewed
    if not reviewed:
        with pytest.raises(a.NotAllowed, match="无需保密审查"):
            a.do_review_reply(application, passed=True, acting_user=county.reviewer)
        assert a.do_sign_reply(application, on=D(2025, 10, 20), acting_user=county.approver).status == Status.REPLIED
        return
    with pytest.raises(a.NotAllowed, match="须先经保密审查"):
        a.do_sign_reply(application, on=D(2025, 10, 20), acting_user=county.approver)
    with pytest.raises(a.NotAllowed, match="保密审查员"):
        a.do_review_reply(application, passed=True, acting_user=county.clerk)  # not a reviewer
    application = a.do_review_reply(application, passed=True, note="未见涉密内容", acting_user=county.reviewer)
    application = a.do_sign_reply(application, on=D(2025, 10, 20), acting_user=county.approver)
    assert (application.status, application.reviewed_by) == (Status.REPLIED, county.reviewer)
    assert verbs(application)[-3:] == ["reply_proposed", "reply_reviewed", "replied"]


def test_point_7_a_reply_failed_in_review_goes_back_to_the_clerk_and_sends_nothing(county, register):
    application = a.do_decide_application(register(), outcome="granted", acting_user=county.clerk)
    with pytest.raises(a.NotAllowed, match="写明意见"):
        a.do_review_reply(application, passed=False, acting_user=county.reviewer)
    application = a.do_review_reply(application, passed=False, note="附件含第三人电话，应删去",
                                    acting_user=county.reviewer)
    assert application.status == Status.IN_PROGRESS
    assert not application.letters.filter(kind=LetterKind.REPLY).exists()  # the draft is gone, nothing sent
    # A new decision needs a new review: an earlier pass never carries over.
    application = a.do_decide_application(application, outcome="granted", acting_user=county.clerk)
    with pytest.raises(a.NotAllowed, match="须先经保密审查"):
        a.do_sign_reply(application, on=D(2025, 10, 20), acting_user=county.approver)
