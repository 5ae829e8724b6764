"""Reading an uploaded CSV or XLSX sheet into rows, and the cell parsers imports share.

Pure: takes bytes, returns `Table`. Row numbers are the spreadsheet's own (the header
is row 1), so an error message points at the row a clerk sees in Excel or WPS.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field


class TableError(ValueError):
    """The file as a whole cannot be read (not a row problem)."""


@dataclass(frozen=True)
class Row:
    number: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()


@dataclass
class Table:
    columns: list[str]
    rows: list[Row] = field(default_factory=list)

    def require(self, *columns: str) -> None:
        missing = [c for c in columns if c not in self.columns]
        if missing:
            raise TableError(f"表头缺少列：{'、'.join(missing)}。第一行应为：{'、'.join(columns)}。")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(content: bytes, filename: str) -> Table:
    name = filename.lower()
    if name.endswith(".xlsx"):
        return _read_xlsx(content)
    if name.endswith(".csv"):
        return _read_csv(content)
    raise TableError("只能导入 .xlsx 或 .csv 文件。")


def _read_csv(content: bytes) -> Table:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise TableError("无法识别文件编码，请另存为 UTF-8 编码的 CSV 或 .xlsx 文件。")
    return _build([list(r) for r in csv.reader(io.StringIO(text))])


def _read_xlsx(content: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise TableError("无法读取该 Excel 文件，请确认是 .xlsx 格式。") from exc
    sheet = workbook.worksheets[0]
    rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return _build(rows)


def _build(raw: list[list]) -> Table:
    if not raw:
        raise TableError("文件是空的。")
    columns = [_cell(c) for c in raw[0]]
    table = Table(columns)
    for number, values in enumerate(raw[1:], start=2):
        cells = {col: _cell(v) for col, v in zip(columns, values, strict=False) if col}
        if any(cells.values()):
            table.rows.append(Row(number, cells))
    return table


# --- cell parsers: each returns the value or raises ValueError with a Chinese message ---


_MONTH = re.compile(r"^(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月)?(?:[-/.]\d{1,2}(?:日)?)?$")
_DATE = re.compile(r"^(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?$")


def parse_month(text: str) -> datetime.date:
    """'2025-03', '2025年3月', '2025/3/1' → 2025-03-01."""
    match = _MONTH.match(text.strip())
    if not match:
        raise ValueError(f"月份「{text}」格式不对，应写成 2025-03 或 2025年3月")
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        raise ValueError(f"月份「{text}」不存在")
    return datetime.date(year, month, 1)


def parse_date(text: str) -> datetime.date:
    match = _DATE.match(text.strip())
    if not match:
        raise ValueError(f"日期「{text}」格式不对，应写成 2025-03-18")
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise ValueError(f"日期「{text}」不存在") from exc


def parse_count(text: str) -> int:
    if not re.fullmatch(r"\d+", text.strip()):
        raise ValueError(f"件数「{text}」应为不小于 0 的整数")
    return int(text)
