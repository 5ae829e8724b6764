"""The public side of applications: the online form, the receipt and the tracking page.

The tracking page is reached by POSTing the tracking code and the phone's last four
digits (never in a URL); a match is remembered in the session for an hour so the
applicant can answer a 补正 notice, withdraw, and download letters and documents.
It shows where the application stands and nothing about who made it: no name, ID,
phone, address or description. Every response is `Cache-Control: no-store`.
Look-ups are limited per client address (gongkai.clientaddr) in the shared cache, so
every worker process and server counts together.
"""

import hashlib
import secrets
import time
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gongkai import throttling
from gongkai.agencies.models import Agency
from gongkai.applications import actions, delivered
from gongkai.applications.correspondence import format_tracking_code, letter_pdf, pdf_response
from gongkai.applications.forms import (
    CorrectionAnswerForm,
    PublicApplicationForm,
    TrackForm,
    WithdrawForm,
)
from gongkai.applications.identifiers import last_digits
from gongkai.applications.models import (
    APPLICANT_LETTERS,
    EVENT_LABELS,
    INTERNAL_EVENTS,
    Application,
    DocumentStatus,
    FeeStatus,
    Letter,
    LetterKind,
    Status,
)
from gongkai.applications.receipt import receipt_pdf
from gongkai.applications.templatetags.local_dates import local_day
from gongkai.clientaddr import client_ip
from gongkai.eventlog.log import history

TRACK_WINDOW_SECONDS = 600
TRACKED_SESSION_KEY = "tracked_application"
TRACKED_SECONDS = 3600


@never_cache
def apply(request):
    # The 指南's 在线提交 link names its agency (?agency=code): the form starts with it chosen.
    chosen = Agency.objects.filter(code=request.GET.get("agency", "")).first()
    if request.method == "POST":
        if throttling.limited(request, "apply", settings.RATE_APPLY):
            return throttling.refused(request)
        if not throttling.charge_upload(request):
            return throttling.refused(request, throttling.UPLOAD_QUOTA_REFUSED)
    form = PublicApplicationForm(request.POST or None, request.FILES or None,
                                 initial={"idempotency_key": uuid.uuid4().hex, "agency": chosen})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        problem = throttling.application_quota_problem(data.get("id_number", ""), data["phone"])
        if problem:
            form.add_error(None, problem)
            return render(request, "applications/apply.html", {"form": form}, status=429)
        application = actions.do_submit_application(
            data["agency"], applicant=form.applicant(), description=data["description"],
            form_wanted=data["form_wanted"], delivery_wanted=data["delivery_wanted"],
            proof=data["proof"], idempotency_key=session_bound_key(request, data["idempotency_key"]),
        )
        request.session["submitted_application"] = application.pk
        return redirect("applications_public:submitted")
    return render(request, "applications/apply.html", {"form": form})


def session_bound_key(request, key: str) -> str:
    """The form's idempotency key bound to this browser's session: a double click gives
    one application, but a key copied from someone else's form is a different key here,
    so it can never bring up their application and its tracking code."""
    salt = request.session.setdefault("apply_key_salt", secrets.token_hex(16))
    return hashlib.sha256(f"{salt}:{key}".encode()).hexdigest()


@never_cache
def submitted(request):
    application = Application.objects.filter(pk=request.session.get("submitted_application")).first()
    if application is None:
        return redirect("applications_public:apply")
    return render(request, "applications/submitted.html", {
        "application": application, "tracking_code": format_tracking_code(application.tracking_code),
    })


@never_cache
def submitted_receipt(request):
    application = Application.objects.select_related("agency").filter(
        pk=request.session.get("submitted_application")).first()
    if application is None:
        raise Http404("请先提交申请，或在办理查询页面下载登记回执。")
    return pdf_response(receipt_pdf(application), f"receipt-{application.year}-{application.number}.pdf")


# --- the tracking page -------------------------------------------------------------------


@never_cache
def track(request):
    form = TrackForm(request.POST or None)
    refused = ""
    application = None
    if request.method == "POST":
        if _too_many_attempts(request):
            refused = "查询次数过多，请10分钟后再试。"
        elif form.is_valid():
            application = _find(form.cleaned_data["code"], form.cleaned_data["phone_last4"])
            if application is None:
                refused = "查询码或联系电话后四位不正确。"
            else:
                request.session.cycle_key()  # a fresh session id for what it now unlocks
                request.session[TRACKED_SESSION_KEY] = {"pk": application.pk, "until": time.time() + TRACKED_SECONDS}
    else:
        application = _tracked(request)
    status = 429 if refused.startswith("查询次数") else (404 if refused else 200)
    return _render_track(request, form, application, refused=refused, status=status)


def _render_track(request, form, application, *, refused="", answer_form=None, status=200):
    context = {"form": form, "refused": refused}
    if application is not None:
        context |= _public_view(application, answer_form)
    return render(request, "applications/track.html", context, status=status)


@never_cache
@require_POST
def track_answer(request):
    application = _tracked_or_404(request)
    if not throttling.charge_upload(request):  # the public forms' upload quota per address
        return throttling.refused(request, throttling.UPLOAD_QUOTA_REFUSED)
    form = CorrectionAnswerForm(request.POST, request.FILES)
    refused = ""
    if form.is_valid():
        try:
            actions.do_answer_correction(
                application, text=form.cleaned_data["text"], files=form.cleaned_data["files"])
        except actions.NotAllowed as error:
            refused = str(error)
            form.add_error(None, refused)
        else:
            messages.success(request, "补正材料已提交，答复期限自今日起重新计算。")
            return redirect("applications_public:track")
    application.refresh_from_db()
    return _render_track(request, TrackForm(), application, refused=refused, answer_form=form, status=422)


@never_cache
def track_withdraw(request):
    application = _tracked_or_404(request)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_withdraw_online(application)
        except actions.NotAllowed as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "您的申请已撤回。")
            return redirect("applications_public:track")
    return render(request, "applications/track_withdraw.html", {
        "form": form, "application": application,
    }, status=422 if form.errors else 200)


@never_cache
def track_document(request, pk):
    application = _tracked_or_404(request)
    document = application.documents.filter(pk=pk, status=DocumentStatus.READY).first()
    until = delivered.downloadable_until(application)
    if document is None or until is None or timezone.localdate() > until:
        raise Http404("没有该文件，或下载期限已过。")
    delivered.record_download(application, document)
    return FileResponse(document.delivered.open("rb"), as_attachment=True,
                        filename=f"document-{document.pk}{PurePosixPath(document.delivered.name).suffix}")


@never_cache
def track_receipt(request):
    application = _tracked_or_404(request)
    return pdf_response(receipt_pdf(application), f"receipt-{application.year}-{application.number}.pdf")


def _find(code: str, phone_last4: str):
    application = Application.objects.select_related("agency").filter(tracking_code=code).first()
    if application is None or not secrets.compare_digest(last_digits(application.phone), phone_last4):
        return None
    return application


def _tracked(request):
    tracked = request.session.get(TRACKED_SESSION_KEY) or {}
    if not tracked or tracked.get("until", 0) < time.time():
        return None
    return Application.objects.select_related("agency").filter(pk=tracked.get("pk")).first()


def _tracked_or_404(request):
    application = _tracked(request)
    if application is None:
        raise Http404("请先输入查询码和联系电话后四位查询（查询结果1小时内有效）。")
    return application


def _too_many_attempts(request) -> bool:
    """Counted in the shared cache (Redis in production) per real client address."""
    key = f"applications:track:{client_ip(request)}"
    cache.add(key, 0, timeout=TRACK_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=TRACK_WINDOW_SECONDS)
        count = 1
    return count > settings.TRACK_ATTEMPTS_PER_10_MINUTES


# --- letters: a signed link that expires, with the letter's own random token -------------

LETTER_LINK_SALT = "applications.track.letter"
LETTER_LINK_SECONDS = 3600


def letter_link(letter) -> str:
    token = signing.dumps({"letter": letter.pk, "t": letter.link_token}, salt=LETTER_LINK_SALT)
    return reverse("applications_public:letter_pdf", args=[token])


@never_cache
def letter_pdf_download(request, token):
    try:
        payload = signing.loads(token, salt=LETTER_LINK_SALT, max_age=LETTER_LINK_SECONDS)
    except signing.BadSignature:
        raise Http404("链接无效或已过期，请重新查询。") from None
    letter = Letter.objects.filter(
        pk=payload.get("letter"), kind__in=APPLICANT_LETTERS, sent_on__isnull=False
    ).first()
    # Even a link signed with the right key opens nothing without the letter's token.
    if letter is None or not secrets.compare_digest(letter.link_token, str(payload.get("t", ""))):
        raise Http404("链接无效或已过期，请重新查询。")
    pdf = letter_pdf(letter)
    if pdf is None:
        raise Http404("该文书没有 PDF 版本。")
    return pdf_response(pdf, f"{letter.kind}-{letter.sent_on:%Y%m%d}.pdf")


# --- what the page shows -------------------------------------------------------------------


def _public_view(application, answer_form=None) -> dict:
    steps = [
        (_event_date(event), EVENT_LABELS[event.verb] + _step_note(event))
        for event in history(application)
        if event.verb in EVENT_LABELS and event.verb not in INTERNAL_EVENTS
    ]
    sent = application.letters.filter(kind__in=APPLICANT_LETTERS, sent_on__isnull=False).order_by("sent_on", "id")
    awaiting = application.status == Status.AWAITING_CORRECTION
    answer_closed = awaiting and application.correction_answer_by and timezone.localdate() > application.correction_answer_by
    return {
        "application": application,
        "steps": steps,
        "letters": [
            {"letter": letter, "pdf": letter_link(letter) if letter.composed else "",
             "next_step": _next_step(application, letter)}
            for letter in sent
        ],
        "answer_form": (answer_form or CorrectionAnswerForm()) if awaiting and not answer_closed else None,
        "answer_closed": answer_closed,
        "may_withdraw": application.is_open,
        **_documents(application),
    }


def _documents(application) -> dict:
    until = delivered.downloadable_until(application)
    if until is None:
        return {}
    ready = application.documents.filter(status=DocumentStatus.READY)
    if timezone.localdate() > until:
        return {"documents_until": until, "documents_expired": ready.exists()}
    return {"documents_until": until, "documents": [
        {"document": d, "link": reverse("applications_public:track_document", args=[d.pk])} for d in ready
    ]}


def _event_date(event):
    # The event's own date, else the Asia/Shanghai date of its timestamp (never UTC's).
    return event.data.get("on") or local_day(event.at).isoformat()


def _step_note(event) -> str:
    if event.verb == "correction_received" and event.data.get("answer"):
        return f"（网上提交，{event.data.get('files', 0)}个文件）"
    return ""


REMEDY = ("如对答复不服，可以自收到之日起60日内依法申请行政复议，或者6个月内依法提起行政诉讼"
          "（《政府信息公开条例》第五十一条）。")
# The same choice the letter's remedy paragraph makes (letters/templates/remedy.v2.toml):
# a refusal to disclose goes to 行政复议 first (行政复议法第二十三条).
REMEDY_RECONSIDERATION_FIRST = ("如对答复不服，可以自收到之日起60日内依法申请行政复议；对不予公开的答复应当"
                                "先申请行政复议，对复议决定不服的，可以自收到复议决定书之日起15日内提起行政诉讼"
                                "（《政府信息公开条例》第五十一条、《行政复议法》第二十三条）。")


def _remedy(application) -> str:
    from gongkai.applications.letters.compose import remedy_variant
    from gongkai.applications.letters.wording import load

    first = remedy_variant(load("remedy"), application.outcome or "") == "reconsideration_first"
    return REMEDY_RECONSIDERATION_FIRST if first else REMEDY


def _next_step(application, letter) -> str:
    kind = letter.kind
    if kind == LetterKind.CORRECTION_NOTICE:
        if application.status != Status.AWAITING_CORRECTION:
            return "已补正或已结束，无需再办理。"
        return (f"请于{application.correction_answer_by:%Y年%m月%d日}前补正，可在本页下方直接提交。"
                "逾期无正当理由不补正的，视为放弃申请。")
    if kind == LetterKind.FEE_NOTICE:
        notice = application.fee_notices.filter(notified_on=letter.sent_on).last()
        if notice is None or notice.status != FeeStatus.NOTIFIED:
            return f"缴费事项已结束（{notice.get_status_display()}）。" if notice else ""
        return (f"请于{notice.pay_by:%Y年%m月%d日}前缴纳{notice.amount}元，缴费方式见通知书。"
                "逾期未缴纳的，视为放弃申请。")
    if kind in (LetterKind.EXTENSION_NOTICE, LetterKind.LONGER_DEADLINE_NOTICE):
        due = f"答复期限为{application.due_on:%Y年%m月%d日}。" if application.due_on and application.is_open else ""
        return f"无需您办理任何事项。{due}"
    if kind in (LetterKind.REPLY, LetterKind.CLOSURE_NOTICE):
        return _remedy(application)
    return ""
