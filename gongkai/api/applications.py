"""/api/v1/applications: register applications and record their events (interfaces.md).

Glue only: every change goes through gongkai.applications.actions, every read through
gongkai.applications.access. Another agency's record answers 404; a step the rules do
not allow answers 422 with the reason in Chinese, and nothing changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from gongkai.agencies.models import Agency
from gongkai.api.auth import StaffToken
from gongkai.applications import actions
from gongkai.applications.access import (
    Action,
    get_application_for_staff,
    may_handle,
)
from gongkai.applications.correspondence import (
    format_tracking_code,
    letter_pdf,
    letter_text,
    pdf_response,
)
from gongkai.applications.forms import applicant_problems
from gongkai.applications.models import (
    Application,
    DeliveryWanted,
    FormWanted,
    PartyKind,
)

router = Router(auth=StaffToken())

EventType = Literal[
    "correction_requested",
    "correction_received",
    "consultation_started",
    "consultation_ended",
    "extended",
    "fee_notified",
    "fee_paid",
    "fee_lapsed",  # unpaid past the notice's date: closed as abandoned, 表三（六）2
    "correction_lapsed",  # no 补正 by its date: closed as abandoned, 表三（六）1
    "reasons_requested",  # 条例第三十五条: the applicant asked to state reasons
    "longer_deadline_set",  # 条例第三十五条: a longer, reasonable deadline (`due_on`), approver's token
    "decided",
    "reviewed",
    "signed",
    "replied",  # withdrawn: answers 422 pointing to decided + signed
    "withdrawn",
]


class ApplicantIn(Schema):
    type: str
    name: str
    id_type: str = ""
    id_number: str = ""
    credit_code: str = ""
    legal_representative: str = ""
    contact_person: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    email: str = ""


class ApplicationIn(Schema):
    agency: str  # code or full name
    channel: Literal["online", "in_person", "post", "fax", "oral"]
    received_on: dt.date
    applicant: ApplicantIn
    description: str
    form_wanted: Literal["paper", "electronic"] = FormWanted.PAPER
    delivery_wanted: Literal["collect", "post", "email", "online"] = DeliveryWanted.POST
    idempotency_key: str = ""


class EventIn(Schema):
    type: EventType
    on: dt.date
    # extended
    workdays: int | None = None
    reason: str = ""
    # no longer accepted: an approval is made by the approver's own token (422 if given)
    approved_by: str | None = None
    # decided
    outcome: str | None = None
    reasons: str = ""
    reply_type: str = ""
    withheld_parts: str = ""
    referred_agency: str = ""
    # …and the other facts the outcome's letter needs (actions.DECISION_FACTS)
    published_where: str = ""
    delivery_method: str = ""
    legal_basis: str = ""
    query_channel: str = ""
    search_description: str = ""
    responsible_agency_contact: str = ""
    proper_channel: str = ""
    publication_source: str = ""
    # longer_deadline_set
    due_on: dt.date | None = None
    # reviewed (保密审查 of a disclosing reply, by a reviewer's own token)
    passed: bool | None = None
    # correction_requested
    items: str = ""
    answer_by: dt.date | None = None
    late_reason: str = ""  # a 补正 notice past 7 working days restarts the clock only with a reason
    # consultation_started / consultation_ended
    party_kind: Literal["third_party", "agency"] = "third_party"
    party: str = ""
    party_received_on: dt.date | None = None  # when the party received the letter (第三十二条)
    result: Literal["", "agreed", "objected", "no_reply"] = ""
    opinion: str = ""
    # fee_notified / fee_paid
    basis: Literal["per_application", "per_page"] = "per_application"
    pages: int | None = None
    amount: Decimal | None = None
    reference: str = ""
    note: str = ""


class ApplicationOut(Schema):
    id: int
    agency: str
    number: str
    tracking_code: str
    channel: str
    received_on: dt.date | None
    due_on: dt.date | None
    provisional: bool
    status: str
    outcome: str | None
    due_explanation: str


class Problem(Schema):
    detail: str


@router.post(
    "",
    response={201: ApplicationOut, 404: Problem, 422: Problem},
    summary="登记一件政府信息公开申请",
)
def register_application(request, payload: ApplicationIn):
    agency = _agency_for(request.user, payload.agency)
    applicant = payload.applicant.dict()
    problems = applicant_problems(applicant)
    if problems:
        raise HttpError(422, "；".join(problems))
    application = _act(
        lambda: actions.do_register_application(
            agency,
            channel=payload.channel,
            received_on=payload.received_on,
            applicant=applicant,
            description=payload.description,
            form_wanted=payload.form_wanted,
            delivery_wanted=payload.delivery_wanted,
            idempotency_key=payload.idempotency_key,
            acting_user=request.user,
        )
    )
    return Status(201, _out(application))


@router.get("/{int:application_id}", response={200: ApplicationOut, 404: Problem}, summary="查看申请")
def get_application(request, application_id: int):
    return _out(_load(request.user, application_id, Action.VIEW))


class LetterOut(Schema):
    kind: str
    number: str
    sent_on: dt.date
    text: str
    pdf: str


@router.get(
    "/{int:application_id}/letters", response={200: list[LetterOut], 404: Problem}, summary="申请的全部文书"
)
def list_letters(request, application_id: int):
    """Every letter sent in the case, oldest first, with its full wording as sent."""
    application = _load(request.user, application_id, Action.VIEW)
    sent = application.letters.filter(sent_on__isnull=False).order_by("sent_on", "created_at", "id")
    return [
        {
            "kind": letter.kind,
            "number": letter.number,
            "sent_on": letter.sent_on,
            "text": letter_text(letter),
            "pdf": reverse("api:letter_pdf", args=[application.pk, letter.pk]),
        }
        for letter in sent
    ]


@router.get(
    "/{int:application_id}/letters/{int:letter_id}/pdf",
    response={404: Problem},
    url_name="letter_pdf",
    summary="文书的PDF",
)
def letter_pdf_file(request, application_id: int, letter_id: int):
    application = _load(request.user, application_id, Action.VIEW)
    letter = application.letters.filter(pk=letter_id, sent_on__isnull=False).first()
    pdf = letter_pdf(letter) if letter is not None else None
    if pdf is None:
        raise Http404
    return pdf_response(pdf, f"{application.year}-{application.number}-{letter.kind}.pdf")


@router.post(
    "/{int:application_id}/events",
    response={200: ApplicationOut, 403: Problem, 404: Problem, 422: Problem},
    summary="登记一个计时或答复事项",
)
def record_event(request, application_id: int, event: EventIn):
    application = _load(request.user, application_id, _LEVELS.get(event.type, Action.HANDLE))
    if event.approved_by is not None:
        raise HttpError(422, "approved_by 已停用：审批只能由负责人用本人的令牌登记（如 extended、signed），不能代他人签署。")
    step = _STEPS[event.type]
    _act(lambda: step(application, event, request.user))
    return _out(Application.objects.select_related("agency").get(pk=application.pk))


# --- one function per event type -------------------------------------------------------


def _correction_requested(application, event: EventIn, user):
    answer_by = event.answer_by or actions.default_correction_answer_by(event.on)
    return actions.do_request_correction(
        application, on=event.on, items=event.items, answer_by=answer_by, late_reason=event.late_reason,
        acting_user=user
    )


def _correction_received(application, event: EventIn, user):
    return actions.do_receive_correction(application, on=event.on, note=event.note, acting_user=user)


def _consultation_started(application, event: EventIn, user):
    party = event.party or PartyKind(event.party_kind).label.split("（")[0]
    return actions.do_start_consultation(
        application, on=event.on, party_kind=event.party_kind, party_name=party,
        party_received_on=event.party_received_on, acting_user=user
    )


def _consultation_ended(application, event: EventIn, user):
    return actions.do_end_consultation(
        application, on=event.on, result=event.result, opinion=event.opinion, acting_user=user
    )


def _extended(application, event: EventIn, user):
    """条例第三十三条: the approver's own token extends; no one approves in another's name."""
    if event.workdays is None:
        raise actions.NotAllowed("请写明延长的工作日数（workdays）。")
    return actions.do_extend_deadline(
        application, on=event.on, workdays=event.workdays, reason=event.reason, acting_user=user
    )


def _fee_notified(application, event: EventIn, user):
    return actions.do_notify_fee(
        application, on=event.on, basis=event.basis, pages=event.pages, acting_user=user
    )


def _fee_paid(application, event: EventIn, user):
    return actions.do_record_payment(
        application, on=event.on, amount=event.amount, reference=event.reference, acting_user=user
    )


def _decided(application, event: EventIn, user):
    """The preparer records the decision; the reply letter is drafted, not sent."""
    if not event.outcome:
        raise actions.NotAllowed("请写明办理结果（outcome），即年度报告表三的一行。")
    return actions.do_decide_application(
        application,
        outcome=event.outcome,
        reasons=event.reasons,
        reply_type=event.reply_type,
        withheld_parts=event.withheld_parts,
        referred_agency=event.referred_agency,
        facts={name: getattr(event, name) for name in actions.DECISION_FACTS},
        acting_user=user,
    )


def _fee_lapsed(application, event: EventIn, user):
    return actions.do_lapse_fee(application, on=event.on, acting_user=user)


def _correction_lapsed(application, event: EventIn, user):
    return actions.do_close_overdue_correction(application, on=event.on, acting_user=user)


def _reasons_requested(application, event: EventIn, user):
    if event.answer_by is None:
        raise actions.NotAllowed("请写明说明理由的期限（answer_by）。")
    return actions.do_request_reasons(application, on=event.on, answer_by=event.answer_by, acting_user=user)


def _longer_deadline_set(application, event: EventIn, user):
    if event.due_on is None:
        raise actions.NotAllowed("请写明确定的答复期限（due_on）。")
    return actions.do_set_longer_deadline(
        application, on=event.on, due_on=event.due_on, reason=event.reason, acting_user=user
    )


def _reviewed(application, event: EventIn, user):
    """保密审查 of a disclosing reply (条例第十七条), by a reviewer's own token: an explicit
    verdict, never a default."""
    if event.passed is None:
        raise actions.NotAllowed("请写明保密审查结论：passed 为 true（通过）或 false（不通过，并在 note 中写明意见）。")
    return actions.do_review_reply(application, passed=event.passed, note=event.note, acting_user=user)


def _signed(application, event: EventIn, user):
    """An approver other than the preparer (and the reviewer) signs with their own token."""
    return actions.do_sign_reply(application, on=event.on, acting_user=user)


def _replied(application, event: EventIn, user):
    raise actions.NotAllowed(
        "“replied”已停用：请由经办人登记 decided（办理结果和事实），再由另一位负责人用本人令牌登记 signed。"
    )


def _withdrawn(application, event: EventIn, user):
    return actions.do_withdraw(application, on=event.on, note=event.note, acting_user=user)


_STEPS: dict[str, Callable] = {
    "correction_requested": _correction_requested,
    "correction_received": _correction_received,
    "consultation_started": _consultation_started,
    "consultation_ended": _consultation_ended,
    "extended": _extended,
    "fee_notified": _fee_notified,
    "fee_paid": _fee_paid,
    "fee_lapsed": _fee_lapsed,
    "correction_lapsed": _correction_lapsed,
    "reasons_requested": _reasons_requested,
    "longer_deadline_set": _longer_deadline_set,
    "decided": _decided,
    "reviewed": _reviewed,
    "signed": _signed,
    "replied": _replied,
    "withdrawn": _withdrawn,
}


# Reviewers are not handlers: 保密审查 is their only step on a case.
_LEVELS = {"reviewed": Action.REVIEW}


# --- glue --------------------------------------------------------------------------------


def _load(user, application_id: int, action: Action) -> Application:
    try:
        return get_application_for_staff(user, application_id, action=action)
    except PermissionDenied as denied:
        raise HttpError(403, str(denied)) from denied


def _agency_for(user, code_or_name: str) -> Agency:
    agency = Agency.objects.filter(Q(code=code_or_name) | Q(name=code_or_name)).first()
    if agency is None or not may_handle(user, agency):
        raise Http404("没有找到该机关，或您不能为该机关登记申请。")
    return agency


def _act(step: Callable):
    try:
        return step()
    except actions.NotAllowed as refused:
        raise HttpError(422, str(refused)) from refused


def _out(application: Application) -> dict:
    return {
        "id": application.pk,
        "agency": application.agency.name,
        "number": f"{application.agency.display_name}{application.reference}",
        "tracking_code": format_tracking_code(application.tracking_code),
        "channel": application.channel,
        "received_on": application.received_on,
        "due_on": application.due_on,
        "provisional": application.due_provisional,
        "status": application.status,
        "outcome": application.outcome or None,
        "due_explanation": "\n".join(application.due_explanation),
    }

