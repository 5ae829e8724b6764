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

PAGE_NUMBER_PT = 14  # 四号

# GB/T 9704-2012: 版心 156 mm × 225 mm on A4 — 天头 37 mm, 订口 28 mm (5.2); 页码 四号
# 半角宋体 with a 一字线 on each side, odd pages right and even pages left, 空一字 (7.5);
# the 发文机关署名 and 成文日期 right-aligned with room for the seal pressed over them
# (7.3.5.1), never alone on a page without the text above them.
PDF_CSS = f"""
@page {{ size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }}
@page :right {{ @bottom-right {{ content: "— " counter(page) " —"; font-family: {PDF_TITLE_FONT_STACK};
  font-size: {PAGE_NUMBER_PT}pt; margin-right: 1em; }} }}
@page :left {{ @bottom-left {{ content: "— " counter(page) " —"; font-family: {PDF_TITLE_FONT_STACK};
  font-size: {PAGE_NUMBER_PT}pt; margin-left: 1em; }} }}
body {{ font-family: {PDF_FONT_STACK}; font-size: {BODY_PT}pt; line-height: 1.75; }}
.gk-letter-title {{ font-family: {PDF_TITLE_FONT_STACK}; font-size: {TITLE_PT}pt;
  font-weight: bold; text-align: center; margin: 0 0 0.6em; }}
.gk-letter-number {{ text-align: center; margin: 0 0 1.2em; }}
.gk-letter p {{ margin: 0; }}
.gk-letter-paragraph {{ text-indent: 2em; text-align: justify; orphans: 2; widows: 2; }}
.gk-letter-end {{ break-inside: avoid; page-break-inside: avoid; }}
.gk-letter-signature {{ text-align: right; margin-top: 1em; padding-top: 3em; padding-right: 2em; }}
.gk-letter-date {{ padding-right: 2em; }}
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
    *body, last = letter.paragraphs
    parts += [f'  <p class="gk-letter-paragraph">{e(p)}</p>' for p in body]
    # The last paragraph, the signature and the date stay on one page (GB/T 9704 7.3.5).
    parts.append('  <div class="gk-letter-end">')
    parts.append(f'    <p class="gk-letter-paragraph">{e(last)}</p>')
    parts.append('    <div class="gk-letter-signature" data-seal="space for the seal above and over these lines">')
    parts += [f"      <p>{e(line)}</p>" for line in letter.signature]
    parts.append(f'      <p class="gk-letter-date">{e(letter.date)}</p>')
    parts += ["    </div>", "  </div>", "</article>"]
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
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)  # GB/T 9704 5.2
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    _set_run_fonts(document.styles["Normal"], BODY_FONT_EAST_ASIA, BODY_PT)
    _title_style(document)
    _page_numbers(document, section)

    def add(text, *, align=None, indent=False, style=None, keep=False):
        paragraph = document.add_paragraph(style=style)
        if align is not None:
            paragraph.alignment = align
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(2 * BODY_PT)  # two characters
        if keep:  # the end of the letter stays on one page with its signature
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.keep_together = True
        run = paragraph.add_run(text)
        if style is None:
            _set_run_fonts(run, BODY_FONT_EAST_ASIA, BODY_PT)
        return paragraph

    add(letter.title, align=WD_ALIGN_PARAGRAPH.CENTER, style="Title")
    add(letter.document_number, align=WD_ALIGN_PARAGRAPH.CENTER)
    add(letter.addressee)
    *body, last = letter.paragraphs
    for text in body:
        add(text, indent=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    add(last, indent=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, keep=True)
    add("", keep=True)  # room for the seal (GB/T 9704 7.3.5.1)
    for line in letter.signature:
        add(line, align=WD_ALIGN_PARAGRAPH.RIGHT, keep=True).paragraph_format.right_indent = Pt(2 * BODY_PT)
    add(letter.date, align=WD_ALIGN_PARAGRAPH.RIGHT).paragraph_format.right_indent = Pt(2 * BODY_PT)

    document.core_properties.title = letter.title
    document.core_properties.comments = _provenance(letter)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _title_style(document) -> None:
    """The built-in Title style as the letter's heading: 二号 bold, black, no rule below,
    so the title is a real heading (navigation pane, accessibility), not bold body text."""
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    style = document.styles["Title"]
    _set_run_fonts(style, TITLE_FONT_EAST_ASIA, TITLE_PT)
    style.font.bold = True
    style.font.color.rgb = RGBColor(0, 0, 0)
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    rpr = style.element.get_or_add_rPr()
    for name in ("w:spacing", "w:kern"):
        for element in rpr.findall(qn(name)):
            rpr.remove(element)


def _page_numbers(document, section) -> None:
    """— 1 — in the footer: odd pages right, even pages left (GB/T 9704 7.5)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document.settings.odd_and_even_pages_header_footer = True
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        for text in ("— ", None, " —"):
            run = paragraph.add_run(text or "")
            _set_run_fonts(run, TITLE_FONT_EAST_ASIA, PAGE_NUMBER_PT)
            if text is None:
                _page_field(run)


def _page_field(run) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, instruction in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = instruction
        run._r.append(element)


def _set_run_fonts(target, east_asia: str, size: float) -> None:
    """Latin and East Asian fonts on a run or style: python-docx only sets the Latin one."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    target.font.name = LATIN_FONT
    target.font.size = Pt(size)
    rpr = target.element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), east_asia)
    for theme in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)  # a theme font would win over the named one in Word


def _provenance(letter: ComposedLetter) -> str:
    remedy = f"; remedy v{letter.remedy_version}" if letter.remedy_version else ""
    return f"{letter.template_id} v{letter.template_version}{remedy}"
