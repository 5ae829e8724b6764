"""What every document the platform prints shares (reports, forms): an A4 page with the
margins of 党政机关公文格式 (GB/T 9704-2012 §5.2.1: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm)
and the fonts — in PDFs the Simplified-Chinese Noto faces (fonts-noto-cjk, which
`make run` checks for), in DOCX 宋体 for text and 黑体 for headings, which Word and WPS map
to the reader's own faces."""

from __future__ import annotations

DOCX_FONT = "宋体"
DOCX_HEADING_FONT = "黑体"

# The page of a PDF (WeasyPrint); page numbers per GB/T 9704 §7.5: 4号 digits between dashes.
PDF_PAGE_CSS = """
@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: "Noto Serif CJK SC", serif;
                   font-size: 14pt; vertical-align: top; padding-top: 7mm; }
}
"""


def setup_official_docx(docx) -> None:
    """A4 with the margins of GB/T 9704 (as the PDF), and the styles a reader's Word/WPS
    navigation pane shows: 标题 (Title) and 标题 1 (Heading 1), in the fonts of 公文 —
    body 宋体, headings 黑体, in black."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    for section in docx.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = docx.styles["Normal"]
    _east_asian_font(normal, DOCX_FONT)
    normal.font.size = Pt(12)
    for name, size, font in (("Title", 22, DOCX_FONT), ("Heading 1", 16, DOCX_HEADING_FONT)):
        style = docx.styles[name]
        _east_asian_font(style, font)
        style.font.size, style.font.bold = Pt(size), True
        style.font.color.rgb = RGBColor(0, 0, 0)
        if name == "Title":
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            # python-docx's template underlines the Title with a blue rule: not in a 公文.
            ppr = style.element.get_or_add_pPr()
            for border in ppr.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"):
                ppr.remove(border)


def _east_asian_font(style, name: str) -> None:
    from docx.oxml.ns import qn

    style.font.name = name
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
