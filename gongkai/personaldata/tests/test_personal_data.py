"""Issue 9, personal data (个人信息保护法): retention and purge, proof scans encrypted at
rest, every staff view of an ID number or a scan an event, export, masked mail logs."""

import datetime as dt
import io
import json

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from gongkai.applications.actions import do_register_application
from gongkai.applications.models import Application
from gongkai.eventlog.models import Event
from gongkai.mailbox import actions as mailbox
from gongkai.mailbox.models import MailboxLetter
from gongkai.personaldata import retention
from gongkai.testing import png_bytes

pytestmark = pytest.mark.django_db

PERSON = {
    "type": "natural_person", "name": "张三", "id_type": "resident_id", "id_number": "11010519491231002X",
    "phone": "13812345678", "address": "郏县龙山大道1号", "email": "zhangsan@example.com",
}
SCAN = png_bytes((8, 8))


def register(county, **changes):
    return do_register_application(
        county.dept, channel="in_person", received_on=dt.date(2025, 9, 26), applicant={**PERSON, **changes},
        description="2025年全县义务教育阶段学校名单", form_wanted="paper", delivery_wanted="post",
        proof=SimpleUploadedFile("身份证.png", SCAN), acting_user=county.clerk,
    )


def test_personal_data_purge_is_a_dry_run_unless_told(client, county):
    old = register(county)
    Application.objects.filter(pk=old.pk).update(closed_on=dt.date(2010, 1, 5))
    recent = register(county, id_number="", id_type="")
    Application.objects.filter(pk=recent.pk).update(closed_on=dt.date(2025, 1, 5))
    out = io.StringIO()
    call_command("personal-data", "purge", stdout=out)
    assert "依申请公开申请：1 件" in out.getvalue() and "试运行" in out.getvalue()
    assert Application.objects.get(pk=old.pk).id_number == PERSON["id_number"]

    call_command("personal-data", "purge", "--yes", stdout=io.StringIO())
    old.refresh_from_db()
    assert (old.applicant_name, old.id_number, old.phone, old.email, old.address) == (retention.ANONYMISED, "", "", "", "")
    assert not old.proof_of_identity
    assert Event.objects.filter(verb="personal_data_purged", subject_id=str(old.pk)).count() == 1
    assert Event.objects.filter(verb="proof_purged", subject_id=str(old.pk)).count() == 1
    client.force_login(county.clerk)
    case = client.get(reverse("applications:case", args=[old.pk])).content.decode()
    assert "申请人个人信息已匿名化" in case and "11010519491231002X" not in case
    # The recent case keeps its data, but its scan is past the shorter period for scans.
    recent.refresh_from_db()
    assert recent.applicant_name == "张三" and not recent.proof_of_identity


def test_personal_data_mailbox_letters_are_anonymised_after_their_period(county):
    letter = mailbox.do_submit_letter(mailbox.NewLetter("赵六", "13700000000", "路灯", "我是赵六，电话13700000000", False))
    MailboxLetter.objects.filter(pk=letter.pk).update(answered_on=dt.date(2015, 1, 5), status="answered")
    retention.purge(dry_run=False)
    letter.refresh_from_db()
    assert letter.writer_name == retention.ANONYMISED and letter.contact == ""
    assert "赵六" not in letter.text and "13700000000" not in letter.text


def test_personal_data_proof_scans_are_encrypted_at_rest(client, county):
    application = register(county)
    with open(application.proof_of_identity.path, "rb") as stored:
        raw = stored.read()
    assert SCAN not in raw and not raw.startswith(b"\x89PNG")
    client.force_login(county.clerk)
    response = client.get(reverse("applications:proof", args=[application.pk]))
    assert b"".join(response.streaming_content) == SCAN
    assert response["Content-Type"] == "image/png" and response["Content-Disposition"].startswith("attachment")


def test_personal_data_keys_are_rotated_by_command(county, settings):
    from cryptography.fernet import Fernet

    application = register(county)
    old_key = settings.PERSONAL_DATA_KEYS[0]
    new_key = Fernet.generate_key().decode()
    settings.PERSONAL_DATA_KEYS = [new_key, old_key]
    call_command("personal-data", "rotate-key", stdout=io.StringIO())
    settings.PERSONAL_DATA_KEYS = [new_key]  # the old key is gone now
    with application.proof_of_identity.open("rb") as handle:
        assert handle.read() == SCAN


def test_personal_data_every_staff_view_of_an_id_number_or_scan_is_an_event(client, county):
    application = register(county)
    client.force_login(county.clerk)
    page = client.get(reverse("applications:case", args=[application.pk])).content.decode()
    assert PERSON["id_number"] in page
    client.get(reverse("applications:proof", args=[application.pk]))
    views = Event.objects.filter(subject_id=str(application.pk), verb__in=("identity_viewed", "proof_viewed"))
    assert sorted(views.values_list("verb", "actor")) == [("identity_viewed", county.clerk.pk),
                                                          ("proof_viewed", county.clerk.pk)]
    client.force_login(county.office_admin)
    supervision = client.get(reverse("supervision:overview")).content.decode()
    listed = supervision[supervision.index("个人信息查看记录"):]
    assert "查看完整证件号码" in listed and "查看身份证明扫描件" in listed
    assert (county.clerk.get_full_name() or county.clerk.username) in listed


def test_personal_data_export_writes_everything_held_about_a_person(county, tmp_path):
    register(county)
    register(county, id_number="410425198001010011")
    mailbox.do_submit_letter(mailbox.NewLetter("张三", "13812345678", "路灯", "坏了", False))
    call_command("personal-data", "export", "--id-number", PERSON["id_number"], "--output", str(tmp_path / "out"),
                 stdout=io.StringIO())
    data = json.loads((tmp_path / "out" / "data.json").read_text(encoding="utf-8"))
    assert [a["id_number"] for a in data["applications"]] == [PERSON["id_number"]]
    assert data["applications"][0]["events"] and data["mailbox_letters"][0]["writer_name"] == "张三"
    assert (tmp_path / "out" / "proofs").iterdir().__next__().read_bytes() == SCAN


def test_personal_data_the_console_mail_backend_masks_addresses(settings, capsys):
    from gongkai.personaldata.mail import MaskedConsoleBackend

    backend = MaskedConsoleBackend(stream=io.StringIO())
    message = mail.EmailMessage("您的申请", "证件号 11010519491231002X，电话 13812345678", "gongkai@localhost",
                                ["zhangsan@example.com"])
    backend.send_messages([message])
    printed = backend.stream.getvalue()
    assert "zhangsan@example.com" not in printed and "z***@example.com" in printed
    assert "11010519491231002X" not in printed and "13812345678" not in printed and "138****5678" in printed


def test_personal_data_production_refuses_to_start_without_keys_or_shared_cache(settings):
    from gongkai.personaldata.apps import production_checks

    settings.PRODUCTION = False
    settings.PERSONAL_DATA_KEYS, settings.REDIS_URL = [], ""
    assert production_checks() == []
    settings.PRODUCTION = True
    assert [c.id for c in production_checks()] == ["gongkai.personaldata.E001", "gongkai.personaldata.E002"]
    settings.PERSONAL_DATA_KEYS, settings.REDIS_URL = ["k"], "redis://127.0.0.1:6379/5"
    assert production_checks() == []
