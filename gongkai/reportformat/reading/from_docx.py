"""DOCX → lines, with the archive's sizes checked before anything is decompressed.

Paragraphs and tables are read in body order. A vertically merged cell (w:vMerge
continue) is the same printed cell as the one above, so only its first row keeps it;
a horizontally merged one (w:gridSpan) is one physical cell already.
"""

import io
import zipfile

from .errors import ReportUnreadable
from .lines import Line

# A real annual report is well under a megabyte of XML; these limits only stop bombs.
MAX_TOTAL_UNCOMPRESSED = 60 * 1024 * 1024
MAX_DOCUMENT_XML = 20 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 2000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_archive(data: bytes) -> None:
    """Refuse a zip bomb by its declared sizes, before python-docx inflates anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ReportUnreadable("Word 文档已损坏，无法读取") from None
    if len(infos) > MAX_ENTRIES:
        raise ReportUnreadable("Word 文档内部文件过多，疑似恶意文件，拒绝读取")
    total = sum(info.file_size for info in infos)
    document = next((i for i in infos if i.filename == "word/document.xml"), None)
    if total > MAX_TOTAL_UNCOMPRESSED or (document and document.file_size > MAX_DOCUMENT_XML):
        raise ReportUnreadable("Word 文档解压后过大（疑似压缩炸弹），拒绝读取")
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ReportUnreadable("Word 文档压缩比异常（疑似压缩炸弹），拒绝读取")


def docx_lines(data: bytes) -> list[Line]:
    check_archive(data)
    import docx  # python-docx; imported here so text and HTML reading never pay for it
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds on a damaged package
        raise ReportUnreadable("Word 文档已损坏，无法读取") from None
    lines: list[Line] = []
    paragraphs = tables = 0
    for element in document.element.body.iterchildren():
        if element.tag == _W + "p":
            paragraphs += 1
            text = "".join(node.text or "" for node in element.iter(_W + "t"))
            if text.strip():
                lines.append(Line(cells=(text,), source={"paragraph": paragraphs}))
        elif element.tag == _W + "tbl":
            tables += 1
            lines.extend(_table_lines(Table(element, document), tables))
    return lines


def _table_lines(table, number: int) -> list[Line]:
    from docx.table import _Cell

    lines = []
    for row_number, tr in enumerate(table._tbl.tr_lst, start=1):
        cells = []
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                continue
            cells.append(" ".join(_Cell(tc, table).text.split()))
        if any(cells):
            source = {"table": number, "row": row_number}
            lines.append(Line(cells=tuple(cells), source=source, grid=True))
    return lines
