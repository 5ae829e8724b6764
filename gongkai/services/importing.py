"""Checking the 办事一本通 spreadsheet row by row (one Chinese error per bad row)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gongkai.supervision.tables import Table

REQUIRED = ("事项名称", "实施机关", "申请材料", "办理时限", "办理地点")
OPTIONAL = ("事项编码", "事项类型", "设定依据", "申请条件", "办理流程", "收费标准", "咨询电话", "人生事件")
COLUMNS = REQUIRED + OPTIONAL

FIELDS = {
    "事项编码": "code", "事项名称": "name", "事项类型": "kind", "设定依据": "basis", "申请条件": "conditions",
    "申请材料": "materials", "办理流程": "procedure", "办理时限": "time_limit", "收费标准": "fees",
    "办理地点": "place", "咨询电话": "contact",
}
LIMITS = {"code": 64, "name": 200, "kind": 50, "time_limit": 200, "fees": 200, "place": 300, "contact": 100}
_SEPARATORS = re.compile(r"[、,，;；/\s]+")


@dataclass(frozen=True)
class GuideRecord:
    agency_id: int
    fields: dict
    life_event_ids: tuple[int, ...]


@dataclass
class Checked:
    records: list[GuideRecord] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def check_guides(table: Table, agency_ids: dict[str, int], event_ids: dict[str, int]) -> Checked:
    table.require(*REQUIRED)
    checked = Checked()
    seen: dict[tuple, int] = {}
    for row in table.rows:
        problems = [f"{column}不能为空" for column in REQUIRED if not row.get(column)]
        agency_id = agency_ids.get(row.get("实施机关"))
        if row.get("实施机关") and agency_id is None:
            problems.append(f"实施机关「{row.get('实施机关')}」在平台中不存在")
        values = {name: row.get(column) for column, name in FIELDS.items() if column in table.columns}
        values.setdefault("fees", "不收费")
        values["fees"] = values["fees"] or "不收费"
        problems += [f"{_label(name)}不能超过 {limit} 个字" for name, limit in LIMITS.items() if len(values.get(name, "")) > limit]
        events = [e for e in _SEPARATORS.split(row.get("人生事件")) if e]
        unknown = [e for e in events if e not in event_ids]
        if unknown:
            problems.append(f"人生事件「{'、'.join(unknown)}」不认识（可用：{'、'.join(event_ids)}）")
        key = (agency_id, values.get("name"))
        if not problems and key in seen:
            problems.append(f"与第 {seen[key]} 行重复（同一实施机关、事项名称）")
        if problems:
            checked.errors.append(f"第 {row.number} 行：" + "；".join(problems) + "。")
            continue
        seen[key] = row.number
        checked.records.append(GuideRecord(agency_id, values, tuple(event_ids[e] for e in events)))
    if not table.rows:
        checked.errors.append("表中没有数据行。")
    return checked


def _label(name: str) -> str:
    return next(column for column, field_name in FIELDS.items() if field_name == name)
