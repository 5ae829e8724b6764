"""Documents delivered with a 部分公开 reply: redacted by a job, listed in the reply,
downloaded from /track/ after signing, each download an event."""

import datetime as dt
import io

import pdfplumber
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications import actions as a
from gongkai.applications import delivered
from gongkai.applications.models import DeliveredDocument, DocumentStatus, LetterKind
from gongkai.applications.tests.test_redaction import box_over, text_pdf
from gongkai.eventlog.log import history

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture(autouse=True)
def _office_contact(county):
    county.dept.office_address, county.dept.office_phone, county.dept.office_postcode = (
        "郏县龙山大道100号", "0375-5190000", "467100")
    county.dept.save()


def boxes_for(data):
    return [
        {"page": b.page, "x0": b.x0, "y0": b.y0, "x1": b.x1, "y1": b.y1, "reason": "art15", "note": "学生身份证号码"}
        for b in (box_over(data, 1, "11010519491231002X", ""), box_over(data, 3, "13912345678", ""))
    ]


def test_a_partial_reply_delivers_the_redacted_file_after_signing(client, county, register,
                                                                     django_capture_on_commit_callbacks):
    application = register(received_on=D(2025, 12, 1))
    original = text_pdf()
    with django_capture_on_commit_callbacks(execute=True):
        document = delivered.do_attach_document(
            application, upload=SimpleUploadedFile("名单.pdf", original), content_type="application/pdf",
            title="学校名单", boxes=boxes_for(original), acting_user=county.clerk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY and document.progress == 3 and document.page_count == 3
    a.do_decide_application(application, outcome="partial", reasons="涉及个人隐私",
                            withheld_parts="学生身份证号码、家长电话", acting_user=county.clerk)
    a.do_review_reply(application, passed=True, acting_user=county.reviewer)
    client.post(reverse("applications_public:track"), {"code": application.tracking_code, "phone_last4": "5678"})
    page = client.get(reverse("applications_public:track")).content.decode()
    assert "学校名单" not in page  # not before signing
    application = a.do_sign_reply(application, on=D(2025, 12, 9), acting_user=county.approver)
    reply = application.letters.get(kind=LetterKind.REPLY)
    assert "《学校名单》第1页、第3页中遮盖的2处内容（学生身份证号码）" in reply.body and "第十五条" in reply.body

    page = client.get(reverse("applications_public:track")).content.decode()
    link = reverse("applications_public:track_document", args=[document.pk])
    assert link in page and "2026年2月7日" in page  # 60 days after 2025-12-09
    response = client.get(link)
    data = b"".join(response.streaming_content)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "".join(p.extract_text() for p in pdf.pages)
    assert "11010519491231002X" not in text and "13912345678" not in text and "第一页公开内容" in text
    assert [e.verb for e in history(application)].count("document_downloaded") == 1

    with time_machine.travel(dt.datetime(2026, 2, 8, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False):
        client.post(reverse("applications_public:track"), {"code": application.tracking_code, "phone_last4": "5678"})
        assert client.get(link).status_code == 404
        assert "下载期限已于2026年2月7日届满" in client.get(reverse("applications_public:track")).content.decode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"page": 9}, "文件只有3页"),
        ({"x1": 9999}, "超出了第1页的页面范围"),
        ({"reason": ""}, "没有选择第十四条、第十五条或第十六条"),
    ],
)
def test_a_bad_box_is_refused_and_nothing_is_kept(county, register, change, message):
    application = register(received_on=D(2025, 12, 1))
    original = text_pdf()
    boxes = boxes_for(original)
    boxes[0] |= change
    with pytest.raises(a.NotAllowed, match=message):
        delivered.do_attach_document(
            application, upload=SimpleUploadedFile("名单.pdf", original), content_type="application/pdf",
            title="学校名单", boxes=boxes, acting_user=county.clerk)
    assert not DeliveredDocument.objects.exists()


def test_docx_without_libreoffice_is_refused_in_chinese(county, register, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    application = register(received_on=D(2025, 12, 1))
    with pytest.raises(a.NotAllowed, match="未安装 LibreOffice"):
        delivered.do_attach_document(
            application, upload=SimpleUploadedFile("a.docx", b"PK\x03\x04"),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            title="文件", boxes=[], acting_user=county.clerk)
    assert not DeliveredDocument.objects.exists()


def test_a_corrupt_image_or_a_too_long_pdf_is_refused_at_once(county, register, settings):
    application = register(received_on=D(2025, 12, 1))
    with pytest.raises(a.NotAllowed, match="图片文件已损坏"):
        delivered.do_attach_document(
            application, upload=SimpleUploadedFile("a.png", b"\x89PNG\r\n\x1a\n broken"), content_type="image/png",
            title="照片", boxes=[], acting_user=county.clerk)
    settings.REDACTION_MAX_PAGES = 2
    with pytest.raises(a.NotAllowed, match="共3页，超过区分处理的上限2页"):
        delivered.do_attach_document(
            application, upload=SimpleUploadedFile("a.pdf", text_pdf()), content_type="application/pdf",
            title="名单", acting_user=county.clerk)
    assert not DeliveredDocument.objects.exists()


def test_staff_draw_boxes_later_and_the_job_reports_progress(county, register, django_capture_on_commit_callbacks):
    application = register(received_on=D(2025, 12, 1))
    original = text_pdf()
    document = delivered.do_attach_document(
        application, upload=SimpleUploadedFile("名单.pdf", original), content_type="application/pdf",
        title="学校名单", acting_user=county.clerk)
    assert document.status == DocumentStatus.DRAFT and not document.delivered
    with django_capture_on_commit_callbacks(execute=True):
        delivered.do_redact_document(document, boxes=boxes_for(original), acting_user=county.clerk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY and document.progress == 3 and len(document.boxes) == 2
    with pytest.raises(a.NotAllowed, match="只有本机关经办人"):
        delivered.do_redact_document(document, boxes=[], acting_user=county.other_agency_clerk)


def test_only_the_handling_agency_sees_the_original_and_its_pages(client, county, register):
    application = register(received_on=D(2025, 12, 1))
    document = delivered.do_attach_document(
        application, upload=SimpleUploadedFile("名单.pdf", text_pdf()), content_type="application/pdf",
        title="学校名单", acting_user=county.clerk)
    page = reverse("applications:document_page", args=[application.pk, document.pk, 1])
    original = reverse("applications:document_original", args=[application.pk, document.pk])
    client.force_login(county.other_agency_clerk)
    assert client.get(page).status_code == 404 and client.get(original).status_code == 404
    client.force_login(county.clerk)
    response = client.get(page)
    assert response.status_code == 200 and response.content.startswith(b"\x89PNG")
    redact_page = client.get(reverse("applications:document_redact", args=[application.pk, document.pk]))
    assert redact_page.content.decode().count('class="redact-page"') == 3
    assert client.get(reverse("applications:receipt", args=[application.pk])).content.startswith(b"%PDF")


def test_a_refused_box_on_the_redaction_page_says_why_and_keeps_the_boxes(client, county, register):
    import json

    application = register(received_on=D(2025, 12, 1))
    document = delivered.do_attach_document(
        application, upload=SimpleUploadedFile("名单.pdf", text_pdf()), content_type="application/pdf",
        title="学校名单", acting_user=county.clerk)
    client.force_login(county.clerk)
    boxes = [{"page": 1, "x0": 10, "y0": 10, "x1": 900, "y1": 40, "reason": "art15"}]
    response = client.post(reverse("applications:document_redact", args=[application.pk, document.pk]),
                           {"boxes": json.dumps(boxes)})
    page = response.content.decode()
    assert response.status_code == 422 and "超出了第1页的页面范围" in page and "900" in page
    document.refresh_from_db()
    assert document.status == DocumentStatus.DRAFT and document.boxes == []


def test_a_reply_that_discloses_nothing_delivers_no_files(client, county, register):
    application = register(received_on=D(2025, 12, 1))
    delivered.do_attach_document(
        application, upload=SimpleUploadedFile("名单.pdf", text_pdf()), content_type="application/pdf",
        title="附件甲", boxes=[], acting_user=county.clerk)
    a.do_decide_application(application, outcome="denied_state_secret", reasons="属于国家秘密",
                            acting_user=county.clerk)
    application = a.do_sign_reply(application, on=D(2025, 12, 9), acting_user=county.approver)
    assert "附件甲" not in application.letters.get(kind=LetterKind.REPLY).body
    client.post(reverse("applications_public:track"), {"code": application.tracking_code, "phone_last4": "5678"})
    page = client.get(reverse("applications_public:track")).content.decode()
    assert "附件甲" not in page and "/track/documents/" not in page


def test_a_file_added_after_the_review_sends_the_reply_back_to_the_reviewer(county, register,
                                                                          django_capture_on_commit_callbacks):
    """Found from outside: a clerk attached an unreviewed file after 保密审查 passed and the
    approver's signature delivered it (条例第十七条)."""
    application = register(received_on=D(2025, 12, 1))
    a.do_decide_application(application, outcome="granted", acting_user=county.clerk)
    application = a.do_review_reply(application, passed=True, acting_user=county.reviewer)
    assert application.reviewed_by == county.reviewer

    with django_capture_on_commit_callbacks(execute=True):
        delivered.do_attach_document(
            application, upload=SimpleUploadedFile("未审查.pdf", text_pdf()), content_type="application/pdf",
            title="未审查的文件", boxes=[], acting_user=county.clerk)

    application.refresh_from_db()
    assert application.reviewed_by is None
    assert "reply_review_voided" in [e.verb for e in history(application)]
    with pytest.raises(a.NotAllowed):
        a.do_sign_reply(application, on=D(2025, 12, 9), acting_user=county.approver)
