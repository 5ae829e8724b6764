"""表二 主动公开政府信息情况 → `proactive` (2021 layout) or `proactive_2019`.

表二 has no sum rules, so a row with the wrong number of cells cannot be restored:
its cells are left empty and marked uncertain.
"""

from ..vocabulary import (
    DECISION_KINDS,
    DOCUMENT_COUNTS,
    DOCUMENT_KINDS,
    FEES_KEY,
    PROACTIVE_2019_DOCUMENT_COUNTS,
    PROACTIVE_2019_ITEM_COUNTS,
)
from .lines import Line, split_line
from .origins import CERTAIN, RESTORED, UNCERTAIN, Origins, describe
from .restoring import printed_value

# (key, words any of which names the row, words that must not be in the label)
_ROWS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("rules", ("规章",), ("规范性",)),
    ("normative_documents", ("规范性文件",), ()),
    ("licensing", ("行政许可",), ()),
    ("other_services", ("其他对外管理服务",), ()),
    ("penalty", ("行政处罚",), ()),
    ("enforcement", ("行政强制",), ()),
    ("fees", ("行政事业性收费", "事业性收费"), ()),
    ("procurement", ("集中采购",), ()),
)
_LAYOUT_2019_WORDS = ("本年新制作", "本年新公开", "对外公开总数", "上一年项目数", "本年增/减", "增/减")


def is_2019_layout(lines: list[Line]) -> bool:
    return any(word in line.squeezed for line in lines for word in _LAYOUT_2019_WORDS)


def _printed_rows(lines: list[Line]) -> dict[str, tuple[list, dict]]:
    found: dict[str, tuple[list, dict]] = {}
    for line in lines:
        split = split_line(line)
        if not split.values:
            continue
        label = split.squeezed_label
        for key, words, unless in _ROWS:
            if key in found or not any(w in label for w in words):
                continue
            if any(w in label for w in unless):
                continue
            found[key] = (list(split.values), line.source)
            break
    return found


def read_proactive(lines: list[Line], origins: Origins) -> dict | None:
    rows = _printed_rows(lines)
    if not rows:
        return None
    proactive: dict = {}
    for kind in DOCUMENT_KINDS:
        proactive[kind] = _cells(rows.get(kind), DOCUMENT_COUNTS, f"proactive.{kind}", origins)
    for kind in DECISION_KINDS:
        proactive[kind] = _single(rows.get(kind), f"proactive.{kind}", origins)
    proactive[FEES_KEY] = _single(rows.get("fees"), f"proactive.{FEES_KEY}", origins, text=True)
    return proactive


def read_proactive_2019(lines: list[Line], origins: Origins) -> dict | None:
    rows = _printed_rows(lines)
    if not rows:
        return None
    layout = {
        "rules": PROACTIVE_2019_DOCUMENT_COUNTS,
        "normative_documents": PROACTIVE_2019_DOCUMENT_COUNTS,
        "licensing": PROACTIVE_2019_ITEM_COUNTS,
        "other_services": PROACTIVE_2019_ITEM_COUNTS,
        "penalty": PROACTIVE_2019_ITEM_COUNTS,
        "enforcement": PROACTIVE_2019_ITEM_COUNTS,
        "fees": PROACTIVE_2019_ITEM_COUNTS[:2],
        "procurement": ("projects", "amount_10k_yuan"),
    }
    return {
        key: _cells(rows.get(key), columns, f"proactive_2019.{key}", origins)
        for key, columns in layout.items()
    }


def _cells(printed, columns: tuple[str, ...], path: str, origins: Origins) -> dict:
    if printed is None:
        for column in columns:
            origins.add(f"{path}.{column}", {}, UNCERTAIN, "未找到此行")
        return dict.fromkeys(columns)
    values, source = printed
    while len(values) > len(columns) and values[0] is None:
        values = values[1:]
    while len(values) > len(columns) and values[-1] is None:
        values = values[:-1]  # a short row of a wider table (2019: 收费 has two columns of four)
    if len(values) == 1 and len(columns) > 1 and values[0] is not None and values[0].isdigit():
        cuts = _cuts(values[0], len(columns))
        if len(cuts) == 1:  # "000" can only be 0, 0, 0: restored, though 表二 has no sums
            for column in columns:
                origins.add(f"{path}.{column}", source, RESTORED, "连在一起的数字只有这一种拆法")
            return dict(zip(columns, cuts[0], strict=True))
        origins.notes.append(
            f"表二 {describe(source)} 的数字连在一起（{values[0]}），有{len(cuts)}种拆法，该行无合计关系可用，各格留空"
        )
        for column in columns:
            origins.add(f"{path}.{column}", source, UNCERTAIN, "数字连在一起，无法确定")
        return dict.fromkeys(columns)
    if len(values) != len(columns):
        origins.notes.append(
            f"表二 {describe(source)} 读到{len(values)}个数（应为{len(columns)}个），"
            f"该行无合计关系可用，各格留空"
        )
        for column in columns:
            origins.add(f"{path}.{column}", source, UNCERTAIN, "格数不符，无法确定")
        return dict.fromkeys(columns)
    for column in columns:
        origins.add(f"{path}.{column}", source, CERTAIN)
    # Amounts (万元) stay strings exactly as printed; counts are integers.
    return {
        column: value if column.startswith("amount") else printed_value(value)
        for column, value in zip(columns, values, strict=True)
    }


def _cuts(digits: str, count: int) -> list[tuple[int, ...]]:
    """Every way to cut a run of digits into `count` numerals without leading zeros."""
    if count == 1:
        return [(int(digits),)] if digits and (digits == "0" or digits[0] != "0") else []
    found = []
    for end in range(1, len(digits) - count + 2):
        head = digits[:end]
        if len(head) > 1 and head[0] == "0":
            break
        found += [(int(head),) + rest for rest in _cuts(digits[end:], count - 1)]
    return found


def _single(printed, path: str, origins: Origins, text: bool = False):
    cells = _cells(printed, ("value",), path, origins)
    origin = origins.cells.pop(f"{path}.value")
    origins.cells[path] = origin
    value = cells["value"]
    if text and value is not None:
        return printed[0][-1]
    return value
