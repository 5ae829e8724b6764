"""A checked report's tables laid out as the national template, for the results page.

Pure: the interchange dict (with the reader's `provenance`) and the findings (as dicts)
in, rows of `GridCell`s out. Every value cell knows its path
(applications.rows.granted.natural_person), the findings that name it, and how sure
the reader was of it, so the page can mark it in words as well as in colour.
Header cells carry ids and value cells `headers`, as the merged headers need.
"""

from dataclasses import dataclass, field

from .checking import ERROR, column_label, row_label
from .reading.origins import RESTORED, UNCERTAIN
from .vocabulary import (
    APPEAL_COLUMN_LABELS,
    APPEAL_COLUMNS,
    APPEAL_GROUP_LABELS,
    APPEAL_GROUPS,
    APPLICANT_COLUMNS,
    COLUMN_LABELS,
    COLUMNS,
    DECISION_KIND_LABELS,
    DOCUMENT_COUNT_LABELS,
    DOCUMENT_KIND_LABELS,
    FEES_KEY,
    OTHER_ROW_2019,
    PROACTIVE_2019_DOCUMENT_COUNT_LABELS,
    PROACTIVE_2019_ITEM_COUNT_LABELS,
    PROACTIVE_2019_ITEM_KINDS,
    PROACTIVE_2019_PROCUREMENT_LABEL,
    ROW_LABELS,
    application_rows,
    outcome_rows,
)

SEVERITY_WORDS = {"error": "错误", "warning": "提示"}


@dataclass
class Marker:
    kind: str  # error | warning | uncertain | restored
    short: str  # shown in the cell
    long: str  # for screen readers and the tooltip


@dataclass
class GridCell:
    text: str = ""
    header: bool = False
    rowspan: int = 1
    colspan: int = 1
    scope: str = ""  # col / colgroup / row / rowgroup, for header cells
    id: str = ""
    headers: str = ""
    path: str = ""
    markers: list[Marker] = field(default_factory=list)

    @property
    def css(self) -> str:
        classes = [] if self.header else ["num"]
        kinds = {m.kind for m in self.markers}
        if ERROR in kinds:
            classes.append("cell-error")
        elif "warning" in kinds:
            classes.append("cell-warning")
        classes += [f"cell-{k}" for k in (UNCERTAIN, RESTORED) if k in kinds]
        return " ".join(classes)

    @property
    def blank(self) -> bool:
        """A printed blank, said as 空白 to screen readers (an unread cell says so itself)."""
        return not self.header and self.text == "" and all(m.kind != UNCERTAIN for m in self.markers)


@dataclass
class Grid:
    caption: str
    head: list[list[GridCell]]
    body: list[list[GridCell]]


def finding_path(finding: dict) -> str | None:
    """The cell a finding names, as a provenance path; None for the narrative."""
    table, row, column = finding.get("table"), finding.get("row"), finding.get("column")
    if not row:
        return None
    if table == "表三" and column:
        return f"applications.rows.{row}.{column}"
    if table == "表四" and column:
        return f"appeals.{row}.{column}"
    if table == "表二":
        return f"proactive.{row}.{column}" if column else f"proactive.{row}"
    return None


class _Marks:
    """Markers by cell path, from the findings and the reader's provenance."""

    def __init__(self, report: dict, findings: list[dict], prefix: str):
        self.prefix = prefix
        self.by_path: dict[str, list[Marker]] = {}
        for finding in findings:
            path = finding_path(finding)
            if path is None:
                continue
            severity = finding.get("severity")
            word = SEVERITY_WORDS.get(severity, severity)
            self.by_path.setdefault(path, []).append(
                Marker(severity, f"{word}·{finding.get('rule')}", f"{word}（{finding.get('rule')}）：{finding.get('message')}")
            )
            if path.startswith("proactive.") and report.get("proactive_2019"):
                self.by_path[path.replace("proactive.", "proactive_2019.", 1)] = self.by_path[path]
        for path, origin in (report.get("provenance") or {}).items():
            confidence = origin.get("confidence") if isinstance(origin, dict) else None
            note = (origin.get("note") or "") if isinstance(origin, dict) else ""
            if confidence == UNCERTAIN:
                self.by_path.setdefault(path, []).append(Marker(UNCERTAIN, "未读出", f"未能读出此格{('：' + note) if note else ''}"))
            elif confidence == RESTORED:
                self.by_path.setdefault(path, []).append(Marker(RESTORED, "推算", f"此格在文件中缺失，{note or '由表内关系推算'}"))

    def cell(self, value, path: str, headers: list[str]) -> GridCell:
        return GridCell(
            text="" if value is None else str(value), path=path, id=self.id(path),
            headers=" ".join(headers), markers=self.by_path.get(path, []),
        )

    def id(self, name: str) -> str:
        return f"{self.prefix}-{name.replace('.', '-')}"


def _h(text: str, scope: str, id: str = "", rowspan: int = 1, colspan: int = 1) -> GridCell:
    return GridCell(text, header=True, rowspan=rowspan, colspan=colspan, scope=scope, id=id)


def tables(report: dict, findings: list[dict], prefix: str) -> list[Grid]:
    """表二, 表三, 表四 of one report, as far as the reader found them."""
    marks = _Marks(report, findings, prefix)
    grids = []
    if report.get("proactive_2019"):
        grids.append(_sectioned(marks, "表二 主动公开政府信息情况（2019年格式）", "proactive_2019",
                                report["proactive_2019"], _PROACTIVE_2019))
    elif report.get("proactive"):
        grids.append(_sectioned(marks, "表二 主动公开政府信息情况", "proactive", report["proactive"], _PROACTIVE_2021))
    if report.get("applications"):
        grids.append(applications_grid(marks, report["applications"]))
    if report.get("appeals"):
        grids.append(appeals_grid(marks, report["appeals"]))
    return grids


# --- 表二 -----------------------------------------------------------------------------

_ITEM_COLUMNS_2019 = list(PROACTIVE_2019_ITEM_COUNT_LABELS.items())
# (title, columns as (key or None for a single value, label), rows as (key, label))
_PROACTIVE_2021 = [
    ("第二十条第（一）项", list(DOCUMENT_COUNT_LABELS.items()), list(DOCUMENT_KIND_LABELS.items())),
    ("第二十条第（五）项", [(None, "本年处理决定数量")], [("licensing", DECISION_KIND_LABELS["licensing"])]),
    ("第二十条第（六）项", [(None, "本年处理决定数量")],
     [("penalty", DECISION_KIND_LABELS["penalty"]), ("enforcement", DECISION_KIND_LABELS["enforcement"])]),
    ("第二十条第（八）项", [(None, "本年收费金额（单位：万元）")], [(FEES_KEY, "行政事业性收费")]),
]
_PROACTIVE_2019 = [
    ("第二十条第（一）项", list(PROACTIVE_2019_DOCUMENT_COUNT_LABELS.items()),
     [("rules", "规章"), ("normative_documents", "规范性文件")]),
    ("第二十条第（五）项", _ITEM_COLUMNS_2019,
     [("licensing", "行政许可"), ("other_services", PROACTIVE_2019_ITEM_KINDS["other_services"])]),
    ("第二十条第（六）项", _ITEM_COLUMNS_2019, [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
    ("第二十条第（八）项", _ITEM_COLUMNS_2019[:2], [("fees", "行政事业性收费")]),
    ("第二十条第（九）项", [("projects", "采购项目数量"), ("amount_10k_yuan", "采购总金额")],
     [("procurement", PROACTIVE_2019_PROCUREMENT_LABEL)]),
]
_PROACTIVE_WIDTH = 3  # value columns; the label column comes first


def _sectioned(marks: _Marks, caption: str, base: str, data: dict, sections) -> Grid:
    body: list[list[GridCell]] = []
    for n, (title, columns, rows) in enumerate(sections):
        section = f"{base}-s{n}"
        body.append([_h(title, "colgroup", marks.id(section), colspan=_PROACTIVE_WIDTH + 1)])
        heads = [_h("信息内容", "col", marks.id(f"{section}-label"))]
        for m, (key, label) in enumerate(columns):
            span = _PROACTIVE_WIDTH - len(columns) + 1 if m == len(columns) - 1 else 1
            heads.append(_h(label, "col", marks.id(f"{section}-{key or 'value'}"), colspan=span))
        body.append(heads)
        for key, label in rows:
            line = [_h(label, "row", marks.id(f"{base}.{key}"))]
            values = data.get(key)
            for m, (column, _) in enumerate(columns):
                column_id = marks.id(f"{section}-{column or 'value'}")
                if column is None:
                    cell = marks.cell(values, f"{base}.{key}", [marks.id(section), column_id, line[0].id])
                else:
                    value = values.get(column) if isinstance(values, dict) else None
                    cell = marks.cell(value, f"{base}.{key}.{column}", [marks.id(section), column_id, line[0].id])
                cell.colspan = _PROACTIVE_WIDTH - len(columns) + 1 if m == len(columns) - 1 else 1
                line.append(cell)
            body.append(line)
    return Grid(caption, [], body)


# --- 表三 -----------------------------------------------------------------------------

_GROUPS = {  # the first row of a group carries the group's label, spanning its rows
    "denied_state_secret": ("（三）不予公开", 8),
    "unable_not_held": ("（四）无法提供", 3),
    "not_processed_complaint": ("（五）不予处理", 5),
    "other_overdue_correction": ("（六）其他处理", 3),
}
_GROUP_OF = {
    **dict.fromkeys([r for r in ROW_LABELS if r.startswith("denied_")], "denied_state_secret"),
    **dict.fromkeys([r for r in ROW_LABELS if r.startswith("unable_")], "unable_not_held"),
    **dict.fromkeys([r for r in ROW_LABELS if r.startswith("not_processed_")], "not_processed_complaint"),
    **dict.fromkeys([r for r in ROW_LABELS if r.startswith("other_")], "other_overdue_correction"),
}


def applications_grid(marks: _Marks, applications: dict) -> Grid:
    rows = applications.get("rows") or {}
    single_other = OTHER_ROW_2019 in rows
    keys = application_rows(single_other)
    head = [
        [_h("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "col", rowspan=3, colspan=3),
         _h("申请人情况", "colgroup", marks.id("t3-applicants"), colspan=7)],
        [_h(COLUMN_LABELS["natural_person"], "col", marks.id("t3-natural_person"), rowspan=2),
         _h("法人或其他组织", "colgroup", marks.id("t3-orgs"), colspan=5),
         _h(COLUMN_LABELS["total"], "col", marks.id("t3-total"), rowspan=2)],
        [_h(COLUMN_LABELS[c], "col", marks.id(f"t3-{c}")) for c in APPLICANT_COLUMNS[1:]],
    ]
    results_id = marks.id("t3-results")
    body = []
    for key in keys:
        line, row_headers = _row_labels(marks, key, single_other, results_id)
        values = rows.get(key)
        values = values if isinstance(values, list) and len(values) == len(COLUMNS) else [None] * len(COLUMNS)
        for column, value in zip(COLUMNS, values, strict=True):
            column_headers = [marks.id("t3-applicants"), marks.id(f"t3-{column}")]
            if column in APPLICANT_COLUMNS[1:]:
                column_headers.insert(1, marks.id("t3-orgs"))
            line.append(marks.cell(value, f"applications.rows.{key}.{column}", row_headers + column_headers))
        body.append(line)
    return Grid("表三 收到和处理政府信息公开申请情况", head, body)


def _row_labels(marks: _Marks, key: str, single_other: bool, results_id: str):
    """The label cells of a 表三 row as the template prints them, and the ids naming the row."""
    row_id = marks.id(f"t3-row-{key}")
    if key in ("new_received", "carried_over", "carried_forward"):
        return [_h(ROW_LABELS[key], "row", row_id, colspan=3)], [row_id]
    line = []
    if key == "granted":
        line.append(_h("三、本年度办理结果", "rowgroup", results_id, rowspan=len(outcome_rows(single_other)) + 1))
    if key in ("granted", "partial", "total_processed", OTHER_ROW_2019):
        label = row_label(key).removeprefix("三")
        return line + [_h(label, "row", row_id, colspan=2)], [results_id, row_id]
    group = _GROUP_OF[key]
    group_label, span = _GROUPS[group]
    group_id = marks.id(f"t3-group-{group}")
    if key == group:
        line.append(_h(group_label, "rowgroup", group_id, rowspan=span))
    label = ROW_LABELS[key].removeprefix(group_label).strip()
    return line + [_h(label, "row", row_id)], [results_id, group_id, row_id]


# --- 表四 -----------------------------------------------------------------------------


def appeals_grid(marks: _Marks, appeals: dict) -> Grid:
    litigation = marks.id("t4-litigation")
    head = [
        [_h(APPEAL_GROUP_LABELS["reconsideration"], "colgroup", marks.id("t4-reconsideration"), rowspan=2, colspan=5),
         _h("行政诉讼", "colgroup", litigation, colspan=10)],
        [_h("未经复议直接起诉", "colgroup", marks.id("t4-litigation_direct"), colspan=5),
         _h("复议后起诉", "colgroup", marks.id("t4-litigation_after_reconsideration"), colspan=5)],
        [_h(APPEAL_COLUMN_LABELS[c], "col", marks.id(f"t4-{g}-{c}")) for g in APPEAL_GROUPS for c in APPEAL_COLUMNS],
    ]
    line = []
    for group in APPEAL_GROUPS:
        values = appeals.get(group) if isinstance(appeals.get(group), dict) else {}
        for column in APPEAL_COLUMNS:
            headers = [marks.id(f"t4-{group}"), marks.id(f"t4-{group}-{column}")]
            if group != "reconsideration":
                headers.insert(0, litigation)
            line.append(marks.cell(values.get(column), f"appeals.{group}.{column}", headers))
    return Grid("表四 政府信息公开行政复议、行政诉讼情况", head, [line])


# --- the findings, in words -------------------------------------------------------------


def finding_rows(findings: list[dict], prefix: str) -> list[dict]:
    """Each finding with its row and column in the template's words, and its cell's id."""
    out = []
    for finding in findings:
        path = finding_path(finding)
        out.append({
            **finding,
            "severity_word": SEVERITY_WORDS.get(finding.get("severity"), finding.get("severity")),
            "row_word": _row_word(finding),
            "column_word": _column_word(finding),
            "cell_id": f"{prefix}-{path.replace('.', '-')}" if path else "",
        })
    return out


def _row_word(finding: dict) -> str:
    row, table = finding.get("row"), finding.get("table")
    if not row:
        return ""
    if table == "表四":
        return APPEAL_GROUP_LABELS.get(row, APPEAL_COLUMN_LABELS.get(row, row))
    if table == "表二":
        return {**DOCUMENT_KIND_LABELS, **DECISION_KIND_LABELS, FEES_KEY: "行政事业性收费"}.get(row, row)
    if table == "正文":
        return {"new_received": "本年新收申请", "total_processed": "办结情况", "other": "其他需要报告的事项",
                "reconsideration": "行政复议", "litigation": "行政诉讼"}.get(row, row)
    return row_label(row)


def _column_word(finding: dict) -> str:
    column, table = finding.get("column"), finding.get("table")
    if not column:
        return ""
    if table == "表四":
        return APPEAL_COLUMN_LABELS.get(column, column)
    if table == "表二":
        return DOCUMENT_COUNT_LABELS.get(column, column)
    return column_label(column)
