"""Last year's county-wide annual report, from the records to the public page, in real Chromium.

The applications are made through the workflow (gongkai.applications.actions), so
表三 is counted from real records. Last year's report, published on the old website
and imported, listed 12 规范性文件 in force where the platform holds none: C7 warns,
and the office acknowledges it with a reason before it can publish.
"""

import datetime
import re

import pytest
from django.utils import timezone

from gongkai.agencies.models import Role
from gongkai.annualreports.actions import do_import_previous_report
from gongkai.annualreports.core import Proactive, ReportInputs, build_report
from gongkai.applications import actions
from gongkai.portal.tests.browser import log_in
from gongkai.testing import answer_application, make_staff

# A live-server test: the root conftest puts back the migrations' data after its flush.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERSON = {"type": "natural_person", "name": "张三", "id_type": "resident_id", "id_number": "11010519491231002X",
          "phone": "13812345678", "address": "郏县龙山大道1号"}
COMPANY = {"type": "commercial_enterprise", "name": "郏县宏达建筑工程有限公司", "credit_code": "91350100M000100Y43",
           "legal_representative": "王五", "contact_person": "赵六", "phone": "0375-5123456"}
ACK_REASON = "2025年集中清理规范性文件，现行有效的12件尚未录入本平台，已在正文说明。"
# 表三 columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
EXPECTED_TABLE_THREE = {
    "一、本年新收政府信息公开申请数量": ["2", "1", "0", "0", "0", "0", "3"],
    "二、上年结转政府信息公开申请数量": ["0", "0", "0", "0", "0", "0", "0"],
    "（一）予以公开": ["1", "0", "0", "0", "0", "0", "1"],
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": ["1", "0", "0", "0", "0", "0", "1"],
    "（七）总计": ["2", "0", "0", "0", "0", "0", "2"],
    "四、结转下年度继续办理": ["0", "1", "0", "0", "0", "0", "1"],
}
NARRATIVE = {
    "一、总体情况 （一）主动公开情况": "{year}年，全县通过县政府网站主动公开政府信息，重点公开了教育、民政领域的政策文件。",
    "一、总体情况 （三）政府信息管理": "修订了保密审查制度，更新了政府信息公开指南和目录。",
    "一、总体情况 （四）政府信息公开平台建设": "县政府网站信息公开专栏启用新的政府信息公开平台。",
    "一、总体情况 （五）监督保障": "开展公开工作培训2次，将政务公开纳入年度绩效考核。",
    "五、存在的主要问题及改进情况": "（一）存在的主要问题。部分部门答复文书不够规范。\n（二）改进情况。统一使用平台生成的答复书。",
}




def field_label(text):
    """A field's label exactly, with or without the colon Django's as_p adds."""
    return re.compile(rf"^{re.escape(text)}[:：]?$")


def answered(county, applicant, received_on, replied_on, outcome, **decision):
    application = actions.do_register_application(
        county.dept, channel="in_person", received_on=received_on, applicant=applicant,
        description="县教育局某项政府信息", form_wanted="paper", delivery_wanted="collect",
        acting_user=county.clerk,
    )
    if replied_on is None:
        return application
    return answer_application(application, county, replied_on, outcome, **decision)


def last_years_records(county, year):
    """Two answered in the year, one received in its last days and answered in January."""
    d = datetime.date
    answered(county, PERSON, d(year, 3, 10), d(year, 3, 20), "granted")
    answered(county, PERSON, d(year, 6, 2), d(year, 6, 19), "partial",
             reasons="涉及个人隐私的部分不予公开（第十五条）。", withheld_parts="学生家庭住址和联系电话")
    answered(county, COMPANY, d(year, 12, 22), d(year + 1, 1, 9), "granted")
    # The year before, published on the old website and imported: 12 规范性文件 in force.
    previous = build_report(ReportInputs(
        agency=county.county.name, year=year - 1,
        proactive=Proactive(documents={"rules": (0, 0, 0), "normative_documents": (3, 1, 12)}),
        applications={("new_received", "natural_person"): 4, ("granted", "natural_person"): 4}, appeals={},
    ))
    do_import_previous_report(county.county, year - 1, "subtree", previous, source_name="2024年报.pdf",
                              acting_user=county.office_admin)


def table_three(page):
    table = page.locator("table.report-table.cols-10")
    return {
        label: table.get_by_role("row").filter(has=page.get_by_role("cell", name=label, exact=True))
        .locator("td.num").all_inner_texts()
        for label in EXPECTED_TABLE_THREE
    }


def normative_documents(page):
    table = page.locator("table.report-table.cols-4")
    row = table.get_by_role("row").filter(has=page.get_by_role("cell", name="行政规范性文件", exact=True))
    return row.locator("td.num").all_inner_texts()


def test_the_office_checks_acknowledges_and_publishes_last_years_report(browser_page, county):
    page = browser_page
    year = timezone.localdate().year - 1
    last_years_records(county, year)

    log_in(page, county.office_admin.username)
    page.goto("/staff/reports/")
    assert page.locator("h1").inner_text() == f"{year}年度政府信息公开工作年度报告"
    page.get_by_role("link", name=county.county.name, exact=True).click()
    page.wait_for_url(re.compile(rf"/staff/reports/{county.county.code}/{year}/\?scope=subtree"))

    # The tables are counted from the records, the county's departments included.
    assert table_three(page) == EXPECTED_TABLE_THREE
    assert normative_documents(page) == ["0", "0", "0"]

    # The checks run on the page: C7 against last year's imported report.
    findings = page.locator("ul.findings > li")
    assert findings.count() == 1
    warning = findings.first.inner_text()
    assert "提示（C7）" in warning and "现行有效应约为12件" in warning

    page.get_by_role("button", name="开始编写本年度报告（生成初稿）").click()
    page.wait_for_load_state()
    publishing = page.locator("section.panel", has=page.get_by_role("heading", name="发布"))
    assert "提示（C7）未确认" in publishing.inner_text()
    assert "还有【待补充】的内容" in publishing.inner_text()
    assert page.get_by_role("button", name="发布报告").count() == 0

    findings.first.get_by_label("确认理由").fill(ACK_REASON)
    findings.first.get_by_role("button", name="确认").click()
    page.wait_for_load_state()
    assert f"已确认：{ACK_REASON}" in findings.first.inner_text()

    for label, text in NARRATIVE.items():
        page.get_by_label(field_label(label)).fill(text.format(year=year))
    drafted = page.get_by_label(field_label("一、总体情况 （二）依申请公开情况")).input_value()
    assert "共受理政府信息公开申请3件" in drafted and "按时办结率100%" in drafted
    page.get_by_role("button", name="保存正文").click()
    page.wait_for_load_state()
    assert "报告正文已保存" in page.locator("main").inner_text()

    # Four eyes: whoever wrote the text does not publish it; the county's head does.
    report_url = page.url
    assert page.get_by_role("button", name="发布报告").count() == 1
    head = make_staff("county_head", county.county, Role.APPROVER, full_name="县政府负责人")
    log_in(page, head.username)
    page.goto(report_url)
    page.get_by_role("button", name="发布报告").click()
    page.wait_for_load_state()
    assert "报告已发布" in page.locator("main").inner_text()
    assert "状态：已发布" in page.locator("main").inner_text()

    # The public sees the frozen report, with the same figures and the text as written.
    page.context.clear_cookies()
    page.goto(f"/reports/{county.county.code}/{year}/")
    assert page.locator("h1.report-title").inner_text() == f"{county.county.name}{year}年政府信息公开工作年度报告"
    assert table_three(page) == EXPECTED_TABLE_THREE
    assert normative_documents(page) == ["0", "0", "0"]
    report = page.locator("article.annual-report").inner_text()
    assert "共受理政府信息公开申请3件" in report
    assert "开展公开工作培训2次" in report
    assert "【待补充" not in report
    for secret in ("张三", PERSON["id_number"], PERSON["phone"]):
        assert secret not in page.content()
