"""The applicant's case on /track/: letters with their next steps, the 补正 answer,
withdrawal, the receipt, signed letter links (issue 9 findings 1 and 7, issue 11)."""

import datetime as dt
import io

import pdfplumber
import pytest
import time_machine
from django.core import signing
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications import actions as a
from gongkai.applications.models import ClockEvent, CorrectionAnswer, Letter, LetterKind, Status
from gongkai.applications.public_views import LETTER_LINK_SALT, letter_link
from gongkai.applications.tests.conftest import PERSON
from gongkai.notifications.models import OutboxMessage
from gongkai.testing import PDF_BYTES as PDF

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2025, 12, 10)
TRACK = reverse("applications_public:track")


@pytest.fixture(autouse=True)
def _office_contact(county):
    # The letters' templates need the office's contact details to compose.
    county.dept.office_address, county.dept.office_phone, county.dept.office_postcode = (
        "郏县龙山大道100号", "0375-5190000", "467100")
    county.dept.save()


def look_up(client, application, last4="5678", **extra):
    return client.post(TRACK, {"code": application.tracking_code, "phone_last4": last4}, **extra)


@pytest.fixture
def awaiting(county, register):
    application = register(received_on=D(2025, 12, 1))
    return a.do_request_correction(application, on=D(2025, 12, 2), items="请写明所需名单的学年",
                                   answer_by=D(2025, 12, 20), acting_user=county.clerk)


def _replied(county, register):
    application = register(received_on=D(2025, 12, 1))
    a.do_decide_application(application, outcome="granted", acting_user=county.clerk)
    a.do_review_reply(application, passed=True, acting_user=county.reviewer)
    return a.do_sign_reply(application, on=D(2025, 12, 9), acting_user=county.approver)


# --- issue 9, finding 1: forgeable letter links -------------------------------------


def test_forgeable_letter_links_a_letter_number_signed_with_the_key_opens_nothing(client, county, register):
    application = _replied(county, register)
    reply = application.letters.get(kind=LetterKind.REPLY)
    forged = signing.dumps({"letter": reply.pk}, salt=LETTER_LINK_SALT)  # signed with the server's own key
    assert client.get(reverse("applications_public:letter_pdf", args=[forged])).status_code == 404
    wrong = signing.dumps({"letter": reply.pk, "t": "guess"}, salt=LETTER_LINK_SALT)
    assert client.get(reverse("applications_public:letter_pdf", args=[wrong])).status_code == 404
    genuine = client.get(letter_link(reply))
    assert genuine.status_code == 200 and genuine.content.startswith(b"%PDF")


def test_every_letter_has_its_own_link_token(county, register):
    application = _replied(county, register)
    tokens = list(Letter.objects.values_list("link_token", flat=True))
    assert len(tokens) == len(set(tokens)) and all(len(t) >= 32 for t in tokens)
    assert application.letters.exists()


# --- issue 9, finding 7: tracking pages ----------------------------------------------


def test_tracking_pages_look_up_by_post_only_and_are_never_stored(client, county, register):
    application = _replied(county, register)
    by_get = client.get(TRACK, {"code": application.tracking_code, "phone_last4": "5678"})
    assert "已答复" not in by_get.content.decode()
    response = look_up(client, application)
    assert "已答复" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "no-store" in client.get(letter_link(application.letters.get(kind="reply")))["Cache-Control"]


def test_tracking_pages_limit_counts_the_real_client_behind_the_proxy(client, county, register, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    application = _replied(county, register)
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(settings.TRACK_ATTEMPTS_PER_10_MINUTES):
        look_up(client, application, last4="0000", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    blocked = look_up(client, application, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert blocked.status_code == 429 and "查询次数过多" in blocked.content.decode()
    # Another citizen behind the same proxy is not blocked by the first one's guesses.
    other = look_up(client, application, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy)
    assert other.status_code == 200 and "已答复" in other.content.decode()


def test_tracking_pages_limit_is_shared_between_processes(client, county, register, settings):
    # Redis db 8 is this branch's: two cache clients stand for two worker processes.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:6379/8"}}
    caches["default"].clear()
    try:
        application = _replied(county, register)
        for _ in range(3):
            look_up(client, application, last4="0000", REMOTE_ADDR="192.0.2.9")
        other_process = caches.create_connection("default")
        assert other_process.get("applications:track:192.0.2.9") == 3
    finally:
        caches["default"].clear()


# --- issue 11: the letters and the timeline --------------------------------------------


def test_every_letter_to_the_applicant_is_on_track_in_order_with_what_to_do_next(client, county, awaiting):
    page = look_up(client, awaiting).content.decode()
    assert "补正申请告知书" in page or "补正" in page
    assert "2025年12月2日" in page  # sent on
    assert "请于2025年12月20日前补正" in page
    assert 'action="/track/answer/"' in page
    a.do_receive_correction(awaiting, on=D(2025, 12, 5), acting_user=county.clerk)
    a.do_extend_deadline(awaiting, on=TODAY, workdays=5, reason="需要检索档案",
                         acting_user=county.approver)
    page = look_up(client, awaiting).content.decode()
    titles = [letter.title for letter in awaiting.letters.order_by("sent_on", "id")]
    positions = [page.index(title) for title in titles]
    assert positions == sorted(positions) and len(titles) == 2
    assert "已补正或已结束" in page and "无需您办理任何事项" in page
    assert 'action="/track/answer/"' not in page
    for letter in awaiting.letters.all():
        assert letter_link(letter).split("/")[2] == "letter"
    assert page.count("/track/letter/") == 2


def test_timeline_dates_are_shanghai_dates(client, county):
    # 00:30 on 11 December in Shanghai is still 10 December in UTC.
    with time_machine.travel(dt.datetime(2025, 12, 10, 16, 30, tzinfo=dt.UTC), tick=False):
        application = a.do_submit_application(
            county.dept, applicant=PERSON, description="学校名单", form_wanted="electronic",
            delivery_wanted="online", idempotency_key="late-night")
        page = look_up(client, application).content.decode()
    assert '<time datetime="2025-12-11">' in page and "2025年12月11日" in page


# --- issue 11: answering a 补正 notice online ---------------------------------------------


def test_an_answer_with_an_attachment_restarts_the_clock_and_tells_the_clerk(
    client, county, awaiting, django_capture_on_commit_callbacks
):
    county.clerk.email = "clerk@jiaxian.gov.cn"
    county.clerk.save()
    look_up(client, awaiting)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("applications_public:track_answer"), {
            "text": "所需为2024-2025学年名单",
            # A PDF sent under a web page's name is stored as what it is.
            "files": [SimpleUploadedFile("补充说明.html", PDF, content_type="text/html")],
        })
    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.status == Status.IN_PROGRESS
    assert ClockEvent.objects.filter(application=awaiting, kind="correction_received", on=TODAY).exists()
    (answer,) = CorrectionAnswer.objects.filter(application=awaiting)
    (stored,) = answer.files.all()
    assert stored.original_name == "补充说明.html" and stored.file.name.endswith(".pdf")
    assert "补充说明" not in stored.file.name  # a generated name, not the sender's
    assert OutboxMessage.objects.filter(recipient="clerk@jiaxian.gov.cn", subject__contains="补正").count() == 1
    page = client.get(TRACK).content.decode()
    assert "收到补正材料" in page and "网上提交，1个文件" in page
    client.force_login(county.clerk)
    download = client.get(reverse("applications:answer_file", args=[awaiting.pk, stored.pk]))
    assert download["Content-Type"] == "application/pdf" and ".pdf" in download["Content-Disposition"]
    assert ".html" not in download["Content-Disposition"]


def test_an_answer_past_the_period_is_refused_and_changes_nothing(client, county, awaiting):
    with time_machine.travel(dt.datetime(2025, 12, 22, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False):
        look_up(client, awaiting)
        page = client.get(TRACK).content.decode()
        assert "网上补正已关闭" in page and 'action="/track/answer/"' not in page
        response = client.post(reverse("applications_public:track_answer"), {"text": "补正"})
    assert response.status_code == 422
    assert "补正期限已于2025年12月20日届满" in response.content.decode()
    awaiting.refresh_from_db()
    assert awaiting.status == Status.AWAITING_CORRECTION
    assert not CorrectionAnswer.objects.exists()


def test_an_answer_to_a_notice_no_longer_awaited_is_refused(client, county, register):
    application = register(received_on=D(2025, 12, 1))
    look_up(client, application)
    response = client.post(reverse("applications_public:track_answer"), {"text": "补正"})
    assert response.status_code == 422
    assert "不能提交补正材料" in response.content.decode()
    assert not CorrectionAnswer.objects.exists()


def test_an_empty_answer_or_a_bad_file_gets_an_error_summary(client, county, awaiting):
    look_up(client, awaiting)
    empty = client.post(reverse("applications_public:track_answer"), {"text": ""}).content.decode()
    assert "data-error-summary" in empty and "请填写补正内容或上传补正材料" in empty
    bad = client.post(reverse("applications_public:track_answer"), {
        "files": [SimpleUploadedFile("x.pdf", b"MZ not a pdf", content_type="application/pdf")]}).content.decode()
    assert "按文件内容判断" in bad and 'href="#id_files"' in bad
    assert 'aria-describedby="id_text_helptext"' in empty and 'id="id_text_helptext"' in empty
    assert not CorrectionAnswer.objects.exists()


def test_answering_needs_a_look_up_first(client, county, awaiting):
    assert client.post(reverse("applications_public:track_answer"), {"text": "补正"}).status_code == 404


# --- withdrawal and the receipt -------------------------------------------------------------


def test_withdrawing_online_asks_for_confirmation(client, county, register):
    application = register(received_on=D(2025, 12, 1))
    look_up(client, application)
    unconfirmed = client.post(reverse("applications_public:track_withdraw"), {})
    assert unconfirmed.status_code == 422 and "请勾选确认" in unconfirmed.content.decode()
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert client.post(reverse("applications_public:track_withdraw"), {"confirm": "on"}).status_code == 302
    application.refresh_from_db()
    assert application.status == Status.CLOSED and application.outcome == "other_other"
    assert "申请人撤回申请" in client.get(TRACK).content.decode()


def test_the_receipt_pdf_has_number_code_date_and_periods(client, county):
    application = a.do_submit_application(
        county.dept, applicant=PERSON, description="学校名单", form_wanted="electronic",
        delivery_wanted="online", idempotency_key="receipt-1")
    session = client.session
    session["submitted_application"] = application.pk
    session.save()
    response = client.get(reverse("applications_public:submitted_receipt"))
    assert response["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages).replace("\n", "")
    assert "登记回执" in text and application.reference in text
    assert application.tracking_code[:4] in text
    assert "2025年12月10日" in text and "第三十一条" in text and "20个工作日" in text


def test_withdrawing_online_before_the_office_confirmed_receipt_closes_without_a_letter(client, county):
    """Found from outside: withdrawing an application still 待确认收到 was a 500."""
    application = a.do_submit_application(
        county.dept, applicant=PERSON, description="学校名单", form_wanted="electronic",
        delivery_wanted="online", idempotency_key="withdraw-early")
    look_up(client, application)

    response = client.post(reverse("applications_public:track_withdraw"), {"confirm": "on"})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.CLOSED and application.received_on is None
    assert application.outcome == "" and not application.letters.exists()
    assert "撤回" in client.get(TRACK).content.decode()


@pytest.mark.parametrize(("outcome", "facts", "first"), [
    ("denied_state_secret", {"reasons": "属于国家秘密"}, True),
    ("unable_not_held", {"reasons": "本机关未制作、获取该信息"}, False),
])
def test_the_tracking_page_gives_the_same_remedy_as_the_letter(client, county, register, outcome, facts, first):
    """Found from outside: /track/ said 复议 or 诉讼 while the refusal letter said 复议 first."""
    from gongkai.testing import answer_application

    application = register(received_on=D(2025, 12, 1))
    answer_application(application, county, D(2025, 12, 9), outcome=outcome, **facts)
    look_up(client, application)
    page = client.get(TRACK).content.decode()
    letter = application.letters.get(kind=LetterKind.REPLY).body

    assert ("应当先申请行政复议" in page) is first
    assert ("应当先申请行政复议" in letter) is first
