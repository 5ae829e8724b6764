"""Uploaded reports are read in a child process under CPU, memory and wall-clock limits."""

from gongkai.reportcheck import sandbox
from gongkai.reportformat.tests import samples


def report_bytes() -> bytes:
    return samples.as_text(samples.make_report(4, agency="郏县教育局", year=2022)).encode()


def test_a_report_is_read_in_the_child_as_in_the_parent():
    outcome = sandbox.parse_limited("r.txt", report_bytes())
    assert outcome.reason is None
    assert outcome.report["agency"] == "郏县教育局" and outcome.kind == "text"
    assert outcome.report["tables"]["applications"]["status"] == "read"


def test_going_over_the_wall_clock_limit_is_a_clear_chinese_error():
    outcome = sandbox.parse_limited("r.txt", report_bytes(), wall_seconds=0.01)
    assert outcome.report is None
    assert outcome.reason == "读取这份文件用时超过 0 秒，已停止（文件可能过大或结构异常），未核查"


def test_going_over_the_memory_limit_is_a_clear_chinese_error():
    big = report_bytes() + "一、总体情况\n".encode() * 1_000_000  # 17 MB, under the 20 MB size limit
    outcome = sandbox.parse_limited("r.txt", big, memory_bytes=8 * 1024 * 1024)
    assert outcome.report is None
    assert outcome.reason.startswith("读取这份文件所需内存超过 8 MB")


def test_the_checker_page_reads_uploads_through_the_sandbox(client, county, monkeypatch):
    from gongkai.reportcheck.tests.test_views import upload

    monkeypatch.setattr(sandbox, "WALL_SECONDS", 0.01)
    client.force_login(county.office_admin)
    response = upload(client, ("slow.txt", report_bytes()))
    assert response.status_code == 400
    assert "读取这份文件用时超过 0 秒" in response.content.decode()
