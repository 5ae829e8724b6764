"""From a clerk's draft to the public column, through the staff pages, in real Chromium."""

import re

import pytest

from gongkai.portal.tests.browser import log_in

# Live-server tests flush the database; serialized_rollback puts back the data the
# migrations loaded (the national catalogue) for the tests that follow.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "郏县2024年学生资助政策公告"


def test_a_clerks_draft_passes_review_and_approval_and_is_public(browser_page, county):
    page = browser_page

    log_in(page, county.clerk.username)
    page.goto("/staff/publishing/new/")
    page.get_by_label("目录").select_option(label="政策文件")
    page.get_by_label("标题").fill(TITLE)
    page.get_by_label("正文").fill("<p>家庭经济困难学生可申请国家助学金，资助标准每生每年2000元。</p>")
    page.get_by_role("button", name="保存草稿").click()
    page.wait_for_url(re.compile(r"/staff/publishing/\d+/$"))
    staff_url = page.url
    page.get_by_role("button", name="提交保密审查").click()
    page.wait_for_load_state()

    # Not public while in review.
    page.goto("/search/?q=助学")
    assert "找到 0 条" in page.locator(".search-results").inner_text()

    log_in(page, county.reviewer.username)
    page.goto(staff_url)
    page.get_by_role("button", name="通过保密审查").click()
    page.wait_for_load_state()

    log_in(page, county.approver.username)
    page.goto(staff_url)
    page.get_by_role("button", name="审批并发布").click()
    page.wait_for_load_state()
    assert "已发布" in page.locator("main").inner_text()

    page.context.clear_cookies()
    page.goto("/agencies/jiaxian-edu/")
    policy = page.get_by_role("listitem").filter(has=page.get_by_role("link", name="政策文件", exact=True))
    assert "（1 条）" in policy.first.inner_text()
    page.get_by_role("link", name="政策文件", exact=True).click()
    page.get_by_role("link", name=TITLE).click()
    assert page.locator("h1").inner_text() == TITLE
    assert re.search(r"005252900/\d{4}-\d+", page.locator("table.meta-table").inner_text())

    page.goto("/search/?q=助学")
    assert "找到 1 条" in page.locator(".search-results").inner_text()
    assert page.locator(".hits mark").first.inner_text() == "助学"
