"""The annual report as people read it: HTML (public page and standalone), DOCX and PDF,
all from the interchange dict and the one layout in layout.py.

Fonts: the PDF embeds the Simplified-Chinese Noto faces only (report.css; fonts-noto-cjk,
which `make run` checks for); the DOCX names 宋体 and 黑体, which Word and WPS map to the
reader's own faces. Both are A4 with the margins of GB/T 9704.
"""

from __future__ import annotations

import io
from pathlib import Path

from django.template.loader import render_to_string

from gongkai.annualreports.layout import Cell, document, grid_positions
from gongkai.documents import setup_official_docx

CSS = (Path(__file__).parent / "report.css").read_text(encoding="utf-8")


def render_html_fragment(data: dict) -> str:
    """The report's <article>, for pages that have their own frame."""
    return render_to_string("annualreports/_report.html", {"doc": document(data)})


def render_html_page(data: dict, *, paged: bool = False) -> str:
    """A standalone HTML document (the CLI's html format, and with `paged` the PDF's source)."""
    return render_to_string("annualreports/report_document.html", {"doc": document(data, paged=paged), "css": CSS})


def render_pdf(data: dict) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html_page(data, paged=True)).write_pdf()


# --- DOCX ----------------------------------------------------------------------------------


def render_docx(data: dict) -> bytes:
    from docx import Document
    from docx.shared import Pt

    doc_data = document(data)
    docx = Document()
    setup_official_docx(docx)
    docx.add_heading(doc_data["title"], level=0)
    for part in doc_data["parts"]:
        docx.add_heading(part["title"], level=1)
        if part.get("grid"):
            _docx_table(docx, part["grid"], part["columns"], part.get("head_rows", 0))
            continue
        for paragraph in part["paragraphs"]:
            p = docx.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(24)
            if paragraph.lead:
                p.add_run(paragraph.lead).bold = True
            p.add_run(paragraph.text)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def _docx_table(docx, grid: list[list[Cell]], columns: int, head_rows: int = 0) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    table = docx.add_table(rows=len(grid), cols=columns)
    table.style = "Table Grid"
    for r, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        # A row never splits over two pages; the column headings repeat on each page.
        properties.append(OxmlElement("w:cantSplit"))
        if r < head_rows:
            properties.append(OxmlElement("w:tblHeader"))
    for r, c, cell in grid_positions(grid, columns):
        target = table.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        target.text = cell.text
        for paragraph in target.paragraphs:
            if cell.header or cell.number:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in paragraph.runs:
                run.font.size = Pt(8 if columns > 10 else 9)


def docx_text(data: bytes) -> str:
    """The DOCX's text, table cells once each (merged cells repeat in python-docx): what the
    golden file of a DOCX compares."""
    from docx import Document

    docx = Document(io.BytesIO(data))
    lines = []
    body = docx.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            if text:
                lines.append(text)
        elif tag == "tbl":
            for tr in child.iter():
                if not tr.tag.endswith("}tr"):
                    continue
                cells = []
                for tc in tr:
                    if not tc.tag.endswith("}tc"):
                        continue
                    if _continues_merge(tc):
                        continue
                    cells.append("".join(t.text or "" for t in tc.iter() if t.tag.endswith("}t")))
                lines.append(" | ".join(cells))
    return "\n".join(lines) + "\n"


def _continues_merge(tc) -> bool:
    for el in tc.iter():
        if el.tag.endswith("}vMerge"):
            value = el.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
            return value != "restart"
    return False
