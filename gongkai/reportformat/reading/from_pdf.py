"""PDF → lines: ruled tables as grids, everything else as text lines, in page order.

Where a page has ruling lines, pdfplumber finds the table cells from them and an empty
cell is a blank. Without rulings (or outside the tables) the words are grouped into
lines and the gaps between words split the cells, as in a text extraction.
"""

import io
import time

from .errors import ReportUnreadable
from .lines import Line

MAX_BYTES = 40 * 1024 * 1024
MAX_PAGES = 40
# The whole file must be read within 2 s; stop reading pages well before that. CPU time,
# not wall time: on a loaded machine wall time would cut off pages a quiet one reads.
PAGE_BUDGET_SECONDS = 1.4
_CELL_GAP = 6.0  # points: wider gaps between words than this separate cells


def pdf_lines(data: bytes, notes: list[str]) -> list[Line]:
    if len(data) > MAX_BYTES:
        raise ReportUnreadable("PDF 文件过大（超过 40 MB），拒绝读取")
    import pdfplumber  # imported here so text and HTML reading never pay for it

    started = time.process_time()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception:  # pdfminer raises many kinds on a damaged file
        raise ReportUnreadable("PDF 文件已损坏，无法打开") from None
    lines: list[Line] = []
    chars = 0
    try:
        pages = pdf.pages
        if len(pages) > MAX_PAGES:
            notes.append(f"PDF 共 {len(pages)} 页，只读取了前 {MAX_PAGES} 页")
        for number, page in enumerate(pages[:MAX_PAGES], start=1):
            if time.process_time() - started > PAGE_BUDGET_SECONDS:
                notes.append(f"读取超时，只读取了前 {number - 1} 页")
                break
            page_chars = page.chars
            chars += len(page_chars)
            if page_chars:
                lines.extend(_page_lines(page, number))
            page.flush_cache()
    except ReportUnreadable:
        raise
    except Exception:  # a damaged page stream: whatever pdfminer raises
        raise ReportUnreadable("PDF 文件已损坏，无法读取其中的文字") from None
    finally:
        pdf.close()
    if chars == 0:
        raise ReportUnreadable("PDF 中没有文字层（可能是扫描图片），无法读取")
    return lines


def _page_lines(page, number: int) -> list[Line]:
    placed: list[tuple[float, Line]] = []
    tables = page.find_tables() if (page.lines or page.rects) else []
    words = page.extract_words(use_text_flow=False)
    boxes = [table.bbox for table in tables]
    for table_number, table in enumerate(tables, start=1):
        inside = [w for w in words if _inside(w, [table.bbox])]
        for row_number, row in enumerate(table.rows, start=1):
            cells = tuple(_cell_text(inside, cell) for cell in row.cells if cell is not None)
            if any(cells):
                source = {"page": number, "table": table_number, "row": row_number}
                placed.append((row.bbox[1], Line(cells=cells, source=source, grid=True)))
    outside = [w for w in words if not _inside(w, boxes)]
    for line_number, (top, cells) in enumerate(_word_lines(outside), start=1):
        source = {"page": number, "line": line_number}
        placed.append((top, Line(cells=cells, source=source)))
    placed.sort(key=lambda pair: pair[0])
    return [line for _, line in placed]


def _cell_text(words: list[dict], bbox) -> str:
    """The words whose centre lies in the cell, in reading order (one pass, no cropping)."""
    inside = [w for w in words if _inside(w, [bbox])]
    inside.sort(key=lambda w: (round(w["top"]), w["x0"]))
    return "".join(w["text"] for w in inside)


def _inside(word: dict, boxes: list) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _word_lines(words: list[dict]) -> list[tuple[float, tuple[str, ...]]]:
    """Words grouped into lines by their tops; wide gaps become cell boundaries (tabs)."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= 3:
            rows[-1].append(word)
        else:
            rows.append([word])
    result = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        cells = [row[0]["text"]]
        for previous, word in zip(row, row[1:], strict=False):
            if word["x0"] - previous["x1"] > _CELL_GAP:
                cells.append(word["text"])
            else:
                cells[-1] += word["text"]
        result.append((row[0]["top"], tuple(cells)))
    return result
