"""Every state change of a 县长信箱 letter: one function, one transaction, one event row."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.agencies import duties
from gongkai.agencies.models import DutyRule
from gongkai.eventlog.log import record
from gongkai.mailbox.models import LetterStatus, MailboxLetter, ReplyRule
from gongkai.mailbox.privacy import contains_personal_data, mask_name, scrub_text
from gongkai.workdays.store import current_calendar

_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read out over the phone


def reply_workdays() -> int:
    rule = ReplyRule.objects.order_by("id").first()
    return rule.workdays if rule else ReplyRule._meta.get_field("workdays").default


def _new_tracking_code(today) -> str:
    while True:
        code = f"XX{today:%y%m%d}" + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(5))
        if not MailboxLetter.objects.filter(tracking_code=code).exists():
            return code


def _require(letter: MailboxLetter, *statuses: str, doing: str) -> None:
    if letter.status not in statuses:
        raise ValidationError(f"来信当前状态为「{letter.get_status_display()}」，不能{doing}。")


def _change(letter, verb, before, *, acting_user, data=None):
    record(letter, verb, actor=acting_user, from_state=before, to_state=letter.status, data=data or {})


@dataclass(frozen=True)
class NewLetter:
    writer_name: str
    contact: str
    subject: str
    text: str
    agrees_to_publish: bool


def do_submit_letter(new: NewLetter, *, acting_user=None) -> MailboxLetter:
    """A letter written on the portal; the day it arrives is its date of receipt."""
    now = timezone.now()
    with transaction.atomic():
        letter = MailboxLetter.objects.create(
            tracking_code=_new_tracking_code(timezone.localdate(now)),
            writer_name=new.writer_name.strip(),
            contact=new.contact.strip(),
            subject=new.subject.strip(),
            text=new.text.strip(),
            agrees_to_publish=new.agrees_to_publish,
            submitted_at=now,
            received_on=timezone.localdate(now),
        )
        record(letter, "letter_submitted", actor=acting_user or "来信人", to_state=letter.status,
               data={"agrees_to_publish": new.agrees_to_publish})
        return letter


def do_assign_letter(letter: MailboxLetter, agency, note: str = "", *, acting_user, on=None) -> MailboxLetter:
    """The office hands the letter to an agency; the deadline is counted in working days
    from the day of assignment (that day not counted, rules.md §1)."""
    on = on or timezone.localdate()
    with transaction.atomic():
        letter = MailboxLetter.objects.select_for_update().get(pk=letter.pk)
        _require(letter, LetterStatus.RECEIVED, LetterStatus.ASSIGNED, doing="分办")
        before = letter.status
        due = current_calendar().add_workdays(on, reply_workdays())
        letter.agency = agency
        letter.assigned_on = on
        letter.due_on = due.date
        letter.due_provisional = due.provisional
        letter.office_note = note
        letter.status = LetterStatus.ASSIGNED
        letter.save()
        _change(letter, "letter_assigned", before, acting_user=acting_user,
                data={"agency": agency.code, "due_on": due.date.isoformat()})
        return letter


def do_draft_reply(letter: MailboxLetter, reply: str, *, acting_user) -> MailboxLetter:
    if not reply.strip():
        raise ValidationError("答复内容不能为空。")
    with transaction.atomic():
        letter = MailboxLetter.objects.select_for_update().get(pk=letter.pk)
        _require(letter, LetterStatus.ASSIGNED, doing="提交答复")
        before = letter.status
        letter.reply = reply.strip()
        letter.drafted_by = acting_user
        letter.return_reason = ""
        letter.status = LetterStatus.AWAITING_APPROVAL
        letter.save()
        _change(letter, "reply_drafted", before, acting_user=acting_user)
        return letter


def do_return_reply(letter: MailboxLetter, reason: str, *, acting_user) -> MailboxLetter:
    if not reason.strip():
        raise ValidationError("请填写退回理由。")
    with transaction.atomic():
        letter = MailboxLetter.objects.select_for_update().get(pk=letter.pk)
        _require(letter, LetterStatus.AWAITING_APPROVAL, doing="退回")
        before = letter.status
        letter.return_reason = reason.strip()
        letter.status = LetterStatus.ASSIGNED
        letter.save()
        _change(letter, "reply_returned", before, acting_user=acting_user, data={"reason": reason.strip()})
        return letter


def do_approve_reply(letter: MailboxLetter, *, acting_user, on=None) -> MailboxLetter:
    """The approver signs the reply; that day is the day of the answer."""
    on = on or timezone.localdate()
    with transaction.atomic():
        letter = MailboxLetter.objects.select_for_update().get(pk=letter.pk)
        _require(letter, LetterStatus.AWAITING_APPROVAL, doing="审核通过")
        # Four eyes (gongkai.agencies.duties): whoever drafted the reply does not approve it.
        reason = duties.refusal(letter.agency, DutyRule.PREPARER_NOT_APPROVER, letter.drafted_by, acting_user)
        if reason:
            raise ValidationError(reason)
        before = letter.status
        letter.approved_by = acting_user
        letter.answered_on = on
        letter.status = LetterStatus.ANSWERED
        letter.save()
        _change(letter, "reply_approved", before, acting_user=acting_user,
                data={"answered_on": on.isoformat(), "on_time": letter.answered_on_time})
        return letter


def do_close_letter(letter: MailboxLetter, reason: str, *, acting_user, on=None) -> MailboxLetter:
    """不予受理 (abusive, duplicate, not a matter for the county): with a reason."""
    if not reason.strip():
        raise ValidationError("请填写不予受理的理由。")
    with transaction.atomic():
        letter = MailboxLetter.objects.select_for_update().get(pk=letter.pk)
        _require(letter, LetterStatus.RECEIVED, LetterStatus.ASSIGNED, doing="不予受理")
        before = letter.status
        letter.closed_reason = reason.strip()
        letter.answered_on = on or timezone.localdate()
        letter.status = LetterStatus.CLOSED
        letter.save()
        _change(letter, "letter_closed", before, acting_user=acting_user, data={"reason": reason.strip()})
        return letter


@dataclass(frozen=True)
class PublicVersion:
    name: str
    subject: str
    text: str
    reply: str


def public_version(letter: MailboxLetter) -> PublicVersion:
    """What would be published: masked name, scrubbed subject, question and reply."""
    names = (letter.writer_name,)
    return PublicVersion(
        name=mask_name(letter.writer_name),
        subject=scrub_text(letter.subject, names=names),
        text=scrub_text(letter.text, names=names),
        reply=scrub_text(letter.reply, names=names),
    )


def do_publish_letter(letter: MailboxLetter, version: PublicVersion | None = None, *, acting_user) -> MailboxLetter:
    """Publish question and reply, only where the writer agreed, only once answered, and
    never with a phone, ID or e-mail left in (the office may edit the scrubbed text)."""
    with transaction.atomic():
        letter = MailboxLetter.objects.select_for_update().get(pk=letter.pk)
        _require(letter, LetterStatus.ANSWERED, doing="公开")
        if not letter.agrees_to_publish:
            raise ValidationError("来信人未同意公开，不能公开。")
        version = version or public_version(letter)
        for part in (version.subject, version.text, version.reply):
            if contains_personal_data(part) or (len(letter.writer_name) >= 2 and letter.writer_name in part):
                raise ValidationError("公开内容仍含有电话号码、身份证号、电子邮箱或来信人姓名，请删除后再公开。")
        letter.public_name = mask_name(letter.writer_name)
        letter.public_subject = version.subject
        letter.public_text = version.text
        letter.public_reply = version.reply
        letter.published_at = timezone.now()
        letter.save()
        record(letter, "letter_published", actor=acting_user, from_state=letter.status, to_state=letter.status)
        return letter


def do_unpublish_letter(letter: MailboxLetter, reason: str, *, acting_user) -> MailboxLetter:
    with transaction.atomic():
        letter = MailboxLetter.objects.select_for_update().get(pk=letter.pk)
        if not letter.is_published:
            raise ValidationError("该来信尚未公开。")
        letter.published_at = None
        letter.save(update_fields=["published_at"])
        record(letter, "letter_unpublished", actor=acting_user, data={"reason": reason})
        return letter


def do_set_reply_workdays(workdays: int, basis: str, *, acting_user) -> ReplyRule:
    if not 1 <= workdays <= 60:
        raise ValidationError("答复期限应在 1 至 60 个工作日之间。")
    with transaction.atomic():
        rule = ReplyRule.objects.select_for_update().order_by("id").first() or ReplyRule()
        before = str(rule.workdays) if rule.pk else ""
        rule.workdays, rule.basis = workdays, basis
        rule.save()
        record(rule, "reply_rule_set", actor=acting_user, from_state=before, to_state=str(workdays))
        return rule
