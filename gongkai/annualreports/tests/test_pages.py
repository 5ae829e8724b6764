"""Staff and public report pages: access by role, actions through the pages."""

import pytest

from gongkai.annualreports.actions import do_open_report
from gongkai.annualreports.models import AnnualReport, ExternalFigures
from gongkai.annualreports.tests.records import application

pytestmark = pytest.mark.urls("gongkai.annualreports.tests.urls")

DETAIL = "/staff/reports/jiaxian-edu/2021/?scope=own"


@pytest.fixture
def dept_report(county):
    application(county.dept, received="2021-03-01", closed="2021-03-10", outcome="granted")
    return do_open_report(county.dept, 2021, "own", acting_user=county.clerk)


@pytest.mark.parametrize("persona, status", [
    ("clerk", 200), ("approver", 200), ("reviewer", 200), ("office_admin", 200),
    ("other_agency_clerk", 404), ("no_role_user", 403),
])
def test_who_sees_a_departments_report(client, county, dept_report, persona, status):
    client.force_login(getattr(county, persona))

    assert client.get(DETAIL).status_code == status


def test_anonymous_visitors_are_sent_to_log_in(client, county):
    assert client.get(DETAIL).status_code == 302


@pytest.mark.parametrize("persona, status", [("clerk", 403), ("reviewer", 403), ("other_agency_clerk", 404)])
def test_only_the_head_or_the_office_may_publish(client, county, dept_report, persona, status):
    client.force_login(getattr(county, persona))

    response = client.post("/staff/reports/jiaxian-edu/2021/publish/", {"scope": "own"})

    assert response.status_code == status
    assert not AnnualReport.objects.get(pk=dept_report.pk).is_published


def test_the_page_shows_the_tables_the_findings_and_the_deadline(client, county, dept_report):
    client.force_login(county.clerk)

    page = client.get(DETAIL).content.decode()

    assert "三、收到和处理政府信息公开申请情况" in page
    assert 'rowspan="22"' in page
    assert "2022年01月31日" in page
    assert "待补充" in page


def test_staff_enter_figures_and_text_through_the_page(client, county, dept_report):
    client.force_login(county.clerk)

    client.post("/staff/reports/jiaxian-edu/2021/figures/", {
        "scope": "own", "licensing": "12", "penalty": "3", "enforcement": "", "fees_10k_yuan": "0.5",
        "source_note": "政务服务网",
    })
    client.post("/staff/reports/jiaxian-edu/2021/text/", {"scope": "own", "problems": "（一）存在的主要问题。\n1.不足。"})

    figures = ExternalFigures.objects.get(agency=county.dept, year=2021)
    assert (figures.licensing, figures.penalty, figures.enforcement, figures.fees_10k_yuan) == (12, 3, None, "0.5")
    assert AnnualReport.objects.get(pk=dept_report.pk).problems.startswith("（一）存在的主要问题。")


def test_the_public_sees_only_published_reports(client, county, dept_report):
    assert client.get("/reports/jiaxian-edu/2021/").status_code == 404
    assert "暂无" in client.get("/reports/").content.decode()


def test_the_list_page_shows_each_agencys_due_date(client, county):
    client.force_login(county.office_admin)

    page = client.get("/staff/reports/?year=2021").content.decode()

    assert "郏县人民政府" in page and "2022-03-31" in page
    assert "郏县教育局" in page and "2022-01-31" in page


def test_downloads_are_word_and_pdf(client, county, dept_report):
    client.force_login(county.clerk)

    docx = client.get("/staff/reports/jiaxian-edu/2021/report.docx?scope=own")
    pdf = client.get("/staff/reports/jiaxian-edu/2021/report.pdf?scope=own")

    assert docx.content[:2] == b"PK"
    assert pdf.content[:5] == b"%PDF-"
