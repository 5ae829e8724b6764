"""Every state change of an application: one function each, one transaction each.

Each function locks the application row, checks that the Regulation allows the step
now (else `NotAllowed`, with the reason in Chinese, and nothing changes), makes the
change, records its clock event, recomputes the due date, writes its event row, and
queues the e-mail to the applicant for after the commit.
"""

from __future__ import annotations

import datetime
import secrets
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gongkai import uploads
from gongkai.agencies import duties
from gongkai.agencies.models import DutyRule
from gongkai.applications import clock, deadlines, fees, letters
from gongkai.applications.access import may_approve, may_handle, may_review
from gongkai.applications.correspondence import (
    contact_gaps,
    email_applicant,
    email_handlers,
    store_letter,
)
from gongkai.applications.models import (
    CLOCK_STATUSES,
    OPEN_STATUSES,
    AnswerFile,
    Application,
    ApplicationCounter,
    Channel,
    ClockEvent,
    Consultation,
    ConsultationResult,
    CorrectionAnswer,
    Delivery,
    DeliveryWanted,
    ExtensionRequest,
    FeeNotice,
    FeeStatus,
    FormWanted,
    Letter,
    LetterKind,
    Outcome,
    PartyKind,
    RedactionReason,
    ReplyType,
    Status,
    outcome_title,
)
from gongkai.applications.repeats import applicant_key, likely_repeat_of
from gongkai.eventlog.log import record

K = clock.ClockEventKind
# The 不予提供 reason each redaction ground gives in the reply (条例第十四条至第十六条).
REDACTION_GROUNDS = {
    RedactionReason.STATE_SECRET: "属于国家秘密或者法律、行政法规禁止公开的政府信息，依据《条例》第十四条不予公开",
    RedactionReason.THIRD_PARTY: "涉及商业秘密、个人隐私，公开会对第三方合法权益造成损害，依据《条例》第十五条不予公开",
    RedactionReason.INTERNAL: "属于内部事务信息或者过程性信息，依据《条例》第十六条不予公开",
}
CONSULTATION_WORKDAYS = 15  # 条例第三十二条、第三十四条
TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
APPLICANT_FIELDS = (
    "applicant_type", "applicant_name", "id_type", "id_number", "credit_code",
    "legal_representative", "contact_person", "phone", "address", "postcode", "email",
)
# Closed by lapse only (do_close_overdue_correction, do_lapse_fee), never decided.
LAPSE_OUTCOMES = (Outcome.OTHER_OVERDUE_CORRECTION, Outcome.OTHER_OVERDUE_FEE)
REASONS_REQUIRED = ("partial", "denied_", "unable_", "not_processed_")
# The facts a decision may carry besides reasons (letters.LetterFacts fields): which one
# an outcome needs is read from its letter template (letters.missing_facts).
DECISION_FACTS = {
    "published_where": "主动公开的位置（网址或索引号）",  # granted, 第三十六条第（一）项
    "delivery_method": "提供方式",  # granted / partial, when not the form the applicant asked for
    "legal_basis": "禁止公开的法律、行政法规依据",  # denied_law_forbidden
    "query_channel": "查询办理途径",  # denied_admin_query, 第三十六条第（七）项
    "search_description": "检索情况",  # unable_not_held
    "responsible_agency_contact": "负责公开的机关的联系方式",  # unable_not_held (not ours)
    "proper_channel": "信访、投诉、举报渠道",  # not_processed_complaint
    "publication_source": "公开出版物的获取途径",  # not_processed_publication
}
DISCLOSING_OUTCOMES = (Outcome.GRANTED, Outcome.PARTIAL)


def _receipt_attachment(application) -> tuple[str, int]:
    """The receipt PDF, made when the e-mail is sent (gongkai.applications.receipt)."""
    return ("gongkai.applications.receipt.receipt_attachment", application.pk)


class NotAllowed(Exception):
    """A step the rules do not allow now. str(error) is the reason, in Chinese."""


# --- registering --------------------------------------------------------------------


def do_submit_application(
    agency, *, applicant: dict, description: str, form_wanted: str, delivery_wanted: str,
    proof=None, idempotency_key: str = "", acting_user=None,
) -> Application:
    """An application made online by the public. The clock starts only when the office
    confirms receipt (条例第三十一条). The same idempotency key gives the same application."""
    with transaction.atomic():
        application, created = _create_application(
            agency, Channel.ONLINE, applicant=applicant, description=description,
            form_wanted=form_wanted, delivery_wanted=delivery_wanted, proof=proof,
            idempotency_key=idempotency_key, status=Status.SUBMITTED, received_on=None,
        )
        if not created:
            return application
        record(application, "application_submitted", actor=acting_user or "申请人（网上）",
               to_state=application.status, data=_registration_data(application))
        email_applicant(application, "已收到您的政府信息公开申请", [
            "我们已收到您在网上提交的政府信息公开申请。",
            "工作人员确认收到后开始计算答复期限（《政府信息公开条例》第三十一条），届时将另行通知您。",
            "登记回执见附件。",
        ], attachment=_receipt_attachment(application))
    return application


def do_register_application(
    agency, *, channel: str, received_on: datetime.date, applicant: dict, description: str,
    form_wanted: str, delivery_wanted: str, proof=None, receipt_note: str = "",
    idempotency_key: str = "", acting_user,
) -> Application:
    """Staff intake: handed in, posted, faxed, or said aloud and written down by staff.
    `received_on` is the date of receipt under 条例第三十一条; the clock starts from it."""
    if not may_handle(acting_user, agency):
        raise NotAllowed("只有本机关经办人、负责人或政务公开办管理员可以登记申请。")
    _not_in_future(received_on, "收到申请的日期")
    with transaction.atomic():
        application, created = _create_application(
            agency, channel, applicant=applicant, description=description,
            form_wanted=form_wanted, delivery_wanted=delivery_wanted, proof=proof,
            idempotency_key=idempotency_key, status=Status.IN_PROGRESS, received_on=received_on,
            registered_by=acting_user, receipt_note=receipt_note,
        )
        if not created:
            return application
        deadlines.refresh_deadline(application)
        record(application, "application_registered", actor=acting_user,
               to_state=application.status, data=_registration_data(application))
        email_applicant(application, "您的政府信息公开申请已登记", [
            f"我们于{received_on:%Y年%m月%d日}收到您的申请，已登记办理。",
            f"答复期限：{_due_words(application)}。",
            "登记回执见附件。",
        ], attachment=_receipt_attachment(application))
    return application


def do_confirm_receipt(application, *, on: datetime.date, note: str = "", acting_user) -> Application:
    """The office confirms an online (or faxed) application; that day is the date of
    receipt and the reply clock starts (条例第三十一条)."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.SUBMITTED,), "确认收到")
        _not_in_future(on, "确认收到的日期")
        if on < timezone.localdate(application.submitted_at):
            raise NotAllowed("确认收到的日期不能早于申请提交的日期。")
        deemed = receipt_deemed_on(application)
        if on > deemed:  # confirmed late: it counts as received when confirmation was due
            note = f"{note}（逾期确认：按规定视为于{deemed:%Y年%m月%d日}收到）".strip()
            on = deemed
        if on.year != application.year:  # nothing has been sent yet: the number follows receipt
            application.year, application.number = on.year, _next_number(application.agency, on.year)
            application.save(update_fields=["year", "number"])
        application.received_on = on
        application.receipt_confirmed_at = timezone.now()
        application.receipt_confirmed_by = acting_user
        application.receipt_note = note
        application.save(update_fields=["received_on", "receipt_confirmed_at", "receipt_confirmed_by", "receipt_note"])
        deadlines.refresh_deadline(application)
        _move(application, Status.IN_PROGRESS, "receipt_confirmed", acting_user, {"received_on": on.isoformat()})
        email_applicant(application, "您的政府信息公开申请已确认收到", [
            f"我们确认于{on:%Y年%m月%d日}收到您的申请（《政府信息公开条例》第三十一条）。",
            f"答复期限：{_due_words(application)}。",
        ])
    return application


def receipt_deemed_on(application) -> datetime.date:
    """The day an online application counts as received if staff have not confirmed it
    sooner: APPLICATION_RECEIPT_CONFIRMATION_WORKDAYS after submission (verify)."""
    submitted = timezone.localdate(application.submitted_at)
    return deadlines.workdays_after(submitted, settings.APPLICATION_RECEIPT_CONFIRMATION_WORKDAYS)


def deem_unconfirmed_received(*, on: datetime.date | None = None) -> int:
    """The daily job: every application still unconfirmed past its confirmation period is
    received, by rule, on the last day of that period (and its clock starts from it)."""
    on = on or deadlines.today()
    done = 0
    for application in Application.objects.filter(status=Status.SUBMITTED).select_related("agency"):
        deemed = receipt_deemed_on(application)
        if deemed < on:
            do_confirm_receipt(application, on=deemed, note="逾期未确认，按规定视为收到", acting_user=None)
            done += 1
    return done


def _create_application(agency, channel, *, applicant, description, form_wanted, delivery_wanted,
                        proof, idempotency_key, status, received_on, registered_by=None,
                        receipt_note="") -> tuple[Application, bool]:
    if not agency.accepts_applications:
        # 条例第二十七条: people's governments and their departments, not villages or communities.
        raise NotAllowed(f"{agency.name}不受理政府信息公开申请（条例第二十七条），请向所属的人民政府或其工作部门提出。")
    if idempotency_key:
        existing = Application.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing, False
    submitted_at = timezone.now()
    # Register numbers go by the year of receipt (条例第三十一条), as 表三 counts them: a
    # 2021 application entered late is a 〔2021〕 number. Online ones, not yet received,
    # take the submission year and are renumbered on confirmation if the year differs.
    year = (received_on or timezone.localdate(submitted_at)).year
    number = _next_number(agency, year)  # locks the counter: same-agency submits queue here
    if idempotency_key:
        # A twin submit may have committed while this one waited for the counter.
        existing = Application.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            transaction.set_rollback(True)  # give the number back: numbers stay gap-free
            return existing, False
    details = {f: (applicant.get(f.removeprefix("applicant_")) or applicant.get(f) or "") for f in APPLICANT_FIELDS}
    key = applicant_key(
        details["applicant_type"], name=details["applicant_name"], id_number=details["id_number"],
        credit_code=details["credit_code"], phone=details["phone"],
    )
    application = Application(
        agency=agency, year=year, number=number, tracking_code=_new_tracking_code(),
        idempotency_key=idempotency_key, channel=channel, submitted_at=submitted_at,
        received_on=received_on, status=status, description=description.strip(),
        form_wanted=form_wanted, delivery_wanted=delivery_wanted, applicant_key=key,
        registered_by=registered_by, receipt_note=receipt_note,
        repeat_of=likely_repeat_of(agency, key, description),
        **details,
    )
    if received_on is not None:
        application.receipt_confirmed_at = submitted_at
        application.receipt_confirmed_by = registered_by
    if proof:
        # Checked whole again here (the API reaches this without the form), then stored
        # under a generated name: the applicant's file name never reaches the disk.
        checked = uploads.check_upload(proof, uploads.PROOF_KINDS, what="身份证明")
        application.proof_of_identity.save(uploads.stored_name(checked), proof, save=False)
    application.save()
    return application, True


def _next_number(agency, year: int) -> int:
    """The next register number of the agency's year, gap-free: the counter row is
    locked until the transaction ends, and rolls back with it."""
    ApplicationCounter.objects.bulk_create(
        [ApplicationCounter(agency=agency, year=year)], ignore_conflicts=True
    )
    counter = ApplicationCounter.objects.select_for_update().get(agency=agency, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _new_tracking_code() -> str:
    while True:
        code = "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(12))
        if not Application.objects.filter(tracking_code=code).exists():
            return code


# --- 补正 (条例第三十条) ---------------------------------------------------------------


def do_request_correction(
    application, *, on: datetime.date, items: str, answer_by: datetime.date, late_reason: str = "",
    acting_user,
) -> Application:
    """One notice listing everything to correct; the clock stops until the answer. A
    notice later than 7 working days after receipt (条例第三十条) is flagged and neither
    stops nor restarts the clock, unless `late_reason` records why it should."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.IN_PROGRESS,), "发出补正通知")
        if answer_by <= on:
            raise NotAllowed("补正的答复期限应晚于发出通知的日期。")
        _add_clock_event(application, K.CORRECTION_REQUESTED, on, acting_user=acting_user,
                         reason=late_reason.strip())
        application.correction_answer_by = answer_by
        application.save(update_fields=["correction_answer_by"])
        letter = _letter(application, LetterKind.CORRECTION_NOTICE, sent_on=on, acting_user=acting_user,
                              facts={"correction_items": _lines(items), "correction_answer_by": answer_by})
        _move(application, Status.AWAITING_CORRECTION, "correction_requested", acting_user, {
            "on": on.isoformat(), "answer_by": answer_by.isoformat(), "letter": letter.pk,
            "late": application.correction_notice_late, "late_reason": late_reason.strip(),
            "notice_due_on": _iso(application.correction_notice_due_on),
        })
        email_applicant(application, "请补正您的政府信息公开申请", [
            "您的申请内容不够明确，请补正以下事项（《政府信息公开条例》第三十条）：",
            items,
            f"请于{answer_by:%Y年%m月%d日}前提交补正材料。逾期无正当理由不补正的，视为放弃申请。",
        ])
    return application


def default_correction_answer_by(on: datetime.date) -> datetime.date:
    # 条例第三十条 asks for "a reasonable period"; the setting is only the suggested default.
    return deadlines.workdays_after(on, settings.APPLICATION_CORRECTION_ANSWER_WORKDAYS)


def do_receive_correction(application, *, on: datetime.date, note: str = "", acting_user) -> Application:
    """The corrected application arrived: the reply period starts again from this day."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.AWAITING_CORRECTION,), "登记收到补正")
        _add_clock_event(application, K.CORRECTION_RECEIVED, on, acting_user=acting_user)
        _move(application, Status.IN_PROGRESS, "correction_received", acting_user,
              {"on": on.isoformat(), "note": note})
        email_applicant(application, "已收到您的补正材料", [
            f"我们于{on:%Y年%m月%d日}收到您补正后的申请，答复期限自该日重新计算。",
            f"答复期限：{_due_words(application)}。",
        ])
    return application


def do_answer_correction(application, *, text: str, files=(), acting_user=None) -> Application:
    """The applicant answers the 补正 notice on the tracking page: recorded as the
    correction received on the day it arrives (the clock restarts, 条例第三十条), the
    handling staff told. Past the answer period it is refused and nothing changes."""
    on = deadlines.today()
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.AWAITING_CORRECTION,), "提交补正材料")
        answer_by = application.correction_answer_by
        if answer_by and on > answer_by:
            raise NotAllowed(
                f"补正期限已于{answer_by:%Y年%m月%d日}届满，不能再在网上提交补正。"
                f"如有正当理由，请联系{application.agency.office_name or application.agency.name}。"
            )
        if not text.strip() and not files:
            raise NotAllowed("请填写补正内容或上传补正材料。")
        answer = CorrectionAnswer.objects.create(application=application, text=text.strip(), received_on=on)
        for upload in files:
            AnswerFile.objects.create(
                answer=answer, file=upload, original_name=upload.name[:200],
                content_type=getattr(upload, "checked_type", "") or "application/octet-stream",
            )
        _add_clock_event(application, K.CORRECTION_RECEIVED, on, acting_user=None)
        actor = acting_user or "申请人（网上）"
        _move(application, Status.IN_PROGRESS, "correction_received", actor,
              {"on": on.isoformat(), "note": "申请人在网上提交补正", "answer": answer.pk, "files": len(files)})
        email_applicant(application, "已收到您的补正材料", [
            f"我们于{on:%Y年%m月%d日}收到您在网上提交的补正材料，答复期限自该日重新计算。",
            f"答复期限：{_due_words(application)}。",
        ])
        email_handlers(application, "申请人已在网上提交补正材料", [
            f"申请人于{on:%Y年%m月%d日}在网上提交了补正材料（{len(files)}个文件），答复期限已重新计算：{_due_words(application)}。",
        ])
    return application


def do_withdraw_online(application, *, acting_user=None) -> Application:
    """The applicant withdraws on the tracking page, after confirming (→ 表三（六）3)."""
    return do_withdraw(application, on=deadlines.today(), note="（申请人在网上撤回）",
                       acting_user=acting_user or "申请人（网上）")


def do_close_overdue_correction(application, *, on: datetime.date | None = None, acting_user) -> Application:
    """No correction by the date set, without good reason: treated as abandoned → 表三（六）1."""
    on = on or deadlines.today()
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.AWAITING_CORRECTION,), "按逾期未补正终止办理")
        if application.correction_answer_by and on <= application.correction_answer_by:
            raise NotAllowed(f"补正期限 {application.correction_answer_by} 尚未届满，不能按逾期未补正处理。")
        _close(application, Outcome.OTHER_OVERDUE_CORRECTION, on, "closed_overdue_correction", acting_user,
               "申请人无正当理由逾期不补正，视为放弃申请（第三十条）。")
    return application


# --- consultation (条例第三十二条、第三十四条) -----------------------------------------


def do_start_consultation(
    application, *, on: datetime.date, party_kind: str, party_name: str,
    party_received_on: datetime.date | None = None, acting_user,
) -> Application:
    """Ask a third party or another agency in writing; the time does not count, up to the
    party's 15 working days from their receipt of the letter (条例第三十二条): the receipt
    date as entered, or assumed APPLICATION_CONSULTATION_RECEIPT_DAYS after sending
    (verify). Past that reply-by date the clock runs again by itself."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.IN_PROGRESS,), "开始征求意见")
        if not party_name.strip():
            raise NotAllowed("请写明征求意见的对象。")
        is_agency = party_kind == PartyKind.AGENCY
        if party_received_on is not None and party_received_on < on:
            raise NotAllowed("对方收到征求意见函的日期不能早于发函日期。")
        received = party_received_on or on + datetime.timedelta(days=settings.APPLICATION_CONSULTATION_RECEIPT_DAYS)
        reply_by = deadlines.workdays_after(received, CONSULTATION_WORKDAYS)
        _add_clock_event(application, K.CONSULTATION_STARTED, on, acting_user=acting_user,
                         consulted_agency=is_agency, due_on=reply_by)
        consultation = Consultation.objects.create(
            application=application, party_kind=party_kind, party_name=party_name.strip(),
            started_on=on, party_received_on=received, reply_by=reply_by,
        )
        _letter(application, LetterKind.CONSULTATION, sent_on=on, acting_user=acting_user,
                     recipient=consultation.party_name,
                     facts={"third_party_name": consultation.party_name, "consultee_is_agency": is_agency,
                            "consultation_reply_by": consultation.reply_by})
        _move(application, Status.CONSULTING, "consultation_started", acting_user, {
            "on": on.isoformat(), "party_kind": party_kind, "party": consultation.party_name,
            "reply_by": consultation.reply_by.isoformat(),
        })
    return application


def do_end_consultation(
    application, *, on: datetime.date, result: str, opinion: str = "",
    public_interest_override: bool = False, acting_user,
) -> Application:
    """The party answered, or did not in time (a third party's silence leaves the
    decision to the agency; another agency's silence is consent)."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.CONSULTING,), "结束征求意见")
        consultation = application.consultations.filter(ended_on__isnull=True).last()
        if result == ConsultationResult.NO_REPLY and consultation and on <= consultation.reply_by:
            raise NotAllowed(f"征求意见期限 {consultation.reply_by} 尚未届满，不能按逾期未提出意见登记。")
        _add_clock_event(application, K.CONSULTATION_ENDED, on, acting_user=acting_user,
                         consulted_agency=bool(consultation and consultation.party_kind == PartyKind.AGENCY))
        if consultation:
            consultation.ended_on = on
            consultation.result = result
            consultation.opinion = opinion
            consultation.public_interest_override = public_interest_override
            consultation.save()
        _move(application, Status.IN_PROGRESS, "consultation_ended", acting_user, {
            "on": on.isoformat(), "result": result, "public_interest_override": public_interest_override,
        })
    return application


def do_notify_public_interest(
    application, *, on: datetime.date, disclosed_information: str, reason: str, acting_user
) -> Application:
    """条例第三十二条: disclosing despite a third party's reasoned objection because
    withholding would greatly harm the public interest — the third party is told in
    writing what will be disclosed and why (with its remedies) before the reply goes out."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.IN_PROGRESS, Status.PROPOSED), "告知第三方因公共利益决定公开")
        _not_in_future(on, "告知日期")
        consultation = application.consultations.filter(
            party_kind=PartyKind.THIRD_PARTY, result=ConsultationResult.OBJECTED
        ).last()
        if consultation is None:
            raise NotAllowed("没有第三方提出不同意公开的意见，无需按第三十二条告知。")
        if not disclosed_information.strip() or not reason.strip():
            raise NotAllowed("请写明决定公开的政府信息和因公共利益决定公开的理由（第三十二条）。")
        consultation.public_interest_override = True
        consultation.save(update_fields=["public_interest_override"])
        letter = _letter(application, LetterKind.PUBLIC_INTEREST_NOTICE, sent_on=on, acting_user=acting_user,
                         recipient=consultation.party_name,
                         facts={"third_party_name": consultation.party_name,
                                "consultation_started_on": consultation.started_on,
                                "disclosed_information": disclosed_information, "public_interest_reason": reason})
        _same(application, "public_interest_notified", acting_user,
              {"on": on.isoformat(), "party": consultation.party_name, "letter": letter.pk})
    return application


def _public_interest_notice_missing(application) -> bool:
    """A disclosing reply over a third party's objection waits for the written notice."""
    objected = application.consultations.filter(party_kind=PartyKind.THIRD_PARTY, result=ConsultationResult.OBJECTED)
    if application.outcome not in DISCLOSING_OUTCOMES or not objected.exists():
        return False
    if not objected.filter(public_interest_override=True).exists():
        return False  # no override: the decision itself must respect the objection (checked by people)
    return not application.letters.filter(kind=LetterKind.PUBLIC_INTEREST_NOTICE, sent_on__isnull=False).exists()


# --- the reply period -----------------------------------------------------------------


def do_request_extension(application, *, workdays: int, reason: str, acting_user) -> ExtensionRequest:
    """A clerk asks for the one extension 条例第三十三条 allows; nothing changes for the
    applicant until an approver agrees in their own session (do_extend_deadline)."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, CLOCK_STATUSES, "申请延长答复期限", exclude=(Status.AWAITING_CORRECTION,))
        if not may_handle(acting_user, application.agency):
            raise NotAllowed("只有本机关经办人、负责人或政务公开办管理员可以申请延长答复期限。")
        if application.clock_events.filter(kind=K.EXTENDED).exists():
            raise NotAllowed("答复期限已经延长过一次，不能再次延长（第三十三条）。")
        if not 1 <= workdays <= 20:
            raise NotAllowed("延长答复期限最长不超过20个工作日（第三十三条）。")
        if application.extension_requests.filter(approved__isnull=True).exists():
            raise NotAllowed("已有一份延期申请等待负责人批准。")
        request = ExtensionRequest.objects.create(
            application=application, workdays=workdays, reason=reason.strip(), requested_by=acting_user,
        )
        _same(application, "extension_requested", acting_user, {"workdays": workdays, "reason": request.reason})
    return request


def pending_extension(application) -> ExtensionRequest | None:
    return application.extension_requests.filter(approved__isnull=True).last()


def do_extend_deadline(
    application, *, on: datetime.date, workdays: int, reason: str, acting_user
) -> Application:
    """条例第三十三条: one extension of at most 20 working days, approved by the head of
    the disclosure office by their own hand (the acting user is the approver; no one
    approves in another's name), and the applicant told. A clerk's pending request, if
    any, is the one approved."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, CLOCK_STATUSES, "延长答复期限", exclude=(Status.AWAITING_CORRECTION,))
        if not may_approve(acting_user, application.agency):
            raise NotAllowed("延长答复期限须经本机关政府信息公开工作机构负责人本人同意（第三十三条）。")
        original_due_on = deadlines.derive(application, on=on).due_on
        _add_clock_event(application, K.EXTENDED, on, acting_user=acting_user, workdays=workdays,
                         reason=reason, approved_by=acting_user)
        request = pending_extension(application)
        if request is not None:
            request.approved, request.decided_by, request.decided_at = True, acting_user, timezone.now()
            request.save(update_fields=["approved", "decided_by", "decided_at"])
        _letter(application, LetterKind.EXTENSION_NOTICE, sent_on=on, acting_user=acting_user,
                     facts={"extension_workdays": workdays, "extension_reason": reason,
                            "original_due_on": original_due_on, "new_due_on": application.due_on})
        _same(application, "deadline_extended", acting_user, {
            "on": on.isoformat(), "workdays": workdays, "approved_by": acting_user.get_username(),
            "requested_by": request.requested_by.get_username() if request else None,
            "due_on": _iso(application.due_on),
        })
        email_applicant(application, "答复期限延长通知", [
            f"{'因' + reason + '，' if reason else ''}经负责人同意，您的申请答复期限延长{workdays}个工作日（《政府信息公开条例》第三十三条）。",
            f"延长后的答复期限：{_due_words(application)}。",
        ])
    return application


def do_request_reasons(
    application, *, on: datetime.date, answer_by: datetime.date, acting_user
) -> Application:
    """条例第三十五条: ask an applicant whose applications plainly exceed a reasonable
    number or frequency to state reasons; a 不予处理 reply later cites this date."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, CLOCK_STATUSES, "要求说明理由", exclude=(Status.AWAITING_CORRECTION,))
        _not_in_future(on, "要求说明理由的日期")
        if application.received_on is None or on < application.received_on:
            raise NotAllowed("要求说明理由的日期不能早于收到申请的日期。")
        if answer_by <= on:
            raise NotAllowed("说明理由的期限应晚于发出告知的日期。")
        application.reasons_requested_on = on
        application.save(update_fields=["reasons_requested_on"])
        letter = _letter(application, LetterKind.REASONS_REQUEST, sent_on=on, acting_user=acting_user,
                         facts={"reasons_answer_by": answer_by})
        _same(application, "reasons_requested", acting_user,
              {"on": on.isoformat(), "answer_by": answer_by.isoformat(), "letter": letter.pk})
        email_applicant(application, "请说明申请理由", [
            "您申请公开政府信息的数量、频次明显超过合理范围（《政府信息公开条例》第三十五条）。",
            f"请于{answer_by:%Y年%m月%d日}前书面说明理由。",
        ])
    return application


def do_refuse_extension(application, *, note: str, acting_user) -> Application:
    """The approver does not agree to the clerk's request; the period stays as it was."""
    with transaction.atomic():
        application = _locked(application)
        if not may_approve(acting_user, application.agency):
            raise NotAllowed("只有本机关负责人可以决定是否延长答复期限。")
        request = pending_extension(application)
        if request is None:
            raise NotAllowed("没有等待批准的延期申请。")
        request.approved, request.decided_by, request.decided_at = False, acting_user, timezone.now()
        request.note = note.strip()
        request.save(update_fields=["approved", "decided_by", "decided_at", "note"])
        _same(application, "extension_refused", acting_user, {"note": request.note})
    return application


def do_set_longer_deadline(
    application, *, on: datetime.date, due_on: datetime.date, reason: str, acting_user
) -> Application:
    """条例第三十五条: excessive applications with a good reason get a longer deadline."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, CLOCK_STATUSES, "确定较长的答复期限", exclude=(Status.AWAITING_CORRECTION,))
        if not may_approve(acting_user, application.agency):
            raise NotAllowed("确定较长的答复期限须由本机关负责人本人决定（第三十五条）。")
        if not reason.strip():
            raise NotAllowed("请写明确定较长答复期限的理由（第三十五条）。")
        _add_clock_event(application, K.DEADLINE_SET, on, acting_user=acting_user, due_on=due_on, reason=reason)
        _letter(application, LetterKind.LONGER_DEADLINE_NOTICE, sent_on=on, acting_user=acting_user,
                facts={"longer_due_on": due_on, "longer_deadline_reason": reason,
                       "reasons_requested_on": application.reasons_requested_on})
        _same(application, "longer_deadline_set", acting_user, {"on": on.isoformat(), "due_on": due_on.isoformat()})
        email_applicant(application, "答复期限告知", [
            f"您的申请数量、频次明显超过合理范围，经审查{reason}，答复期限确定为{due_on:%Y年%m月%d日}（《政府信息公开条例》第三十五条）。",
        ])
    return application


# --- fees (国办函〔2020〕109号) ------------------------------------------------------------


def fee_quote(application, *, basis: str, pages: int | None = None) -> fees.FeeQuote:
    """What this application would cost on `basis` (按件: its place in the applicant's
    natural month of receipt; 按量: the pages)."""
    try:
        if basis == fees.FeeBasis.PER_APPLICATION:
            return fees.quote_fee(basis, nth_this_month=nth_in_month(application))
        return fees.quote_fee(basis, pages=pages)
    except fees.FeeError as error:
        raise NotAllowed(str(error)) from error


def per_volume_allowed(application) -> bool:
    """国办函〔2020〕109号: 按量计收 only for paper, e-mail, or electronic data copied onto a
    medium (collected or posted); not for information fetched online."""
    return (
        application.form_wanted == FormWanted.PAPER
        or application.delivery_wanted in (DeliveryWanted.EMAIL, DeliveryWanted.COLLECT, DeliveryWanted.POST)
    )


def nth_in_month(application) -> int:
    """Which of the applicant's applications to this agency received in that natural
    month this is (国办函〔2020〕109号 counts per charging agency)."""
    received = application.received_on
    earlier = Application.objects.filter(
        agency=application.agency,
        applicant_key=application.applicant_key, received_on__year=received.year,
        received_on__month=received.month,
    ).filter(Q(received_on__lt=received) | Q(received_on=received, pk__lt=application.pk))
    return earlier.count() + 1


def do_notify_fee(
    application, *, on: datetime.date, basis: str, pages: int | None = None, acting_user
) -> Application:
    """A written fee notice; the clock stops until payment (verify)."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.IN_PROGRESS,), "发出收费通知")
        if application.fee_basis and application.fee_basis != basis:
            raise NotAllowed("同一申请只能选择按件或按量一种方式计收，不能同时计收。")
        if application.due_on and on > application.due_on:
            raise NotAllowed(f"答复期限 {application.due_on} 已过，不能再发出收费通知。")
        if basis == fees.FeeBasis.PER_PAGE and not per_volume_allowed(application):
            raise NotAllowed("按量计收只适用于纸质、电子邮件或复制到存储介质提供的信息（国办函〔2020〕109号）；"
                             "本申请以网上获取电子信息的方式提供，只能按件计收。")
        quote = fee_quote(application, basis=basis, pages=pages)
        if quote.amount <= 0:
            raise NotAllowed(f"按规定无需收费：{quote.derivation}")
        _add_clock_event(application, K.FEE_NOTIFIED, on, acting_user=acting_user)
        notice = FeeNotice.objects.create(
            application=application, basis=basis, amount=quote.amount, derivation=quote.derivation,
            quantity=pages if basis == fees.FeeBasis.PER_PAGE else nth_in_month(application),
            notified_on=on, pay_by=deadlines.workdays_after(on, settings.APPLICATION_FEE_PAYMENT_WORKDAYS),
        )
        application.fee_basis = basis
        application.save(update_fields=["fee_basis"])
        _letter(application, LetterKind.FEE_NOTICE, sent_on=on, acting_user=acting_user,
                facts={"fee_basis": basis, "fee_amount": quote.amount, "fee_derivation": quote.derivation,
                  "fee_pay_by": notice.pay_by, "fee_pay_workdays": settings.APPLICATION_FEE_PAYMENT_WORKDAYS})
        _move(application, Status.AWAITING_PAYMENT, "fee_notified", acting_user, {
            "on": on.isoformat(), "basis": basis, "amount": str(quote.amount), "pay_by": notice.pay_by.isoformat(),
        })
        email_applicant(application, "信息处理费缴费通知", [
            quote.derivation,
            f"应缴金额：{quote.amount}元，请于{notice.pay_by:%Y年%m月%d日}前缴纳。逾期未缴纳的，视为放弃申请。",
            "收费通知至缴费期间不计入答复期限。",
        ])
    return application


def do_record_payment(
    application, *, on: datetime.date, amount: Decimal | None = None, reference: str = "", acting_user
) -> Application:
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.AWAITING_PAYMENT,), "登记缴费")
        notice = _open_fee_notice(application)
        if on > notice.pay_by:
            raise NotAllowed(f"缴费期限 {notice.pay_by} 已过，应按逾期未缴费终止办理。")
        _add_clock_event(application, K.FEE_PAID, on, acting_user=acting_user)
        notice.status, notice.paid_on, notice.closed_on = FeeStatus.PAID, on, on
        notice.paid_amount = notice.amount if amount is None else amount
        notice.payment_reference = reference
        notice.save()
        _move(application, Status.IN_PROGRESS, "fee_paid", acting_user,
              {"on": on.isoformat(), "amount": str(notice.paid_amount)})
        email_applicant(application, "已收到您缴纳的信息处理费", [
            f"我们于{on:%Y年%m月%d日}收到您缴纳的信息处理费{notice.paid_amount}元，答复期限恢复计算。",
            f"答复期限：{_due_words(application)}。",
        ])
    return application


def do_waive_fee(application, *, on: datetime.date, reason: str, acting_user) -> Application:
    """A waiver with its recorded reason (verify the grounds); the clock runs again."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.AWAITING_PAYMENT,), "减免信息处理费")
        if not reason.strip():
            raise NotAllowed("减免信息处理费须写明理由。")
        notice = _open_fee_notice(application)
        _add_clock_event(application, K.FEE_PAID, on, acting_user=acting_user, reason=reason)
        notice.status, notice.closed_on, notice.waiver_reason = FeeStatus.WAIVED, on, reason
        notice.save()
        _move(application, Status.IN_PROGRESS, "fee_waived", acting_user, {"on": on.isoformat(), "reason": reason})
        email_applicant(application, "信息处理费已减免", [
            f"您的申请应缴信息处理费已予减免（{reason}），答复期限恢复计算。",
            f"答复期限：{_due_words(application)}。",
        ])
    return application


def do_lapse_fee(application, *, on: datetime.date | None = None, acting_user) -> Application:
    """Unpaid by the date in the notice → abandoned → 表三（六）2."""
    on = on or deadlines.today()
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.AWAITING_PAYMENT,), "按逾期未缴费终止办理")
        notice = _open_fee_notice(application)
        if on <= notice.pay_by:
            raise NotAllowed(f"缴费期限 {notice.pay_by} 尚未届满，不能按逾期未缴费处理。")
        notice.status, notice.closed_on = FeeStatus.LAPSED, on
        notice.save()
        _close(application, Outcome.OTHER_OVERDUE_FEE, on, "closed_overdue_fee", acting_user,
               "申请人逾期未按收费通知要求缴纳费用，不再处理该申请。")
    return application


def lapse_unpaid_fees(*, on: datetime.date | None = None) -> int:
    """The daily job: every case whose fee notice went unpaid past its date is closed as
    abandoned (表三（六）2), each in its own transaction, by the system."""
    on = on or deadlines.today()
    lapsed = 0
    overdue = FeeNotice.objects.filter(
        status=FeeStatus.NOTIFIED, pay_by__lt=on, application__status=Status.AWAITING_PAYMENT
    ).values_list("application_id", flat=True)
    for application in Application.objects.filter(pk__in=list(overdue)):
        try:
            do_lapse_fee(application, on=on, acting_user=None)
        except NotAllowed:
            continue  # its closure letter cannot be composed (agency record incomplete): listed on supervision
        lapsed += 1
    return lapsed


def _open_fee_notice(application) -> FeeNotice:
    notice = application.fee_notices.filter(status=FeeStatus.NOTIFIED).last()
    if notice is None:
        raise NotAllowed("没有待缴费的收费通知。")
    return notice


# --- the decision and the reply (条例第三十六条至第三十九条) ------------------------------


def do_decide_application(
    application, *, outcome: str, reasons: str = "", reply_type: str = "", withheld_parts: str = "",
    referred_agency: str = "", facts: dict | None = None, acting_user,
) -> Application:
    """The preparer (a clerk) records the decision: exactly one 表三 outcome, with reasons
    and every other fact its letter needs (`facts`, keys of DECISION_FACTS). Refused,
    naming what is missing, when the outcome's letter cannot be composed from them. The
    reply letter is drafted, not sent: a disclosing reply goes to 保密审查
    (do_review_reply), then an approver who is neither the preparer nor the reviewer
    signs it (do_sign_reply), and only then is the letter sent."""
    facts = {k: v.strip() if isinstance(v, str) else v for k, v in (facts or {}).items()}
    unknown = sorted(set(facts) - set(DECISION_FACTS))
    if unknown:
        raise NotAllowed(f"答复不接受以下事项：{'、'.join(unknown)}。")
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.IN_PROGRESS, Status.PROPOSED), "拟定答复")
        if not may_handle(acting_user, application.agency):
            raise NotAllowed("只有本机关经办人、负责人或政务公开办管理员可以拟定答复。")
        _check_outcome(application, outcome, reasons, withheld_parts)
        application.outcome = outcome
        application.reply_type = reply_type or _default_reply_type(outcome, facts)
        application.reasons = reasons.strip()
        application.withheld_parts = withheld_parts.strip()
        application.referred_agency = referred_agency.strip()
        application.reply_facts = {k: v for k, v in facts.items() if v not in ("", None)}
        if application.reply_type == ReplyType.ALREADY_PUBLIC and not application.reply_facts.get("published_where"):
            raise NotAllowed("已主动公开的，应写明获取该信息的方式和途径（第三十六条第（一）项）：「主动公开的位置（网址或索引号）」未填写。")
        _check_reply_composes(application)
        application.proposed_by = acting_user
        application.proposed_at = timezone.now()
        application.reviewed_by, application.reviewed_at, application.review_note = None, None, ""
        application.save(update_fields=["outcome", "reply_type", "reasons", "withheld_parts", "referred_agency",
                                        "reply_facts", "proposed_by", "proposed_at", "reviewed_by", "reviewed_at", "review_note"])
        _discard_draft_reply(application)
        draft = _store_reply(application, sent_on=None, acting_user=acting_user)
        _move(application, Status.PROPOSED, "reply_proposed", acting_user, {
            "outcome": outcome, "draft": draft.pk, "needs_review": reply_needs_review(application),
        })
    return application


def reply_needs_review(application) -> bool:
    """条例第十七条: a reply that discloses information (granted, partial, or anything that
    delivers documents) passes 保密审查 before it is signed."""
    return application.outcome in DISCLOSING_OUTCOMES or application.reply_type == ReplyType.PROVIDED


def draft_reply(application) -> Letter | None:
    """The reply letter as it will be sent, while it waits for review and signature."""
    return application.letters.filter(kind=LetterKind.REPLY, sent_on__isnull=True).last()


def do_review_reply(application, *, passed: bool, note: str = "", acting_user) -> Application:
    """保密审查 of a disclosing reply by a reviewer other than its preparer. Passed: it
    waits for the approver's signature. Not passed: back to the clerk, draft discarded."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.PROPOSED,), "进行保密审查")
        if not may_review(acting_user, application.agency):
            raise NotAllowed("只有本机关保密审查员或政务公开办管理员可以进行保密审查。")
        if not reply_needs_review(application):
            raise NotAllowed("该答复不公开政府信息，无需保密审查。")
        if application.reviewed_by_id:
            raise NotAllowed("该答复已通过保密审查，等待负责人签发。")
        _refuse_if(duties.refusal(application.agency, DutyRule.PREPARER_NOT_REVIEWER,
                                  application.proposed_by, acting_user))
        if not passed and not note.strip():
            raise NotAllowed("保密审查不通过的，请写明意见。")
        if passed:
            application.reviewed_by, application.reviewed_at = acting_user, timezone.now()
            application.review_note = note.strip()
            application.save(update_fields=["reviewed_by", "reviewed_at", "review_note"])
            _same(application, "reply_reviewed", acting_user, {"note": application.review_note})
        else:
            _discard_draft_reply(application)
            _move(application, Status.IN_PROGRESS, "reply_review_returned", acting_user, {"note": note.strip()})
    return application


def _check_reply_composes(application) -> None:
    """An agency whose letters cannot be composed (contacts incomplete) decides nothing
    it could not send; the draft stored next (_store_reply) names any missing fact."""
    gaps = contact_gaps(application.agency)
    if gaps:
        raise NotAllowed(f"本机关的联系信息不完整（缺少{'、'.join(gaps)}），不能发出答复；请政务公开办补全机关信息。")


def do_sign_reply(application, *, on: datetime.date, acting_user) -> Application:
    """The approver signs the drafted reply in their own session; the letter is sent that
    day. Never the preparer, never the reviewer (gongkai.agencies.duties)."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.PROPOSED,), "签发答复")
        if not may_approve(acting_user, application.agency):
            raise NotAllowed("答复须经本机关负责人签发。")
        _refuse_if(duties.refusal(application.agency, DutyRule.PREPARER_NOT_APPROVER,
                                  application.proposed_by, acting_user))
        if reply_needs_review(application):
            if not application.reviewed_by_id:
                raise NotAllowed("该答复公开政府信息，须先经保密审查，才能签发（第十七条）。")
            _refuse_if(duties.refusal(application.agency, DutyRule.REVIEWER_NOT_APPROVER,
                                      application.reviewed_by, acting_user))
        _not_in_future(on, "答复日期")
        if on < application.received_on:
            raise NotAllowed("答复日期不能早于收到申请的日期。")
        gaps = contact_gaps(application.agency)
        if gaps:
            raise NotAllowed(f"本机关的联系信息不完整（缺少{'、'.join(gaps)}），不能签发答复；请政务公开办补全机关信息。")
        if _public_interest_notice_missing(application):
            raise NotAllowed("第三方不同意公开，因公共利益决定公开的，须先书面告知第三方决定公开的内容和理由（第三十二条），才能签发。")
        late = application.due_on is not None and on > application.due_on
        application.signed_by, application.replied_on, application.closed_on = acting_user, on, on
        application.save(update_fields=["signed_by", "replied_on", "closed_on"])
        _discard_draft_reply(application)
        letter = _store_reply(application, sent_on=on, acting_user=acting_user)
        _move(application, Status.REPLIED, "replied", acting_user, {
            "on": on.isoformat(), "outcome": application.outcome, "letter": letter.pk, "late": late,
            "decided_by": application.proposed_by.get_username() if application.proposed_by else None,
            "reviewed_by": application.reviewed_by.get_username() if application.reviewed_by else None,
        })
        email_applicant(application, "政府信息公开申请答复", [
            f"您的申请已于{on:%Y年%m月%d日}答复：{outcome_title(application.outcome)}。",
            "答复书可在办理查询页面查看；纸质答复书按您选择的方式送达。",
        ])
    return application


def do_return_reply(application, *, note: str, acting_user) -> Application:
    """The approver sends the proposal back to the clerk; the draft is discarded."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, (Status.PROPOSED,), "退回拟办意见")
        if not may_approve(acting_user, application.agency):
            raise NotAllowed("只有本机关负责人可以退回拟办意见。")
        _discard_draft_reply(application)
        _move(application, Status.IN_PROGRESS, "reply_returned", acting_user, {"note": note})
    return application


def _store_reply(application, *, sent_on, acting_user) -> Letter:
    return _letter(application, LetterKind.REPLY, sent_on=sent_on, acting_user=acting_user,
                   facts=_reply_facts(application))


def _discard_draft_reply(application) -> None:
    for draft in application.letters.filter(kind=LetterKind.REPLY, sent_on__isnull=True):
        draft.delete()


def _refuse_if(reason: str) -> None:
    if reason:
        raise NotAllowed(reason)


def do_record_delivery(
    application, *, method: str, delivered_on: datetime.date, letter: Letter | None = None,
    reference: str = "", note: str = "", acting_user,
) -> Delivery:
    """A letter reached the applicant (or a consulted party): how and when."""
    with transaction.atomic():
        application = _locked(application)
        sent = application.letters.filter(sent_on__isnull=False)
        letter = letter or sent.filter(kind=LetterKind.REPLY).last() or sent.last()
        if letter is None or letter.application_id != application.pk or letter.sent_on is None:
            raise NotAllowed("还没有已发出的文书，不能登记送达。")
        if delivered_on < letter.sent_on:
            raise NotAllowed("送达日期不能早于文书发出的日期。")
        _not_in_future(delivered_on, "送达日期")
        delivery = Delivery.objects.create(
            application=application, letter=letter, method=method, delivered_on=delivered_on,
            reference=reference, note=note, recorded_by=acting_user,
        )
        _same(application, "delivered", acting_user,
              {"letter": letter.pk, "method": method, "on": delivered_on.isoformat()})
        if letter.kind == LetterKind.FEE_NOTICE:
            _pay_by_from_receipt(application, delivered_on)
    return delivery


def _pay_by_from_receipt(application, delivered_on: datetime.date) -> None:
    """国办函〔2020〕109号: the payment period runs from the day after the applicant
    receives the notice; once its receipt is recorded, the open notice's date follows."""
    notice = application.fee_notices.filter(status=FeeStatus.NOTIFIED).last()
    if notice is not None:
        notice.pay_by = deadlines.workdays_after(delivered_on, settings.APPLICATION_FEE_PAYMENT_WORKDAYS)
        notice.save(update_fields=["pay_by"])


def do_withdraw(application, *, on: datetime.date, note: str = "", acting_user) -> Application:
    """The applicant withdraws → 表三（六）3 其他."""
    with transaction.atomic():
        application = _locked(application)
        _require(application, OPEN_STATUSES, "登记撤回申请")
        _not_in_future(on, "撤回日期")
        if application.received_on is None:
            _withdraw_before_receipt(application, on, note, acting_user)
        else:
            _close(application, Outcome.OTHER_OTHER, on, "withdrawn", acting_user,
                   "申请人撤回申请。" + (f"{note}" if note else ""))
    return application


def _withdraw_before_receipt(application, on, note: str, actor) -> None:
    """条例第三十一条: an online application not yet confirmed was never received, so a
    withdrawal then has nothing to answer: no closure letter, and no 表三 row (the
    report counts applications by their date of receipt)."""
    application.reasons = "申请人在本机关确认收到申请前撤回。" + note
    application.closed_on = on
    application.save(update_fields=["reasons", "closed_on"])
    _move(application, Status.CLOSED, "withdrawn", actor, {"on": on.isoformat(), "before_receipt": True})
    email_applicant(application, "政府信息公开申请已撤回", [
        f"您于{on:%Y年%m月%d日}撤回了尚未确认收到的申请，本机关不再办理。如仍需要该信息，可以重新提出申请。",
    ])


def _check_outcome(application, outcome: str, reasons: str, withheld_parts: str) -> None:
    if outcome not in Outcome.values:
        raise NotAllowed(f"“{outcome}”不是年度报告表三中的办理结果。")
    if outcome in LAPSE_OUTCOMES:
        raise NotAllowed("逾期未补正、逾期未缴费的申请，应使用相应的终止办理操作。")
    if outcome == Outcome.PARTIAL and not withheld_parts.strip():
        raise NotAllowed("部分公开的，应写明不予公开的部分及理由（第三十七条）。")
    if outcome.startswith(REASONS_REQUIRED) and not reasons.strip():
        raise NotAllowed(f"“{outcome_title(outcome)}”应写明理由和依据。")
    if outcome == Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION and not application.clock_events.filter(
        kind=K.CORRECTION_RECEIVED
    ).exists():
        raise NotAllowed("只有补正后申请内容仍不明确的，才能按此答复（第三十条）；本申请未经补正。")


def _default_reply_type(outcome: str, facts: dict) -> str:
    if outcome == Outcome.GRANTED and facts.get("published_where"):
        return ReplyType.ALREADY_PUBLIC  # 条例第三十六条第（一）项
    if outcome in (Outcome.GRANTED, Outcome.PARTIAL):
        return ReplyType.PROVIDED
    if outcome.startswith("denied_"):
        return ReplyType.NOT_DISCLOSED
    if outcome == Outcome.UNABLE_NOT_HELD:
        return ReplyType.NOT_HELD
    if outcome.startswith("not_processed_"):
        return ReplyType.NOT_PROCESSED
    return ReplyType.OTHER


# --- shared steps ----------------------------------------------------------------------


def _locked(application) -> Application:
    return deadlines.locked(application.pk)


def _require(application, allowed, doing: str, *, exclude=()) -> None:
    if application.status in exclude or application.status not in allowed:
        label = Status(application.status).label
        raise NotAllowed(f"该申请当前状态为“{label}”，不能{doing}。")


def _not_in_future(on: datetime.date, what: str) -> None:
    if on > deadlines.today():
        raise NotAllowed(f"{what} {on} 晚于今天，不能预先登记。")


def _add_clock_event(application, kind, on, *, acting_user, approved_by=None, **fields) -> ClockEvent:
    """Check the event against the Regulation (clock.py), keep it, recompute the due date."""
    if application.received_on is None:
        raise NotAllowed("尚未确认收到申请，答复期限还没有开始计算。")
    try:
        deadlines.derive(application, [clock.ClockEvent(kind=kind, on=on, **fields)])
    except clock.ClockError as error:
        raise NotAllowed(str(error)) from error
    row = ClockEvent.objects.create(
        application=application, kind=kind, on=on, approved_by=approved_by,
        recorded_by=acting_user if getattr(acting_user, "is_authenticated", False) else None, **fields,
    )
    deadlines.refresh_deadline(application)
    return row


def _move(application, to_status, verb: str, actor, data: dict) -> None:
    from_status = application.status
    application.status = to_status
    application.save(update_fields=["status", "updated_at"])
    record(application, verb, actor=actor, from_state=from_status, to_state=to_status, data=data)


def _same(application, verb: str, actor, data: dict) -> None:
    record(application, verb, actor=actor, from_state=application.status, to_state=application.status, data=data)


def _close(application, outcome, on, verb, actor, reasons: str) -> None:
    application.outcome = outcome
    application.reply_type = ReplyType.OTHER
    application.reasons = reasons
    application.closed_on = on
    application.save(update_fields=["outcome", "reply_type", "reasons", "closed_on"])
    _letter(application, LetterKind.CLOSURE_NOTICE, sent_on=on, acting_user=actor,
            facts=_reply_facts(application))
    _move(application, Status.CLOSED, verb, actor, {"on": on.isoformat(), "outcome": outcome})
    email_applicant(application, "政府信息公开申请终止办理", [reasons])


def _reply_facts(application) -> dict:
    """What the reply template needs beyond the common facts (letters.LetterFacts)."""
    events = {e.kind: e.on for e in application.clock_events.all()}
    fee_notice = application.fee_notices.last()
    facts = {
        "outcome": application.outcome,
        "reasons": application.reasons,
        "not_ours": application.reply_type == ReplyType.OTHER_AGENCY,
        "responsible_agency": application.referred_agency,
        "correction_notice_on": events.get(K.CORRECTION_REQUESTED),
        "correction_received_on": events.get(K.CORRECTION_RECEIVED),
        "correction_answer_by": application.correction_answer_by,
        "fee_notice_on": events.get(K.FEE_NOTIFIED),
        "fee_pay_by": fee_notice.pay_by if fee_notice else None,
        "reasons_requested_on": application.reasons_requested_on,
        # 条例第四十条: provided in the form the applicant asked for.
        "delivery_method": (
            f"按您申请的方式，以{application.get_form_wanted_display()}形式、"
            f"通过{application.get_delivery_wanted_display()}方式提供"
        ),
    }
    if application.withheld_parts:
        facts["withheld_parts"] = (letters.WithheldPart(application.withheld_parts, application.reasons or "见上"),)
    # The reply lists the files it delivers (条例第四十条: in the form asked for).
    documents = list(application.documents.all()) if application.outcome in DISCLOSING_OUTCOMES else []
    if documents:
        listed = "、".join(
            f"《{d.title}》（{d.page_count}页{'，已作区分处理' if d.boxes else ''}）" for d in documents
        )
        facts["delivery_method"] += (
            f"。提供的文件：{listed}，可凭查询码在办理查询页面下载，"
            f"下载期限为答复之日起{settings.DELIVERED_DOCUMENTS_DAYS}日"
        )
    # 区分处理: each reason drawn on a delivered file is one line of 下列内容不予提供.
    boxed = [part for document in documents for part in withheld_by_boxes(document)]
    if boxed:
        facts["withheld_parts"] = tuple(facts.get("withheld_parts", ())) + tuple(boxed)
    if application.repeat_of_id:
        facts["previous_application_number"] = application.repeat_of.reference
        facts["previous_reply_on"] = application.repeat_of.replied_on
    facts.update(application.reply_facts or {})
    return facts


def withheld_by_boxes(document) -> list:
    """One 不予提供 line per ground drawn on a delivered file: which pages, how many
    boxes, the staff's notes, and the ground."""
    parts = []
    for reason in dict.fromkeys(box["reason"] for box in document.boxes):
        boxes = [box for box in document.boxes if box["reason"] == reason]
        pages = "、".join(f"第{p}页" for p in sorted({int(box["page"]) for box in boxes}))
        notes = "；".join(dict.fromkeys(box["note"].strip() for box in boxes if (box.get("note") or "").strip()))
        what = f"《{document.title}》{pages}中遮盖的{len(boxes)}处内容" + (f"（{notes}）" if notes else "")
        parts.append(letters.WithheldPart(what, REDACTION_GROUNDS[reason]))
    return parts


def _letter(application, kind, **kwargs) -> Letter:
    """store_letter, with a letter the template cannot write turned into a refusal."""
    try:
        return store_letter(application, kind, **kwargs)
    except letters.LetterError as error:
        raise NotAllowed(f"{LetterKind(kind).label}不能生成，本次操作未执行。{error}") from error


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _due_words(application) -> str:
    if application.due_on is None:
        return "尚未开始计算"
    suffix = "（暂定：相关年份的节假日安排尚未公布）" if application.due_provisional else ""
    return f"{application.due_on:%Y年%m月%d日}{suffix}"


def _registration_data(application) -> dict:
    return {
        "number": application.number, "year": application.year, "channel": application.channel,
        "received_on": _iso(application.received_on),
        "repeat_of": application.repeat_of_id,
    }


def _iso(value) -> str | None:
    return value.isoformat() if value else None

