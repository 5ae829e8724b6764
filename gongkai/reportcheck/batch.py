"""Reading and checking many reports at once, on every core, with a CSV summary.

Pure (no Django): the `report` management command and the benchmark both call it.
Several years of one agency among the files are checked against each other (C6, C7).
"""

import csv
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.reportformat.checking import ERROR, WARNING, Finding, check
from gongkai.reportformat.reading import ReportUnreadable, read_report
from gongkai.reportformat.reading.status import STATUS_WORDS, TABLES, unreadable_reason
from gongkai.reportformat.reading.variants import simplify

MAX_FILE_BYTES = 60 * 1024 * 1024
# format is the table layout (2021 or 2019), as in the interchange format; kind is the file's.
SUMMARY_FIELDS = ("file", "agency", "year", "format", "errors", "warnings", "reason", "kind")
# reason: why the file, or its 表三/表四, could not be read — a row with a reason is never "no errors".


@dataclass
class FileOutcome:
    """One file read: the report (interchange JSON with provenance) or why it is unreadable."""

    file: str
    report: dict | None = None
    kind: str | None = None
    reason: str | None = None
    seconds: float = 0.0

    @property
    def tables_unreadable(self) -> str | None:
        """One line of Chinese when the file was read but 表三 or 表四 was not."""
        if self.report is None:
            return None
        return unreadable_reason(self.report.get("tables") or {})

    def table_line(self) -> str:
        """表二：已读出；表三：已读出，3格推出；表四：未能读出（没有找到表四）."""
        parts = []
        for key, name in TABLES:
            status = (self.report or {}).get("tables", {}).get(key)
            if status is None:
                continue
            text = f"{name}：{STATUS_WORDS[status['status']]}"
            if status["status"] == "unreadable":
                text += f"（{status['reason']}）"
            elif status["restored"]:
                rules = sorted(set(status["restored"].values()))
                text += f"，{len(status['restored'])}格推出（{'；'.join(rules)}）"
            parts.append(text)
        return "；".join(parts)


@dataclass
class CheckedFile:
    outcome: FileOutcome
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == WARNING)


def collect_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The files named, with each folder replaced by the files inside it (sorted)."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            inside = (p for p in sorted(path.rglob("*")) if p.is_file())
            files.extend(p for p in inside if not any(part.startswith(".") for part in p.parts))
        else:
            files.append(path)
    return files


def parse_file(path: str | os.PathLike) -> FileOutcome:
    """Read one file; never raises — an unreadable file comes back with its reason."""
    name = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            return FileOutcome(name, reason="文件过大（超过 60 MB），不像是一份年度报告")
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return FileOutcome(name, reason="文件不存在")
    except IsADirectoryError:
        return FileOutcome(name, reason="这是一个文件夹，不是文件")
    except OSError as error:
        return FileOutcome(name, reason=f"无法打开文件（{error.strerror or '读取错误'}）")
    return parse_bytes(name, data)


def parse_bytes(name: str, data: bytes) -> FileOutcome:
    try:
        parsed = read_report(data)
    except ReportUnreadable as unreadable:
        return FileOutcome(name, reason=unreadable.reason)
    except RecursionError:
        return FileOutcome(name, reason="文件结构嵌套过深，无法读取")
    except Exception as error:  # the promise is one line of Chinese, never a traceback
        return FileOutcome(name, reason=f"读取时出现意外错误（{type(error).__name__}），无法读取")
    return FileOutcome(name, report=parsed.as_json(), kind=parsed.kind, seconds=parsed.seconds)


def parse_many(paths: Iterable[str | os.PathLike], workers: int | None = None) -> list[FileOutcome]:
    """Read every file, in parallel on all cores when there is more than one file."""
    files = [str(p) for p in paths]
    workers = workers or os.cpu_count() or 1
    if len(files) <= 1 or workers == 1:
        return [parse_file(f) for f in files]
    chunk = max(1, len(files) // (workers * 4))
    with ProcessPoolExecutor(max_workers=min(workers, len(files))) as pool:
        return list(pool.map(parse_file, files, chunksize=chunk))


def check_many(outcomes: list[FileOutcome]) -> list[CheckedFile]:
    """Check each readable report, against the other years of the same agency."""
    by_agency: dict[str, list[dict]] = {}
    for outcome in outcomes:
        if outcome.report is not None:
            by_agency.setdefault(_agency_key(outcome.report), []).append(outcome.report)
    checked = []
    for outcome in outcomes:
        if outcome.report is None:
            checked.append(CheckedFile(outcome))
            continue
        others = [r for r in by_agency[_agency_key(outcome.report)] if r is not outcome.report]
        checked.append(CheckedFile(outcome, check(outcome.report, previous=others)))
    return checked


def _agency_key(report: dict) -> str:
    agency = report.get("agency")
    return "".join(simplify(agency).split()) if isinstance(agency, str) else ""


def summary_rows(checked: list[CheckedFile]) -> list[dict]:
    rows = []
    for item in checked:
        report = item.outcome.report or {}
        rows.append({
            "file": item.outcome.file,
            "agency": report.get("agency") or "",
            "year": report.get("year") or "",
            "format": report.get("format") or "",
            "errors": item.errors if item.outcome.report is not None else "",
            "warnings": item.warnings if item.outcome.report is not None else "",
            "reason": item.outcome.reason or item.outcome.tables_unreadable or "",
            "kind": item.outcome.kind or "",
        })
    return rows


def write_summary(path: str | os.PathLike, checked: list[CheckedFile]) -> None:
    """One CSV row per report: file, agency, year, format, errors, warnings, reason, kind."""
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=SUMMARY_FIELDS)
        writer.writeheader()
        writer.writerows(summary_rows(checked))
