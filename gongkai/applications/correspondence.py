"""What the office sends: letters (stored, immutable once sent) and e-mails to applicants.

`store_letter` is the one place letters are made. The wording and the DOCX/PDF
rendering belong to gongkai.applications.letters (written separately); until it is
there, a plain-text body is stored so the case record is complete.
E-mails are kept in the outbox with the change and go out once it commits.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from gongkai.applications import letters
from gongkai.applications.models import Application, Letter, LetterKind
from gongkai.notifications import outbox


def store_letter(
    application: Application,
    kind: LetterKind,
    *,
    sent_on: datetime.date | None,
    details: dict,
    acting_user,
    recipient: str = "",
    facts: dict | None = None,
) -> Letter:
    """Compose, render and keep one letter (inside the caller's transaction).

    `facts` are the letter-specific LetterFacts fields; `details` label-value pairs
    for the plain-text letter kept when no official template covers the case."""
    letter = Letter(
        application=application,
        kind=kind,
        recipient=recipient or application.applicant_name,
        sent_on=sent_on,
        created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    official, problem = _compose_official(application, kind, sent_on, facts or {})
    if official is not None:
        letter.title = official.title
        letter.body = "\n".join(official.paragraphs + ("", *official.signature, official.date))
        letter.template = f"{official.template_id}.v{official.template_version}"
        letter.composed = dataclasses.asdict(official)
        name = f"{application.year}-{application.number}-{kind}.docx"
        letter.document.save(name, ContentFile(letters.render_docx(official)), save=False)
    else:
        letter.title, letter.body = _compose_plain(application, kind, details, sent_on)
        if problem:
            letter.body += f"\n\n（未能按正式模板生成：{problem}）"
    letter.save()
    return letter


def letter_pdf(letter: Letter) -> bytes | None:
    """The sent letter as PDF (Chinese fonts embedded), drawn from its stored composition;
    None for a plain-text letter kept where no official template applied."""
    if not letter.composed:
        return None
    stored = dict(letter.composed)
    stored["paragraphs"] = tuple(stored["paragraphs"])
    stored["signature"] = tuple(stored["signature"])
    return letters.render_pdf(letters.ComposedLetter(**stored))


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename={filename}"
    return response


# Which letters package template writes which of our letters (closures are replies
# with an 其他处理 outcome).
_TEMPLATES = {
    LetterKind.CORRECTION_NOTICE: letters.LetterKind.CORRECTION_NOTICE,
    LetterKind.CONSULTATION: letters.LetterKind.CONSULTATION_REQUEST,
    LetterKind.EXTENSION_NOTICE: letters.LetterKind.EXTENSION_NOTICE,
    LetterKind.FEE_NOTICE: letters.LetterKind.FEE_NOTICE,
    LetterKind.REPLY: letters.LetterKind.REPLY,
    LetterKind.CLOSURE_NOTICE: letters.LetterKind.REPLY,
}
_FEE_BASIS = {"per_application": letters.FeeBasis.PER_APPLICATION, "per_page": letters.FeeBasis.PER_VOLUME}


def _compose_official(application, kind, sent_on, facts: dict):
    template = _TEMPLATES.get(kind)
    if template is None:
        return None, ""
    agency = application.agency
    values = {
        "agency_name": agency.name,
        "office_name": agency.office_name or agency.name,
        "office_address": agency.office_address,
        "office_phone": agency.office_phone,
        "office_postcode": agency.office_postcode,
        "applicant_name": application.applicant_name,
        "application_number": f"{agency.display_name}依申请公开{application.reference}",
        "received_on": application.received_on,
        "request_description": application.description,
        "letter_date": sent_on or timezone.localdate(),
        # 行政复议机关: as the agency recorded it; failing that, a department's own people's
        # government (行政复议法 2023, verify). Unknown → the letter says so by failing.
        "reconsideration_body": agency.reconsideration_body or (agency.parent.name if agency.parent_id else ""),
        "fee_payment_method": agency.fee_payment_method,
        **facts,
    }
    if "fee_basis" in values:
        values["fee_basis"] = _FEE_BASIS.get(values["fee_basis"], values["fee_basis"])
    try:
        return letters.compose(template, letters.LetterFacts(**values)), ""
    except letters.LetterError as error:
        return None, str(error)


def _compose_plain(application: Application, kind: LetterKind, details: dict, sent_on) -> tuple[str, str]:
    # The addressee is kept apart (Letter.recipient): the tracking page shows the body.
    title = f"{application.agency.name}{LetterKind(kind).label}"
    lines = [
        f"您于{timezone.localtime(application.submitted_at):%Y年%m月%d日}提出的政府信息公开申请"
        f"（{application.agency.display_name}依申请公开{application.reference}）："
    ]
    lines += [f"{label}：{value}" for label, value in details.items() if value not in ("", None)]
    lines += ["", application.agency.name, f"{sent_on or timezone.localdate():%Y年%m月%d日}"]
    return title, "\n".join(lines)


def email_applicant(
    application: Application, subject: str, lines: list[str], *, attachment: tuple[str, object] | None = None
) -> None:
    """Tell the applicant, inside the caller's transaction: the notice is kept in the
    outbox with the change and sent once it commits, retried while the mail server is
    down (gongkai.notifications.outbox). No address, no e-mail; an SMS notice too where
    the county has a gateway."""
    track = track_url()
    office = application.agency.office_name or application.agency.name
    full_subject = f"【{application.agency.display_name}】{subject}"
    if application.email:
        body = "\n".join(
            [
                f"{application.applicant_name}：",
                "",
                *lines,
                "",
                f"登记号：{application.agency.display_name}依申请公开{application.reference}",
                f"查询码：{format_tracking_code(application.tracking_code)}",
                f"办理进度查询：{track}（输入查询码和联系电话后四位）",
                "",
                office,
            ]
        )
        outbox.queue_email(application.email, full_subject, body, attachment=attachment)
    if application.phone:
        outbox.queue_sms(application.phone, f"{full_subject}请凭查询码和电话后四位在 {track} 查看。")


def email_handlers(application: Application, subject: str, lines: list[str]) -> None:
    """Tell the clerks handling the case (those of its agency with an e-mail address)."""
    from gongkai.agencies.models import Role, StaffRole

    addresses = set(
        StaffRole.objects.filter(agency=application.agency, role=Role.CLERK)
        .exclude(user__email="").values_list("user__email", flat=True)
    )
    link = settings.SITE_ROOT.rstrip("/") + reverse("applications:case", args=[application.pk])
    body = "\n".join([*lines, "", f"办理页面：{link}"])
    for address in sorted(addresses):
        outbox.queue_email(address, f"【依申请公开{application.reference}】{subject}", body)


def track_url() -> str:
    return settings.SITE_ROOT.rstrip("/") + reverse("applications_public:track")


def format_tracking_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
