"""Letters are composed by gongkai.applications.letters, stored, and never changed once sent."""

import datetime as dt

import pytest

from gongkai.applications import actions as a
from gongkai.applications.models import LetterKind

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
    application = a.do_decide(register(), outcome="denied_state_secret", reasons="经审查属于国家秘密",
                              acting_user=county.clerk)
    application = a.do_sign_reply(application, on=D(2025, 10, 20), acting_user=county.approver)
    letter = application.letters.get(kind=LetterKind.REPLY)
    assert letter.template.startswith("reply.v")
    assert letter.document.name.endswith(".docx")
    assert "郏县人民政府" in letter.body  # the remedy paragraph names the 复议机关
    assert "张三" not in letter.body  # the addressee is kept apart, as Letter.recipient
    assert letter.recipient == "张三"


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
