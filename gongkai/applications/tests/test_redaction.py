"""Redaction burned in: read back with pdfplumber and pypdfium2, nothing under a box
can be extracted, the text outside can, and each box shows its label."""

import io

import pdfplumber
import pypdfium2 as pdfium
import pytest

from gongkai.applications.redaction import Box, RedactionError, page_sizes, redact_image, redact_pdf

PAGES = [
    ("第一页公开内容：学校名单如下。", "张三身份证号码11010519491231002X", "第一页结尾公开段落。"),
    ("第二页公开内容：经费使用情况。", "本段内容没有遮盖。", "第二页结尾公开段落。"),
    ("第三页公开内容：联系电话。", "李四手机13912345678", "第三页结尾公开段落。"),
]


def text_pdf() -> bytes:
    """A 3-page A4 PDF with a real text layer (WeasyPrint, Chinese fonts)."""
    from weasyprint import HTML

    pages = "".join(
        "<section style='page-break-after: always'>" + "".join(f"<p>{line}</p>" for line in lines) + "</section>"
        for lines in PAGES
    )
    return HTML(string=f"<html><body style='font-size:14pt'>{pages}</body></html>").write_pdf()


def box_over(data: bytes, page: int, needle: str, label: str) -> Box:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        (hit,) = pdf.pages[page - 1].search(needle)
    return Box(page, hit["x0"] - 1, hit["top"] - 1, hit["x1"] + 1, hit["bottom"] + 1, label)


def plumber_text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(page.extract_text() or "").replace(" ", "").replace("\n", "") for page in pdf.pages]


def pdfium_text(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    out = [document[i].get_textpage().get_text_range().replace(" ", "").replace("\r\n", "") for i in range(len(document))]
    document.close()
    return out


@pytest.fixture(scope="module")
def redacted():
    original = text_pdf()
    boxes = [
        box_over(original, 1, "11010519491231002X", "第十五条个人隐私"),
        box_over(original, 3, "13912345678", "第十五条个人隐私"),
    ]
    return original, boxes, redact_pdf(original, boxes)


def test_nothing_under_a_box_can_be_extracted(redacted):
    original, _, result = redacted
    assert "11010519491231002X" in "".join(plumber_text(original))  # the test's premise
    for read in (plumber_text, pdfium_text):
        text = "".join(read(result.pdf))
        assert "11010519491231002X" not in text and "13912345678" not in text
        assert "1101051949" not in text and "1391234" not in text  # not even a part


def test_the_text_outside_the_boxes_is_kept(redacted):
    _, _, result = redacted
    assert result.page_count == 3
    for read in (plumber_text, pdfium_text):
        pages = read(result.pdf)
        for lines, text in zip(PAGES, pages, strict=True):
            assert lines[0] in text and lines[2] in text
        assert "本段内容没有遮盖。" in pages[1]
        assert "张三身份证号" in pages[0] and "李四手" in pages[2]  # a character touching a box goes with it


def test_each_box_shows_its_label(redacted):
    _, boxes, result = redacted
    with pdfplumber.open(io.BytesIO(result.pdf)) as pdf:
        for box in boxes:
            page = pdf.pages[box.page - 1]
            inside = page.crop((box.x0, box.y0, box.x1, box.y1)).extract_text().replace(" ", "")
            assert inside == box.label
    document = pdfium.PdfDocument(result.pdf)
    for box in boxes:
        image = document[box.page - 1].render(scale=2).to_pil().convert("L")
        region = image.crop((int(box.x0 * 2) + 2, int(box.y0 * 2) + 2, int(box.x1 * 2) - 2, int(box.y1 * 2) - 2))
        histogram = region.histogram()
        dark, light = sum(histogram[:64]), sum(histogram[192:])
        assert dark > 0.5 * sum(histogram)  # black …
        assert light > 0.02 * sum(histogram)  # … with the white label printed on it
    document.close()


def test_the_original_drawing_is_gone_not_covered(redacted):
    # Every page is one image and invisible text: no vector content from the original.
    import pikepdf

    _, _, result = redacted
    with pikepdf.open(io.BytesIO(result.pdf)) as pdf:
        for page in pdf.pages:
            assert list(page.Resources.XObject.keys()) == ["/Im0"] and "/Font" in page.Resources
            content = page.Contents.read_bytes()
            assert b"3 Tr" in content and b" re" not in content


@pytest.mark.parametrize(
    ("box", "message"),
    [
        (Box(4, 10, 10, 50, 50, "个人隐私"), "文件只有3页"),
        (Box(1, 500, 10, 700, 50, "个人隐私"), "超出了第1页的页面范围"),
        (Box(1, 50, 50, 50, 80, "个人隐私"), "宽度或高度为零"),
        (Box(1, 10, 10, 50, 50, " "), "没有选择不予公开的理由"),
    ],
)
def test_a_bad_box_is_refused_in_chinese(redacted, box, message):
    original, _, _ = redacted
    with pytest.raises(RedactionError, match=message):
        redact_pdf(original, [box])


def test_bad_files_are_refused_in_chinese():
    import pikepdf

    empty = io.BytesIO()
    pikepdf.new().save(empty)
    with pytest.raises(RedactionError, match="没有页面|无法读取"):
        redact_pdf(empty.getvalue(), [])
    locked = io.BytesIO()
    with pikepdf.open(io.BytesIO(text_pdf())) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="o", user="secret"))
    with pytest.raises(RedactionError, match="已加密"):
        redact_pdf(locked.getvalue(), [])
    with pytest.raises(RedactionError, match="已损坏"):
        redact_pdf(b"%PDF-1.4\n garbage", [])
    with pytest.raises(RedactionError, match="图片文件已损坏"):
        redact_image(b"\x89PNG\r\n\x1a\n broken", [])


def test_a_pdf_over_the_page_limit_is_refused(redacted):
    original, _, _ = redacted
    with pytest.raises(RedactionError, match="共3页，超过区分处理的上限2页"):
        redact_pdf(original, [], max_pages=2)
    assert len(page_sizes(original, max_pages=3)) == 3


def test_an_image_is_redacted_into_a_pdf():
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (300, 150), "white")
    ImageDraw.Draw(image).rectangle((20, 20, 120, 60), fill=(200, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    result = redact_image(buffer.getvalue(), [Box(1, 5, 5, 60, 30, "个人隐私")], dpi=72)
    rendered = pdfium.PdfDocument(result.pdf)[0].render(scale=1).to_pil().convert("RGB")
    assert rendered.getpixel((40, 10))[0] < 80  # was red, now black
    assert rendered.getpixel((100, 50))[0] > 150  # outside the box, still red
