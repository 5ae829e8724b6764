"""A published report's PDF and Word files are rendered once per published version and
kept; visitors get the kept file (issue 9, finding 9: never re-rendered per request)."""

import pytest

from gongkai.annualreports import rendering, stored
from gongkai.annualreports.actions import do_open_report, do_publish_report, do_save_narrative
from gongkai.annualreports.models import StoredRendering
from gongkai.annualreports.tests.records import application
from gongkai.annualreports.tests.test_publishing import finished_texts

pytestmark = pytest.mark.urls("gongkai.annualreports.tests.urls")


@pytest.fixture
def counted(monkeypatch):
    calls = []

    def counting(fmt):
        real = stored.RENDERERS[fmt]

        def render(data):
            calls.append(fmt)
            return real(data)

        return render

    monkeypatch.setitem(stored.RENDERERS, "pdf", counting("pdf"))
    monkeypatch.setitem(stored.RENDERERS, "docx", counting("docx"))
    return calls


@pytest.fixture
def published(county, django_capture_on_commit_callbacks, counted, settings):
    settings.REDIS_URL = ""
    application(county.dept, received="2021-03-01", closed="2021-03-10", outcome="granted")
    report = do_open_report(county.dept, 2021, "own", acting_user=county.clerk)
    do_save_narrative(report, finished_texts(), acting_user=county.clerk)
    with django_capture_on_commit_callbacks(execute=True):
        return do_publish_report(report, acting_user=county.approver)


def test_publishing_renders_both_files_once_and_visitors_get_the_kept_ones(client, published, counted):
    assert sorted(counted) == ["docx", "pdf"]
    pdfs = [client.get("/reports/jiaxian-edu/2021/report.pdf") for _ in range(3)]
    docx = client.get("/reports/jiaxian-edu/2021/report.docx")

    assert sorted(counted) == ["docx", "pdf"]  # not one more rendering
    bodies = {b"".join(response.streaming_content) for response in pdfs}
    assert len(bodies) == 1 and next(iter(bodies))[:5] == b"%PDF-"
    assert b"".join(docx.streaming_content)[:2] == b"PK"
    assert pdfs[0]["Content-Disposition"] == 'attachment; filename="jiaxian-edu-2021.pdf"'


def test_a_report_published_before_files_were_kept_is_rendered_on_first_request_only(client, published, counted):
    StoredRendering.objects.all().delete()
    counted.clear()
    for _ in range(2):
        assert client.get("/reports/jiaxian-edu/2021/report.pdf").status_code == 200
    assert counted == ["pdf"]


def test_a_new_layout_renders_the_file_afresh(client, published, counted, monkeypatch):
    counted.clear()
    monkeypatch.setattr(rendering, "CSS", rendering.CSS + "\n/* a corrected layout */")
    client.get("/reports/jiaxian-edu/2021/report.pdf")
    assert counted == ["pdf"]
    assert StoredRendering.objects.filter(fmt="pdf").count() == 2
