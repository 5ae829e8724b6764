"""Issue 9, the public side: bots (finding 5), tracking pages (7), uploads (8), and
finding 12's smaller ones. Each test is named after its finding."""

import os
import stat

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from gongkai import uploads
from gongkai.applications.models import Application
from gongkai.mailbox import actions as mailbox
from gongkai.mailbox.models import MailboxLetter
from gongkai.publishing.actions import PublishingError, do_add_attachment
from gongkai.testing import PDF_BYTES, docx_bytes, ofd_bytes, ole2_bytes, png_bytes

pytestmark = pytest.mark.django_db


def application_form(county, n=0, **changes):
    data = {
        "agency": county.dept.pk, "applicant_type": "natural_person", "name": "张三",
        "id_type": "resident_id", "id_number": "11010519491231002X", "phone": "13812345678",
        "email": "", "address": "", "postcode": "",
        "description": f"2025年全县义务教育阶段学校名单（{n}）", "form_wanted": "electronic",
        "delivery_wanted": "collect", "idempotency_key": f"key-{n}",
        "proof": SimpleUploadedFile("id.png", png_bytes(), content_type="image/png"),
        "captcha_0": "test", "captcha_1": "PASSED",
    }
    data.update(changes)
    return data


def resident_id(n: int) -> str:
    """A valid 18-digit ID number, a different one for each n."""
    from gongkai.applications.identifiers import _ID_CHECK, _ID_WEIGHTS

    body = f"41042519800101{n:03d}"
    return body + _ID_CHECK[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def person(n: int) -> dict:
    return {"id_number": resident_id(n), "phone": f"1381234{n:04d}"}


def letter_form(n=0, **changes):
    data = {"writer_name": "赵六", "contact": "13700000000", "subject": f"路灯不亮{n}", "text": "东街路灯坏了",
            "captcha_0": "test", "captcha_1": "PASSED"}
    data.update(changes)
    return data


# --- finding 5: bots -----------------------------------------------------------------------


def test_finding_5_bots_applications_from_one_address_are_limited(client, county, settings):
    settings.RATE_APPLY = "3/h"
    codes = [client.post(reverse("applications_public:apply"), application_form(county, n, **person(n))).status_code
             for n in range(5)]
    assert codes[:3] == [302, 302, 302] and codes[3:] == [429, 429]
    assert Application.objects.count() == 3


def test_finding_5_bots_the_limit_is_per_real_client_behind_a_trusted_proxy(client, county, settings):
    settings.RATE_APPLY = "1/h"
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    url = reverse("applications_public:apply")
    first = client.post(url, application_form(county, 1), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    # Another citizen behind the same proxy is not blocked by the first one …
    second = client.post(url, application_form(county, 2, **person(2)), REMOTE_ADDR="10.0.0.1",
                         HTTP_X_FORWARDED_FOR="5.6.7.8")
    # … and a bot cannot pick a new address by sending its own header to the server directly.
    third = client.post(url, application_form(county, 3), REMOTE_ADDR="9.9.9.9", HTTP_X_FORWARDED_FOR="1.1.1.1")
    fourth = client.post(url, application_form(county, 4), REMOTE_ADDR="9.9.9.9", HTTP_X_FORWARDED_FOR="2.2.2.2")
    assert [r.status_code for r in (first, second, third, fourth)] == [302, 302, 302, 429]


def test_finding_5_bots_quota_per_id_number_and_per_phone_per_day(client, county, settings):
    settings.APPLICATIONS_PER_ID_PER_DAY = 2
    settings.APPLICATIONS_PER_PHONE_PER_DAY = 2
    url = reverse("applications_public:apply")
    for n in range(2):
        assert client.post(url, application_form(county, n)).status_code == 302
    refused = client.post(url, application_form(county, 3))
    assert refused.status_code == 429 and "同一证件号码每天最多" in refused.content.decode()
    by_phone = client.post(url, application_form(county, 4, id_number=resident_id(4)))
    assert by_phone.status_code == 429 and "同一手机号码每天最多" in by_phone.content.decode()
    assert Application.objects.count() == 2


def test_finding_5_bots_the_captcha_is_required_on_apply_and_mailbox(client, county):
    page = client.get(reverse("applications_public:apply")).content.decode()
    assert 'name="captcha_1"' in page and "/captcha/image/" in page
    assert 'alt="验证码图片' in page  # described in Chinese for screen readers
    wrong = client.post(reverse("applications_public:apply"), application_form(county, captcha_1="WRONG"))
    assert "验证码不正确" in wrong.content.decode() and not Application.objects.exists()
    wrong = client.post(reverse("mailbox_public:write"), letter_form(captcha_1="WRONG"))
    assert "验证码不正确" in wrong.content.decode() and not MailboxLetter.objects.exists()


def test_finding_5_bots_the_captcha_image_is_drawn_offline(client):
    from captcha.models import CaptchaStore

    key = CaptchaStore.generate_key()
    image = client.get(reverse("captcha-image", args=[key]))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"


def test_finding_5_bots_mailbox_letters_from_one_address_are_limited(client, settings):
    settings.RATE_MAILBOX_WRITE = "2/h"
    codes = [client.post(reverse("mailbox_public:write"), letter_form(n)).status_code for n in range(4)]
    assert codes == [302, 302, 429, 429] and MailboxLetter.objects.count() == 2


def test_finding_5_bots_log_in_asks_for_the_captcha_after_failures(client, county, settings):
    settings.LOGIN_CAPTCHA_AFTER_FAILURES = 2
    url = reverse("agencies:login")
    assert 'name="captcha_1"' not in client.get(url).content.decode()
    for _ in range(2):
        client.post(url, {"username": county.clerk.username, "password": "wrong"})
    page = client.get(url).content.decode()
    assert 'name="captcha_1"' in page
    # The right password without the captcha does not log in now.
    county.clerk.set_password("right-password-1")
    county.clerk.save()
    client.post(url, {"username": county.clerk.username, "password": "right-password-1"})
    assert "_auth_user_id" not in client.session
    client.post(url, {"username": county.clerk.username, "password": "right-password-1",
                      "captcha_0": "x", "captcha_1": "PASSED"})
    assert client.session["_auth_user_id"] == str(county.clerk.pk)


def test_finding_5_bots_log_in_posts_are_limited_per_address(client, county, settings):
    settings.RATE_LOGIN = "3/10m"
    settings.LOGIN_CAPTCHA_AFTER_FAILURES = 100
    codes = [client.post(reverse("agencies:login"), {"username": "x", "password": "y"}).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]


def test_finding_5_bots_upload_quota_per_address_per_day(client, county, settings):
    proof = png_bytes((200, 200))
    settings.UPLOAD_BYTES_PER_ADDRESS_PER_DAY = 2 * len(proof) + 10
    url = reverse("applications_public:apply")

    def post(n):
        return client.post(url, application_form(county, n, **person(n),
                                                 proof=SimpleUploadedFile("id.png", proof, content_type="image/png")))

    assert [post(n).status_code for n in range(3)] == [302, 302, 429]
    assert "上传的文件已达上限" in post(4).content.decode()


def test_finding_5_bots_a_person_filing_normally_never_notices(client, county):
    """Defaults: one person makes a mistake, corrects it, files three applications and
    writes two letters, tracks them, and logs in after one typo: nothing refuses."""
    url = reverse("applications_public:apply")
    assert client.post(url, application_form(county, 0, id_number="110105194912310021")).status_code == 200
    assert [client.post(url, application_form(county, n)).status_code for n in range(1, 4)] == [302] * 3
    assert [client.post(reverse("mailbox_public:write"), letter_form(n)).status_code for n in range(2)] == [302] * 2
    for letter in MailboxLetter.objects.all():
        assert client.post(reverse("mailbox_public:track"), {"code": letter.tracking_code}).status_code == 200
    county.clerk.set_password("right-password-1")
    county.clerk.save()
    client.post(reverse("agencies:login"), {"username": county.clerk.username, "password": "typo"})
    client.post(reverse("agencies:login"), {"username": county.clerk.username, "password": "right-password-1"})
    assert client.session["_auth_user_id"] == str(county.clerk.pk)


# --- finding 7: tracking pages --------------------------------------------------------------


def test_finding_7_tracking_mailbox_codes_have_at_least_60_bits():
    import math

    letter = mailbox.do_submit_letter(mailbox.NewLetter("赵六", "13700000000", "路灯", "坏了", False))
    alphabet = len(mailbox._CODE_ALPHABET)
    assert len(letter.tracking_code) * math.log2(alphabet) >= 60
    assert not letter.tracking_code.startswith("XX")


def test_finding_7_tracking_mailbox_is_looked_up_by_post_and_old_codes_still_work(client):
    letter = mailbox.do_submit_letter(mailbox.NewLetter("赵六", "13700000000", "路灯不亮", "坏了", False))
    MailboxLetter.objects.filter(pk=letter.pk).update(tracking_code="XX251201ABCDE")
    by_get = client.get(reverse("mailbox_public:track"), {"code": "XX251201ABCDE"}).content.decode()
    assert "路灯不亮" not in by_get
    by_post = client.post(reverse("mailbox_public:track"), {"code": "xx251201abcde"})
    assert by_post.status_code == 200 and "路灯不亮" in by_post.content.decode()
    assert "no-store" in by_post["Cache-Control"]
    assert 'method="post"' in by_get


def test_finding_7_tracking_mailbox_look_ups_are_limited_per_client(client, settings):
    settings.RATE_MAILBOX_TRACK = "3/10m"
    codes = [client.post(reverse("mailbox_public:track"), {"code": f"GUESS{n}"}).status_code for n in range(5)]
    assert codes == [404, 404, 404, 429, 429]


def test_finding_7_tracking_mailbox_shows_only_the_approved_public_reply(client, county):
    letter = mailbox.do_submit_letter(mailbox.NewLetter("赵六", "13700000000", "路灯", "坏了", False))
    mailbox.do_assign_letter(letter, county.dept, acting_user=county.office_admin)
    mailbox.do_draft_reply(letter, "内部草稿：请联系赵六 13700000000 核实", acting_user=county.clerk)
    page = client.post(reverse("mailbox_public:track"), {"code": letter.tracking_code}).content.decode()
    assert "内部草稿" not in page
    mailbox.do_approve_reply(letter, acting_user=county.approver)
    page = client.post(reverse("mailbox_public:track"), {"code": letter.tracking_code}).content.decode()
    assert "核实" in page and "13700000000" not in page


@pytest.mark.parametrize("name", ["applications:queue", "mailbox:queue", "appeals:list"])
def test_finding_7_tracking_staff_pages_are_not_stored(client, county, name):
    client.force_login(county.office_admin)
    response = client.get(reverse(name))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_finding_7_tracking_pages_after_submitting_are_not_stored(client, county):
    client.post(reverse("mailbox_public:write"), letter_form())
    assert "no-store" in client.get(reverse("mailbox_public:sent"))["Cache-Control"]


# --- finding 8: uploads ---------------------------------------------------------------------


def draft_item(county):
    from gongkai.publishing.actions import do_create_item
    from gongkai.publishing.models import CatalogueNode

    node = CatalogueNode.objects.get(code="policy-documents")
    return do_create_item(county.dept, {"title": "学校名单", "node": node}, acting_user=county.clerk)

EVIL = SimpleUploadedFile("../../evil.html", b"%PDF-1.4\n<script>alert(document.cookie)</script>",
                          content_type="application/pdf")


def test_finding_8_uploads_a_pdf_header_with_a_script_is_refused(county):
    item = draft_item(county)
    with pytest.raises(PublishingError, match="不是完整有效的 PDF"):
        do_add_attachment(item, EVIL, acting_user=county.clerk)
    assert not item.attachments.exists()


def test_finding_8_uploads_a_cut_off_image_is_refused_as_a_proof(client, county):
    whole = png_bytes((64, 64))
    cut = SimpleUploadedFile("id.png", whole[: len(whole) // 2], content_type="image/png")
    page = client.post(reverse("applications_public:apply"), application_form(county, proof=cut)).content.decode()
    assert "不是完整有效的 PNG" in page and not Application.objects.exists()


@pytest.mark.parametrize("name,content,extension", [
    ("名单.pdf", PDF_BYTES, "pdf"),
    ("名单.docx", docx_bytes(), "docx"),
    ("通知.doc", ole2_bytes(), "doc"),
    ("通知.wps", ole2_bytes("WordDocument"), "wps"),
    ("公文.ofd", ofd_bytes(), "ofd"),
    ("图.png", png_bytes(), "png"),
])
def test_finding_8_uploads_every_allowed_kind_is_stored_under_a_generated_name_0600(county, name, content, extension):
    item = draft_item(county)
    attachment = do_add_attachment(item, SimpleUploadedFile(name, content), acting_user=county.clerk)
    stored = os.path.basename(attachment.file.name)
    assert stored.endswith(f".{extension}") and name.rsplit(".", 1)[0] not in stored
    assert stat.S_IMODE(os.stat(attachment.file.path).st_mode) == 0o600


def test_finding_8_uploads_a_zip_without_its_parts_is_not_a_docx():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(uploads.UploadRefused, match="Content_Types"):
        uploads.check_bytes(out.getvalue(), uploads.DOCUMENT_KINDS, name="a.docx")


def test_finding_8_uploads_are_served_with_the_checked_type_as_attachment(client, county):
    item = draft_item(county)
    attachment = do_add_attachment(item, SimpleUploadedFile("a.html", PDF_BYTES), acting_user=county.clerk)
    client.force_login(county.clerk)
    response = client.get(reverse("publishing:attachment", args=[item.pk, attachment.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_finding_8_uploads_a_proof_is_stored_under_a_generated_name(client, county):
    client.post(reverse("applications_public:apply"),
                application_form(county, proof=SimpleUploadedFile("../../张三身份证.png", png_bytes())))
    stored = Application.objects.get().proof_of_identity.name
    assert stored.startswith("applications/proofs/") and "张三" not in stored and stored.endswith(".png")


def test_finding_8_uploads_the_orphan_command_finds_and_removes_unreferenced_files(county, settings, capsys):
    item = draft_item(county)
    kept = do_add_attachment(item, SimpleUploadedFile("a.pdf", PDF_BYTES), acting_user=county.clerk)
    orphan = settings.MEDIA_ROOT / "attachments" / "killed-upload.pdf"
    orphan.write_bytes(PDF_BYTES)
    call_command("media", "orphans")
    assert "killed-upload.pdf" in capsys.readouterr().out and orphan.exists()
    call_command("media", "orphans", "--delete", "--min-age", "0")
    assert not orphan.exists() and os.path.exists(kept.file.path)


# --- finding 12: the smaller ones -------------------------------------------------------------


# Each of these was a 500 on PostgreSQL (NUL cannot reach a text filter there); the
# portal search and the API search are there too, as the issue names them.
@pytest.mark.parametrize("url,params,staff", [
    ("/mailbox/", {"q": "路灯\x00"}, False),
    ("/services/", {"q": "低保\x00"}, False),
    ("/services/", {"event": "birth\x00"}, False),
    ("/items/", {"node": "policy\x00"}, False),
    ("/staff/publishing/", {"q": "学校\x00"}, True),
    ("/staff/publishing/", {"agency": "x\x00"}, True),
    ("/search/", {"q": "学校\x00"}, False),
    ("/api/v1/items", {"q": "学校\x00"}, False),
])
def test_finding_12_nul_in_the_query_is_a_clear_400_not_a_500(client, county, url, params, staff):
    """Run under DATABASE_URL=postgres://… to see the 500s it replaced."""
    if staff:
        client.force_login(county.clerk)
    response = client.get(url, params)
    assert response.status_code == 400
    assert "无效字符" in response.content.decode()


def test_finding_12_the_idempotency_key_is_tied_to_the_session(client, county):
    from django.test import Client

    assert client.post(reverse("applications_public:apply"), application_form(county, 1)).status_code == 302
    mine = Application.objects.get()
    stranger = Client()
    response = stranger.post(reverse("applications_public:apply"), application_form(county, 1, **person(7)))
    page = stranger.get(response.url).content.decode() if response.status_code == 302 else ""
    assert mine.tracking_code[:4] not in page and mine.reference not in page
    # The same browser pressing submit twice still makes one application.
    client.post(reverse("applications_public:apply"), application_form(county, 1))
    assert Application.objects.filter(id_number=mine.id_number).count() == 1


def test_finding_12_the_sanitiser_keeps_only_same_site_images(settings):
    from gongkai.publishing.sanitize import clean_html

    settings.SITE_ROOT = "https://gongkai.jiaxian.gov.cn"
    html = clean_html('<p><img src="https://tracker.example/p.gif?u=1" alt="图"><img src="//tracker.example/x.gif">'
                      '<img src="/media/a.png" alt="本站"><img src="https://gongkai.jiaxian.gov.cn/b.png"></p>')
    assert "tracker.example" not in html
    assert 'src="/media/a.png"' in html and 'src="https://gongkai.jiaxian.gov.cn/b.png"' in html


def test_finding_12_public_attachments_are_revalidated_not_cached_public(client, county):
    from gongkai.publishing.models import Attachment, ItemStatus

    item = draft_item(county)
    attachment = do_add_attachment(item, SimpleUploadedFile("a.pdf", PDF_BYTES), acting_user=county.clerk)
    type(item).objects.filter(pk=item.pk).update(status=ItemStatus.PUBLISHED)
    response = client.get(reverse("portal:attachment", args=[item.pk, attachment.pk]))
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    type(item).objects.filter(pk=item.pk).update(status=ItemStatus.WITHDRAWN)
    assert client.get(reverse("portal:attachment", args=[item.pk, attachment.pk])).status_code == 404
    assert Attachment.objects.filter(pk=attachment.pk).exists()


def test_finding_12_the_page_cache_key_is_normalised_and_bounded(client, db, settings):
    from django.core.cache import cache

    settings.PORTAL_PAGE_SECONDS = 30
    cache.clear()

    def stored():
        return len([k for k in getattr(cache, "_cache", {}) if "portal:page" in str(k)])

    client.get("/search/", {"q": "学校", "order": "newest"})
    client.get("/search/", {"order": "newest", "q": "学校"})  # same page, other order of parameters
    assert stored() == 1
    for n in range(20):
        client.get("/search/", {"q": "学校", "junk": str(n)})  # a bot's cache-busting parameters
    client.get("/search/", {"q": "学" * 500})
    assert stored() == 1


def test_finding_8_uploads_a_spreadsheet_import_is_checked_whole(client, county):
    client.force_login(county.office_admin)
    fake = SimpleUploadedFile("办事一本通.xlsx", b"PK\x03\x04 not really a workbook")
    page = client.post(reverse("services:import"), {"file": fake}).content.decode()
    assert "不是允许的文件类型" in page or "不是完整有效的" in page
    binary_csv = SimpleUploadedFile("热线.csv", b"\x00\x01\x02binary")
    page = client.post(reverse("supervision:hotline_import"), {"file": binary_csv}).content.decode()
    assert "含有二进制内容" in page


def test_finding_5_bots_a_wrong_captcha_says_nothing_about_the_password(client, county, settings):
    """Found from outside: with a wrong captcha, a right password answered "验证码不正确"
    alone and a wrong one also "用户名或密码不正确" — passwords could be tested without
    solving any captcha."""
    settings.LOGIN_CAPTCHA_AFTER_FAILURES = 1
    url = reverse("agencies:login")
    county.clerk.set_password("right-password-1")
    county.clerk.save()
    client.post(url, {"username": county.clerk.username, "password": "wrong"})

    def errors(password):
        page = client.post(url, {"username": county.clerk.username, "password": password,
                                 "captcha_0": "x", "captcha_1": "wrong-answer"}).content.decode()
        return ("验证码不正确" in page, "用户名或密码不正确" in page)

    assert errors("right-password-1") == errors("another-wrong-one") == (True, False)
    assert "_auth_user_id" not in client.session
