"""E-mail to applicants through a real SMTP server (aiosmtpd) started in the test."""

import datetime as dt
import email
import email.policy
import re

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.utils import timezone

from gongkai.applications import actions
from gongkai.applications.tests.conftest import PERSON
from gongkai.notifications import outbox
from gongkai.notifications.models import OutboxMessage, OutboxStatus

pytestmark = pytest.mark.django_db
SMTP_PORT = 18181
DOWN_PORT = 18182


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, envelope.content, message))
        return "250 OK"


def start_smtp(port):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, inbox


@pytest.fixture
def smtp(settings):
    controller, inbox = start_smtp(SMTP_PORT)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", SMTP_PORT
    settings.SITE_ROOT = "https://gk.example.gov.cn"
    yield inbox
    controller.stop()


def _body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_every_applicant_facing_step_sends_exactly_one_email(county, smtp, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    steps = []

    def step(expected_subject, run):
        before = len(smtp.messages)
        with django_capture_on_commit_callbacks(execute=True):
            result = run()
        new = smtp.messages[before:]
        assert len(new) == 1, f"{expected_subject}: {len(new)} messages"
        recipients, raw, message = new[0]
        assert recipients == ["zhangsan@example.com"]
        assert expected_subject in message["subject"]
        assert "https://gk.example.gov.cn/track/" in _body(message)
        # Chinese subject encoded for the wire (RFC 2047), readable after decoding.
        headers = raw.split(b"\r\n\r\n", 1)[0]
        assert headers.isascii() and re.search(rb"subject:\s+=\?utf-8\?", headers.lower())
        steps.append(expected_subject)
        return result

    application = step("已收到", lambda: actions.do_submit_application(
        county.dept, applicant=PERSON, description="全县学校名单", form_wanted="electronic",
        delivery_wanted="online", idempotency_key="smtp-1"))
    step("确认收到", lambda: actions.do_confirm_receipt(application, on=today, acting_user=county.clerk))
    step("补正", lambda: actions.do_request_correction(
        application, on=today, items="请写明学年", answer_by=today + dt.timedelta(days=20), acting_user=county.clerk))
    step("补正材料", lambda: actions.do_receive_correction(application, on=today, acting_user=county.clerk))
    step("延长", lambda: actions.do_extend_deadline(
        application, on=today, workdays=10, reason="需要检索档案",
        acting_user=county.approver))
    # Internal steps (the clerk's decision, 保密审查) tell the applicant nothing.
    before = len(smtp.messages)
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_decide_application(application, outcome="granted", acting_user=county.clerk)
        actions.do_review_reply(application, passed=True, acting_user=county.reviewer)
    assert len(smtp.messages) == before
    step("答复", lambda: actions.do_sign_reply(application, on=today, acting_user=county.approver))

    other = step("已收到", lambda: actions.do_submit_application(
        county.dept, applicant=PERSON, description="另一件申请", form_wanted="electronic",
        delivery_wanted="online", idempotency_key="smtp-2"))
    step("确认收到", lambda: actions.do_confirm_receipt(other, on=today, acting_user=county.clerk))
    step("补正", lambda: actions.do_request_correction(
        other, on=today, items="请写明学年", answer_by=today + dt.timedelta(days=20), acting_user=county.clerk))
    step("补正材料", lambda: actions.do_answer_correction(other, text="2024学年"))
    step("终止办理", lambda: actions.do_withdraw_online(other))
    assert len(steps) == 11
    assert OutboxMessage.objects.filter(status=OutboxStatus.SENT, recipient="zhangsan@example.com").count() == 11
    assert "张三" in _body(smtp.messages[0][2])
    # The receipt goes with the first message, as a PDF attachment.
    (attachment,) = list(smtp.messages[0][2].iter_attachments())
    assert attachment.get_content_type() == "application/pdf" and attachment.get_content().startswith(b"%PDF")


def test_a_message_queued_while_the_server_is_down_arrives_after_it_comes_back(
    county, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", DOWN_PORT, 2
    with django_capture_on_commit_callbacks(execute=True):
        application = actions.do_submit_application(
            county.dept, applicant=PERSON, description="全县学校名单", form_wanted="electronic",
            delivery_wanted="online", idempotency_key="smtp-down")
    (message,) = OutboxMessage.objects.all()
    assert message.status == OutboxStatus.PENDING and message.attempts == 1 and message.last_error
    assert outbox.flush() == 0  # not due yet: the retry waits

    controller, inbox = start_smtp(DOWN_PORT)
    try:
        with time_machine.travel(timezone.now() + dt.timedelta(minutes=5)):
            assert outbox.flush() == 1
            assert outbox.flush() == 0  # never twice
    finally:
        controller.stop()
    (received,) = inbox.messages
    assert received[0] == ["zhangsan@example.com"]
    assert "已收到您的政府信息公开申请" in received[2]["subject"]
    assert application.reference in _body(received[2])
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT and message.attempts == 2


def test_a_rolled_back_change_sends_nothing(county, smtp):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.queue_email("a@example.com", "测试", "正文")
        raise RuntimeError
    assert not OutboxMessage.objects.exists()
    assert outbox.flush() == 0 and smtp.messages == []


def test_sms_notices_go_through_the_configured_backend_with_the_number_masked(county, settings, caplog,
                                                                               django_capture_on_commit_callbacks):
    settings.SMS_BACKEND = "gongkai.notifications.sms.LoggingSmsBackend"
    caplog.set_level("INFO", logger="gongkai.sms")
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_submit_application(
            county.dept, applicant=PERSON, description="全县学校名单", form_wanted="electronic",
            delivery_wanted="online", idempotency_key="sms-1")
    assert "138****5678" in caplog.text and "13812345678" not in caplog.text
    assert "已收到您的政府信息公开申请" in caplog.text
    assert OutboxMessage.objects.filter(channel="sms", status=OutboxStatus.SENT).count() == 1


def test_a_message_another_worker_is_sending_is_left_alone(county, smtp):
    with transaction_on_commit_off():
        message = outbox.queue_email("a@example.com", "【县教育局】测试", "正文")
    OutboxMessage.objects.filter(pk=message.pk).update(claimed_until=timezone.now() + dt.timedelta(minutes=1))
    assert outbox.send_one(message.pk) is False and outbox.flush() == 0
    assert smtp.messages == []
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=10)):  # that worker died: its claim lapses
        assert outbox.flush() == 1
        assert outbox.send_one(message.pk) is False  # sent: never again
    assert len(smtp.messages) == 1


def transaction_on_commit_off():
    """Queue without the after-commit send (the test sends by hand)."""
    from unittest import mock

    return mock.patch("gongkai.notifications.outbox._send_after_commit")
