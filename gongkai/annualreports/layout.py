"""The national table layout (国办公开办函〔2021〕30号) as grids of cells, so the HTML page
and the DOCX file print the same merged header cells from one description.

Pure: the interchange dict in, rows of `Cell`s out. A blank (None) value prints blank.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from gongkai.reportformat.vocabulary import (
    APPEAL_COLUMN_LABELS,
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    APPLICANT_COLUMNS,
    COLUMN_LABELS,
    DECISION_KIND_LABELS,
    DOCUMENT_COUNT_LABELS,
    DOCUMENT_COUNTS,
    DOCUMENT_KIND_LABELS,
    DOCUMENT_KINDS,
    FEES_KEY,
    FEES_LABEL,
    OUTCOME_ROWS_2021,
    ROW_LABELS,
    ROWS_2021,
    SECTION_TITLES,
)


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    number: bool = False


def _value(value) -> str:
    return "" if value is None else str(value)


def _h(text: str, rowspan: int = 1, colspan: int = 1) -> Cell:
    return Cell(text, rowspan, colspan, header=True)


def _n(value, colspan: int = 1) -> Cell:
    return Cell(_value(value), colspan=colspan, number=True)


def title(data: dict) -> str:
    return f"{data.get('agency') or ''}{data.get('year') or ''}年政府信息公开工作年度报告"


# --- 表二 --------------------------------------------------------------------------------


def proactive_grid(data: dict) -> list[list[Cell]]:
    p = data.get("proactive") or {}
    grid = [
        [_h("第二十条第（一）项", colspan=4)],
        [_h("信息内容")] + [_h(DOCUMENT_COUNT_LABELS[c]) for c in DOCUMENT_COUNTS],
    ]
    for kind in DOCUMENT_KINDS:
        counts = p.get(kind) or {}
        grid.append([Cell(DOCUMENT_KIND_LABELS[kind])] + [_n(counts.get(c)) for c in DOCUMENT_COUNTS])
    for item, kinds in (("（五）", ("licensing",)), ("（六）", ("penalty", "enforcement"))):
        grid.append([_h(f"第二十条第{item}项", colspan=4)])
        grid.append([_h("信息内容"), _h("本年处理决定数量", colspan=3)])
        for kind in kinds:
            grid.append([Cell(DECISION_KIND_LABELS[kind]), _n(p.get(kind), colspan=3)])
    grid.append([_h("第二十条第（八）项", colspan=4)])
    grid.append([_h("信息内容"), _h("本年收费金额（单位：万元）", colspan=3)])
    grid.append([Cell(FEES_LABEL), _n(p.get(FEES_KEY), colspan=3)])
    return grid


# --- 表三 --------------------------------------------------------------------------------

_GROUP_SIZES = {"denied": 8, "unable": 3, "not_processed": 5, "other": 3}
_BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _row_labels(row: str) -> list[Cell]:
    label = ROW_LABELS[row]
    if row in ("new_received", "carried_over", "carried_forward"):
        return [Cell(label, colspan=3)]
    cells = []
    if row == "granted":
        cells.append(Cell("三、本年度办理结果", rowspan=len(OUTCOME_ROWS_2021) + 1))
    if row in ("granted", "partial", "total_processed"):
        return cells + [Cell(label, colspan=2)]
    group = next((g for g in _GROUP_SIZES if row.startswith(g)), None)
    if " " in label and group:  # the first leaf of a group carries the group's label
        group_label, leaf = label.split(" ", 1)
        return [Cell(group_label, rowspan=_GROUP_SIZES[group]), Cell(leaf)]
    return [Cell(label)]


def applications_grid(data: dict) -> list[list[Cell]]:
    rows = ((data.get("applications") or {}).get("rows")) or {}
    grid = [
        [_h(_BALANCE_NOTE, rowspan=3, colspan=3), _h("申请人情况", colspan=7)],
        [_h("自然人", rowspan=2), _h("法人或其他组织", colspan=5), _h("总计", rowspan=2)],
        [_h(COLUMN_LABELS[c]) for c in APPLICANT_COLUMNS[1:]],
    ]
    for row in ROWS_2021:
        values = rows.get(row) or [None] * 7
        grid.append(_row_labels(row) + [_n(v) for v in values])
    return grid


# --- 表四 --------------------------------------------------------------------------------


def appeals_grid(data: dict) -> list[list[Cell]]:
    appeals = data.get("appeals") or {}
    labels = [APPEAL_COLUMN_LABELS[c] for c in APPEAL_COLUMNS]
    return [
        [_h("行政复议", colspan=5), _h("行政诉讼", colspan=10)],
        [_h(label, rowspan=2) for label in labels] + [_h("未经复议直接起诉", colspan=5), _h("复议后起诉", colspan=5)],
        [_h(label) for label in labels] * 2,
        [_n((appeals.get(group) or {}).get(c)) for group in APPEAL_GROUPS for c in APPEAL_COLUMNS],
    ]


# --- the text ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    lead: str  # a bold lead-in such as （一）主动公开情况。
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """Lines of a section; a line opening with （一）…（十） has its heading made bold."""
    result = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("（") and "）" in line[:4] and "。" in line:
            head, rest = line.split("。", 1)
            result.append(Paragraph(head + "。", rest))
        else:
            result.append(Paragraph("", line))
    return result


# --- printing a grid over pages ---------------------------------------------------------


def grid_positions(grid: list[list[Cell]], columns: int) -> list[tuple[int, int, Cell]]:
    """(row, column, cell) for each cell of an HTML-style grid, skipping the places that
    cells from rows above cover with their rowspan."""
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(grid):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            if c + cell.colspan > columns:
                raise ValueError(f"row {r} is wider than {columns} columns")
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return placed




def head_rows(grid: list[list[Cell]]) -> int:
    """How many leading rows are the column headings (every cell a header): the rows a
    printed table repeats at the top of each page."""
    count = 0
    for row in grid:
        if not all(cell.header for cell in row):
            break
        count += 1
    return count


# A caption spanning a whole block (表三's 三、本年度办理结果, 19 rows) would pin most of the
# table to one page and leave the page before it half empty; the groups under it (the eight
# 不予公开 rows) still stay together.
MAX_TIED_ROWS = 8


def row_groups(grid: list[list[Cell]], start: int = 0) -> list[list[int]]:
    """Indexes of the rows from `start` that must print on one page: rows a merged
    (rowspan) cell ties together, and a heading row with the row it heads. A page may
    break only between groups, so a label never sits on one page and its numbers on the next."""
    groups: list[list[int]] = []
    tied_until = -1
    for r in range(start, len(grid)):
        row = grid[r]
        joins = bool(groups) and (r <= tied_until or all(cell.header for cell in grid[r - 1]) and r - 1 >= start)
        if joins:
            groups[-1].append(r)
        else:
            groups.append([r])
        tied_until = max(tied_until, *(r + cell.rowspan - 1 for cell in row if cell.rowspan <= MAX_TIED_ROWS))
    return groups


def split_at_groups(grid: list[list[Cell]], columns: int, groups: list[list[int]]) -> list[list[Cell]]:
    """The grid with every merged cell that runs past its row group cut at the group's end
    and carried on, with the same label, in the next group: a page then breaks cleanly
    between groups (a renderer cannot break a merged cell without shifting the columns)."""
    group_of = {r: g for g, rows in enumerate(groups) for r in rows}
    placed: dict[int, list[tuple[int, Cell]]] = {r: [] for r in range(len(grid))}
    for r, c, cell in grid_positions(grid, columns):
        last = r + cell.rowspan - 1
        if r not in group_of or group_of.get(last) == group_of[r]:
            placed[r].append((c, cell))
            continue
        g = group_of[r]
        while r <= last:
            end = min(last, groups[g][-1])
            placed[r].append((c, replace(cell, rowspan=end - r + 1)))
            r, g = end + 1, g + 1
    return [[cell for _c, cell in sorted(placed[r], key=lambda pc: pc[0])] for r in range(len(grid))]


def _grid_part(key: str, grid: list[list[Cell]], columns: int, *, paged: bool, repeat_head: bool = True) -> dict:
    head = head_rows(grid) if repeat_head else 0
    groups = row_groups(grid, head)
    rows = split_at_groups(grid, columns, groups) if paged else grid
    return {
        "title": SECTION_TITLES[key],
        "grid": grid,
        "columns": columns,
        "head": rows[:head],
        "head_rows": head,
        "bodies": [[rows[r] for r in group] for group in groups],
    }


def document(data: dict, *, paged: bool = False) -> dict:
    """Everything a renderer needs, in printed order; `paged` for a printed (PDF) page."""
    sections = data.get("sections") or {}
    return {
        "title": title(data),
        "parts": [
            {"title": SECTION_TITLES["overview"], "paragraphs": paragraphs(sections.get("overview", ""))},
            # 表二's headings change from block to block: none of them repeats on a new page.
            _grid_part("proactive", proactive_grid(data), 4, paged=paged, repeat_head=False),
            _grid_part("applications", applications_grid(data), 10, paged=paged),
            _grid_part("appeals", appeals_grid(data), 15, paged=paged),
            {"title": SECTION_TITLES["problems"], "paragraphs": paragraphs(sections.get("problems", ""))},
            {"title": SECTION_TITLES["other"], "paragraphs": paragraphs(sections.get("other", ""))},
        ],
    }
