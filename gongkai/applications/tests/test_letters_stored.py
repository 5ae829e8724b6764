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


def test_plain_fallback_letter_never_sent_when_office_address_is_blank(county, register):
    """Issue 10.1: a letter the template cannot write is refused; nothing is stored or sent."""
    application = register()
    county.dept.office_address = ""
    county.dept.save()
    with pytest.raises(a.NotAllowed, match="联系地址"):
        a.do_request_correction(application, on=D(2025, 9, 29), items="请写明文号",
                                answer_by=D(2025, 10, 20), acting_user=county.clerk)
    application.refresh_from_db()
    assert application.status == "in_progress" and not application.letters.exists()
    assert not application.clock_events.filter(kind="correction_requested").exists()


def test_incomplete_agency_contacts_block_signing(county, register):
    application = a.do_decide_application(register(), outcome="denied_state_secret", reasons="经审查属于国家秘密",
                              acting_user=county.clerk)
    county.dept.office_postcode = ""
    county.dept.save()
    with pytest.raises(a.NotAllowed, match="联系信息不完整（缺少邮政编码）"):
        a.do_sign_reply(application, on=D(2025, 10, 20), acting_user=county.approver)
    application.refresh_from_db()
    assert application.status == "proposed" and not application.letters.filter(sent_on__isnull=False).exists()


@pytest.mark.parametrize("outcome, facts, missing", [
    ("denied_law_forbidden", {}, "「禁止公开的法律、行政法规依据」"),
    ("denied_admin_query", {}, "「查询办理途径」"),
    ("not_processed_publication", {}, "「公开出版物的获取途径」"),
    ("not_processed_excessive", {}, "「要求说明理由的日期」"),
])
def test_decided_without_the_facts_its_letter_needs_is_refused(county, register, outcome, facts, missing):
    """Issue 10.1: these outcomes used to reach applicants as plain fallback letters."""
    application = register()
    with pytest.raises(a.NotAllowed, match=missing):
        a.do_decide_application(application, outcome=outcome, reasons="理由", facts=facts, acting_user=county.clerk)
    application.refresh_from_db()
    assert application.status == "in_progress" and application.outcome == ""


def test_already_public_reply_says_where_it_was_published(county, register):
    """Issue 10.8: 条例第三十六条第（一）项, not the （二） text, when published_where is given."""
    application = a.do_decide_application(register(), outcome="granted", facts={"published_where": "县政府网站，索引号 JX-1"},
                              acting_user=county.clerk)
    assert application.reply_type == "already_public"
    application = a.do_review_reply(application, passed=True, acting_user=county.reviewer)
    application = a.do_sign_reply(application, on=D(2025, 10, 20), acting_user=county.approver)
    body = application.letters.get(kind=LetterKind.REPLY).body
    assert "第三十六条第（一）项" in body and "索引号 JX-1" in body and "第三十六条第（二）项" not in body
    with pytest.raises(a.NotAllowed, match="主动公开的位置"):
        a.do_decide_application(register(), outcome="granted", reply_type="already_public", acting_user=county.clerk)


def test_every_letter_has_a_document_number_per_agency_and_year(county, register):
    first = a.do_request_correction(register(), on=D(2025, 9, 29), items="请写明文号",
                                    answer_by=D(2025, 10, 20), acting_user=county.clerk)
    second = a.do_request_correction(register(), on=D(2025, 9, 30), items="请写明年份",
                                     answer_by=D(2025, 10, 20), acting_user=county.clerk)
    numbers = [first.letters.get().number, second.letters.get().number]
    assert numbers == ["县教育局依申请公开告〔2025〕1号", "县教育局依申请公开告〔2025〕2号"]
    assert first.letters.get().composed["document_number"] == numbers[0]


def test_art35_reasons_request_is_an_event_and_its_date_is_cited(county, register):
    application = a.do_request_reasons(register(), on=D(2025, 10, 10), answer_by=D(2025, 10, 20),
                                       acting_user=county.clerk)
    assert application.letters.get().template == "reasons_request.v1"
    application = a.do_decide_application(application, outcome="not_processed_excessive", reasons="理由不合理",
                              acting_user=county.clerk)
    application = a.do_sign_reply(application, on=D(2025, 10, 24), acting_user=county.approver)
    assert "已于2025年10月10日要求您说明理由" in application.letters.get(kind=LetterKind.REPLY).body


def test_longer_deadline_needs_the_approver_and_sends_its_letter(county, register):
    application = register()
    with pytest.raises(a.NotAllowed, match="负责人本人"):
        a.do_set_longer_deadline(application, on=D(2025, 10, 10), due_on=D(2025, 12, 31), reason="数量大",
                                 acting_user=county.clerk)
    application = a.do_set_longer_deadline(application, on=D(2025, 10, 10), due_on=D(2025, 12, 31),
                                           reason="数量大", acting_user=county.approver)
    letter = application.letters.get()
    assert letter.template == "longer_deadline_notice.v1" and "第三十五条" in letter.body


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


def test_public_interest_disclosure_needs_the_written_notice_to_the_third_party_first(county, register):
    """Issue 10.4: deciding to disclose over a third party's objection used to set a flag
    only; now the third party gets a written notice (what, why, remedies) before signing."""
    application = a.do_start_consultation(register(), on=D(2025, 10, 9), party_kind="third_party",
                                          party_name="郏县某建筑公司", acting_user=county.clerk)
    application = a.do_end_consultation(application, on=D(2025, 10, 20), result="objected",
                                        opinion="涉及商业秘密", public_interest_override=True,
                                        acting_user=county.clerk)
    application = a.do_decide_application(application, outcome="granted", acting_user=county.clerk)
    application = a.do_review_reply(application, passed=True, acting_user=county.reviewer)
    with pytest.raises(a.NotAllowed, match="须先书面告知第三方"):
        a.do_sign_reply(application, on=D(2025, 10, 27), acting_user=county.approver)
    application = a.do_notify_public_interest(
        application, on=D(2025, 10, 22), disclosed_information="县城道路工程的中标价格",
        reason="涉及财政资金使用，不公开会对公共利益造成重大影响", acting_user=county.clerk,
    )
    notice = application.letters.get(kind=LetterKind.PUBLIC_INTEREST_NOTICE)
    assert notice.recipient == "郏县某建筑公司" and notice.template == "public_interest_notice.v1"
    assert "第三十二条" in notice.body and "县城道路工程的中标价格" in notice.body
    assert "六个月内依法向人民法院提起行政诉讼" in notice.body
    application = a.do_sign_reply(application, on=D(2025, 10, 27), acting_user=county.approver)
    assert application.status == "replied"
