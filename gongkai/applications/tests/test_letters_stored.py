"""Letters are composed by gongkai.applications.letters, stored, and never changed once sent."""

import datetime as dt

import pytest

from gongkai.applications import actions as a
from gongkai.applications.models import LetterKind
from gongkai.testing import answer_application

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def dept_with_office(county):
    county.dept.office_address = "郏县龙山大道100号"
    county.dept.office_phone = "0375-5190000"
    county.dept.office_postcode = "467100"
    county.dept.save()
    return county


def test_a_reply_uses_the_official_template_and_keeps_a_docx(dept_with_office, register):
    county = dept_with_office
    application = a.do_decide_application(register(), outcome="denied_state_secret", reasons="经审查属于国家秘密",
                              acting_user=county.clerk)
    application = a.do_sign_reply(application, on=D(2025, 10, 20), acting_user=county.approver)
    letter = application.letters.get(kind=LetterKind.REPLY)
    assert letter.template.startswith("reply.v")
    assert letter.document.name.endswith(".docx")
    assert "郏县人民政府" in letter.body  # the remedy paragraph names the 复议机关
    assert "张三" not in letter.body  # the addressee is kept apart, as Letter.recipient
    assert letter.recipient == "张三"


def test_a_granted_reply_says_how_the_information_is_provided(dept_with_office, register):
    county = dept_with_office
    application = answer_application(register(), county, D(2025, 10, 20), "granted", reasons="")
    letter = application.letters.get(kind=LetterKind.REPLY)
    assert letter.template.startswith("reply.v") and letter.composed
    assert "以纸质形式" in letter.body


def test_a_correction_notice_lists_each_item(dept_with_office, register):
    county = dept_with_office
    application = a.do_request_correction(register(), on=D(2025, 9, 29), items="请写明文号\n请写明年份",
                                          answer_by=D(2025, 10, 20), acting_user=county.clerk)
    letter = application.letters.get()
    assert letter.template.startswith("correction_notice.v")
    assert "请写明文号" in letter.body and "请写明年份" in letter.body


def test_a_sent_letter_cannot_be_changed(dept_with_office, register):
    county = dept_with_office
    application = a.do_request_correction(register(), on=D(2025, 9, 29), items="请写明文号",
                                          answer_by=D(2025, 10, 20), acting_user=county.clerk)
    letter = application.letters.get()
    letter.body = "改过的"
    with pytest.raises(ValueError, match="已发出"):
        letter.save()
    with pytest.raises(ValueError, match="已发出"):
        letter.delete()


def test_without_the_offices_address_a_plain_letter_is_kept_and_says_why(county, register):
    application = a.do_request_correction(register(), on=D(2025, 9, 29), items="请写明文号",
                                          answer_by=D(2025, 10, 20), acting_user=county.clerk)
    letter = application.letters.get()
    assert letter.template == ""
    assert "未能按正式模板生成" in letter.body and "联系地址" in letter.body


def _signed_reply(county, register):
    application = a.do_decide_application(register(), outcome="denied_state_secret", reasons="经审查属于国家秘密",
                              acting_user=county.clerk)
    application = a.do_sign_reply(application, on=D(2025, 10, 20), acting_user=county.approver)
    letter = application.letters.get(kind=LetterKind.REPLY)
    assert letter.composed, letter.body
    return application, letter


def _pdf_text(data: bytes) -> str:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join(page.extract_text() or "" for page in pdf.pages)


def test_staff_download_the_sent_reply_as_a_chinese_pdf(dept_with_office, register, client):
    county = dept_with_office
    application, letter = _signed_reply(county, register)
    client.force_login(county.clerk)
    response = client.get(f"/staff/applications/{application.pk}/letters/{letter.pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content).replace(" ", "")
    assert "政府信息公开申请答复告知书" in text and "行政复议" in text
    client.force_login(county.other_agency_clerk)
    assert client.get(f"/staff/applications/{application.pk}/letters/{letter.pk}/pdf/").status_code == 404


def test_the_tracking_page_offers_the_reply_pdf_through_a_signed_link(dept_with_office, register, client):
    from gongkai.applications.public_views import letter_link

    county = dept_with_office
    _, letter = _signed_reply(county, register)
    link = letter_link(letter)
    response = client.get(link)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert client.get(link[:-3] + "xyz/").status_code == 404
    assert client.get("/track/letter/not-a-token/").status_code == 404
