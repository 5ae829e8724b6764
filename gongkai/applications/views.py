"""Staff pages: the queue, intake, the case page with every action, Art. 44 candidates.

Views are glue: load through access.get_application_for_staff, call one action,
redirect or render.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai import uploads
from gongkai.agencies.access import staff_required, visible_agencies
from gongkai.applications import actions, forms
from gongkai.applications.access import (
    Action,
    applications_for_staff,
    get_application_for_staff,
    intake_agencies,
    may_approve,
    may_handle,
    may_review,
    may_see_identity,
)
from gongkai.applications.correspondence import format_tracking_code, letter_pdf, pdf_response
from gongkai.applications.deadlines import calendar, remaining_workdays, today
from gongkai.applications.identifiers import mask_id_number, mask_phone
from gongkai.applications.models import EVENT_LABELS, OPEN_STATUSES, Status
from gongkai.applications.repeats import conversion_candidates
from gongkai.eventlog.log import history
from gongkai.personaldata import viewing

DUE_SOON_WORKDAYS = 3


@dataclass
class QueueRow:
    application: object
    phone: str
    remaining: int | None

    @property
    def warning(self) -> str:
        if self.remaining is None:
            return ""
        if self.remaining < 0:
            return "overdue"
        return "due_soon" if self.remaining <= DUE_SOON_WORKDAYS else ""


@staff_required
def queue(request):
    show = request.GET.get("show", "open")
    filters = QueueFilters.from_query(request.GET)
    rows = filters.apply(applications_for_staff(request.user), open_only=show == "open")
    if show == "open" or filters.due:
        rows = rows.order_by("due_on", "received_on", "pk")
    else:
        rows = rows.order_by("-year", "-number")
    items = [
        QueueRow(a, mask_phone(a.phone), remaining_workdays(a.due_on) if a.due_on and a.is_open else None)
        for a in rows[:500]
    ]
    return render(request, "applications/queue.html", {
        "rows": items, "show": show, "may_register": intake_agencies(request.user).exists(),
        "due_soon_workdays": DUE_SOON_WORKDAYS, "filters": filters, "statuses": Status.choices,
        "agencies": visible_agencies(request.user).order_by("path"),
    })


# 〔2026〕12号, 2026-12, 12号 or 12: a register number typed into the search box.
_REFERENCE = re.compile(r"^[〔\[（(]?(?:(\d{4})[〕\]）)\-/年]?)?\s*(\d{1,6})\s*号?$")


@dataclass(frozen=True)
class QueueFilters:
    """The queue's search (number, applicant, words of the request) and filters."""

    q: str = ""
    status: str = ""
    agency: str = ""
    due: str = ""  # "soon" (within DUE_SOON_WORKDAYS working days) or "overdue"

    @classmethod
    def from_query(cls, query) -> QueueFilters:
        status = query.get("status", "")
        due = query.get("due", "")
        return cls(q=query.get("q", "").strip()[:100], status=status if status in Status.values else "",
                   agency=query.get("agency", ""), due=due if due in ("soon", "overdue") else "")

    def apply(self, rows, *, open_only: bool):
        if self.status:
            rows = rows.filter(status=self.status)
        elif open_only or self.due:
            rows = rows.filter(status__in=OPEN_STATUSES)
        if self.agency:
            rows = rows.filter(agency__code=self.agency)
        if self.due == "overdue":
            rows = rows.filter(due_on__lt=today())
        elif self.due == "soon":
            rows = rows.filter(due_on__gte=today(), due_on__lte=calendar().add_workdays(today(), DUE_SOON_WORKDAYS).date)
        if self.q:
            match = Q(applicant_name__icontains=self.q) | Q(description__icontains=self.q)
            number = _REFERENCE.match(self.q)
            if number:
                year = Q(year=int(number[1])) if number[1] else Q()
                match |= Q(number=int(number[2])) & year
            rows = rows.filter(match)
        return rows


@staff_required
def intake(request):
    agencies = intake_agencies(request.user)
    if not agencies.exists():
        raise Http404("您不能登记申请。")
    form = forms.IntakeForm(request.POST or None, request.FILES or None, agencies=agencies,
                            initial={"idempotency_key": _fresh_key(), "received_on": today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = actions.do_register_application(
                data["agency"], channel=data["channel"], received_on=data["received_on"],
                applicant=form.applicant(), description=data["description"],
                form_wanted=data["form_wanted"], delivery_wanted=data["delivery_wanted"],
                proof=data.get("proof"), receipt_note=data["receipt_note"],
                idempotency_key=data["idempotency_key"], acting_user=request.user,
            )
        except actions.NotAllowed as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"已登记为{application.reference}，答复期限 {application.due_on}。")
            return redirect("applications:case", pk=application.pk)
    return render(request, "applications/intake.html", {"form": form})


@staff_required
def case(request, pk):
    application = get_application_for_staff(request.user, pk, action=Action.VIEW)
    return render(request, "applications/case.html", _case_context(request.user, application))


def _case_context(user, application, failed=None) -> dict:
    full = may_see_identity(user, application)
    if full and application.id_number:
        viewing.do_record_personal_data_view(application, viewing.IDENTITY_VIEWED, acting_user=user)
    return {
        "application": application,
        "id_number": application.id_number if full else mask_id_number(application.id_number),
        "phone": application.phone if full else mask_phone(application.phone),
        "show_identity": full,
        "tracking_code": format_tracking_code(application.tracking_code),
        "remaining": remaining_workdays(application.due_on) if application.due_on and application.is_open else None,
        "events": [
            (e, EVENT_LABELS.get(e.verb, e.verb), Status(e.to_state).label if e.to_state in Status.values else "")
            for e in history(application).exclude(verb__in=viewing.LABELS)
        ],
        "action_forms": _action_forms(user, application, failed),
        "pending": _pending_reply(user, application),
        "pending_extension": actions.pending_extension(application),
        "open_action": failed.prefix if failed is not None else "",
        # Files delivered with the reply and the applicant's online 补正 answers.
        "documents": application.documents.all(),
        "may_attach": may_handle(user, application.agency)
        and application.status in (Status.IN_PROGRESS, Status.PROPOSED),
        "answers": application.correction_answers.prefetch_related("files") if may_handle(
            user, application.agency) else (),
    }


def _pending_reply(user, application) -> dict | None:
    """What the reviewer and the approver must see before they pass or sign a reply:
    the draft letter as it will be sent and what it discloses (条例第十七条)."""
    if application.status != Status.PROPOSED:
        return None
    if not (may_handle(user, application.agency) or may_review(user, application.agency)):
        return None
    return {
        "draft": actions.draft_reply(application),
        "needs_review": actions.reply_needs_review(application),
        "discloses": application.description if actions.reply_needs_review(application) else "",
    }


@staff_required
def proof(request, pk):
    application = get_application_for_staff(request.user, pk, action=Action.HANDLE)
    if not application.proof_of_identity:
        raise Http404("没有上传身份证明。")
    viewing.do_record_personal_data_view(application, viewing.PROOF_VIEWED, acting_user=request.user)
    kind = uploads.kind_of_stored(application.proof_of_identity.name)
    return uploads.download_response(
        application.proof_of_identity, content_type=kind.content_type if kind else "",
        filename=f"{application.reference}-身份证明.{kind.extension if kind else 'bin'}",
    )


@staff_required
def letter(request, pk, letter_pk):
    application = get_application_for_staff(request.user, pk, action=Action.VIEW)
    item = application.letters.filter(pk=letter_pk).first()
    if item is None:
        raise Http404("没有找到该文书。")
    if item.document:
        kind = uploads.kind_of_stored(item.document.name)
        return uploads.download_response(item.document, content_type=kind.content_type if kind else "",
                                         filename=item.document.name.rsplit("/", 1)[-1])
    return HttpResponse(f"{item.title}\n\n{item.body}", content_type="text/plain; charset=utf-8")


@staff_required
def letter_as_pdf(request, pk, letter_pk):
    application = get_application_for_staff(request.user, pk, action=Action.VIEW)
    item = application.letters.filter(pk=letter_pk).first()
    pdf = letter_pdf(item) if item is not None else None
    if pdf is None:
        raise Http404("该文书没有 PDF 版本。")
    return pdf_response(pdf, f"{application.year}-{application.number}-{item.kind}.pdf")


@staff_required
def conversion(request):
    candidates = conversion_candidates(applications_for_staff(request.user))
    return render(request, "applications/conversion.html", {"candidates": candidates})


# --- actions: one form and one action function each ---------------------------------------


@dataclass(frozen=True)
class StaffAction:
    name: str
    title: str
    form: type
    statuses: tuple
    perform: object  # (application, cleaned_data, user) -> None
    level: Action = Action.HANDLE  # who may: handlers, reviewers (保密审查) or approvers
    shown: object = None  # (application) -> bool: only when the case is at this step


_CLOCK_OPEN = (Status.IN_PROGRESS, Status.CONSULTING, Status.AWAITING_PAYMENT, Status.PROPOSED)


ACTIONS = {a.name: a for a in [
    StaffAction("confirm", "确认收到申请", forms.OnForm, (Status.SUBMITTED,),
                lambda a, d, u: actions.do_confirm_receipt(a, on=d["on"], note=d["note"], acting_user=u)),
    StaffAction("correction", "发出补正通知", forms.CorrectionForm, (Status.IN_PROGRESS,),
                lambda a, d, u: actions.do_request_correction(
                    a, on=d["on"], items=d["items"], answer_by=d["answer_by"],
                    late_reason=d.get("late_reason", ""), acting_user=u)),
    StaffAction("correction_received", "登记收到补正", forms.OnForm, (Status.AWAITING_CORRECTION,),
                lambda a, d, u: actions.do_receive_correction(a, on=d["on"], note=d["note"], acting_user=u)),
    StaffAction("correction_overdue", "逾期未补正，终止办理", forms.OnForm, (Status.AWAITING_CORRECTION,),
                lambda a, d, u: actions.do_close_overdue_correction(a, on=d["on"], acting_user=u)),
    StaffAction("consultation", "征求第三方或其他机关意见", forms.ConsultationStartForm, (Status.IN_PROGRESS,),
                lambda a, d, u: actions.do_start_consultation(
                    a, on=d["on"], party_kind=d["party_kind"], party_name=d["party_name"],
                    party_received_on=d.get("party_received_on"), acting_user=u)),
    StaffAction("consultation_end", "登记征求意见结果", forms.ConsultationEndForm, (Status.CONSULTING,),
                lambda a, d, u: actions.do_end_consultation(
                    a, on=d["on"], result=d["result"], opinion=d["opinion"],
                    public_interest_override=d["public_interest_override"], acting_user=u)),
    StaffAction("extend_request", "申请延长答复期限", forms.ExtensionRequestForm, _CLOCK_OPEN,
                lambda a, d, u: actions.do_request_extension(
                    a, workdays=d["workdays"], reason=d["reason"], acting_user=u),
                shown=lambda a: actions.pending_extension(a) is None),
    StaffAction("extend", "同意延长答复期限（负责人）", forms.ExtensionForm, _CLOCK_OPEN,
                lambda a, d, u: actions.do_extend_deadline(
                    a, on=d["on"], workdays=d["workdays"], reason=d["reason"], acting_user=u),
                level=Action.APPROVE),
    StaffAction("extend_refuse", "不同意延长答复期限（负责人）", forms.RefuseExtensionForm, _CLOCK_OPEN,
                lambda a, d, u: actions.do_refuse_extension(a, note=d["note"], acting_user=u),
                level=Action.APPROVE, shown=lambda a: actions.pending_extension(a) is not None),
    StaffAction("longer_deadline", "确定较长答复期限（第三十五条）", forms.LongerDeadlineForm,
                (Status.IN_PROGRESS, Status.CONSULTING, Status.AWAITING_PAYMENT, Status.PROPOSED),
                lambda a, d, u: actions.do_set_longer_deadline(
                    a, on=d["on"], due_on=d["due_on"], reason=d["reason"], acting_user=u), level=Action.APPROVE),
    StaffAction("public_interest", "书面告知第三方因公共利益决定公开（第三十二条）", forms.PublicInterestForm,
                (Status.IN_PROGRESS, Status.PROPOSED),
                lambda a, d, u: actions.do_notify_public_interest(
                    a, on=d["on"], disclosed_information=d["disclosed_information"], reason=d["reason"],
                    acting_user=u)),
    StaffAction("reasons_request", "要求说明理由（第三十五条）", forms.ReasonsRequestForm,
                (Status.IN_PROGRESS, Status.CONSULTING, Status.AWAITING_PAYMENT, Status.PROPOSED),
                lambda a, d, u: actions.do_request_reasons(
                    a, on=d["on"], answer_by=d["answer_by"], acting_user=u)),
    StaffAction("fee", "发出收费通知", forms.FeeNoticeForm, (Status.IN_PROGRESS,),
                lambda a, d, u: actions.do_notify_fee(
                    a, on=d["on"], basis=d["basis"], pages=d.get("pages"), acting_user=u)),
    StaffAction("payment", "登记缴费", forms.PaymentForm, (Status.AWAITING_PAYMENT,),
                lambda a, d, u: actions.do_record_payment(
                    a, on=d["on"], amount=d.get("amount"), reference=d["reference"], acting_user=u)),
    StaffAction("waiver", "减免信息处理费", forms.WaiverForm, (Status.AWAITING_PAYMENT,),
                lambda a, d, u: actions.do_waive_fee(a, on=d["on"], reason=d["reason"], acting_user=u)),
    StaffAction("fee_lapsed", "逾期未缴费，终止办理", forms.OnForm, (Status.AWAITING_PAYMENT,),
                lambda a, d, u: actions.do_lapse_fee(a, on=d["on"], acting_user=u)),
    StaffAction("decide", "拟定答复", forms.DecisionForm, (Status.IN_PROGRESS, Status.PROPOSED),
                lambda a, d, u: actions.do_decide_application(
                    a, outcome=d["outcome"], reply_type=d["reply_type"], reasons=d["reasons"],
                    withheld_parts=d["withheld_parts"], referred_agency=d["referred_agency"],
                    facts={k: d.get(k, "") for k in actions.DECISION_FACTS}, acting_user=u)),
    StaffAction("review", "保密审查", forms.ReviewForm, (Status.PROPOSED,),
                lambda a, d, u: actions.do_review_reply(a, passed=d["passed"], note=d["note"], acting_user=u),
                level=Action.REVIEW, shown=lambda a: actions.reply_needs_review(a) and not a.reviewed_by_id),
    StaffAction("sign", "签发答复", forms.SignForm, (Status.PROPOSED,),
                lambda a, d, u: actions.do_sign_reply(a, on=d["on"], acting_user=u), level=Action.APPROVE),
    StaffAction("return", "退回拟办意见", forms.ReturnForm, (Status.PROPOSED,),
                lambda a, d, u: actions.do_return_reply(a, note=d["note"], acting_user=u), level=Action.APPROVE),
    StaffAction("delivery", "登记送达", forms.DeliveryForm, (Status.REPLIED, Status.CLOSED),
                lambda a, d, u: actions.do_record_delivery(
                    a, method=d["method"], delivered_on=d["delivered_on"], reference=d["reference"],
                    note=d["note"], acting_user=u)),
    StaffAction("withdraw", "登记申请人撤回", forms.OnForm, OPEN_STATUSES,
                lambda a, d, u: actions.do_withdraw(a, on=d["on"], note=d["note"], acting_user=u)),
]}


def _form_for(spec: StaffAction, application, data=None):
    kwargs = {"prefix": spec.name}
    if spec.form is forms.ExtensionForm and data is None:
        request = actions.pending_extension(application)
        if request is not None:  # the approver sees what the clerk asked for
            kwargs["initial"] = {"workdays": request.workdays, "reason": request.reason}
    if spec.form is forms.CorrectionForm and data is None:
        kwargs["initial"] = {"answer_by": actions.default_correction_answer_by(today())}
    return spec.form(data, **kwargs)


_MAY = {Action.HANDLE: may_handle, Action.REVIEW: may_review, Action.APPROVE: may_approve}


def _action_forms(user, application, failed=None):
    out = []
    for spec in ACTIONS.values():
        if application.status not in spec.statuses:
            continue
        if spec.shown is not None and not spec.shown(application):
            continue
        if not _MAY[spec.level](user, application.agency):
            continue
        form = failed if failed is not None and failed.prefix == spec.name else _form_for(spec, application)
        out.append((spec, form))
    return out


@staff_required
@require_POST
def act(request, pk, name):
    spec = ACTIONS.get(name)
    if spec is None:
        raise Http404("没有该操作。")
    application = get_application_for_staff(request.user, pk, action=spec.level)
    form = _form_for(spec, application, request.POST)
    if form.is_valid():
        try:
            spec.perform(application, form.cleaned_data, request.user)
        except actions.NotAllowed as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"已{spec.title}。")
            return redirect("applications:case", pk=application.pk)
    messages.error(request, f"未能{spec.title}，请查看表单中的说明。")
    return render(request, "applications/case.html", _case_context(request.user, application, form), status=422)


def _fresh_key() -> str:
    return uuid.uuid4().hex
