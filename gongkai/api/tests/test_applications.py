"""The /api/v1/applications contract (interfaces.md), role by role."""

import datetime as dt
import json

import pytest
import time_machine
from django.core.management import call_command

from gongkai.api.models import ApiToken
from gongkai.applications.models import Application
from gongkai.workdays.seed import package_calendar

pytestmark = pytest.mark.django_db
URL = "/api/v1/applications"
PERSON = {"type": "natural_person", "name": "张三", "id_number": "11010519491231002X", "phone": "13812345678"}


@pytest.fixture(autouse=True)
def _calendar_and_today(monkeypatch):
    calendar = package_calendar()
    monkeypatch.setattr("gongkai.applications.deadlines.current_calendar", lambda: calendar)
    with time_machine.travel(dt.datetime(2025, 12, 10, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False):
        yield


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"}


def post(client, url, body, user):
    return client.post(url, json.dumps(body), content_type="application/json", **bearer(user))


def register(client, user, agency="jiaxian-edu", **extra):
    body = {"agency": agency, "channel": "in_person", "received_on": "2025-09-26",
            "applicant": PERSON, "description": "2025年全县学校名单", **extra}
    return post(client, URL, body, user)


def event(client, application_id, user, **body):
    return post(client, f"{URL}/{application_id}/events", body, user)


def test_it_registers_an_application(client, county):
    response = register(client, county.clerk)
    assert response.status_code == 201
    body = response.json()
    assert set(body) >= {"id", "tracking_code", "received_on", "due_on", "provisional", "status"}
    assert body["received_on"] == "2025-09-26"
    assert body["due_on"] == "2025-10-30"
    assert body["provisional"] is False
    assert body["status"] == "in_progress"


def test_it_accepts_the_agency_by_full_name(client, county):
    assert register(client, county.clerk, agency="郏县教育局").status_code == 201


def test_it_refuses_a_bad_id_number_in_chinese(client, county):
    response = register(client, county.clerk, applicant={**PERSON, "id_number": "110105194912310021"})
    assert response.status_code == 422
    assert "校验位" in response.json()["detail"]
    assert not Application.objects.exists()


def test_another_agencys_registration_is_404(client, county):
    assert register(client, county.other_agency_clerk).status_code == 404


def test_it_answers_the_application(client, county):
    created = register(client, county.clerk).json()
    response = client.get(f"{URL}/{created['id']}", **bearer(county.clerk))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "in_progress" and body["outcome"] is None
    assert body["due_on"] == "2025-10-30"
    assert "第三十三条" in body["due_explanation"]


def test_a_whole_case_through_events(client, county):
    app_id = register(client, county.clerk).json()["id"]
    steps = [
        dict(type="correction_requested", on="2025-09-29", items="请写明文号"),
        dict(type="correction_received", on="2025-10-09"),
        dict(type="consultation_started", on="2025-10-13", party_kind="agency", party="县财政局"),
        dict(type="consultation_ended", on="2025-10-17"),
    ]
    for step in steps:
        response = event(client, app_id, county.clerk, **step)
        assert response.status_code == 200, response.json()
    response = event(client, app_id, county.approver, type="extended", on="2025-11-03", workdays=10, reason="需检索多个年度的档案")
    assert response.json().get("due_on") == "2025-11-25", response.json()  # as in test_clock
    response = event(client, app_id, county.clerk, type="decided", on="2025-11-20", outcome="granted")
    assert response.status_code == 200 and response.json()["status"] == "proposed"
    response = event(client, app_id, county.reviewer, type="reviewed", on="2025-11-20")
    assert response.status_code == 422 and "passed" in response.json()["detail"]
    response = event(client, app_id, county.approver, type="signed", on="2025-11-20")
    assert response.status_code == 422 and "保密审查" in response.json()["detail"]
    response = event(client, app_id, county.reviewer, type="reviewed", on="2025-11-20", passed=True)
    assert response.status_code == 200, response.json()
    response = event(client, app_id, county.approver, type="signed", on="2025-11-20")
    assert response.status_code == 200
    assert response.json()["status"] == "replied"
    assert response.json()["outcome"] == "granted"


def test_fees_through_events(client, county):
    app_id = register(client, county.clerk).json()["id"]
    response = event(client, app_id, county.clerk, type="fee_notified", on="2025-10-27", basis="per_page", pages=40)
    assert response.json()["status"] == "awaiting_payment"
    response = event(client, app_id, county.clerk, type="fee_paid", on="2025-10-29")
    assert response.json()["due_on"] == "2025-11-03"  # as in test_clock


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ([dict(type="correction_received", on="2025-10-09")], "不能登记收到补正"),
        ([dict(type="extended", on="2025-10-09", workdays=5, approved_by="approver")], "approved_by 已停用"),
        ([dict(type="extended", on="2025-10-09", workdays=5)], "负责人"),
        ([dict(type="correction_requested", on="2025-09-29", items="请写明文号"), dict(type="consultation_started", on="2025-10-09")],
         "不能开始征求意见"),
        ([dict(type="fee_paid", on="2025-10-09")], "不能登记缴费"),
        ([dict(type="replied", on="2025-10-09", outcome="granted")], "decided"),
        ([dict(type="decided", on="2025-10-09", outcome="granted"), dict(type="signed", on="2025-10-09")],
         "负责人签发"),
        ([dict(type="decided", on="2025-10-09", outcome="no_such_row")], "表三"),
        ([dict(type="withdrawn", on="2025-10-09"), dict(type="withdrawn", on="2025-10-10")], "已终止"),
        ([dict(type="consultation_started", on="2026-01-09")], "晚于今天"),
    ],
)
def test_forbidden_events_are_422_in_chinese_and_change_nothing(client, county, steps, message):
    app_id = register(client, county.clerk).json()["id"]
    for step in steps[:-1]:
        assert event(client, app_id, county.clerk, **step).status_code == 200
    before = client.get(f"{URL}/{app_id}", **bearer(county.clerk)).json()
    response = event(client, app_id, county.clerk, **steps[-1])
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert client.get(f"{URL}/{app_id}", **bearer(county.clerk)).json() == before


def test_an_approvers_token_signs_a_reply(client, county):
    app_id = register(client, county.clerk).json()["id"]
    response = event(client, app_id, county.clerk, type="decided", on="2025-10-20",
                     outcome="denied_state_secret", reasons="属于国家秘密")
    assert response.status_code == 200 and response.json()["status"] == "proposed"
    response = event(client, app_id, county.approver, type="signed", on="2025-10-20")
    assert response.status_code == 200 and response.json()["outcome"] == "denied_state_secret"
    assert response.json()["status"] == "replied"


def test_an_extension_over_20_workdays_is_refused(client, county):
    app_id = register(client, county.clerk).json()["id"]
    response = event(client, app_id, county.approver, type="extended", on="2025-10-09", workdays=21)
    assert response.status_code == 422 and "20个工作日" in response.json()["detail"]


# --- issue 9 finding 2: approvals only by the approver's own token ------------------------


def test_finding_2_a_clerk_token_cannot_approve_in_the_approvers_name(client, county):
    """A clerk's token posting `extended` or `signed` (with or without approved_by naming
    the approver) is refused, and the record never says the approver signed."""
    app_id = register(client, county.clerk).json()["id"]
    for body in (dict(type="extended", on="2025-10-09", workdays=5, approved_by="approver"),
                 dict(type="extended", on="2025-10-09", workdays=5),
                 dict(type="replied", on="2025-10-09", outcome="denied_state_secret", reasons="秘密",
                      approved_by="approver")):
        assert event(client, app_id, county.clerk, **body).status_code == 422
    assert event(client, app_id, county.clerk, type="decided", on="2025-10-09",
                 outcome="denied_state_secret", reasons="秘密").status_code == 200
    response = event(client, app_id, county.clerk, type="signed", on="2025-10-09", approved_by="approver")
    assert response.status_code == 422 and "approved_by" in response.json()["detail"]
    response = event(client, app_id, county.clerk, type="signed", on="2025-10-09")
    assert response.status_code == 422 and "负责人签发" in response.json()["detail"]
    application = Application.objects.get(pk=app_id)
    assert application.signed_by is None and application.status == "proposed"
    assert not application.clock_events.exists()


def test_finding_2_the_approver_who_decided_cannot_sign_their_own_reply(client, county):
    app_id = register(client, county.clerk).json()["id"]
    assert event(client, app_id, county.approver, type="decided", on="2025-10-09",
                 outcome="denied_state_secret", reasons="秘密").status_code == 200
    response = event(client, app_id, county.approver, type="signed", on="2025-10-09")
    assert response.status_code == 422 and "不能由本人审批签发" in response.json()["detail"]
    assert event(client, app_id, county.office_admin, type="signed", on="2025-10-09").status_code == 200
    assert Application.objects.get(pk=app_id).signed_by == county.office_admin


@pytest.mark.parametrize(
    ("persona", "read", "write"),
    [
        ("office_admin", 200, 200),
        ("clerk", 200, 200),
        ("approver", 200, 200),
        ("reviewer", 200, 403),
        ("other_agency_clerk", 404, 404),
        ("no_role_user", 404, 404),
    ],
)
def test_the_access_matrix(client, county, persona, read, write):
    app_id = register(client, county.clerk).json()["id"]
    user = getattr(county, persona)
    assert client.get(f"{URL}/{app_id}", **bearer(user)).status_code == read
    assert event(client, app_id, user, type="withdrawn", on="2025-10-09").status_code == write


def test_it_needs_a_token(client, county):
    app_id = register(client, county.clerk).json()["id"]
    assert client.get(f"{URL}/{app_id}").status_code == 401
    assert client.get(f"{URL}/{app_id}", HTTP_AUTHORIZATION="Bearer gk_wrong").status_code == 401
    token = ApiToken.objects.first()
    assert token.last_used_at is not None


def test_the_token_command_prints_a_working_token(client, county, capsys):
    call_command("token", "create", "clerk")
    secret = capsys.readouterr().out.strip()
    assert secret.startswith("gk_")
    assert not ApiToken.objects.filter(digest=secret).exists()  # only the digest is kept
    app = register(client, county.clerk).json()
    assert client.get(f"{URL}/{app['id']}", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200


def test_the_schema_documents_the_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/applications", "/api/v1/applications/{application_id}",
            "/api/v1/applications/{application_id}/events"} <= set(paths)
