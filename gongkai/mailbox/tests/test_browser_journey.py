"""A letter from the portal to the public page and the county office's counts, in Chromium."""

import re

import pytest

from gongkai.portal.tests.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUBJECT = "东关街路灯不亮"
TEXT = "我是孙晓东，电话13912345678。东关街路灯已坏半个月，晚上出行不便，请尽快维修。"


def test_a_letter_is_written_assigned_answered_approved_and_published(browser_page, county):
    page = browser_page
    page.goto("/mailbox/write/")
    page.get_by_label("姓名", exact=True).fill("孙晓东")
    page.get_by_label("联系方式", exact=True).fill("13912345678")
    page.get_by_label("标题", exact=True).fill(SUBJECT)
    page.get_by_label("内容", exact=True).fill(TEXT)
    page.get_by_label(re.compile("同意在网站公开")).check()
    page.get_by_role("button", name="提交").click()
    page.wait_for_url(re.compile(r"/mailbox/sent/"))
    code = page.locator(".tracking-code").inner_text()

    log_in(page, county.office_admin.username)
    page.goto("/staff/mailbox/")
    page.get_by_role("link", name=SUBJECT).click()
    letter_url = page.url
    page.get_by_label(re.compile(r"^承办单位")).select_option(label=county.dept.name)
    page.get_by_role("button", name="分办", exact=True).click()
    page.wait_for_load_state()
    assert "办理中" in page.locator(".letter-status").inner_text()

    log_in(page, county.clerk.username)
    page.goto(letter_url)
    page.get_by_label(re.compile(r"^答复内容")).fill("已安排城管局在一周内维修东关街路灯。")
    page.get_by_role("button", name="提交审核").click()
    page.wait_for_load_state()

    log_in(page, county.approver.username)
    page.goto(letter_url)
    page.get_by_role("button", name="审核通过").click()
    page.wait_for_load_state()
    assert "已答复" in page.locator(".letter-status").inner_text()

    log_in(page, county.office_admin.username)
    page.goto(letter_url)
    assert "13912345678" not in page.get_by_label(re.compile(r"^公开的来信内容")).input_value()
    page.get_by_role("button", name="公开", exact=True).click()
    page.wait_for_load_state()
    page.goto("/staff/mailbox/statistics/")
    assert page.locator(".total-received").inner_text() == "1"
    assert page.locator(".on-time-rate").inner_text() == "100.0%"

    page.context.clear_cookies()
    page.goto("/mailbox/")
    page.get_by_role("link", name=SUBJECT).click()
    article = page.locator("article.letter").inner_text()
    assert "孙**" in article and "已安排城管局" in article
    assert "孙晓东" not in article and "13912345678" not in article
    page.goto(f"/mailbox/track/?code={code}")
    assert "已答复" in page.locator("main").inner_text()
