"""Bytes of a published annual report → the interchange format, with each cell's origin."""

import time
from dataclasses import dataclass, field

from ..vocabulary import FORMAT_2019, FORMAT_2021, NARRATIVE_SECTIONS, OTHER_ROW_2019
from . import sniffing
from .appeals import read_appeals
from .applications import read_applications
from .errors import ReportUnreadable
from .from_docx import docx_lines
from .from_html import html_lines
from .from_pdf import pdf_lines
from .fused import is_fused, unfuse
from .lines import Line, text_lines
from .origins import CellOrigin, Origins
from .proactive import is_2019_layout, read_proactive, read_proactive_2019
from .sections import find_headings, find_title, section_spans
from .status import TableStatus, table_statuses, unreadable_reason
from .variants import simplify

MAX_TEXT_BYTES = 20 * 1024 * 1024


@dataclass
class ParsedReport:
    report: dict  # the interchange format (annual-report-json.md)
    kind: str  # pdf | docx | html | text
    origins: dict[str, CellOrigin] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def tables(self) -> dict[str, TableStatus]:
        """表二, 表三, 表四 each: read, restored or unreadable."""
        return table_statuses(self.report, self.origins)

    @property
    def unreadable(self) -> str | None:
        """One line of Chinese when 表三 or 表四 could not be read, else None."""
        return unreadable_reason(self.tables)

    @property
    def uncertain(self) -> list[str]:
        return [path for path, origin in self.origins.items() if origin.confidence == "uncertain"]

    def as_json(self) -> dict:
        """The report plus what a producer may add: where cells came from, notes."""
        data = dict(self.report)
        data["source_kind"] = self.kind
        data["uncertain"] = self.uncertain
        data["notes"] = list(self.notes)
        data["provenance"] = {path: origin.as_dict() for path, origin in self.origins.items()}
        data["tables"] = {key: status.as_dict() for key, status in self.tables.items()}
        return data


def read_report(data: bytes) -> ParsedReport:
    """Read one report; ReportUnreadable (with a one-line Chinese reason) if it is not one."""
    started = time.monotonic()
    kind = sniffing.sniff(data)
    notes: list[str] = []
    lines = _lines(kind, data, notes)
    origins = Origins(notes=notes)
    report = interpret(lines, origins)
    return ParsedReport(
        report=report,
        kind=kind,
        origins=origins.cells,
        notes=origins.notes,
        seconds=time.monotonic() - started,
    )


def _lines(kind: str, data: bytes, notes: list[str]) -> list[Line]:
    if kind == sniffing.PDF:
        return pdf_lines(data, notes)
    if kind == sniffing.DOCX:
        return docx_lines(data)
    if len(data) > MAX_TEXT_BYTES:
        raise ReportUnreadable("文件过大（超过 20 MB），不像是一份年度报告")
    text = sniffing.decode_text(data)
    if kind == sniffing.HTML:
        return html_lines(text)
    if is_fused(text):
        notes.append("文本的整页连在一行，已按章节标题和表格行名重新分行，表格中连在一起的数字按表内合计关系拆分")
        return text_lines(unfuse(text))
    return text_lines(text)


def interpret(lines: list[Line], origins: Origins) -> dict:
    """The report's parts from its lines: title, sections, 表二, 表三, 表四."""
    headings = find_headings(lines)
    spans = section_spans(lines, headings)
    title = find_title(lines, headings[0].index if headings else len(lines))

    def region(section: str) -> list[Line]:
        start, end = spans.get(section, (0, len(lines)))
        return lines[start:end]

    applications = read_applications(region("applications"), origins)
    appeals = read_appeals(region("appeals"), origins) if "appeals" in spans else None
    proactive_lines = region("proactive")
    layout_2019 = is_2019_layout(proactive_lines) if "proactive" in spans else False
    if layout_2019:
        proactive, proactive_2019 = None, read_proactive_2019(proactive_lines, origins)
    else:
        proactive, proactive_2019 = read_proactive(proactive_lines, origins), None
    if applications is None and appeals is None and len(headings) < 3:
        raise ReportUnreadable("没有找到年度报告的章节或表格，这似乎不是政府信息公开工作年度报告")
    if layout_2019 or (
        "proactive" not in spans and applications and OTHER_ROW_2019 in applications["rows"]
    ):
        report_format = FORMAT_2019
    else:
        report_format = FORMAT_2021
    report = {
        "format": report_format,
        "agency": simplify(title.agency) if title.agency else None,
        "year": title.year,
        "proactive": proactive,
        "applications": applications,
        "appeals": appeals,
        "sections": _narrative(lines, spans),
    }
    if proactive_2019 is not None:
        report["proactive_2019"] = proactive_2019
    return report


def _narrative(lines: list[Line], spans: dict[str, tuple[int, int]]) -> dict[str, str]:
    sections = {}
    for section in NARRATIVE_SECTIONS:
        if section in spans:
            start, end = spans[section]
            sections[section] = "\n".join(line.text for line in lines[start:end]).strip()
    return sections
