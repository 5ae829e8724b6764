"""Publishing: what blocks it, acknowledgements, the frozen snapshot, differences, C6."""

import pytest

from gongkai.annualreports.actions import (
    ReportError,
    do_acknowledge_warning,
    do_import_previous_report,
    do_open_report,
    do_publish_report,
    do_save_narrative,
)
from gongkai.annualreports.building import build, finding_key
from gongkai.annualreports.core import differences
from gongkai.annualreports.narrative import TEXT_FIELDS
from gongkai.annualreports.tests.records import application
from gongkai.eventlog.log import history
from gongkai.publishing.models import InformationItem

pytestmark = pytest.mark.urls("gongkai.annualreports.tests.urls")

FEES = "按照国办函〔2020〕109号规定，本机关2021年未收取信息处理费。"


def finished_texts(**overrides):
    texts = {key: "已按要求完成。" for key in TEXT_FIELDS}
    texts["other"] = FEES
    texts.update(overrides)
    return texts


@pytest.fixture
def report(county):
    application(county.dept, received="2021-03-01", closed="2021-03-10", outcome="granted")
    return do_open_report(county.dept, 2021, "own", acting_user=county.clerk)


def test_the_draft_is_filled_with_the_years_facts_and_blocks_publication(county, report):
    assert "共受理政府信息公开申请1件" in report.overview_applications
    assert "按时办结率100%" in report.overview_applications
    assert "未收取政府信息公开信息处理费" in report.other

    with pytest.raises(ReportError, match="待补充"):
        do_publish_report(report, acting_user=county.approver)


def test_publishing_freezes_the_report_and_files_it_in_the_catalogue(county, report):
    do_save_narrative(report, finished_texts(), acting_user=county.clerk)

    published = do_publish_report(report, acting_user=county.approver)

    assert published.is_published
    assert published.published_data["applications"]["rows"]["granted"][6] == 1
    item = InformationItem.objects.get(pk=published.catalogue_item_id)
    assert item.node.code == "annual-reports"
    assert item.title == "郏县教育局2021年政府信息公开工作年度报告"
    assert item.status == "published" and item.index_number.startswith(county.dept.index_prefix)
    assert "/reports/jiaxian-edu/2021/" in item.body
    assert [e.verb for e in history(published)][-1] == "report_published"
    with pytest.raises(ReportError, match="已发布"):
        do_save_narrative(published, finished_texts(problems="改了"), acting_user=county.clerk)


def test_a_later_edit_shows_as_a_difference_not_a_changed_report(county, report, client):
    do_save_narrative(report, finished_texts(), acting_user=county.clerk)
    published = do_publish_report(report, acting_user=county.approver)

    application(county.dept, received="2021-06-01", closed="2021-06-05", outcome="denied_third_party_rights",
                applicant_type="commercial_enterprise")

    found = differences(published.published_data, build(county.dept, 2021, "own").data)
    cells = {(d.row, d.column): (d.published, d.now) for d in found}
    assert cells[("一、本年新收政府信息公开申请数量", "商业企业")] == (0, 1)
    assert cells[("4.保护第三方合法权益", "总计")] == (0, 1)
    published.refresh_from_db()
    assert published.published_data["applications"]["rows"]["new_received"][6] == 1
    page = client.get("/reports/jiaxian-edu/2021/").content.decode()
    assert "4.保护第三方合法权益" in page
    client.force_login(county.clerk)
    staff_page = client.get("/staff/reports/jiaxian-edu/2021/?scope=own").content.decode()
    assert "与已发布报告的差异" in staff_page and "商业企业" in staff_page


def test_a_warning_needs_an_acknowledgement_with_a_reason(county, report):
    do_save_narrative(report, finished_texts(other="无。"), acting_user=county.clerk)  # C9: fees not reported
    warning = next(f for f in build(county.dept, 2021, "own").warnings if f.rule == "C9")

    with pytest.raises(ReportError, match="C9"):
        do_publish_report(report, acting_user=county.approver)
    with pytest.raises(ReportError, match="理由"):
        do_acknowledge_warning(report, finding_key(warning), "", acting_user=county.clerk)

    do_acknowledge_warning(report, finding_key(warning), "本机关未收取任何费用，另行说明", acting_user=county.clerk)
    assert do_publish_report(report, acting_user=county.approver).is_published


def test_an_error_blocks_publication(county, report):
    # An application closed with no outcome has no 表三 row: C1 fails.
    application(county.dept, received="2021-05-01", closed="2021-05-03", outcome="")
    do_save_narrative(report, finished_texts(), acting_user=county.clerk)

    with pytest.raises(ReportError, match="C1"):
        do_publish_report(report, acting_user=county.approver)


def test_c6_compares_with_last_years_imported_report(county):
    application(county.dept, received="2020-12-28", closed="2021-01-10", outcome="granted")
    last_year = build(county.dept, 2020, "own", checks=False).data
    last_year["applications"]["rows"]["carried_forward"] = [2, 0, 0, 0, 0, 0, 2]  # as printed elsewhere
    do_import_previous_report(county.dept, 2020, "own", last_year, source_name="2020年报.pdf",
                              acting_user=county.clerk)

    built = build(county.dept, 2021, "own")

    assert built.previous_source == "imported"
    c6 = [f for f in built.warnings if f.rule == "C6"]
    assert {(f.column, f.expected, f.actual) for f in c6} == {("natural_person", 2, 1), ("total", 2, 1)}


def test_c6_prefers_last_years_published_report(county):
    open_app = application(county.dept, received="2020-12-28")
    previous = do_open_report(county.dept, 2020, "own", acting_user=county.clerk)
    do_save_narrative(previous, finished_texts(other=FEES.replace("2021", "2020")), acting_user=county.clerk)
    do_publish_report(previous, acting_user=county.approver)
    # Afterwards someone back-dates the receipt into 2021: the published 2020 report stands.
    type(open_app).objects.filter(pk=open_app.pk).update(received_on="2021-01-04")

    built = build(county.dept, 2021, "own")

    assert built.previous_source == "published"
    assert any(f.rule == "C6" and f.column == "total" and f.expected == 1 and f.actual == 0 for f in built.warnings)
