"""表三 收到和处理政府信息公开申请情况 → `applications.rows`.

Rows are recognised by their label, not by their position, because extraction splits
and merges label cells; a row whose label was lost is placed by table order and says
so. Damaged rows are put back together by `restoring` using the table's own sums:
C3 (each row's 总计 is the sum of the six applicant columns), C2 (each column's （七）总计
is the sum of the outcome rows) and C1 (一 + 二 = （七） + 四, per column).
"""

import functools
import re

from ..vocabulary import (
    COLUMNS,
    OTHER_ROW_2019,
    OTHER_ROWS_2021,
    ROW_LABELS,
    ROWS_2021,
    application_rows,
    outcome_rows,
)
from .lines import Line, SplitLine, split_line, squeeze
from .origins import CERTAIN, RESTORED, UNCERTAIN, Origins, describe
from .restoring import RowReading, SumRule, read_row, resolve
from .sections import _dice_pairs, _pairs

WIDTH = len(COLUMNS)

# Words that identify a row even through typos elsewhere in its label.
ROW_KEYWORDS: dict[str, tuple[str, ...]] = {
    "new_received": ("本年新收", "新收"),
    "carried_over": ("上年结转",),
    "granted": ("予以公开",),
    "partial": ("部分公开",),
    "denied_state_secret": ("国家秘密",),
    "denied_law_forbidden": ("禁止公开",),
    "denied_three_safeties_one_stability": ("三安全一稳定", "危及"),
    "denied_third_party_rights": ("第三方",),
    "denied_internal_affairs": ("内部事务",),
    "denied_process_info": ("过程性",),
    "denied_law_enforcement_file": ("执法案卷",),
    "denied_admin_query": ("行政查询", "查询事项"),
    "unable_not_held": ("不掌握",),
    "unable_needs_creation": ("另行制作", "没有现成"),
    "unable_unclear_after_correction": ("仍不明确", "补正后"),
    "not_processed_complaint": ("信访", "举报投诉"),
    "not_processed_repeat": ("重复申请",),
    "not_processed_publication": ("出版物",),
    "not_processed_excessive": ("大量反复",),
    "not_processed_confirm_existing": ("重新出具", "已获取信息", "确认或"),
    "other_overdue_correction": ("逾期不补正",),
    "other_overdue_fee": ("缴纳费用", "收费通知", "逾期未按"),
    OTHER_ROW_2019: ("其他处理",),
    "total_processed": ("总计",),
    "carried_forward": ("结转下年",),
}
# Every row either layout can print, in table order.
ALL_ROWS: tuple[str, ...] = ROWS_2021[:20] + (OTHER_ROW_2019,) + ROWS_2021[20:]
_NUMBERING = re.compile(r"[(（]?[一二三四五六七八九十]+[)）、.．]|[(（]\d+[)）]|\d+[.．、]")
_MIN_VALUES = 5


def read_applications(lines: list[Line], origins: Origins) -> dict | None:
    matched = match_rows(lines, origins)
    if len(matched) < 3:
        return None
    single_other = OTHER_ROW_2019 in matched and not any(k in matched for k in OTHER_ROWS_2021)
    keys = application_rows(single_other)
    gap = _label_gap(matched.values())
    readings = [_reading(key, matched.get(key), gap) for key in keys]
    if any(r.fused and r.with_blanks for r in readings):
        # Run-together digits and a row that needs a blank: any row may hide one.
        readings = [_reading(key, matched.get(key), gap, blanks_anywhere=True) for key in keys]
    resolution = resolve(readings, table_sum_rules(single_other))
    rows: dict[str, list] = {}
    restored: list[str] = []
    for reading in readings:
        split = matched.get(reading.key)
        doubts = resolution.uncertain[reading.key]
        rows[reading.key] = list(resolution.cells[reading.key])
        _record(origins, reading, split, doubts)
        if split is not None and reading.damaged and not any(doubts):
            restored.append(describe(split.line.source))
    if restored:
        origins.notes.append(
            f"表三有{len(restored)}行读到的数少于或多于{WIDTH}个（{restored[0]}起），"
            f"均已按表内合计关系唯一确定"
        )
    return {"rows": rows}


def _label_gap(splits) -> int | None:
    """How many empty cells extracted text leaves between a row's label and its numbers.

    Rows printed whole (seven numbers) show it: the seed's PDF text has one empty cell
    there in every row, and any other empty cell there is a blank cell of the table.
    When whole rows differ (a table copied from a browser keeps a spanning label's
    empty cells, so the count follows the label's span), None: every row then has its
    table's full width of cells, and the numbers are the last seven of them.
    """
    gaps = {s.leading_empty for s in splits if len(s.values) == WIDTH and None not in s.values}
    if len(gaps) == 1:
        return gaps.pop()
    return None if gaps else 0


def _reading(key: str, split: SplitLine | None, gap: int | None = 0, blanks_anywhere: bool = False) -> RowReading:
    if split is None:
        return RowReading(key, WIDTH, [], damaged=True)
    blanks = split.leading_empty if gap is None else max(0, split.leading_empty - gap)
    values = [None] * blanks + list(split.values)
    while len(values) > WIDTH and values[0] is None:
        values.pop(0)  # grid cells left of the numbers that only belong to the label
    return read_row(key, values, [WIDTH], blanks_anywhere)


def _record(origins: Origins, reading: RowReading, split: SplitLine | None, doubts) -> None:
    source = split.line.source if split else {}
    label = ROW_LABELS.get(reading.key, "（六）其他处理")
    if split is None:
        origins.notes.append(f"表三未找到“{label}”这一行，其数值留空")
    elif reading.damaged:
        count = len(split.values)
        where = describe(source)
        if any(doubts):
            origins.notes.append(
                f"表三“{label}”（{where}）读到{count}个数（应为{WIDTH}个），"
                f"按表内合计关系无法唯一确定，不能确定的格留空"
            )
    inferred = split is not None and split.label == ""
    how = _restoring_rule(reading)
    for path, doubt in zip(_cell_paths(reading.key), doubts, strict=True):
        if doubt:
            origins.add(path, source, UNCERTAIN, "无法确定此格")
        elif reading.damaged:
            origins.add(path, source, RESTORED, how)
        elif inferred:
            origins.add(path, source, RESTORED, "行名未读到，按表格顺序认定")
        else:
            origins.add(path, source, CERTAIN)


def _restoring_rule(reading: RowReading) -> str:
    """Which sums fixed a damaged row's cells, in words."""
    what = "连在一起的数字" if reading.fused else "缺失或连在一起的格"
    if len(reading.candidates) == 1:
        return f"{what}由本行横向合计（C3）唯一确定"
    return f"{what}由本行横向合计（C3）和各列合计（C1 收办平衡、C2 明细合计）唯一确定"


@functools.lru_cache(maxsize=64)
def _cell_paths(key: str) -> tuple[str, ...]:
    return tuple(f"applications.rows.{key}.{column}" for column in COLUMNS)


def table_sum_rules(single_other: bool) -> list[SumRule]:
    """C3 per row, C2 and C1 per column, as sums the restorer may use."""
    return list(_table_sum_rules(single_other))


@functools.cache
def _table_sum_rules(single_other: bool) -> tuple[SumRule, ...]:
    # The same two rule sets for every report: built once (SumRule is frozen).
    keys = application_rows(single_other)
    leaves = outcome_rows(single_other)
    rules = [
        SumRule(left=tuple((key, c) for c in range(WIDTH - 1)), right=((key, WIDTH - 1),))
        for key in keys
    ]
    for c in range(WIDTH):
        rules.append(SumRule(left=tuple((key, c) for key in leaves), right=(("total_processed", c),)))
        rules.append(
            SumRule(
                left=(("new_received", c), ("carried_over", c)),
                right=(("total_processed", c), ("carried_forward", c)),
            )
        )
    return tuple(rules)


def match_rows(lines: list[Line], origins: Origins) -> dict[str, SplitLine]:
    """Each 表三 row's line, found by its label (or, label lost, by table order)."""
    matched: dict[str, SplitLine] = {}
    pending = ""
    last = -1
    for line in lines:
        split = split_line(line)
        if not _is_row(split):
            pending = (pending + (split.squeezed_label if split.label else line.squeezed))[-80:]
            continue
        label = split.squeezed_label
        key = row_for(label, last) or row_for(pending + label, last)
        if key is None and not split.label:
            key = _next_in_order(matched, last)
        pending = ""
        if key is None or key in matched:
            continue
        matched[key] = split
        last = ALL_ROWS.index(key)
    return matched


def _is_row(split: SplitLine) -> bool:
    numbers = [v for v in split.values if v is not None]
    return bool(numbers) or len(split.values) >= _MIN_VALUES


def row_for(label: str, last: int) -> str | None:
    """The row a label names: the longest keyword it contains, else the closest label."""
    if not label:
        return None
    bare = _NUMBERING.sub("", label)
    if bare in ("其他", "其他情形") or bare.endswith("其他处理其他"):
        return "other_other"
    best, best_length = None, 0
    for key, words in ROW_KEYWORDS.items():
        for word in words:
            if word in label and len(word) > best_length:
                best, best_length = key, len(word)
    if best:
        return best
    bare_pairs = _pairs(bare)
    scores = [(_dice_pairs(bare, bare_pairs, *_BARE_LABELS[key]), key) for key in ROWS_2021]
    score, key = max(scores)
    return key if score >= 0.45 else None


# Each row's printed label without its numbering, and its character pairs: worked out
# once here, not for every label `row_for` has to score.
_BARE_LABELS = {
    key: (bare, _pairs(bare))
    for key in ROWS_2021
    for bare in [_NUMBERING.sub("", squeeze(ROW_LABELS[key]))]
}


def _next_in_order(matched: dict[str, SplitLine], last: int) -> str | None:
    for key in ALL_ROWS[last + 1 :]:
        if key == OTHER_ROW_2019 or key in matched:
            continue
        return key
    return None
