"""/api/v1/supervision: post dates and hotline counts from outside systems."""

import datetime as dt
import json

import pytest
import time_machine

from gongkai.api.models import ApiToken
from gongkai.supervision.actions import do_register_account
from gongkai.supervision.models import HotlineCount, MediaAccount

pytestmark = [pytest.mark.django_db, pytest.mark.urls("gongkai.supervision.tests.api_urls")]
TZ = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(dt.datetime(2025, 10, 15, 10, tzinfo=TZ), tick=False):
        yield


def post(client, url, body, user):
    return client.post(url, json.dumps(body), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {ApiToken.issue(user)[1]}")


def test_it_records_post_dates_and_reports_health(client, county):
    account = do_register_account({"agency": county.dept, "platform": "douyin", "name": "郏县教育"}, acting_user=county.office_admin)
    response = post(client, "/api/v1/supervision/media/posts",
                    {"accounts": [{"platform": "抖音", "name": "郏县教育", "last_post_on": "2025-09-30"}]}, county.office_admin)
    assert response.status_code == 200
    row = next(r for r in response.json() if r["id"] == account.pk)
    assert row["health"] == "failing" and row["last_post_on"] == "2025-09-30"
    assert MediaAccount.objects.get(pk=account.pk).last_post_source == "api"


def test_it_rejects_a_report_with_a_bad_row_and_saves_nothing(client, county):
    body = {"rows": [
        {"month": "2025-09", "agency": "县教育局", "category": "教育咨询", "count": 12},
        {"month": "2025-09", "agency": "县财政局", "category": "其他", "count": 3},
        {"month": "2025-13", "agency": "县教育局", "category": "投诉", "count": -1},
    ]}
    response = post(client, "/api/v1/supervision/hotline", body, county.office_admin)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors[0].startswith("第 2 条：单位「县财政局」在平台中不存在")
    assert errors[1].startswith("第 3 条：月份「2025-13」不存在") and "件数「-1」" in errors[1]
    assert HotlineCount.objects.count() == 0
    body["rows"] = body["rows"][:1]
    assert post(client, "/api/v1/supervision/hotline", body, county.office_admin).json() == {"saved": 1}


def test_it_is_for_the_office_only(client, county):
    assert post(client, "/api/v1/supervision/hotline", {"rows": []}, county.clerk).status_code == 403
    assert client.get("/api/v1/supervision/media").status_code == 401
