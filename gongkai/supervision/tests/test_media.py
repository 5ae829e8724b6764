"""The new-media registry: silence grading, duplicates, closing with a reason, imports."""

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.eventlog.log import history
from gongkai.supervision.actions import do_close_account, do_record_last_post, do_register_account
from gongkai.supervision.models import MediaAccount

pytestmark = pytest.mark.django_db
TZ = dt.timezone(dt.timedelta(hours=8))


def at(y, m, d):
    return time_machine.travel(dt.datetime(y, m, d, 10, tzinfo=TZ), tick=False)


@pytest.fixture
def accounts(county):
    office = county.office_admin
    first = do_register_account({"agency": county.dept, "platform": "wechat", "name": "郏县教育发布"}, acting_user=office)
    second = do_register_account({"agency": county.dept, "platform": "wechat", "name": "郏县教育局"}, acting_user=office)
    weibo = do_register_account({"agency": county.dept, "platform": "weibo", "name": "郏县教育微博"}, acting_user=office)
    return first, second, weibo


def test_it_flags_a_second_open_account_on_the_same_platform(client, county, accounts):
    client.force_login(county.office_admin)
    html = client.get(reverse("supervision:media_list")).content.decode()
    assert html.count("同平台重复开设") == 1
    do_close_account(accounts[1], "与郏县教育发布重复，合并", acting_user=county.office_admin)
    html = client.get(reverse("supervision:media_list")).content.decode()
    assert "同平台重复开设" not in html


def test_it_refuses_to_close_without_a_reason(county, accounts):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        do_close_account(accounts[0], "  ", acting_user=county.office_admin)
    assert MediaAccount.objects.get(pk=accounts[0].pk).is_open


def test_it_grades_accounts_on_the_list_around_national_day(client, county, accounts):
    first, second, weibo = accounts
    client.force_login(county.office_admin)
    with at(2025, 10, 15):
        do_record_last_post(first, dt.date(2025, 9, 30), acting_user=county.office_admin)  # 15 days: failing
        do_record_last_post(second, dt.date(2025, 10, 1), acting_user=county.office_admin)  # 14 days, 5 workdays
        do_record_last_post(weibo, dt.date(2025, 10, 14), acting_user=county.office_admin)
        html = client.get(reverse("supervision:media_list")).content.decode()
        records = client.get(reverse("supervision:records", args=["silent_accounts"])).content.decode()
    assert html.count("badge-bad") == 1
    assert html.count("badge-ok") == 2
    assert records.count('class="finding"') == 1 and "微信公众号：郏县教育发布" in records


def test_it_keeps_the_newest_post_date_and_logs_each_change(county, accounts):
    first = accounts[0]
    with at(2025, 10, 15):
        do_record_last_post(first, dt.date(2025, 10, 10), acting_user=county.office_admin)
        do_record_last_post(first, dt.date(2025, 10, 2), acting_user=county.office_admin)
    assert MediaAccount.objects.get(pk=first.pk).last_post_on == dt.date(2025, 10, 10)
    assert sorted(e.verb for e in history(first)) == ["account_registered", "last_post_recorded"]


def _upload(client, url, text, name="posts.csv"):
    return client.post(url, {"file": SimpleUploadedFile(name, text.encode("utf-8"))})


def test_it_imports_post_dates_only_when_every_row_is_right(client, county, accounts):
    client.force_login(county.office_admin)
    url = reverse("supervision:media_import")
    with at(2025, 10, 15):
        bad = "平台,账号名称,最近发布日期\n微信公众号,郏县教育发布,2025-10-10\n微博,不存在的号,2025-10-11\n抖音,郏县教育发布,2025-13-01\n"
        response = _upload(client, url, bad)
        html = response.content.decode()
        assert "第 3 行：账号「不存在的号」未在台账中登记或已关停。" in html
        assert "第 4 行：" in html and "日期「2025-13-01」不存在" in html
        assert MediaAccount.objects.get(pk=accounts[0].pk).last_post_on is None
        good = "平台,账号名称,最近发布日期\n微信公众号,郏县教育发布,2025-10-10\nweibo,郏县教育微博,2025/10/12\n"
        assert _upload(client, url, good).status_code == 302
    assert MediaAccount.objects.get(pk=accounts[0].pk).last_post_on == dt.date(2025, 10, 10)
    assert MediaAccount.objects.get(pk=accounts[2].pk).last_post_source == "import"
