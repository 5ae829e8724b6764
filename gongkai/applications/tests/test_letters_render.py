"""The letters as documents: DOCX (python-docx) and PDF (WeasyPrint), read back.

The text itself is pinned by the golden files in test_letters.py; here we check what
the renderers add: the same words come back out, A4, Chinese fonts on East Asian runs
(DOCX) and embedded CJK fonts (PDF), title and signature placement.
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from gongkai.applications.letters import compose, render_docx, render_html_document, render_pdf
from gongkai.applications.tests.test_letters import CASES, composed, facts_for


def read_docx(data: bytes):
    return Document(io.BytesIO(data))


@pytest.mark.parametrize("case", CASES)
def test_docx_reads_back_as_the_letter(case):
    letter = composed(case)
    document = read_docx(render_docx(letter))
    texts = [p.text for p in document.paragraphs]
    expected = [letter.title, letter.document_number, letter.addressee, *letter.paragraphs, ""]
    assert texts == expected + [*letter.signature, letter.date]


def test_docx_layout_a4_fonts_title_and_signature():
    letter = composed("reply-partial")
    document = read_docx(render_docx(letter))
    section = document.sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.1)  # A4, stored in twips
    assert section.page_height.mm == pytest.approx(297, abs=0.1)
    title, *_, signature, date = document.paragraphs
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    # A real heading style, not bold body text (issue 15).
    assert title.style.name == "Title"
    assert title.style.font.bold and title.style.font.size == Pt(22)
    assert title.style.element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
    assert signature.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            fonts = (run.element.rPr if run.element.rPr is not None else paragraph.style.element.rPr).rFonts
            east_asia = fonts.get(qn("w:eastAsia"))
            assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would override it
            assert east_asia in ("仿宋", "宋体"), (paragraph.text, east_asia)
    body = document.paragraphs[3]
    assert body.paragraph_format.first_line_indent == Pt(32)  # two characters of 16 pt
    assert document.core_properties.comments == "reply v2; remedy v2"


def test_docx_keeps_hostile_text_as_text():
    kind, facts, outcome = facts_for("reply-other_other")
    facts = dataclasses.replace(facts, reasons="<w:p>注入</w:p>&amp;")
    document = read_docx(render_docx(compose(kind, facts, outcome)))
    assert any("<w:p>注入</w:p>&amp;" in p.text for p in document.paragraphs)


# --- PDF: slow to render (font loading), so a few letters, once each ---------------------

PDF_CASES = ["reply-partial", "reply-unable_not_held-elsewhere", "correction_notice", "fee_notice"]


@pytest.fixture(scope="module")
def pdfs():
    return {case: render_pdf(composed(case)) for case in PDF_CASES}


def pdf_text_and_fonts(data: bytes) -> tuple[str, set[str]]:
    with pdfplumber.open(io.BytesIO(data)) as document:
        assert document.pages[0].width == pytest.approx(595.3, abs=0.5)  # A4 in points
        assert document.pages[0].height == pytest.approx(841.9, abs=0.5)
        # Page numbers (— 1 —) sit between pages' text: leave them out of the letter's words.
        text = "".join(re.sub(r"—\s*\d+\s*—\s*$", "", page.extract_text()) for page in document.pages)
        fonts = {char["fontname"] for page in document.pages for char in page.chars}
    return re.sub(r"\s+", "", text), fonts


@pytest.mark.parametrize("case", PDF_CASES)
def test_pdf_text_extracts_back_in_chinese(pdfs, case):
    letter = composed(case)
    text, _ = pdf_text_and_fonts(pdfs[case])
    for sentence in (letter.title, letter.addressee, *letter.paragraphs, *letter.signature):
        assert re.sub(r"\s+", "", sentence) in text, sentence


def test_pdf_key_sentences(pdfs):
    text, _ = pdf_text_and_fonts(pdfs["reply-partial"])
    assert "根据《条例》第三十七条的规定，本机关向您提供可以公开的政府信息内容" in text
    assert "应当先申请行政复议" in text
    text, _ = pdf_text_and_fonts(pdfs["reply-unable_not_held-elsewhere"])
    assert "六个月内依法向人民法院提起行政诉讼" in text
    assert "负责公开该政府信息的行政机关为郏县交通运输局" in text


@pytest.mark.parametrize("case", PDF_CASES)
def test_pdf_embeds_cjk_fonts(pdfs, case):
    _, fonts = pdf_text_and_fonts(pdfs[case])
    assert fonts
    assert all(re.search(r"CJK|WenQuanYi|FangSong", font) for font in fonts), fonts
    assert all("+" in font for font in fonts), fonts  # subset prefix: embedded, not referenced


def test_pdf_html_names_the_cjk_font_stack():
    html = render_html_document(composed("reply-granted"))
    assert '"Noto Serif CJK SC", "WenQuanYi Micro Hei"' in html
    assert '<html lang="zh-CN">' in html


# --- layout (issue 10.13, issue 15): page numbers, seal space, no lone signature ---------

GOLDEN_IMAGES = Path(__file__).parent / "golden" / "letter-images"


def _long_reasons_letter():
    """A reply whose text ends near the foot of page 2: rendered before the fix, its
    signature and date fell alone on page 3."""
    kind, facts, outcome = facts_for("reply-denied_state_secret")
    return compose(kind, dataclasses.replace(facts, reasons="经审查该信息属于国家秘密" * 41), outcome)


def _pages(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as document:
        return [re.sub(r"\s+", "", page.extract_text() or "") for page in document.pages]


def test_signature_and_date_never_fall_alone_on_a_new_page():
    letter = _long_reasons_letter()
    pages = _pages(render_pdf(letter))
    last = pages[-1]
    assert letter.date in last
    assert "联系机构" in last, "the signature page must carry the end of the text with it"


def test_pdf_pages_are_numbered_with_dashes():
    pages = _pages(render_pdf(_long_reasons_letter()))
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"—{number}—" in text, text[-40:]


def test_pdf_prints_the_document_number_under_the_title():
    kind, facts, outcome = facts_for("reply-granted")
    letter = compose(kind, dataclasses.replace(facts, document_number="县教育局依申请公开告〔2025〕7号"), outcome)
    text = _pages(render_pdf(letter))[0]
    assert text.index("政府信息公开申请答复告知书") < text.index("县教育局依申请公开告〔2025〕7号") < text.index("张三：")


def test_the_letter_css_is_not_html_escaped_inside_style():
    html = render_html_document(composed("reply-granted"))
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert '"— " counter(page) " —"' in style and "&quot;" not in style and "&gt;" not in style


def test_docx_keeps_the_end_with_the_signature_and_numbers_pages():
    document = read_docx(render_docx(composed("reply-partial")))
    paragraphs = document.paragraphs
    end = paragraphs.index(next(p for p in paragraphs if p.text.startswith("联系机构")))
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[end:-1])
    footer_xml = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and "— " in document.sections[0].footer.paragraphs[0].text
    assert document.settings.odd_and_even_pages_header_footer


def _page_image(pdf: bytes, tmp_path, page: int = 1):
    import subprocess

    from PIL import Image

    source = tmp_path / "letter.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", "-f", str(page), "-l", str(page),
                    "-singlefile", str(source), str(tmp_path / "page")], check=True)
    return Image.open(tmp_path / "page.png").convert("L")


@pytest.mark.parametrize("case", ["reply-partial", "correction_notice"])
def test_pdf_first_page_matches_its_golden_image(case, tmp_path):
    """The PDF drawn to pixels (pdftoppm) against a reviewed golden image: a layout change
    shows up here. Regenerate with GONGKAI_REGENERATE_GOLDEN=1 and look at the PNGs."""
    from PIL import Image, ImageChops, ImageStat

    from gongkai.applications.tests.test_letters import REGENERATE

    image = _page_image(render_pdf(composed(case)), tmp_path)
    golden = GOLDEN_IMAGES / f"{case}.png"
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        image.save(golden)
        return
    assert golden.exists(), f"no golden image {golden}; run with GONGKAI_REGENERATE_GOLDEN=1"
    expected = Image.open(golden).convert("L")
    assert image.size == expected.size == (331, 468)  # A4 at 40 dpi
    difference = ImageStat.Stat(ImageChops.difference(image, expected)).mean[0]
    assert difference < 2.0, f"page differs from the golden image by {difference:.2f} grey levels on average"
