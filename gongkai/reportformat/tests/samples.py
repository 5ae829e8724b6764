"""Annual reports written the way agencies publish them, for tests and the benchmark.

`make_report` gives a consistent report as data (varied numbers, so a number in the
wrong column shows); `as_text`, `as_html`, `as_docx` and `as_pdf` print it in the
national layouts, the text one optionally damaged the way PDF extraction damages
tables (a header split over lines, a lost cell, two cells run together).
"""

import io
import random
from dataclasses import dataclass, field

from gongkai.reportformat.vocabulary import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    APPLICANT_COLUMNS,
    OTHER_ROW_2019,
    OTHER_ROWS_2021,
    ROW_LABELS,
    outcome_rows,
)


def make_report(seed: int = 1, *, single_other: bool = False, agency: str = "示例县人民政府",
                year: int = 2022) -> dict:
    """A report whose tables satisfy C1–C4, with numbers drawn from `seed`."""
    rng = random.Random(seed)
    leaves = outcome_rows(single_other)
    rows: dict[str, list[int]] = {}
    for key in leaves:
        rows[key] = _row(rng, busy=key in ("granted", "partial", "unable_not_held"))
    processed = [sum(rows[key][c] for key in leaves) for c in range(6)]
    carried_over = [rng.choice([0, 0, 1, 2]) for _ in range(6)]
    carried_forward = [rng.choice([0, 0, 1, 3]) for _ in range(6)]
    new_received = [
        processed[c] + carried_forward[c] - carried_over[c] for c in range(6)
    ]
    for c in range(6):  # keep every count non-negative
        if new_received[c] < 0:
            carried_forward[c] -= new_received[c]
            new_received[c] = 0
    table = {"new_received": new_received, "carried_over": carried_over}
    table.update({key: rows[key] for key in leaves})
    table["total_processed"] = processed
    table["carried_forward"] = carried_forward
    rows_out = {key: values + [sum(values)] for key, values in table.items()}
    appeals = {}
    for group in APPEAL_GROUPS:
        cells = [rng.choice([0, 0, 1, 2, 5]) for _ in range(4)]
        appeals[group] = dict(zip(APPEAL_COLUMNS, cells + [sum(cells)], strict=True))
    report = {
        "format": "2021",
        "agency": agency,
        "year": year,
        "proactive": {
            "rules": {"issued": rng.randint(0, 3), "repealed": rng.randint(0, 2),
                      "in_force": rng.randint(3, 20)},
            "normative_documents": {"issued": rng.randint(1, 30), "repealed": rng.randint(0, 20),
                                    "in_force": rng.randint(20, 300)},
            "licensing": rng.randint(0, 60000),
            "penalty": rng.randint(0, 40000),
            "enforcement": rng.randint(0, 900),
            "fees_10k_yuan": f"{rng.randint(0, 30000)}.{rng.randint(0, 99):02d}",
        },
        "applications": {"rows": rows_out},
        "appeals": appeals,
        "sections": {},
    }
    report["sections"] = default_sections(report)
    return report


def _row(rng: random.Random, busy: bool) -> list[int]:
    if busy:
        return [rng.randint(0, 60), rng.randint(0, 12), rng.choice([0, 0, 1]),
                rng.choice([0, 1, 2]), rng.choice([0, 0, 3]), rng.randint(0, 4)]
    return [rng.choice([0, 0, 0, 1, 2, 7]) for _ in range(6)] if rng.random() < 0.5 else [0] * 6


def default_sections(report: dict) -> dict:
    rows = report["applications"]["rows"]
    new = rows["new_received"][6]
    return {
        "overview": (
            f"（一）主动公开情况。全年主动公开政府信息，持续推进重点领域信息公开。\n"
            f"（二）依申请公开情况。规范办理程序，对内容不明确的申请依法一次性出具补正告知书。"
            f"全年共受理政府信息公开申请{new}件，按时办结率100%。"
        ),
        "problems": "（一）存在的主要问题。政策解读形式单一。\n（二）改进情况。丰富解读形式。",
        "other": "本年度未收取政府信息公开信息处理费。",
    }


# --- printing ----------------------------------------------------------------------

_GROUP_OF = {
    "granted": "三、本年度办理结果",
    "denied_state_secret": "（三）不予公开",
    "unable_not_held": "（四）无法提供",
    "not_processed_complaint": "（五）不予处理",
    "other_overdue_correction": "（六）其他处理",
}


def row_label_cells(key: str) -> list[str]:
    """A row's label as the national template prints it, one cell per label column."""
    if key == OTHER_ROW_2019:
        return ["（六）其他处理"]
    label = ROW_LABELS[key]
    cells = label.split(" ") if " " in label else [label]
    if key == "granted":
        return ["三、本年度办理结果", label]
    return cells


@dataclass
class Damage:
    """What PDF extraction did to the text of 表三 (and 表四)."""

    lost: dict[str, int] = field(default_factory=dict)  # row → index of the lost cell
    run_together: dict[str, int] = field(default_factory=dict)  # row → i: cells i, i+1 joined
    blank_marks: bool = False  # zeros printed as —
    full_width: bool = False  # digits in full width, thousands separators


def _printed(value, damage: Damage) -> str:
    if value is None or (damage.blank_marks and value == 0):
        return "—"
    text = f"{value:,}" if damage.full_width and isinstance(value, int) else str(value)
    if damage.full_width:
        text = text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return text


def _value_cells(key: str, values: list, damage: Damage) -> list[str]:
    cells = [_printed(v, damage) for v in values]
    if key in damage.run_together:
        i = damage.run_together[key]
        cells[i : i + 2] = [cells[i] + cells[i + 1]]
    if key in damage.lost:
        del cells[min(damage.lost[key], len(cells) - 1)]
    return cells


def _title(report: dict) -> str:
    return f"{report['agency']}{report['year']}年政府信息公开工作年度报告"


def _proactive_text(report: dict, layout_2019: bool) -> list[str]:
    if layout_2019:
        p = report["proactive_2019"]
        lines = ["第二十条第（一）项", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"]
        lines += [f"规章\t{_cells(p['rules'])}", f"规范性文件\t{_cells(p['normative_documents'])}"]
        lines += ["第二十条第（五）项", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量"]
        lines += [f"行政许可\t{_cells(p['licensing'])}",
                  f"其他对外管理服务事项\t{_cells(p['other_services'])}"]
        lines += ["第二十条第（六）项", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量"]
        lines += [f"行政处罚\t{_cells(p['penalty'])}", f"行政强制\t{_cells(p['enforcement'])}"]
        lines += ["第二十条第（八）项", "信息内容\t上一年项目数量\t本年增/减"]
        lines += [f"行政事业性收费\t{_cells(p['fees'])}"]
        lines += ["第二十条第（九）项", "信息内容\t采购项目数量\t采购总金额"]
        lines += [f"政府集中采购\t{_cells(p['procurement'])}"]
        return lines
    p = report["proactive"]
    return [
        "第二十条第（一）项\t\t\t",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        f"规章\t{_cells(p['rules'])}",
        f"行政规范性文件\t{_cells(p['normative_documents'])}",
        "第二十条第（五）项\t\t\t",
        "信息内容\t本年处理决定数量\t\t",
        f"行政许可\t{p['licensing']}\t\t",
        "第二十条第（六）项\t\t\t",
        "信息内容\t本年处理决定数量\t\t",
        f"行政处罚\t{p['penalty']}\t\t",
        f"行政强制\t{p['enforcement']}\t\t",
        "第二十条第（八）项\t\t\t",
        "信息内容\t本年收费金额（单位：万元）\t\t",
        f"行政事业性收费\t{p['fees_10k_yuan']}\t\t",
    ]


def _cells(values: dict) -> str:
    return "\t".join("" if v is None else str(v) for v in values.values())


def as_text(report: dict, damage: Damage | None = None) -> str:
    """The report as text extracted from a PDF: tabs between cells, like the seed."""
    damage = damage or Damage()
    layout_2019 = "proactive_2019" in report
    lines = ["", _title(report), "", "一、总体情况", "", report["sections"]["overview"], ""]
    lines += ["二、主动公开政府信息情况", ""] + _proactive_text(report, layout_2019) + [""]
    lines += ["三、收到和处理政府信息公开申请情况", ""]
    lines += [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\t\t\t\t\t总计",
        "\t自然人\t法人或其他组织\t\t\t\t",
        "\t\t商业企业\t科研机构\t社会公益\t法律服务\t其他",
        "\t\t\t\t组织\t机构\t",  # the header split over lines, as in the seed
    ]
    for key, values in report["applications"]["rows"].items():
        label = "\t".join(row_label_cells(key))
        lines.append(f"{label}\t\t" + "\t".join(_value_cells(key, values, damage)) + "\t")
    lines += ["", "四、政府信息公开行政复议、行政诉讼情况", ""]
    lines += [
        "行政复议\t\t\t\t\t行政诉讼",
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉",
        "\t\t\t\t\t" + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2),
    ]
    appeal_values = [report["appeals"][g][c] for g in APPEAL_GROUPS for c in APPEAL_COLUMNS]
    lines.append("\t".join(_value_cells("appeals", appeal_values, damage)))
    lines += ["", "五、存在的主要问题及改进情况", "", report["sections"]["problems"], ""]
    lines += ["六、其他需要报告的事项", "", report["sections"]["other"], ""]
    return "\n".join(lines)


# --- HTML, DOCX, PDF share one table description: rows of (text, colspan, rowspan) ---


def applications_table(report: dict) -> list[list[tuple[str, int, int]]]:
    rows = report["applications"]["rows"]
    single_other = OTHER_ROW_2019 in rows
    table = [
        [("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
         ("申请人情况", 7, 1)],
        [("自然人", 1, 2), ("法人或其他组织", 5, 1), ("总计", 1, 2)],
        [("商业企业", 1, 1), ("科研机构", 1, 1), ("社会公益组织", 1, 1),
         ("法律服务机构", 1, 1), ("其他", 1, 1)],
    ]
    spans = {"三、本年度办理结果": len(outcome_rows(single_other)) + 1,
             "（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5,
             "（六）其他处理": 1 if single_other else 3}
    for key, values in rows.items():
        cells: list[tuple[str, int, int]] = []
        if key in ("new_received", "carried_over", "carried_forward"):
            cells.append((ROW_LABELS[key], 3, 1))
        elif key == "granted":
            cells += [("三、本年度办理结果", 1, spans["三、本年度办理结果"]), ("（一）予以公开", 2, 1)]
        elif key in ("partial", "total_processed"):
            cells.append((ROW_LABELS[key], 2, 1))
        elif key == OTHER_ROW_2019:
            cells.append(("（六）其他处理", 2, 1))
        else:
            label = ROW_LABELS[key]
            if " " in label:
                group, label = label.split(" ", 1)
                cells.append((group, 1, spans[group]))
            cells.append((label, 1, 1))
        cells += [(_cell_text(v), 1, 1) for v in values]
        table.append(cells)
    return table


def appeals_table(report: dict) -> list[list[tuple[str, int, int]]]:
    heads = [("结果维持", 1, 1), ("结果纠正", 1, 1), ("其他结果", 1, 1), ("尚未审结", 1, 1),
             ("总计", 1, 1)]
    values = [(_cell_text(report["appeals"][g][c]), 1, 1) for g in APPEAL_GROUPS for c in APPEAL_COLUMNS]
    return [
        [("行政复议", 5, 2), ("行政诉讼", 10, 1)],
        [("未经复议直接起诉", 5, 1), ("复议后起诉", 5, 1)],
        heads * 3,
        values,
    ]


def _cell_text(value) -> str:
    return "" if value is None else str(value)


def proactive_tables(report: dict) -> list[list[list[tuple[str, int, int]]]]:
    if report.get("proactive") is None:
        return proactive_tables_2019(report)
    p = report["proactive"]
    docs = [[("第二十条第（一）项", 4, 1)],
            [("信息内容", 1, 1), ("本年制发件数", 1, 1), ("本年废止件数", 1, 1), ("现行有效件数", 1, 1)]]
    for kind, label in (("rules", "规章"), ("normative_documents", "行政规范性文件")):
        docs.append([(label, 1, 1)] + [(str(v), 1, 1) for v in p[kind].values()])
    decisions = [[("第二十条第（五）项", 2, 1)], [("信息内容", 1, 1), ("本年处理决定数量", 1, 1)],
                 [("行政许可", 1, 1), (str(p["licensing"]), 1, 1)],
                 [("第二十条第（六）项", 2, 1)], [("信息内容", 1, 1), ("本年处理决定数量", 1, 1)],
                 [("行政处罚", 1, 1), (str(p["penalty"]), 1, 1)],
                 [("行政强制", 1, 1), (str(p["enforcement"]), 1, 1)],
                 [("第二十条第（八）项", 2, 1)], [("信息内容", 1, 1), ("本年收费金额（单位：万元）", 1, 1)],
                 [("行政事业性收费", 1, 1), (p["fees_10k_yuan"], 1, 1)]]
    return [docs, decisions]


def proactive_tables_2019(report: dict) -> list[list[list[tuple[str, int, int]]]]:
    """表二 in the 2019 layout: the same lines as the text form, one cell per tab."""
    lines = _proactive_text(report, layout_2019=True)
    width = max(len(line.split("\t")) for line in lines)
    table = []
    for line in lines:
        cells = line.split("\t")
        if len(cells) == 1:
            table.append([(cells[0], width, 1)])
        else:
            table.append([(cell, 1, 1) for cell in cells] + [("", 1, 1)] * (width - len(cells)))
    return [table]


def _html_table(table) -> str:
    rows = []
    for row in table:
        cells = "".join(
            f'<td colspan="{c}" rowspan="{r}">{text}</td>' for text, c, r in row
        )
        rows.append(f"<tr>{cells}</tr>")
    return "<table>" + "".join(rows) + "</table>"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{line}</p>" for line in text.splitlines())


_CSS = (
    "body{font-family:'Noto Sans CJK SC','Noto Serif CJK SC',sans-serif;font-size:9pt}"
    "table{border-collapse:collapse;margin:6pt 0}td{border:0.6pt solid #000;padding:2pt 3pt}"
)


def as_html(report: dict) -> str:
    """The report as a government site publishes it: headings, paragraphs, ruled tables."""
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{_CSS}</style></head><body>",
             f"<h1>{_title(report)}</h1>",
             "<h2>一、总体情况</h2>", _paragraphs(report["sections"]["overview"]),
             "<h2>二、主动公开政府信息情况</h2>"]
    parts += [_html_table(t) for t in proactive_tables(report)]
    parts += ["<h2>三、收到和处理政府信息公开申请情况</h2>", _html_table(applications_table(report)),
              "<h2>四、政府信息公开行政复议、行政诉讼情况</h2>", _html_table(appeals_table(report)),
              "<h2>五、存在的主要问题及改进情况</h2>", _paragraphs(report["sections"]["problems"]),
              "<h2>六、其他需要报告的事项</h2>", _paragraphs(report["sections"]["other"]),
              "</body></html>"]
    return "".join(parts)


def as_pdf(report: dict) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=as_html(report)).write_pdf()


def as_docx(report: dict) -> bytes:
    """The report as a Word document, tables with merged cells as in the template."""
    import docx

    document = docx.Document()
    document.add_heading(_title(report), level=1)
    document.add_paragraph("一、总体情况")
    for line in report["sections"]["overview"].splitlines():
        document.add_paragraph(line)
    document.add_paragraph("二、主动公开政府信息情况")
    for table in proactive_tables(report):
        _docx_table(document, table)
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    _docx_table(document, applications_table(report))
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    _docx_table(document, appeals_table(report))
    document.add_paragraph("五、存在的主要问题及改进情况")
    for line in report["sections"]["problems"].splitlines():
        document.add_paragraph(line)
    document.add_paragraph("六、其他需要报告的事项")
    document.add_paragraph(report["sections"]["other"])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_table(document, table) -> None:
    placed, width = _place(table)
    grid = document.add_table(rows=len(table), cols=width)
    for (r, c), (text, colspan, rowspan) in placed.items():
        cell = grid.cell(r, c)
        cell.text = text
        if colspan > 1 or rowspan > 1:
            cell.merge(grid.cell(r + rowspan - 1, c + colspan - 1))
            grid.cell(r, c).text = text  # merging joins the texts of the merged cells


def _place(table) -> tuple[dict, int]:
    """Grid positions of spanning cells, as a browser lays out rowspan/colspan."""
    taken: set[tuple[int, int]] = set()
    placed = {}
    width = 0
    for r, row in enumerate(table):
        c = 0
        for text, colspan, rowspan in row:
            while (r, c) in taken:
                c += 1
            placed[(r, c)] = (text, colspan, rowspan)
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            c += colspan
            width = max(width, c)
    return placed, width


def to_2019_layout(report: dict) -> dict:
    """The same report in the 2019 layout: 2019 表二, one （六）其他处理 row."""
    converted = to_single_other_row(report)
    converted["format"] = "2019"
    p = converted.pop("proactive")
    converted["proactive"] = None
    converted["proactive_2019"] = {
        "rules": {"created": p["rules"]["issued"], "published": p["rules"]["issued"],
                  "total": p["rules"]["in_force"]},
        "normative_documents": {"created": p["normative_documents"]["issued"],
                                "published": p["normative_documents"]["issued"],
                                "total": p["normative_documents"]["in_force"]},
        "licensing": {"previous": 120, "change": -3, "decisions": p["licensing"]},
        "other_services": {"previous": 40, "change": 2, "decisions": 15},
        "penalty": {"previous": 300, "change": 0, "decisions": p["penalty"]},
        "enforcement": {"previous": 30, "change": -1, "decisions": p["enforcement"]},
        "fees": {"previous": 12, "change": -2},
        "procurement": {"projects": 8, "amount_10k_yuan": "1234.5"},
    }
    return converted


def to_single_other_row(report: dict) -> dict:
    """The hybrid: 2021 表二 with the 2019 row set in 表三 (one （六）其他处理 row)."""
    import copy

    converted = copy.deepcopy(report)
    rows = converted["applications"]["rows"]
    merged = [sum(rows[key][c] for key in OTHER_ROWS_2021) for c in range(7)]
    new_rows = {}
    for key, values in rows.items():
        if key == OTHER_ROWS_2021[0]:
            new_rows[OTHER_ROW_2019] = merged
        elif key not in OTHER_ROWS_2021:
            new_rows[key] = values
    converted["applications"]["rows"] = new_rows
    return converted


APPLICANTS = APPLICANT_COLUMNS
