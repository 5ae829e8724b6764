"""表四 政府信息公开行政复议、行政诉讼情况 → `appeals`.

The national layout prints the three groups side by side (行政复议; 行政诉讼 未经复议
直接起诉; 复议后起诉), five cells each, on one row of 15 numbers under a two-level
header. Some reports print one row per group instead; both are read. A lost cell is
restored from C4 (each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结) when that is unique.
"""

from ..vocabulary import APPEAL_COLUMNS, APPEAL_GROUPS
from .lines import Line, split_line
from .origins import CERTAIN, RESTORED, UNCERTAIN, Origins, describe
from .restoring import read_row, resolve

GROUP = len(APPEAL_COLUMNS)
_GROUP_WORDS: dict[str, tuple[str, ...]] = {
    "reconsideration": ("行政复议",),
    "litigation_direct": ("未经复议", "直接起诉"),
    "litigation_after_reconsideration": ("复议后起诉", "复议后"),
}


def read_appeals(lines: list[Line], origins: Origins) -> dict | None:
    per_group = _rows_per_group(lines)
    if per_group:
        return _build(per_group, origins)
    values: list[str | None] = []
    source: dict = {}
    for line in lines:
        split = split_line(line)
        if not split.values or (split.label and not _only_header_words(split.squeezed_label)):
            continue
        source = source or line.source
        # A line of numbers only: an empty cell in front is a blank cell, not a label's.
        values.extend([None] * split.leading_empty + list(split.values))
        if len(values) >= GROUP * len(APPEAL_GROUPS):
            break
    if not values:
        return None
    while len(values) > GROUP * len(APPEAL_GROUPS) and values[0] is None:
        values.pop(0)
    return _build({"all": (values, source)}, origins)


_HEADER_WORDS = ("未经复议直接起诉", "复议后起诉", "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果",
                 "尚未审结", "总计")


def _only_header_words(label: str) -> bool:
    """The header run into the numbers (text without separators): nothing but 表四's words."""
    for word in _HEADER_WORDS:
        label = label.replace(word, "")
    return label == ""


def _rows_per_group(lines: list[Line]) -> dict[str, tuple[list, dict]]:
    found: dict[str, tuple[list, dict]] = {}
    for line in lines:
        split = split_line(line)
        if len([v for v in split.values if v is not None]) < GROUP - 1:
            continue
        label = split.squeezed_label
        for group in reversed(APPEAL_GROUPS):  # 复议后起诉 also contains 复议: test it first
            if any(word in label for word in _GROUP_WORDS[group]) and group not in found:
                found[group] = (list(split.values)[-GROUP:], line.source)
                break
    return found if len(found) == len(APPEAL_GROUPS) else {}


def _build(printed: dict[str, tuple[list, dict]], origins: Origins) -> dict:
    appeals: dict[str, dict] = {}
    for key, (values, source) in printed.items():
        groups = [GROUP] * (len(APPEAL_GROUPS) if key == "all" else 1)
        reading = read_row(key, values, groups)
        resolution = resolve([reading], [])
        cells, doubts = resolution.cells[key], resolution.uncertain[key]
        names = APPEAL_GROUPS if key == "all" else (key,)
        if reading.damaged:
            state = "不能确定的格留空" if any(doubts) else "已按各组合计唯一确定"
            origins.notes.append(
                f"表四（{describe(source)}）读到{len(values)}个数（应为{GROUP * len(names)}个），{state}"
            )
        for n, name in enumerate(names):
            part = slice(n * GROUP, (n + 1) * GROUP)
            appeals[name] = dict(zip(APPEAL_COLUMNS, cells[part], strict=True))
            for column, doubt in zip(APPEAL_COLUMNS, doubts[part], strict=True):
                confidence = UNCERTAIN if doubt else RESTORED if reading.damaged else CERTAIN
                note = "由各组合计（C4）唯一确定" if confidence == RESTORED else None
                origins.add(f"appeals.{name}.{column}", source, confidence, note)
    return appeals
