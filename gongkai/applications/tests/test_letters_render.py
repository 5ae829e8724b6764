"""The letters as documents: DOCX (python-docx) and PDF (WeasyPrint), read back.

The text itself is pinned by the golden files in test_letters.py; here we check what
the renderers add: the same words come back out, A4, Chinese fonts on East Asian runs
(DOCX) and embedded CJK fonts (PDF), title and signature placement.
"""

from __future__ import annotations

import dataclasses
import io
import re

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
    assert title.runs[0].bold and title.runs[0].font.size == Pt(22)
    assert signature.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            east_asia = run.element.rPr.rFonts.get(qn("w:eastAsia"))
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
        text = "".join(page.extract_text() for page in document.pages)
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
