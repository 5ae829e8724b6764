"""Queue a notice with the change it reports; send it after the commit; retry until sent.

- `queue_email` / `queue_sms` write an OutboxMessage inside the caller's transaction (a
  rolled-back change sends nothing) and, once it commits, hand the row's id to
  gongkai.jobs.enqueue (inline without Redis, RQ otherwise).
- `send_one` claims the row with one conditional UPDATE (two workers never both send
  it), sends, and marks it sent; on failure it records why and when to try again.
- `flush()` sends every row that is due: the scheduled job (ops runs it every minute),
  which also picks up rows whose first attempt failed because the server was down.

A row is sent twice only if the process dies after the mail server accepted it and
before the row was marked: the same Message-ID then lets the receiver drop the repeat.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.message import make_msgid
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from gongkai import jobs
from gongkai.notifications.models import Channel, OutboxMessage, OutboxStatus

log = logging.getLogger(__name__)
CLAIM_SECONDS = 300  # longer than any one SMTP exchange (EMAIL_TIMEOUT)
MAX_BACKOFF = datetime.timedelta(hours=1)


def queue_email(recipient: str, subject: str, body: str, *, attachment: tuple[str, object] | None = None):
    """One e-mail, kept with the caller's transaction and sent after it commits.
    `attachment` is (dotted path of a function returning (file name, bytes), its argument)."""
    builder, argument = attachment or ("", "")
    message = OutboxMessage.objects.create(
        channel=Channel.EMAIL, recipient=recipient, subject=subject, body=body,
        attachment_builder=builder, attachment_argument=str(argument), message_id=make_msgid(domain=_domain()),
        next_attempt_at=timezone.now(),
    )
    _send_after_commit(message.pk)
    return message


def queue_sms(phone: str, text: str):
    """One SMS notice, when the county has a gateway (SMS_BACKEND); else nothing."""
    if not settings.SMS_BACKEND:
        return None
    message = OutboxMessage.objects.create(
        channel=Channel.SMS, recipient=phone, body=text, message_id=make_msgid(domain=_domain()),
        next_attempt_at=timezone.now(),
    )
    _send_after_commit(message.pk)
    return message


def _send_after_commit(pk: int) -> None:
    transaction.on_commit(lambda: jobs.enqueue("gongkai.notifications.outbox.send_one", pk))


def flush() -> int:
    """Send every message that is due; returns how many went out. Safe to run anywhere,
    any number of times at once."""
    due = OutboxMessage.objects.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=timezone.now())
    return sum(send_one(pk) for pk in list(due.order_by("next_attempt_at", "id").values_list("pk", flat=True)))


def send_one(pk: int) -> bool:
    """Try once to send message PK; True when it went out now."""
    now = timezone.now()
    claimed = OutboxMessage.objects.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
        pk=pk, status=OutboxStatus.PENDING,
    ).update(claimed_until=now + datetime.timedelta(seconds=CLAIM_SECONDS))
    if not claimed:
        return False  # already sent, or another worker has it
    message = OutboxMessage.objects.get(pk=pk)
    try:
        _deliver(message)
    except Exception as error:  # any failure of the server or the gateway: try again later
        attempts = message.attempts + 1
        wait = min(datetime.timedelta(minutes=2 ** min(attempts - 1, 10)), MAX_BACKOFF)
        OutboxMessage.objects.filter(pk=pk).update(
            attempts=attempts, last_error=f"{type(error).__name__}: {error}"[:500],
            next_attempt_at=timezone.now() + wait, claimed_until=None,
        )
        log.warning("notice %s not sent (attempt %s), next try in %s: %s", pk, attempts, wait, error)
        return False
    OutboxMessage.objects.filter(pk=pk).update(
        status=OutboxStatus.SENT, sent_at=timezone.now(), attempts=message.attempts + 1, claimed_until=None,
        last_error="",
    )
    return True


def _deliver(message: OutboxMessage) -> None:
    if message.channel == Channel.SMS:
        import_string(settings.SMS_BACKEND)().send(message.recipient, message.body)
        return
    email = EmailMessage(
        message.subject, message.body, settings.DEFAULT_FROM_EMAIL, [message.recipient],
        headers={"Message-ID": message.message_id},
        connection=get_connection(fail_silently=False, timeout=settings.EMAIL_TIMEOUT),
    )
    if message.attachment_builder:
        name, content = import_string(message.attachment_builder)(message.attachment_argument)
        email.attach(name, content, _mimetype(name))
    email.send(fail_silently=False)


def _mimetype(name: str) -> str:
    return "application/pdf" if name.lower().endswith(".pdf") else "application/octet-stream"


def _domain() -> str:
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
