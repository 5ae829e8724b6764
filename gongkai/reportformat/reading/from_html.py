"""HTML (a report as published on a government site) → lines.

Table rows keep their physical cells: a cell spanning rows (rowspan) appears once, in
its first row, and a label spanning columns (colspan) is one cell. Rows are matched by
their label and the value cells are the run that ends the row, so neither span shifts a
number into the wrong column; an empty value cell is a blank.
"""

import lxml.etree

from .errors import ReportUnreadable
from .lines import Line

_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section",
    "article", "header", "footer", "blockquote", "pre", "center", "dd", "dt", "caption",
}
_SKIP = {"script", "style", "head", "title", "noscript", "template", "iframe", "object"}
_ROWS = lxml.etree.XPath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")  # compiled once
_CELLS = ("td", "th")  # the HTML parser lower-cases tag names; comments' tags are not str


def _cell_text(cell) -> str:
    """All text inside a cell (its descendants' too), as "".join(cell.itertext()) gives,
    but serialised by libxml2 in one call rather than piece by piece in Python."""
    if len(cell) == 0:
        return cell.text or ""  # most cells: text and no elements inside
    return lxml.etree.tostring(cell, method="text", encoding=str, with_tail=False)


def html_lines(text: str) -> list[Line]:
    # Plain etree with the HTML parser: lxml.html's element classes cost a lookup per node.
    parser = lxml.etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.etree.fromstring(text, parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        raise ReportUnreadable("网页内容为空或无法解析")
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return walker.lines


class _Walker:
    def __init__(self):
        self.lines: list[Line] = []
        self.buffer: list[str] = []
        self.block = 0
        self.tables = 0

    def flush(self):
        text = "".join(self.buffer).strip()
        self.buffer = []
        if text:
            self.block += 1
            for part in text.splitlines():
                if part.strip():
                    self.lines.append(Line(cells=(part.strip(),), source={"paragraph": self.block}))

    def walk(self, element):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP:
            return
        if tag == "table":
            self.flush()
            self.table(element)
            return
        if tag == "br":
            self.flush()
            return
        if tag in _BLOCKS:
            self.flush()
        if element.text and tag:
            self.buffer.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self.buffer.append(child.tail)
        if tag in _BLOCKS:
            self.flush()

    def table(self, table):
        self.tables += 1
        for number, row in enumerate(_ROWS(table), start=1):
            cells = tuple([" ".join(_cell_text(cell).split()) for cell in row if cell.tag in _CELLS])
            if any(cells):
                source = {"table": self.tables, "row": number}
                self.lines.append(Line(cells=cells, source=source, grid=True))
