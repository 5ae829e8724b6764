"""Bad input: a one-line Chinese reason, quickly, never a traceback or a hang."""

import io
import time
import zipfile

import pytest

from gongkai.reportformat.reading import ReportUnreadable, read_report


def image_only_pdf() -> bytes:
    import weasyprint
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (400, 200), "white").save(picture, format="PNG")
    import base64

    data = base64.b64encode(picture.getvalue()).decode()
    return weasyprint.HTML(string=f'<img src="data:image/png;base64,{data}">').write_pdf()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(80):
                member.write(chunk)
    return out.getvalue()


def not_a_report() -> bytes:
    return "今天天气很好，我们去公园散步。\n公园里有很多人。\n".encode() * 20


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return out.getvalue()


BAD_INPUTS = {
    "empty": (lambda: b"", "空"),
    "blank": (lambda: b"  \n\t \n", "空"),
    "random binary": (lambda: bytes(range(256)) * 64, "无法识别"),
    "image-only PDF": (image_only_pdf, "文字层"),
    "broken PDF": (lambda: b"%PDF-1.7\n1 0 obj <</Type /Catalog>> garbage", "PDF"),
    "zip bomb": (zip_bomb, "压缩"),
    "zip without a document": (plain_zip, "不是 Word"),
    "PNG image": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(200), "图片"),
    "old Word": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "DOCX"),
    "non-report text": (not_a_report, "不是政府信息公开工作年度报告"),
    "non-report web page": (lambda: b"<html><body><p>Hello</p></body></html>", "不是"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_gives_its_chinese_reason_quickly(name):
    make, words = BAD_INPUTS[name]
    data = make()
    started = time.process_time()
    with pytest.raises(ReportUnreadable) as raised:
        read_report(data)
    assert time.process_time() - started < 2
    reason = raised.value.reason
    assert words in reason
    assert "\n" not in reason and any("\u4e00" <= ch <= "\u9fff" for ch in reason)


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    data = zip_bomb()
    assert len(data) < 1024 * 1024  # 80 MB of XML in well under 1 MB
    started = time.process_time()
    with pytest.raises(ReportUnreadable):
        read_report(data)
    assert time.process_time() - started < 0.2
