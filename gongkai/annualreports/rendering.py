"""The annual report as people read it: HTML (public page and standalone), DOCX and PDF,
all from the interchange dict and the one layout in layout.py.

Fonts: the CSS asks for "Noto Serif CJK SC" then "WenQuanYi Micro Hei" (both packaged
on the servers); the DOCX names 宋体 for East Asian text, which Word and WPS map to
the reader's own Song face.
"""

from __future__ import annotations

import io
from pathlib import Path

from django.template.loader import render_to_string

from gongkai.annualreports.layout import Cell, document

CSS = (Path(__file__).parent / "report.css").read_text(encoding="utf-8")
DOCX_FONT = "宋体"


def render_html_fragment(data: dict) -> str:
    """The report's <article>, for pages that have their own frame."""
    return render_to_string("annualreports/_report.html", {"doc": document(data)})


def render_html_page(data: dict) -> str:
    """A standalone HTML document (the CLI's html format, and the PDF's source)."""
    return render_to_string("annualreports/report_document.html", {"doc": document(data), "css": CSS})


def render_pdf(data: dict) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html_page(data)).write_pdf()


# --- DOCX ----------------------------------------------------------------------------------


def render_docx(data: dict) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc_data = document(data)
    docx = Document()
    _east_asian_font(docx.styles["Normal"], DOCX_FONT)
    docx.styles["Normal"].font.size = Pt(11)
    heading = docx.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(doc_data["title"])
    run.bold, run.font.size = True, Pt(16)
    for part in doc_data["parts"]:
        title = docx.add_paragraph()
        title.add_run(part["title"]).bold = True
        if part.get("grid"):
            _docx_table(docx, part["grid"], part["columns"])
            continue
        for paragraph in part["paragraphs"]:
            p = docx.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(22)
            if paragraph.lead:
                p.add_run(paragraph.lead).bold = True
            p.add_run(paragraph.text)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def _east_asian_font(style, name: str) -> None:
    from docx.oxml.ns import qn

    style.font.name = name
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def grid_positions(grid: list[list[Cell]], columns: int) -> list[tuple[int, int, Cell]]:
    """(row, column, cell) for each cell of an HTML-style grid, skipping the places that
    cells from rows above cover with their rowspan."""
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(grid):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            if c + cell.colspan > columns:
                raise ValueError(f"row {r} is wider than {columns} columns")
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return placed


def _docx_table(docx, grid: list[list[Cell]], columns: int) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    table = docx.add_table(rows=len(grid), cols=columns)
    table.style = "Table Grid"
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
