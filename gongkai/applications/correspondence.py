"""What the office sends: letters (stored, immutable once sent) and e-mails to applicants.

`store_letter` is the one place letters are made. The wording and the DOCX/PDF
rendering belong to gongkai.applications.letters; a letter it cannot compose is refused,
never replaced by a plain-text stand-in (issue 10).
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
from gongkai.applications.models import Application, Letter, LetterCounter, LetterKind
from gongkai.notifications import outbox


def store_letter(
    application: Application,
    kind: LetterKind,
    *,
    sent_on: datetime.date | None,
    acting_user,
    recipient: str = "",
    facts: dict | None = None,
) -> Letter:
    """Compose, render and keep one letter (inside the caller's transaction).

    `facts` are the letter-specific LetterFacts fields; `sent_on` None keeps a draft. A letter the official template
    cannot write is never made: letters.LetterError (Chinese, naming what is missing)
    propagates and the caller's transaction rolls back — no plain-text stand-in."""
    # A draft (sent_on None: a reply awaiting review and signature) is dated today and gets
    # its 发文字号 only when it is sent.
    number = _next_letter_number(application.agency, sent_on.year) if sent_on else ""
    official = compose_letter(application, kind, sent_on or timezone.localdate(),
                              {**(facts or {}), "document_number": number})
    letter = Letter(
        application=application,
        kind=kind,
        number=number,
        recipient=recipient or application.applicant_name,
        sent_on=sent_on,
        created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        title=official.title,
        body="\n".join(official.paragraphs + ("", *official.signature, official.date)),
        template=f"{official.template_id}.v{official.template_version}",
        composed=dataclasses.asdict(official),
    )
    name = f"{application.year}-{application.number}-{kind}.docx"
    letter.document.save(name, ContentFile(letters.render_docx(official)), save=False)
    letter.save()
    return letter


def compose_letter(application, kind, letter_date, facts: dict) -> letters.ComposedLetter:
    """The letter as it would be composed now (raises letters.LetterError)."""
    return letters.compose(_TEMPLATES[kind], letter_facts(application, letter_date, facts))


def letter_facts(application, letter_date, facts: dict) -> letters.LetterFacts:
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
        "channel": application.channel,
        "request_description": application.description,
        "letter_date": letter_date,
        "reconsideration_body": reconsideration_body(agency),
        "fee_payment_method": agency.fee_payment_method,
        **facts,
    }
    if "fee_basis" in values:
        values["fee_basis"] = _FEE_BASIS.get(values["fee_basis"], values["fee_basis"])
    return letters.LetterFacts(**values)


def reconsideration_body(agency) -> str:
    """行政复议机关: as the agency recorded it (垂直管理 departments and others whose body
    is not the default); failing that, the people's government it belongs to, which is
    the default under 行政复议法（2023年修订）第二十四条 (verify)."""
    return agency.reconsideration_body or (agency.parent.name if agency.parent_id else "")


def contact_gaps(agency) -> list[str]:
    """What a letter of this agency needs and its record lacks (empty: complete). Such an
    agency cannot send letters; the supervision page lists it."""
    gaps = [
        label for label, value in (
            ("联系地址", agency.office_address),
            ("联系电话", agency.office_phone),
            ("邮政编码", agency.office_postcode),
            ("行政复议机关", reconsideration_body(agency)),
        ) if not value.strip()
    ]
    return gaps


def _next_letter_number(agency, year: int) -> str:
    """发文字号 (GB/T 9704-2012 7.2.3): 机关代字〔年份〕序号, gap-free per agency and year."""
    LetterCounter.objects.bulk_create([LetterCounter(agency=agency, year=year)], ignore_conflicts=True)
    counter = LetterCounter.objects.select_for_update().get(agency=agency, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{agency.display_name}依申请公开告〔{year}〕{counter.last_number}号"


def letter_pdf(letter: Letter) -> bytes | None:
    """The sent letter as PDF (Chinese fonts embedded), drawn from its stored composition;
    None only for a letter stored before every letter had a template."""
    if not letter.composed:
        return None
    stored = dict(letter.composed)
    stored["paragraphs"] = tuple(stored["paragraphs"])
    stored["signature"] = tuple(stored["signature"])
    return letters.render_pdf(letters.ComposedLetter(**stored))


def letter_text(letter: Letter) -> str:
    """The letter's full wording as sent, as plain text (title, number, addressee, body,
    signature, date)."""
    if not letter.composed:
        return f"{letter.title}\n\n{letter.body}\n"
    stored = dict(letter.composed)
    stored["paragraphs"] = tuple(stored["paragraphs"])
    stored["signature"] = tuple(stored["signature"])
    return letters.ComposedLetter(**stored).as_text()


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
    LetterKind.LONGER_DEADLINE_NOTICE: letters.LetterKind.LONGER_DEADLINE_NOTICE,
    LetterKind.REASONS_REQUEST: letters.LetterKind.REASONS_REQUEST,
    LetterKind.PUBLIC_INTEREST_NOTICE: letters.LetterKind.PUBLIC_INTEREST_NOTICE,
    LetterKind.REPLY: letters.LetterKind.REPLY,
    LetterKind.CLOSURE_NOTICE: letters.LetterKind.REPLY,
}
_FEE_BASIS = {"per_application": letters.FeeBasis.PER_APPLICATION, "per_page": letters.FeeBasis.PER_VOLUME}


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
