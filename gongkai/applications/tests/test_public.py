"""The public form (/apply/) and the tracking page (/track/)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications import actions as a
from gongkai.applications.models import Application, Status
from gongkai.testing import PDF_BYTES, answer_application, png_bytes

pytestmark = pytest.mark.django_db
PNG = png_bytes()
PDF = PDF_BYTES


def form(county, **changes):
    data = {
        "agency": county.dept.pk, "applicant_type": "natural_person", "name": "张三",
        "id_type": "resident_id", "id_number": "11010519491231002X", "phone": "13812345678",
        "email": "zhangsan@example.com", "address": "郏县龙山大道1号", "postcode": "467100",
        "description": "2025年全县义务教育阶段学校名单", "form_wanted": "electronic",
        "delivery_wanted": "email", "idempotency_key": "public-1",
        "proof": SimpleUploadedFile("id.png", PNG, content_type="image/png"),
        # The captcha, as typed (CAPTCHA_TEST_MODE takes "PASSED").
        "captcha_0": "test", "captcha_1": "PASSED",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_form_is_there(client):
    page = client.get(reverse("applications_public:apply")).content.decode()
    assert "政府信息公开申请" in page and 'name="idempotency_key"' in page


def test_it_submits_an_application_and_shows_the_tracking_code(client, county):
    response = client.post(reverse("applications_public:apply"), form(county))
    assert response.status_code == 302
    application = Application.objects.get()
    assert (application.status, application.channel, application.received_on) == (Status.SUBMITTED, "online", None)
    assert application.proof_of_identity
    page = client.get(response.url).content.decode()
    assert application.tracking_code[:4] in page and application.reference in page


def test_a_double_submit_makes_one_application(client, county):
    client.post(reverse("applications_public:apply"), form(county))
    client.post(reverse("applications_public:apply"), form(county))
    assert Application.objects.count() == 1


def test_an_organisation_applies_with_its_credit_code(client, county):
    response = client.post(reverse("applications_public:apply"), form(
        county, applicant_type="commercial_enterprise", name="郏县某某有限公司", id_number="",
        credit_code="91350100M000100Y43", legal_representative="王五", contact_person="赵六",
    ))
    assert response.status_code == 302
    assert Application.objects.get().applicant_type == "commercial_enterprise"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"id_number": "110105194912310021"}, "id_number", "校验位不正确"),
        ({"id_number": "1101051949"}, "id_number", "应为18位"),
        ({"phone": "0375-5199000"}, "phone", "11位手机号码"),
        ({"applicant_type": "commercial_enterprise", "credit_code": "91350100M000100Y44",
          "legal_representative": "王五", "contact_person": "赵六"}, "credit_code", "校验位不正确"),
        ({"applicant_type": "commercial_enterprise"}, "credit_code", "请填写统一社会信用代码"),
        ({"delivery_wanted": "email", "email": ""}, "email", "请填写电子邮箱"),
        ({"description": ""}, "description", "这个字段是必填项"),
        ({"proof": SimpleUploadedFile("id.png", b"MZ\x90\x00 not an image", content_type="image/png")},
         "proof", "按文件内容判断"),
    ],
)
def test_it_explains_errors_next_to_the_field(client, county, changes, field, message):
    response = client.post(reverse("applications_public:apply"), form(county, **changes))
    assert response.status_code == 200
    page = response.content.decode()
    block = page[page.index(f'id="field-{field}"'):]
    block = block[: block.index("</div>")]
    assert message in block
    assert not Application.objects.exists()


def test_a_pdf_proof_is_accepted(client, county):
    proof = SimpleUploadedFile("id.pdf", PDF, content_type="application/pdf")
    assert client.post(reverse("applications_public:apply"), form(county, proof=proof)).status_code == 302


def test_a_too_large_proof_is_refused(client, county, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("id.png", png_bytes((1200, 1200)) + b"\x00" * (1024 * 1024), content_type="image/png")
    page = client.post(reverse("applications_public:apply"), form(county, proof=big)).content.decode()
    assert "超过了大小上限" in page


def _answered(county, register):
    application = register(applicant={
        "type": "natural_person", "name": "张三", "id_type": "resident_id", "id_number": "11010519491231002X",
        "phone": "13812345678", "address": "郏县龙山大道1号", "email": "zhangsan@example.com",
    })
    return answer_application(application, county, dt.date(2025, 10, 20))


def test_tracking_shows_status_timeline_and_reply_but_no_personal_data(client, county, register):
    application = _answered(county, register)
    response = client.post(reverse("applications_public:track"),
                           {"code": application.tracking_code.lower(), "phone_last4": "5678"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "已答复" in page and "予以公开" in page
    assert "登记申请" in page and "签发答复" in page
    assert "政府信息公开申请答复告知书" in page
    # The reply letter itself quotes the request (条例第三十六条 answers it), so the
    # description may appear inside the letter; the applicant's own details never do.
    for personal in ("张三", "11010519491231002X", "13812345678", "5678</", "龙山大道", "zhangsan@"):
        assert personal not in page.replace('value="5678"', "")


def test_tracking_needs_the_right_phone_digits(client, county, register):
    application = _answered(county, register)
    response = client.post(reverse("applications_public:track"),
                           {"code": application.tracking_code, "phone_last4": "0000"})
    assert response.status_code == 404
    assert "不正确" in response.content.decode()
    assert "已答复" not in response.content.decode()


def test_tracking_slows_down_guessing(client, county, register):
    application = _answered(county, register)
    for _ in range(20):
        client.post(reverse("applications_public:track"), {"code": "AAAABBBBCCCC", "phone_last4": "0000"})
    response = client.post(reverse("applications_public:track"),
                           {"code": application.tracking_code, "phone_last4": "5678"})
    assert "查询次数过多" in response.content.decode()



def test_a_village_is_not_offered_and_cannot_receive_applications(client, county):
    """Issue 10.10: 条例第二十七条 names governments and departments, not villages."""
    from gongkai.agencies.models import Agency, AgencyKind

    village = Agency.objects.create(code="jiaxian-v1", name="郏县某村民委员会", kind=AgencyKind.VILLAGE,
                                    parent=county.county, index_prefix="X1", accepts_applications=False)
    page = client.get(reverse("applications_public:apply")).content.decode()
    assert "郏县教育局" in page and "郏县某村民委员会" not in page
    with pytest.raises(a.NotAllowed, match="不受理政府信息公开申请"):
        a.do_register_application(village, channel="in_person", received_on=dt.date(2025, 12, 1),
                                  applicant={"type": "natural_person", "name": "张三", "phone": "13812345678"},
                                  description="某事", form_wanted="paper", delivery_wanted="post",
                                  acting_user=county.office_admin)
    assert not village.applications.exists()



def test_tracking_dates_are_asia_shanghai_dates_not_utc(client, county):
    """Issue 10.2: made at 03:37 Beijing time (19:37 UTC the day before) → that day."""
    import time_machine

    with time_machine.travel(dt.datetime(2025, 12, 9, 3, 37, tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False):
        application = a.do_submit_application(
            county.dept, applicant={"type": "natural_person", "name": "张三", "id_type": "resident_id",
                                    "id_number": "11010519491231002X", "phone": "13812345678"},
            description="学校名单", form_wanted="electronic", delivery_wanted="email",
        )
    response = client.post(reverse("applications_public:track"),
                           {"code": application.tracking_code, "phone_last4": "5678"})
    page = response.content.decode()
    assert '<time datetime="2025-12-09">' in page and "2025-12-08" not in page


def test_the_local_date_filter_shows_the_shanghai_day():
    from gongkai.applications.templatetags.local_dates import local_date

    utc_evening = dt.datetime(2025, 9, 25, 19, 37, tzinfo=dt.UTC)
    assert local_date(utc_evening) == "2025年9月26日"
    assert local_date(utc_evening, "iso") == "2025-09-26"
    assert local_date(dt.date(2025, 9, 26)) == "2025年9月26日" and local_date(None) == ""
