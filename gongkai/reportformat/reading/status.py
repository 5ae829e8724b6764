"""Per table: read, restored (which cells, by which rule) or unreadable — never silent.

A report whose tables were not read is never "no errors": `report check` and the
checker page say so when 表三 or 表四 is unreadable.
"""

from dataclasses import dataclass, field

from .origins import RESTORED, UNCERTAIN, CellOrigin

READ = "read"
RESTORED_TABLE = "restored"
UNREADABLE = "unreadable"
STATUS_WORDS = {READ: "已读出", RESTORED_TABLE: "已读出（部分格由合计关系推出）", UNREADABLE: "未能读出"}
TABLES = (("proactive", "表二"), ("applications", "表三"), ("appeals", "表四"))
REQUIRED = ("applications", "appeals")  # the tables the checker's hard rules need


@dataclass
class TableStatus:
    table: str  # proactive | applications | appeals
    name: str  # 表二 / 表三 / 表四
    status: str  # read | restored | unreadable
    restored: dict[str, str] = field(default_factory=dict)  # cell path → the rule that fixed it
    unread: list[str] = field(default_factory=list)  # cell paths not read
    reason: str = ""

    def as_dict(self) -> dict:
        return {"table": self.name, "status": self.status, "restored": self.restored,
                "unread": self.unread, "reason": self.reason}

    def line(self) -> str:
        """One line of plain Chinese: 表三：未能读出（12格无法确定）."""
        text = f"{self.name}：{STATUS_WORDS[self.status]}"
        if self.status == UNREADABLE:
            return f"{text}（{self.reason}）"
        if self.restored:
            return f"{text}，{len(self.restored)}格推出"
        return text


def table_statuses(report: dict, origins: dict[str, CellOrigin]) -> dict[str, TableStatus]:
    statuses = {}
    for key, name in TABLES:
        prefix = f"{key}."
        if key == "proactive" and report.get("proactive") is None and report.get("proactive_2019"):
            prefix = "proactive_2019."
        cells = {path: origin for path, origin in origins.items() if path.startswith(prefix)}
        unread = [path for path, origin in cells.items() if origin.confidence == UNCERTAIN]
        restored = {path: origin.note or "由表内合计关系确定" for path, origin in cells.items()
                    if origin.confidence == RESTORED}
        value = report.get(key) if prefix == f"{key}." else report.get("proactive_2019")
        if not value:
            status = TableStatus(key, name, UNREADABLE, reason=f"没有找到{name}")
        elif unread:
            status = TableStatus(key, name, UNREADABLE, restored, unread,
                                 reason=f"{len(unread)}格无法确定，{name}不完整")
        else:
            status = TableStatus(key, name, RESTORED_TABLE if restored else READ, restored)
        statuses[key] = status
    return statuses


def unreadable_reason(statuses) -> str | None:
    """One line when 表三 or 表四 was not read, else None. Takes TableStatus objects or
    their dicts (as stored in the report JSON under `tables`)."""
    problems = []
    for key in REQUIRED:
        status = statuses.get(key)
        if status is None:
            continue
        data = status.as_dict() if isinstance(status, TableStatus) else status
        if data["status"] == UNREADABLE:
            problems.append(f"{data['table']}未能读出（{data['reason']}）")
    if not problems:
        return None
    return "；".join(problems) + "，无法核查，不能认为这份报告没有错误"
