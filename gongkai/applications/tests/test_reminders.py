"""`gongkai applications remind`."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from gongkai.applications import actions as a

pytestmark = pytest.mark.django_db
D = dt.date


def test_it_mails_each_clerk_their_overdue_and_due_soon_cases(county, register, capsys):
    county.clerk.email = "clerk@example.com"
    county.clerk.save()
    county.other_agency_clerk.email = "other@example.com"
    county.other_agency_clerk.save()
    overdue = register(received_on=D(2025, 9, 26))  # due 2025-10-30
    soon = register(received_on=D(2025, 11, 10))  # due 2025-12-08 → extend to stay ahead
    soon = a.do_extend_deadline(soon, on=D(2025, 12, 8), workdays=4, reason="检索",
                                acting_user=county.approver)
    register(received_on=D(2025, 12, 9))  # due in January: not mentioned
    mail.outbox.clear()
    call_command("applications", "remind")
    assert "已发送 1 封" in capsys.readouterr().out
    (message,) = mail.outbox
    assert message.to == ["clerk@example.com"]
    assert overdue.reference in message.body and "已超" in message.body
    assert soon.reference in message.body and "剩 2 个工作日" in message.body
    assert "〔2025〕3号" not in message.body


def test_recompute_command(county, register, capsys):
    register()
    call_command("applications", "recompute")
    assert "已重新计算 1 件" in capsys.readouterr().out
