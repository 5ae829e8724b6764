"""Text with the whole page on one line, cells run together (a scraper's `get_text()`).

`一、本年新收政府信息公开申请数量3510002047` carries seven cells (35, 10, 0, 0, 2, 0,
47) with nothing between them. Such text is first cut back into lines before every
heading and row label it holds — they are found inside a line, wherever they are — so
that each table row is its label followed by one run of digits; `split_digits` then
reads the run by the table's own arithmetic.
"""

import re
import unicodedata
from collections.abc import Iterator, Sequence

from ..vocabulary import SECTION_TITLES
from .variants import simplify

MIN_FUSED_LENGTH = 300  # a line this long holding several section headings is a fused page

_CJK = "\u4e00-\u9fff"
# Before: a row label's or heading's numbering, wherever it is in the line. A numeral
# 1.–9. glued to digits in front of it is the next row's number ("…000223.危及…").
_CUT_BEFORE = re.compile(
    rf"(?:[一二三四五六七八九十]、(?=[{_CJK}])"
    rf"|(?<!第)\([一二三四五六七八九十]\)(?=[{_CJK}])"
    rf"|(?<![\d.])[1-9]\.(?=[{_CJK}“\"])"
    rf"|(?<=\d)[1-9]\.(?=[{_CJK}“\"])"
    r"|\(本列数据"
    r"|第二十条|信息内容|规章|行政规范性文件|行政许可|其他对外管理服务事项|行政处罚|行政强制"
    r"|行政事业性收费|政府集中采购)"
)
_TITLES = tuple(unicodedata.normalize("NFKC", title) for title in SECTION_TITLES.values())


def is_fused(text: str) -> bool:
    """Whether the text is a page run together: a long line holding ≥3 section headings."""
    for line in text.splitlines():
        if len(line) < MIN_FUSED_LENGTH:
            continue
        squeezed = "".join(simplify(unicodedata.normalize("NFKC", line)).split())
        if sum(title in squeezed for title in _TITLES) >= 3:
            return True
    return False


def unfuse(text: str) -> str:
    """The text with a line break before every heading and row label, and after headings."""
    lines = []
    for line in text.splitlines():
        line = simplify(unicodedata.normalize("NFKC", line))
        squeezed = "".join(line.split()) if len(line) >= MIN_FUSED_LENGTH else line
        lines.append(_cut(squeezed) if len(line) >= MIN_FUSED_LENGTH else line)
    return "\n".join(lines)


def _cut(line: str) -> str:
    for title in _TITLES:
        line = line.replace(title, f"\n{title}\n")
    line = _CUT_BEFORE.sub(lambda match: "\n" + match.group(0), line)
    return re.sub(r"\n+", "\n", line)


# --- digits run together --------------------------------------------------------------------

MAX_READINGS = 200
MAX_STEPS = 50_000  # cuts tried for one row; a row needing more is left uncertain


class _TooMany(Exception):
    pass


def split_digits(digits: str, groups: Sequence[int], blanks: bool = False) -> list[tuple]:
    """Every way to cut `digits` into sum(groups) cells so that, in each group, the last
    cell is the sum of the others (表三's 总计 per row, 表四's 总计 per group).

    Numerals have no leading zeros. With `blanks`, a cell may also be blank (None): it
    leaves no digits behind, and counts as nothing in its group's sum. At most
    MAX_READINGS readings are returned; more than that is as good as none.
    """
    budget = [MAX_STEPS]
    found: list[tuple] = []
    try:
        for reading in _readings(digits, 0, tuple(groups), blanks, (), budget):
            found.append(reading)
            if len(found) > MAX_READINGS:
                break
    except _TooMany:
        return [None] * (MAX_READINGS + 1)  # as many as "too many": the caller gives up
    return found


def _readings(digits: str, at: int, groups: tuple, blanks: bool, done: tuple, budget) -> Iterator[tuple]:
    if not groups:
        if at == len(digits):
            yield done
        return
    for parts, end in _parts(digits, at, groups[0] - 1, blanks, budget):
        total = str(sum(p for p in parts if p is not None))
        if digits.startswith(total, end):
            yield from _readings(digits, end + len(total), groups[1:], blanks, done + parts + (int(total),),
                                 budget)


def _parts(digits: str, at: int, count: int, blanks: bool, budget) -> Iterator[tuple[tuple, int]]:
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooMany
    if count == 0:
        yield (), at
        return
    if blanks:
        for rest, end in _parts(digits, at, count - 1, blanks, budget):
            yield (None,) + rest, end
    for end in range(at + 1, len(digits) + 1):
        numeral = digits[at:end]
        if len(numeral) > 1 and numeral[0] == "0":
            break
        for rest, after in _parts(digits, end, count - 1, blanks, budget):
            yield (int(numeral),) + rest, after
