"""Where the report's six sections begin, and who reports on which year.

Headings are matched loosely: printed reports misspell them, mix full- and half-width
numbering and add spaces. A heading must be short, carry no table values, and come
after the previous one; its numeral, when printed, must be the section's own, so the
table rows 一、本年新收… or 四、结转下年度… are never taken for section headings.
"""

import re
from dataclasses import dataclass

from ..vocabulary import SECTION_TITLES, SECTIONS
from .lines import Line

_NUMERALS = "一二三四五六"
_NUMBERING = re.compile(r"^[(（]?([一二三四五六七八九十]+)[)）]?[、.．,，:：\s]*")
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "overview": ("总体情况", "基本情况", "概述"),
    "proactive": ("主动公开",),
    "applications": ("收到和处理", "依申请公开", "申请情况"),
    "appeals": ("复议", "诉讼"),
    "problems": ("存在的主要问题", "存在问题", "改进情况", "问题及改进"),
    "other": ("其他需要报告", "其他事项"),
}
MAX_HEADING_LENGTH = 40
_TITLES = {section: title[2:] for section, title in SECTION_TITLES.items()}  # without 一、


@dataclass(frozen=True)
class Heading:
    section: str
    index: int  # position of the heading line in the document


def find_headings(lines: list[Line]) -> list[Heading]:
    """The section headings, in order; a section may be missing."""
    found: list[Heading] = []
    last = -1
    for index, line in enumerate(lines):
        section = heading_of(line)
        if section is None:
            continue
        order = SECTIONS.index(section)
        if order > last:
            found.append(Heading(section, index))
            last = order
    return found


def heading_of(line: Line) -> str | None:
    # Cheapest tests first: most lines are paragraphs or table rows, and splitting a
    # line into cells costs more than scoring it, so that test comes last.
    if len(line.text) > 3 * MAX_HEADING_LENGTH:
        return None  # a paragraph, however it is spaced
    text = line.squeezed
    if not text or len(text) > MAX_HEADING_LENGTH:
        return None
    if text[0] in "(（":
        return None  # (一)… numbers a sub-heading, never one of the six sections
    numbering = _NUMBERING.match(text)
    if numbering:
        # The numeral names the one section the line can head (四、… is 四 or nothing).
        best = _NUMBERED.get(numbering.group(1))
        if best is None:
            return None
        body = text[numbering.end() :]
        if _score(body, _pairs(body), best, numbered=True) < 0.5:
            return None
    else:
        best = _best_title(text)
        if best is None:
            return None
    if line.split.values:
        return None  # a heading carries no table values
    return best


def _best_title(text: str) -> str | None:
    """The section whose title an unnumbered line is most like (dice ≥ 0.7), if any."""
    pairs = _pairs(text)
    if pairs.isdisjoint(_ANY_TITLE_PAIRS):
        return None  # every score is 0 (and without a numeral no keyword counts)
    best, best_score = None, 0.0
    for section in SECTIONS:
        title_pairs = _TITLE_PAIRS[section]
        score = 2 * len(pairs & title_pairs) / (len(pairs) + len(title_pairs))  # dice
        if score > best_score:
            best, best_score = section, score
    return best if best_score >= 0.7 else None


def _score(body: str, body_pairs: frozenset[str], section: str, numbered: bool) -> float:
    title = _TITLES[section]
    # A keyword alone is enough only next to the right numeral: a bare "主动公开情况"
    # inside section 一 is a sub-heading, not section 二.
    if numbered and any(word in body for word in _KEYWORDS[section]):
        if len(body) <= len(title) + 12:
            return 1.0
    return _dice_pairs(body, body_pairs, title, _TITLE_PAIRS[section])


def dice(a: str, b: str) -> float:
    """Similarity of two strings by shared character pairs (tolerates a typo or two)."""
    return _dice_pairs(a, _pairs(a), b, _pairs(b))


def _pairs(text: str) -> frozenset[str]:
    return frozenset([text[i : i + 2] for i in range(len(text) - 1)])


def _dice_pairs(a: str, pairs_a: frozenset[str], b: str, pairs_b: frozenset[str]) -> float:
    """`dice` with each side's character pairs worked out beforehand (titles: once)."""
    if not pairs_a or not pairs_b:
        return 1.0 if a == b and a else 0.0
    return 2 * len(pairs_a & pairs_b) / (len(pairs_a) + len(pairs_b))


_TITLE_PAIRS = {section: _pairs(title) for section, title in _TITLES.items()}
_NUMBERED = dict(zip(_NUMERALS, SECTIONS, strict=True))
_ANY_TITLE_PAIRS = frozenset().union(*_TITLE_PAIRS.values())


def section_spans(lines: list[Line], headings: list[Heading]) -> dict[str, tuple[int, int]]:
    """Each found section's line range [start, end): from after its heading to the next."""
    spans = {}
    for n, heading in enumerate(headings):
        end = headings[n + 1].index if n + 1 < len(headings) else len(lines)
        spans[heading.section] = (heading.index + 1, end)
    return spans


_TITLE_WORDS = ("年度报告", "年报", "工作报告")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_AFTER_YEAR = re.compile(r"^(?:19|20)\d{2}年度?(.*?)政府信息公开")
_BEFORE_YEAR = re.compile(r"^(?:关于)?(.*?)(?:19|20)\d{2}年度?(?:本级|本机关)?政府信息公开")


@dataclass(frozen=True)
class Title:
    agency: str | None
    year: int | None
    line: int | None


def find_title(lines: list[Line], before: int) -> Title:
    """Agency and year from the title line (郏县人民政府2021年政府信息公开工作年度报告)."""
    for index, line in enumerate(lines[: max(before, 1)][:15]):
        text = line.squeezed
        if "政府信息公开" not in text or not any(word in text for word in _TITLE_WORDS):
            continue
        year = _YEAR.search(text)
        if not year:
            continue
        agency = _agency(text)
        return Title(agency=agency, year=int(year.group(1)), line=index)
    return Title(agency=None, year=_year_anywhere(lines[:30]), line=None)


def _agency(text: str) -> str | None:
    for pattern in (_BEFORE_YEAR, _AFTER_YEAR):
        match = pattern.match(text)
        if match and match.group(1).strip("《》<>“”\"'：:，,"):
            return match.group(1).strip("《》<>“”\"'：:，,")
    return None


def _year_anywhere(lines: list[Line]) -> int | None:
    for line in lines:
        match = _YEAR.search(line.squeezed)
        if match:
            return int(match.group(1))
    return None
