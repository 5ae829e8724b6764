"""The report as printed (PDF and DOCX), read back: fonts, page size and margins, page
numbers, rows never split over pages, headings repeated; pictures of the pages are left
among the test artefacts for a reviewer."""

import io

import pdfplumber
import pytest

from gongkai.annualreports.rendering import render_docx, render_html_page, render_pdf
from gongkai.annualreports.tests.test_rendering import seed_report
from gongkai.printcheck import pdf_font_names, save_pdf_pages, unintended_pdf_fonts

MM = 72 / 25.4


def long_report(extra_lines: int) -> dict:
    """The seed report with `extra_lines` more lines of 总体情况, so the tables start at a
    different height and the page breaks fall in different places."""
    report = seed_report()
    filler = "\n".join(f"{n}.全县各单位按照条例要求，持续做好主动公开和依申请公开工作。" for n in range(extra_lines))
    report["sections"] = {**report["sections"], "overview": report["sections"]["overview"] + "\n" + filler}
    return report


def test_the_report_css_reaches_the_page_unescaped():
    html = render_html_page(seed_report())
    assert '.annual-report { font-family: "Noto Serif CJK SC"' in html
    assert "&quot;" not in html.split("</style>")[0]


def test_the_report_pdf_embeds_only_the_simplified_chinese_fonts():
    pdf = render_pdf(seed_report())
    fonts = pdf_font_names(pdf)

    assert "Noto-Serif-CJK-SC" in fonts
    assert unintended_pdf_fonts(pdf) == set()  # no JP glyphs, no DejaVu digits
    save_pdf_pages(pdf, "annual-report")


def test_the_report_pdf_is_a4_with_official_margins_and_page_numbers():
    pdf = render_pdf(long_report(30))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) >= 3
        for n, page in enumerate(document.pages, 1):
            assert (round(page.width / MM), round(page.height / MM)) == (210, 297)
            body = [c for c in page.chars if c["top"] < page.height - 35 * MM]
            assert min(c["x0"] for c in body) >= 28 * MM - 1  # 订口
            assert min(c["top"] for c in body) >= 37 * MM - 1  # 天头
            footer = page.crop((0, page.height - 35 * MM, page.width, page.height)).extract_text()
            assert footer.strip() == f"— {n} —"


def _rows_per_page(html: str):
    """For each page: (row element, is a heading row, table element, table has headings)
    for each table row laid out on it."""
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes

    pages = []
    for page in HTML(string=html).render().pages:
        on_page = []
        for table in page._page_box.descendants():
            if not isinstance(table, boxes.TableBox):
                continue
            has_head = table.element.find("thead") is not None
            for group in table.children:
                on_page.extend((id(row.element), group.is_header, id(table.element), has_head) for row in group.children)
        pages.append(on_page)
    return pages


@pytest.mark.parametrize("extra_lines", [0, 12, 24, 36, 48])
def test_no_report_row_splits_across_pages_and_headings_repeat(extra_lines):
    pages = _rows_per_page(render_html_page(long_report(extra_lines), paged=True))

    seen_on = {}
    for n, rows in enumerate(pages):
        for row, header, _table, _has_head in rows:
            if not header:
                seen_on.setdefault(row, set()).add(n)
    assert seen_on and all(len(on) == 1 for on in seen_on.values()), "a table row is printed on two pages"

    # A table continued from the page before starts again with its column headings.
    continued = 0
    for n in range(1, len(pages)):
        before = {table for _r, header, table, has_head in pages[n - 1] if not header and has_head}
        here = {table for _r, header, table, _h in pages[n] if not header}
        headed = {table for _r, header, table, _h in pages[n] if header}
        continued += len(before & here)
        assert before & here <= headed, f"page {n + 1} continues a table without its headings"
    if extra_lines == 0:
        assert continued >= 1  # the seed's 表三 runs over a page: the check above did look


def test_the_report_docx_is_a4_with_heading_styles_fonts_and_repeated_header_rows():
    from docx import Document
    from docx.oxml.ns import qn

    docx = Document(io.BytesIO(render_docx(seed_report())))

    section = docx.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)
    styles = [p.style.name for p in docx.paragraphs if p.text.strip()]
    assert styles[0] == "Title" and styles.count("Heading 1") == 6
    for name, font in (("Normal", "宋体"), ("Heading 1", "黑体")):
        fonts = docx.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == font
    heading_rows = [[tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in t._tbl.tr_lst]
                    for t in docx.tables]
    assert [rows.count(True) for rows in heading_rows] == [0, 3, 3]  # 表二's headings change block to block
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for t in docx.tables for tr in t._tbl.tr_lst)
