"""What the office sends: letters (stored, immutable once sent) and e-mails to applicants.

`store_letter` is the one place letters are made. The wording and the DOCX/PDF
rendering belong to gongkai.applications.letters (written separately); until it is
there, a plain-text body is stored so the case record is complete.
E-mails go out only when the transaction that caused them commits.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gongkai.applications.models import Application, Letter, LetterKind


def store_letter(
    application: Application,
    kind: LetterKind,
    *,
    sent_on: datetime.date | None,
    details: dict,
    acting_user,
    recipient: str = "",
) -> Letter:
    """Compose, render and keep one letter (inside the caller's transaction)."""
    title, body = _compose(application, kind, details)
    letter = Letter(
        application=application,
        kind=kind,
        title=title,
        body=body,
        recipient=recipient or application.applicant_name,
        sent_on=sent_on,
        created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    letter.save()
    return letter


def _compose(application: Application, kind: LetterKind, details: dict) -> tuple[str, str]:
    # Placeholder wording until gongkai.applications.letters provides the templates.
    title = f"{application.agency.name}{LetterKind(kind).label}"
    # The addressee is kept apart (Letter.recipient): the tracking page shows the body.
    lines = []
    lines.append(
        f"您于{timezone.localtime(application.submitted_at):%Y年%m月%d日}提出的政府信息公开申请"
        f"（{application.agency.display_name}依申请公开{application.reference}）："
    )
    lines += [f"{label}：{value}" for label, value in details.items() if value not in ("", None)]
    lines += ["", application.agency.name, f"{timezone.localdate():%Y年%m月%d日}"]
    return title, "\n".join(lines)


def email_applicant(application: Application, subject: str, lines: list[str]) -> None:
    """Tell the applicant by e-mail once the change commits (no-op without an address)."""
    if not application.email:
        return
    track = settings.SITE_ROOT.rstrip("/") + reverse("applications_public:track")
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
            f"{application.agency.office_name or application.agency.name}",
        ]
    )
    recipient = application.email
    full_subject = f"【{application.agency.display_name}】{subject}"

    def send():
        send_mail(full_subject, body, settings.DEFAULT_FROM_EMAIL, [recipient], fail_silently=True)

    transaction.on_commit(send)


def format_tracking_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
