"""The public side of applications: the online form and the tracking page.

The tracking page shows where an application stands and nothing about who made it:
no name, number, phone, address or description, only the agency, the register
number, the status, the dates and the reply.
"""

import uuid

from django.core import signing
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from gongkai.agencies.models import Agency
from gongkai.applications import actions
from gongkai.applications.correspondence import format_tracking_code, letter_pdf, pdf_response
from gongkai.applications.forms import ApplicationForm, TrackForm
from gongkai.applications.identifiers import last_digits
from gongkai.applications.models import (
    EVENT_LABELS,
    INTERNAL_EVENTS,
    Application,
    Letter,
    LetterKind,
)
from gongkai.eventlog.log import history

TRACK_ATTEMPTS = 20  # per address per 10 minutes: the code and 4 digits are not for guessing


@never_cache
def apply(request):
    # The 指南's 在线提交 link names its agency (?agency=code): the form starts with it chosen.
    chosen = Agency.objects.filter(code=request.GET.get("agency", "")).first()
    form = ApplicationForm(request.POST or None, request.FILES or None,
                           initial={"idempotency_key": uuid.uuid4().hex, "agency": chosen})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        application = actions.do_submit_application(
            data["agency"], applicant=form.applicant(), description=data["description"],
            form_wanted=data["form_wanted"], delivery_wanted=data["delivery_wanted"],
            proof=data["proof"], idempotency_key=data["idempotency_key"],
        )
        request.session["submitted_application"] = application.pk
        return redirect("applications_public:submitted")
    return render(request, "applications/apply.html", {"form": form})


@never_cache
def submitted(request):
    application = Application.objects.filter(pk=request.session.get("submitted_application")).first()
    if application is None:
        return redirect("applications_public:apply")
    return render(request, "applications/submitted.html", {
        "application": application, "tracking_code": format_tracking_code(application.tracking_code),
    })


@never_cache
def track(request):
    form = TrackForm(request.POST or None)
    found, refused = None, ""
    if request.method == "POST" and form.is_valid():
        if _too_many_attempts(request):
            refused = "查询次数过多，请10分钟后再试。"
        else:
            found = _find(form.cleaned_data["code"], form.cleaned_data["phone_last4"])
            refused = "" if found else "查询码或联系电话后四位不正确。"
    context = {"form": form, "refused": refused}
    if found:
        context |= _public_view(found)
    return render(request, "applications/track.html", context, status=404 if refused and not found else 200)


def _find(code: str, phone_last4: str):
    application = Application.objects.select_related("agency").filter(tracking_code=code).first()
    if application is None or last_digits(application.phone) != phone_last4:
        return None
    return application


def _too_many_attempts(request) -> bool:
    key = f"applications:track:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, timeout=600)
    try:
        return cache.incr(key) > TRACK_ATTEMPTS
    except ValueError:
        return False


# A reply's PDF is offered on the tracking page through a signed link that expires, so
# only someone who just passed the code-and-phone check can download it.
LETTER_LINK_SALT = "applications.track.letter"
LETTER_LINK_SECONDS = 3600


def letter_link(letter) -> str:
    token = signing.dumps({"letter": letter.pk}, salt=LETTER_LINK_SALT)
    return reverse("applications_public:letter_pdf", args=[token])


def letter_pdf_download(request, token):
    try:
        payload = signing.loads(token, salt=LETTER_LINK_SALT, max_age=LETTER_LINK_SECONDS)
    except signing.BadSignature:
        raise Http404("链接无效或已过期，请重新查询。") from None
    letter = Letter.objects.filter(
        pk=payload.get("letter"), kind__in=(LetterKind.REPLY, LetterKind.CLOSURE_NOTICE), sent_on__isnull=False
    ).first()
    pdf = letter_pdf(letter) if letter is not None else None
    if pdf is None:
        raise Http404("该文书没有 PDF 版本。")
    return pdf_response(pdf, "reply.pdf")


def _public_view(application) -> dict:
    steps = [
        (event.data.get("on") or event.at.date().isoformat(), EVENT_LABELS[event.verb])
        for event in history(application)
        if event.verb in EVENT_LABELS and event.verb not in INTERNAL_EVENTS
    ]
    replies = application.letters.filter(
        kind__in=(LetterKind.REPLY, LetterKind.CLOSURE_NOTICE), sent_on__isnull=False
    )
    return {
        "application": application,
        "steps": steps,
        "replies": [(letter, letter_link(letter) if letter.composed else "") for letter in replies],
    }
