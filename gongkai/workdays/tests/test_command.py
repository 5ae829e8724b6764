"""`gongkai calendar`: load-notice, show, seed."""

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from gongkai.workdays.models import CalendarDay, CalendarYear

NOTICES = Path(__file__).parent / "notices"
pytestmark = pytest.mark.django_db

NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
国办发明电〔2026〕9号
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日至12日放假调休，共7天。2月14日（周日）上班。
"""


def run(*args):
    out = StringIO()
    call_command("calendar", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def notice_2027(tmp_path):
    path = tmp_path / "2027.txt"
    path.write_text(NOTICE_2027, encoding="utf-8")
    return path


def test_it_previews_a_notice_without_writing(notice_2027):
    out = run("load-notice", "--year", "2027", str(notice_2027))
    assert "2027年节假日安排（依据：国办发明电〔2026〕9号）" in out
    assert (
        "二、春节：放假 2027-02-06（周六） 至 2027-02-12（周五），共7天；2027-02-14（周日） 上班。"
        in out
    )
    assert "尚未写入" in out
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_it_loads_a_notice_with_yes(notice_2027):
    out = run("load-notice", str(notice_2027), "--yes")
    assert "已载入2027年" in out
    assert CalendarYear.objects.get(year=2027).source == "国办发明电〔2026〕9号"
    assert CalendarDay.objects.get(date=dt.date(2027, 2, 14)).is_workday


def test_it_reads_gb18030_files(tmp_path):
    path = tmp_path / "2027-gbk.txt"
    path.write_bytes(NOTICE_2027.encode("gb18030"))
    assert "一、元旦" in run("load-notice", str(path))


def test_it_warns_before_replacing_a_loaded_year():
    out = run("load-notice", str(NOTICES / "2026.txt"))
    assert "2026年已载入，将替换现有的39个特殊日期" in out


def test_it_reports_an_unreadable_notice_in_chinese(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("一、春节：2月30日放假。", encoding="utf-8")
    with pytest.raises(CommandError, match="“2月30日”不存在"):
        run("load-notice", "--year", "2027", str(path))


def test_it_shows_a_year():
    out = run("show", "--year", "2026")
    assert "2026年：已载入" in out
    assert "  2026-01-04（周日） 上班 元旦" in out


def test_it_shows_an_unloaded_year_as_provisional():
    assert "尚未载入官方安排" in run("show", "--year", "2027")


def test_seed_is_idempotent():
    assert "均已载入" in run("seed")
    CalendarYear.objects.filter(year=2004).delete()
    assert "已载入：2004年" in run("seed")
    assert CalendarYear.objects.filter(year=2004).exists()
