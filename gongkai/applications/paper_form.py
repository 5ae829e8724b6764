"""The paper application form (政府信息公开申请表) an agency's 指南 offers for download,
as DOCX and PDF: what 条例第二十九条 asks of an application, with the agency's own name and
contacts (条例第三十一条: where to hand it in or post it).

One description (`rows`) feeds both renderers, so the two files ask the same questions.
"""

from __future__ import annotations

import html
import io

from gongkai.documents import PDF_PAGE_CSS, setup_official_docx

BLANK = "　" * 12

# (group, field) rows of the form; group "" continues the group above.
APPLICANT_ROWS = (
    ("公民", "姓名"), ("", "证件名称及号码"), ("", "联系电话"), ("", "通信地址及邮政编码"), ("", "电子邮箱"),
    ("法人或其他组织", "名称"), ("", "统一社会信用代码"), ("", "法定代表人或负责人"), ("", "联系人及电话"),
    ("", "通信地址及邮政编码"),
)
REQUEST_ROWS = (
    ("所需信息", "名称、文号或便于查询的其他特征性描述"),
    ("获取方式", "□ 纸质　□ 电子邮件　□ 光盘　□ 其他：______"),
    ("提供方式", "□ 邮寄　□ 当面领取　□ 网上获取　□ 其他：______"),
    ("申请人签名或盖章", "　　　　　　　　　　年　　月　　日"),
)


def title(agency) -> str:
    return f"{agency.name}政府信息公开申请表"


def contacts(agency) -> list[str]:
    lines = [f"受理机构：{agency.office_name or agency.name}"]
    for label, value in (("地址", agency.office_address), ("邮政编码", agency.office_postcode),
                         ("电话", agency.office_phone), ("办公时间", agency.office_hours)):
        if value:
            lines.append(f"{label}：{value}")
    return lines


def render_html_page(agency) -> str:
    e = html.escape
    rows = []
    first_of_group = {i for i, (group, _f) in enumerate(APPLICANT_ROWS) if group}
    for i, (group, field) in enumerate(APPLICANT_ROWS):
        head = ""
        if i == 0:
            head += f'<th rowspan="{len(APPLICANT_ROWS)}" class="side">申请人信息</th>'
        if i in first_of_group:
            size = next((j for j in sorted(first_of_group) if j > i), len(APPLICANT_ROWS)) - i
            head += f'<th rowspan="{size}">{e(group)}</th>'
        rows.append(f"<tr>{head}<td>{e(field)}</td><td class=\"blank\"></td></tr>")
    for group, field in REQUEST_ROWS:
        tall = " tall" if group == "所需信息" else ""
        rows.append(f'<tr><th colspan="2">{e(group)}</th><td colspan="2" class="blank{tall}">{e(field)}</td></tr>')
    notes = "".join(f"<p>{e(line)}</p>" for line in contacts(agency))
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title(agency))}</title>
<style>{PDF_PAGE_CSS}
body {{ font-family: "Noto Serif CJK SC", serif; font-size: 12pt; }}
h1 {{ font-family: "Noto Sans CJK SC", sans-serif; text-align: center; font-size: 20pt; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #000; padding: 6px 8px; font-weight: normal; }}
tr {{ break-inside: avoid; }}
td.blank {{ width: 55%; height: 1.6em; }} td.tall {{ height: 10em; vertical-align: top; }}
th.side {{ width: 2em; }}
.notes {{ margin-top: 1em; font-size: 10.5pt; }} .notes p {{ margin: 0.2em 0; }}
</style></head><body>
<h1>{e(title(agency))}</h1>
<table>{''.join(rows)}</table>
<div class="notes">{notes}<p>本表可复印。依据《中华人民共和国政府信息公开条例》第二十九条填写。</p></div>
</body></html>
"""


def render_pdf(agency) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html_page(agency)).write_pdf()


def render_docx(agency) -> bytes:
    from docx import Document

    docx = Document()
    setup_official_docx(docx)
    docx.add_heading(title(agency), level=0)
    rows = [("申请人信息", group, field) for group, field in APPLICANT_ROWS] + [
        (group, "", field) for group, field in REQUEST_ROWS
    ]
    table = docx.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, (side, group, field) in enumerate(rows):
        cells = table.rows[r].cells
        if side == "申请人信息":
            cells[1].text, cells[2].text = group, field
        else:
            cells[0].text, cells[2].text = side, field
    _merge_runs(table, column=0, start=0, end=len(APPLICANT_ROWS) - 1, text="申请人信息")
    groups = [i for i, (group, _f) in enumerate(APPLICANT_ROWS) if group] + [len(APPLICANT_ROWS)]
    for start, end in zip(groups, groups[1:], strict=False):
        _merge_runs(table, column=1, start=start, end=end - 1, text=APPLICANT_ROWS[start][0])
    for r in range(len(APPLICANT_ROWS), len(rows)):
        table.cell(r, 0).merge(table.cell(r, 1)).text = rows[r][0]
        table.cell(r, 2).merge(table.cell(r, 3)).text = rows[r][2]
    for line in contacts(agency) + ["本表可复印。依据《中华人民共和国政府信息公开条例》第二十九条填写。"]:
        docx.add_paragraph(line)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def _merge_runs(table, *, column: int, start: int, end: int, text: str) -> None:
    merged = table.cell(start, column).merge(table.cell(end, column)) if end > start else table.cell(start, column)
    merged.text = text
