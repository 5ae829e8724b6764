"""The consistency rules C1–C9 of annual-report-json.md, on one report (and other years).

Pure: takes the interchange format as a dict, returns `Finding`s. C1–C5 are hard
rules (errors); C6–C9 are warnings, each with the numbers behind it.

Blank cells are never taken for 0. A sum with one blank cell pins that cell down: when
it must be 0, the sum holds and nothing is said; when it must be some other number, or
the sum cannot hold whatever the blank stands for, the finding says 空白. Cells the
reader could not make out (listed under `uncertain`) are called 未能读出 instead.
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import NamedTuple

from .reading.variants import simplify
from .vocabulary import (
    APPEAL_COLUMN_LABELS,
    APPEAL_GROUP_LABELS,
    APPEAL_GROUPS,
    APPEAL_RESULTS,
    APPEAL_TOTAL,
    APPLICANT_COLUMNS,
    COLUMN_LABELS,
    COLUMNS,
    DECISION_KIND_LABELS,
    DECISION_KINDS,
    DOCUMENT_COUNT_LABELS,
    DOCUMENT_KIND_LABELS,
    DOCUMENT_KINDS,
    OTHER_ROW_2019,
    OTHER_ROW_2019_LABEL,
    ROW_LABELS,
    outcome_rows,
)

ERROR = "error"
WARNING = "warning"
BLANK = "空白"
UNREAD = "未能读出"


@dataclass(frozen=True)
class Finding:
    rule: str  # C1 … C9
    severity: str  # error | warning
    table: str  # 表二 / 表三 / 表四 / 正文
    row: str | None
    column: str | None
    expected: int | str | None
    actual: int | str | None
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


def check(report: dict, previous: dict | Iterable[dict] | None = None) -> list[Finding]:
    """All findings for `report`; `previous` is last year's report or several other years."""
    cells = _Cells(report)
    findings: list[Finding] = []
    findings += check_balance(cells)
    findings += check_outcome_totals(cells)
    findings += check_row_totals(cells)
    findings += check_appeal_totals(cells)
    findings += check_counts(report)
    last_year = _last_year(report, previous)
    if last_year is not None:
        last = _Cells(last_year)
        findings += check_carry_over(cells, last)
        findings += check_documents_in_force(cells, last)
    findings += check_narrative_numbers(cells, report.get("sections") or {})
    findings += check_plausibility(cells, report.get("sections") or {})
    return findings


_COLUMN_INDEX = {column: n for n, column in enumerate(COLUMNS)}
_NO_VALUES = (None,) * len(COLUMNS)


class _Cells:
    """Read access to a report's table cells by path, telling blanks from unread cells."""

    def __init__(self, report: dict):
        self.report = report if isinstance(report, dict) else {}
        self.unread = set(self.report.get("uncertain") or [])
        applications = self.report.get("applications") or {}
        self.rows = applications.get("rows") or {} if isinstance(applications, dict) else {}
        if not isinstance(self.rows, dict):
            self.rows = {}
        # The rows with a full set of cells, looked up once: C1–C3 read every cell.
        self.full_rows = {
            row: values
            for row, values in self.rows.items()
            if isinstance(values, list) and len(values) == len(COLUMNS)
        }

    @property
    def single_other(self) -> bool:
        return OTHER_ROW_2019 in self.rows

    def application(self, row: str, column: str):
        values = self.full_rows.get(row)
        return None if values is None else values[_COLUMN_INDEX[column]]

    def application_row(self, row: str) -> list | tuple:
        """All 表三 cells of a row in COLUMNS order (all None if the row is not whole)."""
        return self.full_rows.get(row, _NO_VALUES)

    def application_path(self, row: str, column: str) -> str:
        return _application_paths(row)[_COLUMN_INDEX[column]]

    def appeal(self, group: str, column: str):
        groups = self.report.get("appeals") or {}
        values = groups.get(group) if isinstance(groups, dict) else None
        return values.get(column) if isinstance(values, dict) else None

    def proactive(self, kind: str, count: str | None = None):
        proactive = self.report.get("proactive") or {}
        if not isinstance(proactive, dict):
            return None
        value = proactive.get(kind)
        if count is None:
            return value
        return value.get(count) if isinstance(value, dict) else None

    def shown(self, value, path: str):
        """A cell as a finding shows it: its number, or 空白 / 未能读出."""
        if _is_count(value):
            return value
        if value is None:
            return UNREAD if path in self.unread else BLANK
        return str(value)


def _is_count(value) -> bool:
    return type(value) is int or (isinstance(value, int) and not isinstance(value, bool))


@functools.lru_cache(maxsize=256)
def _application_paths(row: str) -> tuple[str, ...]:
    """The cell paths of one 表三 row in COLUMNS order (the same few rows every report)."""
    return tuple(f"applications.rows.{row}.{column}" for column in COLUMNS)


def row_label(row: str) -> str:
    if row == OTHER_ROW_2019:
        return OTHER_ROW_2019_LABEL
    return ROW_LABELS.get(row, row)


def column_label(column: str) -> str:
    return COLUMN_LABELS.get(column, column)


# --- sums with blanks -------------------------------------------------------------


class _Sum(NamedTuple):  # a tuple, not a frozen dataclass: made for every row and column
    """How one sum came out; with blanks, what the blank must be or that none can do."""

    holds: bool
    left: int  # the sum of the printed numbers on each side
    right: int
    blanks: int = 0
    shown: str = BLANK  # 空白 or 未能读出, for the first blank
    blank_value: int | None = None  # what a single blank must be for the sum to hold
    impossible: bool = False  # the printed numbers already overshoot: no blank can help


def _compare(cells: _Cells, left: list[tuple], right: list[tuple]) -> _Sum:
    """sum(left) against sum(right); each term is (value, path)."""
    terms = left + right
    blanks = []
    known_left = known_right = 0
    split = len(left)
    for n, (value, _) in enumerate(terms):
        if type(value) is not int and not _is_count(value):
            blanks.append(n)
        elif n < split:
            known_left += value
        else:
            known_right += value
    if not blanks:
        return _Sum(known_left == known_right, known_left, known_right)
    shown = cells.shown(*terms[blanks[0]])
    sides = {n < len(left) for n in blanks}
    gap = known_right - known_left if sides == {True} else known_left - known_right
    impossible = len(sides) == 1 and gap < 0
    if len(blanks) == 1 and gap == 0:
        return _Sum(True, known_left, known_right, 1, shown, 0)  # the blank is certainly 0
    single = gap if len(blanks) == 1 and not impossible else None
    return _Sum(False, known_left, known_right, len(blanks), shown, single, impossible)


def _sum_finding(rule, table, row, column, result: _Sum, what: str, detail: str) -> Finding | None:
    if result.holds:
        return None
    if not result.blanks:
        return Finding(rule, ERROR, table, row, column, result.left, result.right, f"{what}：{detail}")
    if result.impossible:
        return Finding(
            rule, ERROR, table, row, column, None, result.shown,
            f"{what}：已填的数（{result.left}与{result.right}）就已对不上，"
            f"{result.shown}格无论是多少都不能平衡",
        )
    if result.blank_value is not None:
        return Finding(
            rule, WARNING, table, row, column, result.blank_value, result.shown,
            f"{what}：有一格{result.shown}，按合计它应为{result.blank_value}",
        )
    return Finding(
        rule, WARNING, table, row, column, None, result.shown,
        f"{what}：有{result.blanks}格空白或未能读出，无法核对",
    )


def _incomplete(cells: _Cells, rule, table, row, column, parts: list[tuple], total: tuple, what: str,
                result: _Sum, blank_parts_matter: bool = True) -> Finding | None:
    """A blank where the format needs a number: the published table is incomplete (an error).

    A 总计 left blank while its parts are filled in, or — along a row or a 表四 group —
    a part left blank under a non-zero 总计. Cells the reader could not make out are
    not blanks: they are 未能读出, and the table's status says so.
    """
    def printed_blank(term) -> bool:
        value, path = term
        return value is None and path not in cells.unread

    filled = [value for value, _ in parts if _is_count(value)]
    if printed_blank(total) and filled:
        expected = sum(filled) if len(filled) == len(parts) else None
        return Finding(rule, ERROR, table, row, column, expected, BLANK,
                       f"{what}：表格不完整，总计一格空白，但组成它的各格填了数"
                       + (f"（相加为{expected}）" if expected is not None else ""))
    blanks = [path for value, path in parts if printed_blank((value, path))]
    if blank_parts_matter and blanks and _is_count(total[0]) and total[0] > 0:
        expected = result.blank_value if len(blanks) == 1 else None
        return Finding(rule, ERROR, table, row, column, expected, BLANK,
                       f"{what}：表格不完整，总计为{total[0]}，但有{len(blanks)}个组成格空白"
                       + (f"（按合计应为{expected}）" if expected is not None else "")
                       + "，已公开的表格应填写数字")
    return None


# --- C1–C4: the tables' own sums ------------------------------------------------


def check_balance(cells: _Cells) -> list[Finding]:
    """C1 收办平衡: 一 + 二 = 三（七） + 四 in every column."""
    findings = []
    if not cells.rows:
        return findings
    rows = ("new_received", "carried_over", "total_processed", "carried_forward")
    terms = [list(zip(cells.application_row(row), _application_paths(row), strict=True)) for row in rows]
    for n, column in enumerate(COLUMNS):
        new, carried, processed, forward = (row_terms[n] for row_terms in terms)
        result = _compare(cells, [new, carried], [processed, forward])
        if result.holds:
            continue  # nothing to say: skip building the message
        what = f"表三“{column_label(column)}”列收办不平衡"
        detail = (
            f"本年新收加上年结转为{result.left}，办理结果总计加结转下年度为{result.right}，两者应相等"
        )
        finding = _sum_finding("C1", "表三", "carried_forward", column, result, what, detail)
        if finding:
            findings.append(finding)
    return findings


def check_outcome_totals(cells: _Cells) -> list[Finding]:
    """C2 明细合计: （七）总计 = the sum of the leaf outcome rows, in every column."""
    findings = []
    if not cells.rows:
        return findings
    leaves = outcome_rows(cells.single_other)
    leaf_terms = [list(zip(cells.application_row(r), _application_paths(r), strict=True)) for r in leaves]
    totals = list(zip(cells.application_row("total_processed"), _application_paths("total_processed"),
                      strict=True))
    for n, column in enumerate(COLUMNS):
        parts = [row_terms[n] for row_terms in leaf_terms]
        result = _compare(cells, parts, [totals[n]])
        if totals[n][0] is None and not result.holds or totals[n][0] is None and result.blanks:
            what = f"表三“（七）总计”行“{column_label(column)}”列"
            blank = _incomplete(cells, "C2", "表三", "total_processed", column, parts, totals[n], what,
                                result, blank_parts_matter=False)
            if blank:
                findings.append(blank)
                continue
        if result.holds:
            continue  # nothing to say: skip building the message
        what = f"表三“{column_label(column)}”列办理结果明细与总计不符"
        detail = f"各项办理结果相加为{result.left}，但（七）总计填的是{result.right}"
        finding = _sum_finding("C2", "表三", "total_processed", column, result, what, detail)
        if finding:
            findings.append(finding)
    return findings


def check_row_totals(cells: _Cells) -> list[Finding]:
    """C3 横向总计: 总计 = the six applicant columns, in every row."""
    findings = []
    applicants = len(APPLICANT_COLUMNS)  # COLUMNS is the applicant columns, then 总计
    for row in cells.rows:
        terms = list(zip(cells.application_row(row), _application_paths(row), strict=True))
        result = _compare(cells, terms[:applicants], terms[applicants:])
        if result.blanks:
            blank = _incomplete(cells, "C3", "表三", row, "total", terms[:applicants], terms[applicants],
                                f"表三“{row_label(row)}”一行", result)
            if blank:
                findings.append(blank)
                continue
        if result.holds:
            continue  # nothing to say: skip building the message
        what = f"表三“{row_label(row)}”一行横向合计不符"
        detail = f"自然人与各类法人或其他组织相加为{result.left}，但总计填的是{result.right}"
        finding = _sum_finding("C3", "表三", row, "total", result, what, detail)
        if finding:
            findings.append(finding)
    return findings


def check_appeal_totals(cells: _Cells) -> list[Finding]:
    """C4 表四合计: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per group."""
    findings = []
    if not cells.report.get("appeals"):
        return findings
    for group in APPEAL_GROUPS:
        parts = [(cells.appeal(group, c), f"appeals.{group}.{c}") for c in APPEAL_RESULTS]
        total = (cells.appeal(group, APPEAL_TOTAL), f"appeals.{group}.{APPEAL_TOTAL}")
        result = _compare(cells, parts, [total])
        if result.blanks:
            blank = _incomplete(cells, "C4", "表四", group, APPEAL_TOTAL, parts, total,
                                f"表四“{APPEAL_GROUP_LABELS[group]}”", result)
            if blank:
                findings.append(blank)
                continue
        if result.holds:
            continue  # nothing to say: skip building the message
        what = f"表四“{APPEAL_GROUP_LABELS[group]}”合计不符"
        detail = f"维持、纠正、其他结果与尚未审结相加为{result.left}，但总计填的是{result.right}"
        finding = _sum_finding("C4", "表四", group, APPEAL_TOTAL, result, what, detail)
        if finding:
            findings.append(finding)
    return findings


def check_counts(report: dict) -> list[Finding]:
    """C5: every count is a non-negative integer (2019's 本年增/减 may be negative)."""
    findings = []
    for table, row, column, value in _all_counts(report):
        if value is None or (type(value) is int and value >= 0):
            continue  # the common cases, without a call
        if _is_count(value) and value >= 0:
            continue
        if _is_count(value):
            problem = f"填的是负数{value}"
        else:
            problem = f"填的是“{value}”，不是整数"
        findings.append(Finding(
            "C5", ERROR, table, row, column, "非负整数", value if _is_count(value) else str(value),
            f"{table}“{_cell_name(table, row, column)}”{problem}，件数应为非负整数",
        ))
    return findings


def _cell_name(table: str, row: str, column: str | None) -> str:
    if table == "表三":
        return f"{row_label(row)}／{column_label(column)}"
    if table == "表四":
        return f"{APPEAL_GROUP_LABELS.get(row, row)}／{APPEAL_COLUMN_LABELS.get(column, column)}"
    names = {**DOCUMENT_KIND_LABELS, **DECISION_KIND_LABELS}
    count = DOCUMENT_COUNT_LABELS.get(column, column) if column else ""
    return f"{names.get(row, row)}{('／' + count) if count else ''}"


def _all_counts(report: dict):
    """Every count C5 applies to; 表三 rows of plain non-negative integers are left out."""
    applications = report.get("applications") or {}
    rows = applications.get("rows") if isinstance(applications, dict) else None
    for row, values in (rows or {}).items():
        if not isinstance(values, list):
            continue
        if all(type(value) is int and value >= 0 for value in values):
            continue  # nearly every row: nothing for C5 to say, so no cell is yielded
        for column, value in zip(COLUMNS, values, strict=False):
            yield "表三", row, column, value
    appeals = report.get("appeals") or {}
    for group, values in appeals.items() if isinstance(appeals, dict) else []:
        for column, value in (values or {}).items():
            yield "表四", group, column, value
    proactive = report.get("proactive") or {}
    if isinstance(proactive, dict):
        for kind in DOCUMENT_KINDS:
            for column, value in (proactive.get(kind) or {}).items():
                yield "表二", kind, column, value
        for kind in DECISION_KINDS:
            yield "表二", kind, None, proactive.get(kind)
    for kind, values in (report.get("proactive_2019") or {}).items():
        for column, value in (values or {}).items():
            if column == "change" or column.startswith("amount"):
                continue  # 本年增/减 may be negative; amounts are money, not counts
            yield "表二", kind, column, value


# --- C6, C7: across years ----------------------------------------------------------


def _last_year(report: dict, previous) -> dict | None:
    if previous is None:
        return None
    others = [previous] if isinstance(previous, dict) else list(previous)
    year = report.get("year")
    agency = _agency_key(report.get("agency"))
    for other in others:
        if not isinstance(other, dict) or not isinstance(year, int):
            continue
        if other.get("year") != year - 1:
            continue
        other_agency = _agency_key(other.get("agency"))
        if agency and other_agency and agency != other_agency:
            continue
        return other
    return None


def _agency_key(agency) -> str:
    return re.sub(r"\s+", "", simplify(agency)) if isinstance(agency, str) else ""


def check_carry_over(cells: _Cells, last: _Cells) -> list[Finding]:
    """C6 结转衔接: this year's 上年结转 = last year's 结转下年度, per column."""
    findings = []
    if not cells.rows or not last.rows:
        return findings
    year = cells.report.get("year")
    for column in COLUMNS:
        now = cells.application("carried_over", column)
        before = last.application("carried_forward", column)
        if now == before:
            continue
        findings.append(Finding(
            "C6", WARNING, "表三", "carried_over", column,
            last.shown(before, last.application_path("carried_forward", column)),
            cells.shown(now, cells.application_path("carried_over", column)),
            f"表三“{column_label(column)}”列：{year}年的上年结转为"
            f"{cells.shown(now, cells.application_path('carried_over', column))}，"
            f"但{year - 1}年报告的结转下年度为"
            f"{last.shown(before, last.application_path('carried_forward', column))}，两者应相同",
        ))
    return findings


def check_documents_in_force(cells: _Cells, last: _Cells) -> list[Finding]:
    """C7: 现行有效 ≈ last year's 现行有效 + 本年制发 − 本年废止 (clean-ups break it legitimately)."""
    findings = []
    for kind in DOCUMENT_KINDS:
        issued = cells.proactive(kind, "issued")
        repealed = cells.proactive(kind, "repealed")
        in_force = cells.proactive(kind, "in_force")
        before = last.proactive(kind, "in_force")
        if not all(_is_count(v) for v in (issued, repealed, in_force, before)):
            continue
        expected = before + issued - repealed
        if expected == in_force:
            continue
        findings.append(Finding(
            "C7", WARNING, "表二", kind, "in_force", expected, in_force,
            f"表二“{DOCUMENT_KIND_LABELS[kind]}”：上年现行有效{before}件，本年制发{issued}件、"
            f"废止{repealed}件，现行有效应约为{expected}件，报告填的是{in_force}件"
            f"（集中清理等情况可以造成差异，请核实）",
        ))
    return findings


# --- C8: numbers quoted in the narrative --------------------------------------------

_RECEIVED = re.compile(
    r"(?:共|累计|全年)?(?:受理|收到|新收|接收|接到)[^，。；,;：:]{0,14}?申请[^0-9，。；,;]{0,6}?"
    r"(\d[\d,]*)\s*(?:件|个|份|起|条)"
)
# The number before 申请: 收到21件政府信息公开申请, 共受理依申请公开14件 (申请 after it).
_RECEIVED_BEFORE = re.compile(
    r"(?:共|累计|全年)?(?:受理|收到|新收|接收|接到)(?:了)?[^，。；,;：:0-9]{0,10}?(\d[\d,]*)\s*(?:件|个|份)"
    r"[^，。；,;0-9]{0,12}?申请"
)
_PROCESSED = re.compile(r"(?:已|共|全部)?(?:办结|答复|办理完毕)[^，。；,;：:0-9率]{0,10}?(\d[\d,]*)\s*(?:件|个|份)")
_FORWARD = re.compile(r"结转(?:至|到)?下(?:一)?年(?:度)?(?:继续办理)?[^，。；,;0-9]{0,6}?(\d[\d,]*)\s*件")
_CARRIED = re.compile(r"上(?:一)?年(?:度)?结转[^，。；,;0-9]{0,10}?(\d[\d,]*)\s*件")
_NONE_RECEIVED = re.compile(r"(?:未|没有)(?:收到|受理)[^，。；,;]{0,10}?申请")
_RATE = re.compile(r"(按时)?办结率(?:为|达到?|达)?\s*(\d+(?:\.\d+)?)\s*%")
_RECONSIDERATION = re.compile(r"行政复议[^，。；,;0-9]{0,8}?(\d+)\s*(?:件|起|宗)")
_LITIGATION = re.compile(r"行政诉讼[^，。；,;0-9]{0,8}?(\d+)\s*(?:件|起|宗)")


def narrative_text(sections: dict) -> str:
    """All narrative sections as one string; line breaks dropped, as a PDF wraps mid-phrase."""
    if not isinstance(sections, dict):
        return ""
    text = "".join(v for v in sections.values() if isinstance(v, str))
    return simplify(re.sub(r"\s*\n\s*", "", text))


def check_narrative_numbers(cells: _Cells, sections: dict) -> list[Finding]:
    """C8: 共受理申请N件, 办结率N%, 行政复议N件 … in the text agree with the tables."""
    text = narrative_text(sections).replace(",", "")
    findings: list[Finding] = []
    new = cells.application("new_received", "total")
    carried = cells.application("carried_over", "total")
    received = {m.start(): m for m in _RECEIVED.finditer(text)}
    for match in _RECEIVED_BEFORE.finditer(text):
        received.setdefault(match.start(), match)
    for _, match in sorted(received.items()):
        quoted = int(match.group(1).replace(",", ""))
        if not _is_count(new) or quoted == new or (_is_count(carried) and quoted == new + carried):
            continue
        findings.append(Finding(
            "C8", WARNING, "正文", "new_received", "total", new, quoted,
            f"正文写“{match.group(0)}”，但表三本年新收政府信息公开申请总计为{new}件",
        ))
    findings += _quoted_row_findings(cells, text)
    if _NONE_RECEIVED.search(text) and _is_count(new) and new > 0:
        findings.append(Finding(
            "C8", WARNING, "正文", "new_received", "total", new, 0,
            f"正文称未收到政府信息公开申请，但表三本年新收为{new}件",
        ))
    findings += _rate_findings(cells, text)
    findings += _appeal_count_findings(cells, text)
    return findings


_QUOTED_ROWS = (
    (_PROCESSED, "total_processed", "办结（答复）", "办理结果总计"),
    (_FORWARD, "carried_forward", "结转下年度", "结转下年度继续办理"),
    (_CARRIED, "carried_over", "上年结转", "上年结转政府信息公开申请数量"),
)


def _quoted_row_findings(cells: _Cells, text: str) -> list[Finding]:
    """办结N件 / 结转下年度N件 / 上年结转N件 in the text against 表三's totals."""
    findings = []
    for pattern, row, _word, label in _QUOTED_ROWS:
        value = cells.application(row, "total")
        if not _is_count(value):
            continue
        for match in pattern.finditer(text):
            quoted = int(match.group(1).replace(",", ""))
            if quoted != value:
                findings.append(Finding(
                    "C8", WARNING, "正文", row, "total", value, quoted,
                    f"正文写“{match.group(0)}”，但表三{label}为{value}件",
                ))
    return findings


def _rate_findings(cells: _Cells, text: str) -> list[Finding]:
    findings = []
    new = cells.application("new_received", "total")
    carried = cells.application("carried_over", "total")
    processed = cells.application("total_processed", "total")
    if not all(_is_count(v) for v in (new, carried, processed)):
        return findings
    for match in _RATE.finditer(text):
        quoted = float(match.group(2))
        if new + carried == 0:
            findings.append(Finding(
                "C8", WARNING, "正文", "total_processed", "total", "无申请", f"{match.group(2)}%",
                f"正文写“{match.group(0)}”，但表三本年新收和上年结转都是0件，没有可办结的申请",
            ))
            continue
        if match.group(1):
            continue  # 按时办结率 is about deadlines, which the tables do not show
        actual = round(100 * processed / (new + carried), 1)
        if abs(actual - quoted) > 0.5:
            findings.append(Finding(
                "C8", WARNING, "正文", "total_processed", "total", f"{actual:g}%", f"{quoted:g}%",
                f"正文写“{match.group(0)}”，但按表三，{new + carried}件申请办结了{processed}件，"
                f"办结率为{actual:g}%",
            ))
    return findings


def _appeal_count_findings(cells: _Cells, text: str) -> list[Finding]:
    findings = []
    reconsideration = cells.appeal("reconsideration", APPEAL_TOTAL)
    litigation = [cells.appeal(g, APPEAL_TOTAL) for g in APPEAL_GROUPS[1:]]
    checks = [(_RECONSIDERATION, "reconsideration", reconsideration, "行政复议")]
    if all(_is_count(v) for v in litigation):
        checks.append((_LITIGATION, "litigation", sum(litigation), "行政诉讼"))
    for pattern, row, table_value, name in checks:
        if not _is_count(table_value):
            continue
        for match in pattern.finditer(text):
            quoted = int(match.group(1))
            if quoted != table_value:
                findings.append(Finding(
                    "C8", WARNING, "正文", row, APPEAL_TOTAL, table_value, quoted,
                    f"正文写“{match.group(0)}”，但表四{name}总计为{table_value}件",
                ))
    return findings


# --- C9: legal plausibility ---------------------------------------------------------


def check_plausibility(cells: _Cells, sections: dict) -> list[Finding]:
    """C9: the outcomes the Regulation only allows after a step the report never mentions."""
    text = narrative_text(sections)
    findings = []
    # 条例第三十条: 补正 comes first — (四)3 and (六)1 both presuppose a 补正 notice.
    for row in ("unable_unclear_after_correction", "other_overdue_correction"):
        count = cells.application(row, "total")
        if _is_count(count) and count > 0 and "补正" not in text:
            findings.append(Finding(
                "C9", WARNING, "表三", row, "total", "提及补正", count,
                f"表三“{row_label(row)}”为{count}件，这以先发出补正通知为前提（条例第三十条），"
                f"但报告正文没有提到补正",
            ))
    # 国办函〔2020〕109号: unpaid fees presuppose a fee notice; say what was charged in 六.
    fee_row = cells.application("other_overdue_fee", "total")
    if _is_count(fee_row) and fee_row > 0 and not re.search("收费|处理费|缴费|缴纳", text):
        findings.append(Finding(
            "C9", WARNING, "表三", "other_overdue_fee", "total", "说明收费", fee_row,
            f"表三“逾期未按收费通知缴纳费用”为{fee_row}件，但报告正文没有说明信息处理费的收取情况",
        ))
    other = sections.get("other") if isinstance(sections, dict) else None
    if isinstance(other, str) and other.strip() and not re.search("处理费|收费|收取", other):
        findings.append(Finding(
            "C9", WARNING, "正文", "other", None, "说明信息处理费", None,
            "“其他需要报告的事项”没有说明本年收取信息处理费的情况（国办函〔2020〕109号要求在此报告）",
        ))
    findings += _appeals_without_applications(cells)
    return findings


def _appeals_without_applications(cells: _Cells) -> list[Finding]:
    """A 纠正 result in 表四 means an answer was found wrong, so there were answers to review."""
    findings = []
    corrected = [cells.appeal(g, "corrected") for g in APPEAL_GROUPS]
    processed = cells.application("total_processed", "total")
    carried = cells.application("carried_over", "total")
    if not all(_is_count(v) for v in corrected + [processed, carried]):
        return findings
    if sum(corrected) > 0 and processed == 0 and carried == 0:
        findings.append(Finding(
            "C9", WARNING, "表四", "corrected", None, "有办理过的申请", sum(corrected),
            f"表四有{sum(corrected)}件结果纠正，但表三本年没有办结任何申请、也无上年结转，"
            f"请核实复议诉讼是否针对往年的答复",
        ))
    return findings
