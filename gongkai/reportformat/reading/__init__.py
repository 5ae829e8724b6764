"""Reading published annual reports (text, HTML, DOCX, PDF). Pure: no Django here."""

from .errors import ReportUnreadable
from .origins import CERTAIN, RESTORED, UNCERTAIN, CellOrigin
from .report import ParsedReport, read_report

__all__ = [
    "CERTAIN",
    "RESTORED",
    "UNCERTAIN",
    "CellOrigin",
    "ParsedReport",
    "ReportUnreadable",
    "read_report",
]
