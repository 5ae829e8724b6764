"""/healthz, /readyz and /metrics as a load balancer and Prometheus see them."""

import datetime as dt
import json
import logging

import pytest

from gongkai.applications.actions import do_register_application
from gongkai.monitoring import checks

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_readyz_is_green_when_database_and_migrations_are(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"ready": True, "checks": {
        "database": "ok", "migrations": "ok", "redis": "ok", "queue": "ok"}}


def test_readyz_is_red_when_redis_is_unreachable(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:18139/3"
    settings.RQ_QUEUES = {"default": {"URL": settings.REDIS_URL, "DEFAULT_TIMEOUT": 5}}
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["ready"] is False
    assert body["checks"]["database"] == "ok"
    assert "ConnectionError" in body["checks"]["redis"]


def test_readyz_is_red_when_a_migration_is_missing(client, monkeypatch):
    monkeypatch.setattr(checks, "migrations", lambda: "1 migrations not applied")
    monkeypatch.setitem(checks.CHECKS, "migrations", checks.migrations)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "1 migrations not applied"


def test_readyz_is_red_when_too_many_jobs_wait(client, settings):
    import django_rq

    redis = "redis://127.0.0.1:6379/3"
    settings.REDIS_URL = redis
    settings.RQ_QUEUES = {"default": {"URL": redis, "DEFAULT_TIMEOUT": 5}}
    settings.READY_MAX_QUEUE_DEPTH = 2
    queue = django_rq.get_queue("default")
    queue.empty()
    try:
        for n in range(3):
            queue.enqueue("gongkai.jobs.run_command", "check", n)
        response = client.get("/readyz")
    finally:
        queue.empty()
    assert response.status_code == 503
    assert "queue too long" in response.json()["checks"]["queue"]


def test_metrics_count_requests_and_overdue_cases(client, county, settings):
    settings.REDIS_URL = ""
    do_register_application(
        county.dept, channel="in_person", received_on=dt.date(2024, 1, 2),
        applicant={"type": "natural_person", "name": "张三", "phone": "13903751234"},
        description="2023年低保资金发放情况", form_wanted="paper", delivery_wanted="collect",
        acting_user=county.clerk,
    )
    client.get("/healthz")
    text = client.get("/metrics").content.decode()
    assert "gongkai_applications_overdue 1.0" in text
    assert "django_http_requests_total_by_view_transport_method_total" in text
    assert "django_http_requests_latency_seconds_by_view_method_bucket" in text


def test_every_response_and_log_line_carries_a_request_id(client, caplog, settings):
    settings.TRUSTED_PROXIES = []
    with caplog.at_level(logging.INFO, logger="gongkai.requests"):
        response = client.get("/healthz", HTTP_X_REQUEST_ID="made-up-by-a-client")
    request_id = response["X-Request-ID"]
    assert request_id != "made-up-by-a-client"  # not from a trusted proxy
    assert [r.request_id for r in caplog.records if r.name == "gongkai.requests"] == [request_id]


def test_the_request_id_of_a_trusted_proxy_is_kept(client, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    response = client.get("/healthz", HTTP_X_REQUEST_ID="nginx-4f2a", REMOTE_ADDR="127.0.0.1")
    assert response["X-Request-ID"] == "nginx-4f2a"


def test_json_logs_are_one_object_a_line_with_the_request_id():
    import logging.config

    from django.conf import settings

    from gongkai.monitoring.requestid import RequestIdFilter

    # Built exactly as logging.config.dictConfig builds it at start-up.
    spec = dict(settings.LOGGING["formatters"]["json"])
    formatter = logging.config.DictConfigurator({}).configure_formatter(spec)
    record = logging.LogRecord("gongkai.jobs", logging.ERROR, __file__, 1, "任务 %s 失败", (7,), None)
    RequestIdFilter().filter(record)
    text = formatter.format(record)
    assert "任务 7 失败" in text  # readable Chinese, not \\u escapes
    line = json.loads(text)
    assert line["message"] == "任务 7 失败"
    assert line["level"] == "ERROR"
    assert line["request_id"] == "-"


def test_metrics_are_refused_to_an_address_not_allowed(client, settings):
    settings.METRICS_ALLOWED = ["127.0.0.1"]
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 403
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200
