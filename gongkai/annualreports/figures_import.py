"""表二 figures from a spreadsheet: CSV (UTF-8 or GBK, as exported by Excel/WPS) or XLSX.

One row per agency and year, with a header row naming the columns in Chinese or by key:
    机关, 年度, 行政许可, 行政处罚, 行政强制, 行政事业性收费（万元）[, 已含所属机关]
`read_rows` is pure (bytes in, rows or errors out); `do_import_figures` applies them all
or nothing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

HEADERS = {
    "agency": ("机关", "机关名称", "机关代码", "agency"),
    "year": ("年度", "year"),
    "licensing": ("行政许可", "licensing"),
    "penalty": ("行政处罚", "penalty"),
    "enforcement": ("行政强制", "enforcement"),
    "fees_10k_yuan": ("行政事业性收费", "行政事业性收费（万元）", "行政事业性收费(万元)", "收费金额", "fees_10k_yuan"),
    "covers_subtree": ("已含所属机关", "covers_subtree"),
}


@dataclass(frozen=True)
class FigureRow:
    line: int
    agency: str
    year: int
    values: dict
    covers_subtree: bool


def read_rows(data: bytes, filename: str = "") -> tuple[list[FigureRow], list[str]]:
    table = _xlsx_rows(data) if data[:2] == b"PK" else _csv_rows(data)
    if not table:
        return [], ["文件是空的。"]
    columns = _columns(table[0])
    missing = [key for key in ("agency", "year") if key not in columns]
    if missing:
        return [], [f"第1行缺少列：{'、'.join(HEADERS[k][0] for k in missing)}。"]
    rows, errors = [], []
    for number, raw in enumerate(table[1:], start=2):
        cells = {key: _text(raw[i]) if i < len(raw) else "" for key, i in columns.items()}
        if not any(cells.values()):
            continue
        try:
            year = int(cells["year"])
        except ValueError:
            errors.append(f"第{number}行：年度“{cells['year']}”不是年份。")
            continue
        values = {k: cells.get(k, "") for k in ("licensing", "penalty", "enforcement", "fees_10k_yuan") if k in columns}
        covers = cells.get("covers_subtree", "").strip() in ("是", "1", "true", "True", "Y", "y")
        rows.append(FigureRow(number, cells["agency"].strip(), year, values, covers))
    return rows, errors


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _columns(header: list) -> dict[str, int]:
    found = {}
    for i, name in enumerate(header):
        name = _text(name).replace(" ", "")
        for key, names in HEADERS.items():
            if name in names:
                found[key] = i
    return found


def _csv_rows(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return []
    return [row for row in csv.reader(io.StringIO(text))]


def _xlsx_rows(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def do_import_figures(data: bytes, filename: str, *, allowed_agencies, acting_user) -> list[str]:
    """Apply every row, or none if any row is wrong; returns the errors (empty on success)."""
    from gongkai.annualreports.actions import ReportError, do_set_external_figures
    from gongkai.annualreports.models import FigureSource

    source = FigureSource.XLSX if data[:2] == b"PK" else FigureSource.CSV
    rows, errors = read_rows(data, filename)
    if errors:
        return errors
    if not rows:
        return ["文件中没有数据行。"]
    try:
        with transaction.atomic():
            for row in rows:
                agency = allowed_agencies.filter(Q(code=row.agency) | Q(name=row.agency)).first()
                if agency is None:
                    errors.append(f"第{row.line}行：没有找到您可以填报的机关“{row.agency}”。")
                    continue
                try:
                    do_set_external_figures(agency, row.year, row.values, source=source,
                                            covers_subtree=row.covers_subtree,
                                            source_note=f"{filename} 第{row.line}行", acting_user=acting_user)
                except ReportError as error:
                    errors.append(f"第{row.line}行：{error}")
            if errors:
                raise _Rollback
    except _Rollback:
        pass
    return errors


class _Rollback(Exception):
    pass
