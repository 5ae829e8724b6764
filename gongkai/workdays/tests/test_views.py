"""Staff calendar pages: everyone on the staff reads, only the office edits."""

import datetime as dt
from pathlib import Path

import pytest
import time_machine

from gongkai.workdays.models import CalendarDay, CalendarYear

NOTICES = Path(__file__).parent / "notices"
NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
国办发明电〔2026〕9号
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日至12日放假调休，共7天。2月14日（周日）上班。
"""
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _late_november_2026():
    # Next year's notice is usually published in November–December.
    with time_machine.travel(dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def admin_client(client, county):
    client.force_login(county.office_admin)
    return client


@pytest.fixture
def clerk_client(client, county):
    client.force_login(county.clerk)
    return client


def test_it_lists_the_years_and_flags_next_year_as_provisional(admin_client):
    page = admin_client.get("/staff/calendar/").content.decode()
    assert "2026年" in page and "2004年" in page
    row_2027 = page.split("2027年</a>")[1].split("</tr>")[0]
    assert "尚未载入" in row_2027
    assert "尚未载入" not in page.split("2026年</a>")[1].split("</tr>")[0]
    assert "粘贴通知，载入新年度" in page


def test_a_year_page_lists_its_special_days(admin_client):
    page = admin_client.get("/staff/calendar/2026/").content.decode()
    assert "2026-01-04（周日）" in page and "上班" in page
    assert "?date=2026-02-14" in page


def test_a_clerk_reads_but_cannot_edit(clerk_client):
    page = clerk_client.get("/staff/calendar/2026/").content.decode()
    assert "2026-01-04（周日）" in page
    assert "?date=" not in page
    assert clerk_client.get("/staff/calendar/day/").status_code == 403
    assert (
        clerk_client.post(
            "/staff/calendar/notice/", {"text": NOTICE_2027, "confirm": ""}
        ).status_code
        == 403
    )
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/staff/calendar/")
    assert response.status_code == 302 and response.url.startswith("/staff/login/")


def test_the_office_sets_a_day(admin_client, county, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/staff/calendar/day/",
            {"date": "2026-11-30", "is_workday": "0", "name": "临时放假", "source": "县政府通知"},
        )
    assert response.status_code == 302 and response.url == "/staff/calendar/2026/"
    row = CalendarDay.objects.get(date=dt.date(2026, 11, 30))
    assert (row.is_workday, row.name, row.updated_by) == (False, "临时放假", county.office_admin)


def test_the_day_form_starts_from_the_existing_row(admin_client):
    page = admin_client.get("/staff/calendar/day/?date=2026-02-14").content.decode()
    assert 'value="2026-02-14"' in page and 'value="春节"' in page


def test_pasting_a_notice_previews_then_loads(admin_client):
    preview = admin_client.post("/staff/calendar/notice/", {"text": NOTICE_2027, "preview": ""})
    page = preview.content.decode()
    assert "核对2027年节假日安排" in page
    assert (
        "二、春节：放假 2027-02-06（周六） 至 2027-02-12（周五），共7天；2027-02-14（周日） 上班。"
        in page
    )
    assert not CalendarYear.objects.filter(year=2027).exists()

    response = admin_client.post("/staff/calendar/notice/", {"text": NOTICE_2027, "confirm": ""})
    assert response.status_code == 302 and response.url == "/staff/calendar/2027/"
    assert CalendarYear.objects.get(year=2027).source == "国办发明电〔2026〕9号"
    assert CalendarDay.objects.get(date=dt.date(2027, 2, 14)).is_workday


def test_it_warns_before_replacing_a_loaded_year(admin_client):
    text = (NOTICES / "2026.txt").read_text(encoding="utf-8")
    page = admin_client.post(
        "/staff/calendar/notice/", {"text": text, "preview": ""}
    ).content.decode()
    assert "2026年已载入，确认后将替换现有的39个特殊日期" in page


def test_an_unreadable_notice_is_explained_in_chinese(admin_client):
    response = admin_client.post(
        "/staff/calendar/notice/", {"text": "一、春节：2月30日放假。", "year": "2027"}
    )
    assert "“2月30日”不存在" in response.content.decode()
    assert not CalendarYear.objects.filter(year=2027).exists()
