"""Reading the State Council's annual holiday notice (rules.md §1: administrators add a
new year when it is published, usually November–December). Pure: no Django.

The notice 《国务院办公厅关于XXXX年部分节假日安排的通知》 has one numbered item per
festival, e.g.

    二、春节：2月15日（农历腊月二十八）至23日（农历正月初七）放假调休，共9天。
    2月14日（星期六）、2月28日（星期六）上班。

The sentence with 放假 gives the holiday range (a missing month or year carries over
from the date before), the one with 上班 the make-up working days. Text that cannot be
read raises `NoticeError` with a Chinese message; nothing is guessed.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from gongkai.workdays.core import SpecialDay, is_weekday

CHINESE_NUMERALS = "一二三四五六七八九十"
_DOCUMENT_NUMBER = re.compile(r"国办发(?:明电)?〔\d{4}〕\d+号")
_TITLE_YEAR = re.compile(r"关于\s*(\d{4})\s*年\s*部分节假日安排")
_ITEM = re.compile(rf"^([{CHINESE_NUMERALS}]{{1,3}})、\s*([^：:]{{1,20}}?)\s*[：:](.+)$")
_ITEM_START = re.compile(rf"(?<=。)\s*(?=[{CHINESE_NUMERALS}]{{1,3}}、)")
_BRACKETS = re.compile(r"（[^）]*）|\([^)]*\)")
_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日")
_TOTAL = re.compile(r"(?:共|放假)\s*(\d+)\s*天")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


class NoticeError(ValueError):
    """The notice text could not be read; the message is for the administrator."""


WEEKDAYS = "一二三四五六日"


def with_weekday(d: datetime.date) -> str:
    return f"{d}（周{WEEKDAYS[d.weekday()]}）"


@dataclass(frozen=True)
class NoticeItem:
    number: str  # 一, 二, …
    name: str  # 春节, 国庆节、中秋节, …
    holidays: tuple[datetime.date, ...]
    workdays: tuple[datetime.date, ...]  # 调休上班
    stated_total: int | None  # "共9天"

    def summary(self) -> str:
        """What was read, for the administrator to check before loading."""
        first, last = self.holidays[0], self.holidays[-1]
        span = (
            with_weekday(first)
            if first == last
            else f"{with_weekday(first)} 至 {with_weekday(last)}"
        )
        text = f"{self.number}、{self.name}：放假 {span}，共{len(self.holidays)}天"
        if self.workdays:
            text += "；" + "、".join(with_weekday(d) for d in self.workdays) + " 上班"
        return text + "。"


@dataclass(frozen=True)
class HolidayNotice:
    year: int
    items: tuple[NoticeItem, ...]
    document_number: str = ""  # 国办发明电〔2025〕7号, when the text carries it

    @property
    def source(self) -> str:
        return self.document_number or f"国务院办公厅关于{self.year}年部分节假日安排的通知"

    def special_days(self) -> list[SpecialDay]:
        """Every holiday (weekends included, for the names) and make-up working day."""
        days = [SpecialDay(d, False, item.name) for item in self.items for d in item.holidays]
        days += [SpecialDay(d, True, item.name) for item in self.items for d in item.workdays]
        return sorted(days, key=lambda d: d.on)


def parse_notice(text: str, year: int | None = None) -> HolidayNotice:
    """Read the notice; `year` is required when the title is not part of the text."""
    text = text.translate(_FULL_WIDTH).replace("\u3000", " ")
    year = _notice_year(text, year)
    lines = _ITEM_START.sub("\n", text).splitlines()
    items = tuple(_item(m, year) for m in (_ITEM.match(line.strip()) for line in lines) if m)
    if not items:
        raise NoticeError("没有找到“一、元旦：1月1日放假……”这样的放假安排条目，请粘贴通知正文。")
    _check_dates(items, year)
    number = _DOCUMENT_NUMBER.search(text)
    return HolidayNotice(year, items, number.group(0) if number else "")


def _notice_year(text: str, year: int | None) -> int:
    found = _TITLE_YEAR.search(text)
    if found and year is not None and int(found.group(1)) != year:
        raise NoticeError(f"通知标题是{found.group(1)}年的安排，与指定的{year}年不符。")
    if found:
        return int(found.group(1))
    if year is None:
        raise NoticeError(
            "没有从标题“国务院办公厅关于XXXX年部分节假日安排的通知”读出年份，请指定年份。"
        )
    return year


def _item(match: re.Match, year: int) -> NoticeItem:
    number, name, body = match.group(1), match.group(2).strip(), _BRACKETS.sub("", match.group(3))
    where = f"第{number}条（{name}）"
    holidays: list[datetime.date] = []
    workdays: list[datetime.date] = []
    total = None
    for sentence in filter(None, (s.strip() for s in body.split("。"))):
        if "上班" in sentence:
            workdays += _dates(sentence, year, where, ranges=False)
        elif "放假" in sentence:
            holidays += _dates(sentence, year, where, ranges=True)
            stated = _TOTAL.search(sentence)
            total = int(stated.group(1)) if stated else total
    if not holidays:
        raise NoticeError(f"{where}没有写明放假日期。")
    if total is not None and total != len(holidays):
        raise NoticeError(f"{where}写明共{total}天，但放假日期算下来是{len(holidays)}天，请核对。")
    for day in workdays:
        if is_weekday(day):
            raise NoticeError(f"{where}的上班日 {day} 是周一至周五，本来就是工作日，请核对。")
    return NoticeItem(number, name, tuple(holidays), tuple(workdays), total)


def _dates(sentence: str, year: int, where: str, *, ranges: bool) -> list[datetime.date]:
    """The dates of one sentence; with `ranges`, "A至B" gives every day from A to B."""
    found: list[datetime.date] = []
    previous: datetime.date | None = None
    last_end = 0
    for token in _DATE.finditer(sentence):
        day = _resolve(token, previous, year, where)
        joined = "至" in sentence[last_end : token.start()]
        if ranges and joined and previous is not None:
            if day < previous:
                raise NoticeError(f"{where}的日期范围 {previous} 至 {day} 前后颠倒。")
            found += _days(previous + datetime.timedelta(days=1), day)
        else:
            found.append(day)
        previous, last_end = day, token.end()
    if len(found) > 60:
        raise NoticeError(f"{where}的放假日期超过60天，请核对。")
    return found


def _resolve(
    token: re.Match, previous: datetime.date | None, year: int, where: str
) -> datetime.date:
    explicit_year, month, day = token.group(1), token.group(2), int(token.group(3))
    if month is None and previous is None:
        raise NoticeError(f"{where}中的“{token.group(0)}”没有写月份。")
    month = int(month) if month else previous.month
    if explicit_year:
        year = int(explicit_year)
    elif previous is not None:
        # 12月30日至1月1日: the year carries over, and rolls on past December.
        year = previous.year + (1 if month < previous.month else 0)
    try:
        resolved = datetime.date(year, month, day)
    except ValueError:
        raise NoticeError(f"{where}中的日期“{token.group(0)}”不存在。") from None
    return resolved


def _days(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    return [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]


def _check_dates(items: tuple[NoticeItem, ...], year: int) -> None:
    # A notice may reach into the neighbouring year (元旦 2018-12-30 至 2019-01-01), no further.
    earliest, latest = datetime.date(year - 1, 12, 1), datetime.date(year + 1, 1, 31)
    for item in items:
        for day in item.holidays + item.workdays:
            if not earliest <= day <= latest:
                raise NoticeError(
                    f"第{item.number}条（{item.name}）的日期 {day} 不在{year}年前后，请核对。"
                )
    holidays = {d: item for item in items for d in item.holidays}
    for item in items:
        for day in item.workdays:
            if day in holidays:
                raise NoticeError(
                    f"{day} 既在第{holidays[day].number}条放假，又在第{item.number}条上班，请核对。"
                )
