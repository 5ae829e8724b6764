"""Reading the State Council's holiday notice.

notices/2025.txt and notices/2026.txt are the notices' wording reconstructed for these
tests (not the official documents); their dates must equal the chinesecalendar data.
"""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.workdays.notice import NoticeError, parse_notice
from gongkai.workdays.seed import package_days

NOTICES = Path(__file__).parent / "notices"
D = dt.date


def as_pairs(days):
    return [(d.on, d.is_workday) for d in days]


@pytest.mark.parametrize("year", [2025, 2026])
def test_it_reads_the_real_notices_like_the_package(year):
    notice = parse_notice((NOTICES / f"{year}.txt").read_text(encoding="utf-8"))
    assert notice.year == year
    assert as_pairs(notice.special_days()) == as_pairs(package_days(year))


def test_it_reads_each_item():
    notice = parse_notice((NOTICES / "2026.txt").read_text(encoding="utf-8"))
    spring = notice.items[1]
    assert (spring.number, spring.name, spring.stated_total) == ("二", "春节", 9)
    assert spring.holidays[0] == D(2026, 2, 15) and spring.holidays[-1] == D(2026, 2, 23)
    assert spring.workdays == (D(2026, 2, 14), D(2026, 2, 28))
    assert [item.name for item in notice.items][-2:] == ["中秋节", "国庆节"]


def test_it_reads_the_document_number_and_summarises_items():
    notice = parse_notice((NOTICES / "2026.txt").read_text(encoding="utf-8"))
    assert notice.source == "国办发明电〔2025〕7号"
    assert notice.items[1].summary() == (
        "二、春节：放假 2026-02-15（周日） 至 2026-02-23（周一），共9天；"
        "2026-02-14（周六）、2026-02-28（周六） 上班。"
    )
    assert (
        parse_notice("一、元旦：1月1日放假。", 2027).source
        == "国务院办公厅关于2027年部分节假日安排的通知"
    )


def test_it_names_the_days_after_their_item():
    notice = parse_notice((NOTICES / "2025.txt").read_text(encoding="utf-8"))
    names = {d.on: d.name for d in notice.special_days()}
    assert names[D(2025, 10, 6)] == "国庆节、中秋节"
    assert names[D(2025, 1, 26)] == "春节"


def test_it_reads_a_notice_pasted_on_one_line():
    text = (NOTICES / "2026.txt").read_text(encoding="utf-8").replace("\n", "")
    assert as_pairs(parse_notice(text).special_days()) == as_pairs(package_days(2026))


def test_it_reads_dates_reaching_into_the_previous_year():
    text = "一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。"
    notice = parse_notice(text, year=2019)
    assert notice.items[0].holidays == (D(2018, 12, 30), D(2018, 12, 31), D(2019, 1, 1))
    assert notice.items[0].workdays == (D(2018, 12, 29),)


def test_it_rolls_the_year_over_in_a_range_across_new_year():
    notice = parse_notice("一、元旦：12月31日至1月2日放假，共3天。", year=2022)
    assert notice.items[0].holidays == (D(2022, 12, 31), D(2023, 1, 1), D(2023, 1, 2))


@pytest.mark.parametrize(
    ("text", "year", "message"),
    [
        ("一、元旦：1月1日放假1天。", None, "请指定年份"),
        ("国务院办公厅关于2026年部分节假日安排的通知", None, "没有找到"),
        ("国务院办公厅关于2026年部分节假日安排的通知", 2027, "与指定的2027年不符"),
        ("一、春节：2月15日至23日放假调休，共8天。", 2026, "写明共8天，但放假日期算下来是9天"),
        ("一、春节：2月30日放假。", 2026, "“2月30日”不存在"),
        ("一、春节：15日至23日放假。", 2026, "没有写月份"),
        ("一、春节：2月15日至23日放假。2月16日（周一）上班。", 2026, "本来就是工作日"),
        (
            "一、春节：2月15日至23日放假。2月21日（周六）上班。",
            2026,
            "既在第一条放假，又在第一条上班",
        ),
        ("一、春节：2月23日至2月15日放假。", 2026, "前后颠倒"),
        ("一、春节：2月14日（周六）上班。", 2026, "没有写明放假日期"),
        ("一、元旦：2024年1月1日放假。", 2026, "不在2026年前后"),
    ],
)
def test_it_explains_what_it_cannot_read(text, year, message):
    with pytest.raises(NoticeError, match=message):
        parse_notice(text, year)


# --- property: any notice written in the usual wording reads back to its own days ----

NUMERALS = "一二三四五六七八九十"


@st.composite
def notices(draw):
    year = draw(st.integers(min_value=2027, max_value=2040))
    months = sorted(draw(st.sets(st.integers(1, 12), min_size=1, max_size=7)))
    items = []
    for month in months:
        first = D(year, month, draw(st.integers(1, 15)))
        last = first + dt.timedelta(days=draw(st.integers(0, 8)))
        taken = {first + dt.timedelta(days=i) for i in range((last - first).days + 1)}
        weekend = [
            day
            for day in (first + dt.timedelta(days=i) for i in range(-7, 20))
            if day.weekday() >= 5 and day not in taken and day.month == month
        ]
        workdays = (
            draw(st.lists(st.sampled_from(weekend), max_size=2, unique=True)) if weekend else []
        )
        items.append((first, last, sorted(workdays)))
    return year, items


def render(items):
    lines = []
    for number, (first, last, workdays) in zip(NUMERALS, items, strict=False):
        end = f"{last.day}日" if last.month == first.month else f"{last.month}月{last.day}日"
        span = f"{first.month}月{first.day}日（周X）" + (f"至{end}（周Y）" if last != first else "")
        total = (last - first).days + 1
        line = f"{number}、节日{number}：{span}放假调休，共{total}天。"
        if workdays:
            line += "、".join(f"{d.month}月{d.day}日（星期六）" for d in workdays) + "上班。"
        lines.append(line)
    return "\n".join(lines)


@given(notices())
def test_a_rendered_notice_reads_back_to_its_days(case):
    year, items = case
    notice = parse_notice(render(items), year=year)
    for item, (first, last, workdays) in zip(notice.items, items, strict=True):
        assert (item.holidays[0], item.holidays[-1], len(item.holidays)) == (
            first,
            last,
            (last - first).days + 1,
        )
        assert list(item.workdays) == workdays
