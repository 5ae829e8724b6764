import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from gongkai.eventlog.log import history
from gongkai.publishing.actions import PublishingError, do_add_attachment, do_submit_item
from gongkai.publishing.models import Attachment

pytestmark = pytest.mark.django_db

# A complete one-page PDF, written out by hand.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def docx_bytes():
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("附件：学校名单")
    document.save(out)
    return out.getvalue()


def png_bytes():
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("name,content,mime,suffix", [
    ("名单.pdf", PDF, "application/pdf", ".pdf"),
    ("名单.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    ("图解.png", png_bytes(), "image/png", ".png"),
    # The name says nothing: a PNG sent as .txt is still a PNG, and stored as one.
    ("图解.txt", png_bytes(), "image/png", ".png"),
])
def test_it_keeps_an_allowed_file(name, content, mime, suffix, county, draft):
    item = draft()
    attachment = do_add_attachment(item, SimpleUploadedFile(name, content), acting_user=county.clerk)

    assert attachment.original_name == name
    assert attachment.content_type == mime
    assert attachment.size == len(content)
    assert attachment.file.name.endswith(suffix)
    with attachment.file.open("rb") as f:
        assert f.read() == content
    assert history(item).last().verb == "attachment_added"


@pytest.mark.parametrize("name,content", [
    ("通知.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200),  # a Windows program
    ("通知.pdf", b"<!doctype html><html><body><script>alert(1)</script></body></html>"),
    ("通知.pdf", b"just some text pretending to be a PDF"),
])
def test_it_refuses_a_file_whose_content_is_not_allowed(name, content, county, draft, settings):
    item = draft()
    with pytest.raises(PublishingError, match="不是允许的文件类型"):
        do_add_attachment(item, SimpleUploadedFile(name, content), acting_user=county.clerk)
    assert not Attachment.objects.exists()
    assert not (settings.MEDIA_ROOT / "attachments").exists()


def test_it_refuses_a_file_over_the_limit(county, draft, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    item = draft()
    with pytest.raises(PublishingError, match="超过了大小上限"):
        do_add_attachment(item, SimpleUploadedFile("大.pdf", PDF + b"0" * 1024), acting_user=county.clerk)
    assert not Attachment.objects.exists()


def test_attachments_are_added_before_review_only(county, draft):
    item = draft()
    do_submit_item(item, acting_user=county.clerk)
    with pytest.raises(PublishingError, match="草稿"):
        do_add_attachment(item, SimpleUploadedFile("名单.pdf", PDF), acting_user=county.clerk)
    assert not Attachment.objects.exists()
