"""A composed letter as HTML (web tracking page), DOCX (python-docx) and PDF (WeasyPrint).

Every renderer works from `ComposedLetter` only, so the three forms say the same
words. Layout follows 党政机关公文格式 (GB/T 9704-2012) loosely: A4, title in a
小标宋-like bold 二号 (22 pt), body in 仿宋 三号 (16 pt) with a two-character first-line
indent, signature and date right-aligned.
"""

from __future__ import annotations

import html
import io

from .compose import ComposedLetter

BODY_FONT_EAST_ASIA = "仿宋"  # Word substitutes a local FangSong/宋体 where 仿宋 is missing
TITLE_FONT_EAST_ASIA = "宋体"
LATIN_FONT = "Times New Roman"
TITLE_PT = 22  # 二号
BODY_PT = 16  # 三号

# The CJK fonts installed on the server (fonts-noto-cjk, fonts-wqy-microhei) come after
# the Windows names, so WeasyPrint always finds and embeds a font with Chinese glyphs.
PDF_FONT_STACK = '"FangSong", "Noto Serif CJK SC", "WenQuanYi Micro Hei", serif'
PDF_TITLE_FONT_STACK = '"Noto Serif CJK SC", "WenQuanYi Micro Hei", serif'

PDF_CSS = f"""
@page {{ size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }}
body {{ font-family: {PDF_FONT_STACK}; font-size: {BODY_PT}pt; line-height: 1.75; }}
.gk-letter-title {{ font-family: {PDF_TITLE_FONT_STACK}; font-size: {TITLE_PT}pt;
  font-weight: bold; text-align: center; margin: 0 0 0.6em; }}
.gk-letter-number {{ text-align: center; margin: 0 0 1.2em; }}
.gk-letter p {{ margin: 0; }}
.gk-letter-paragraph {{ text-indent: 2em; text-align: justify; }}
.gk-letter-signature {{ text-align: right; margin-top: 2em; }}
"""


def render_html(letter: ComposedLetter) -> str:
    """The letter as an HTML fragment; every piece of text is escaped."""
    e = html.escape
    parts = [
        f'<article class="gk-letter" data-template="{e(letter.template_id)}"'
        f' data-template-version="{letter.template_version}"'
        f' data-remedy-version="{letter.remedy_version or ""}">',
        f'  <h1 class="gk-letter-title">{e(letter.title)}</h1>',
        f'  <p class="gk-letter-number">{e(letter.document_number)}</p>',
        f'  <p class="gk-letter-addressee">{e(letter.addressee)}</p>',
    ]
    parts += [f'  <p class="gk-letter-paragraph">{e(p)}</p>' for p in letter.paragraphs]
    parts.append('  <div class="gk-letter-signature">')
    parts += [f"    <p>{e(line)}</p>" for line in letter.signature]
    parts.append(f'    <p class="gk-letter-date">{e(letter.date)}</p>')
    parts += ["  </div>", "</article>"]
    return "\n".join(parts) + "\n"


def render_html_document(letter: ComposedLetter) -> str:
    """A standalone HTML page (what the PDF is printed from)."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(letter.title)}</title>\n<style>{PDF_CSS}</style>\n"
        f"</head>\n<body>\n{render_html(letter)}</body>\n</html>\n"
    )


def render_pdf(letter: ComposedLetter) -> bytes:
    from weasyprint import HTML  # heavy import, only when a PDF is wanted

    return HTML(string=render_html_document(letter)).write_pdf()


def render_docx(letter: ComposedLetter) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    _set_run_fonts(document.styles["Normal"], BODY_FONT_EAST_ASIA, BODY_PT)

    def add(text, *, align=None, indent=False, bold=False, size=BODY_PT, font=BODY_FONT_EAST_ASIA):
        paragraph = document.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(2 * size)  # two characters
        run = paragraph.add_run(text)
        run.bold = bold
        _set_run_fonts(run, font, size)
        return paragraph

    add(
        letter.title,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        bold=True,
        size=TITLE_PT,
        font=TITLE_FONT_EAST_ASIA,
    )
    add(letter.document_number, align=WD_ALIGN_PARAGRAPH.CENTER)
    add(letter.addressee)
    for text in letter.paragraphs:
        add(text, indent=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    add("")
    for line in letter.signature:
        add(line, align=WD_ALIGN_PARAGRAPH.RIGHT)
    add(letter.date, align=WD_ALIGN_PARAGRAPH.RIGHT)

    document.core_properties.title = letter.title
    document.core_properties.comments = _provenance(letter)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _set_run_fonts(target, east_asia: str, size: float) -> None:
    """Latin and East Asian fonts on a run or style: python-docx only sets the Latin one."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    target.font.name = LATIN_FONT
    target.font.size = Pt(size)
    rpr = target.element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), east_asia)


def _provenance(letter: ComposedLetter) -> str:
    remedy = f"; remedy v{letter.remedy_version}" if letter.remedy_version else ""
    return f"{letter.template_id} v{letter.template_version}{remedy}"
