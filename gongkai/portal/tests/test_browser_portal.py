"""A citizen's journey through the disclosure column in real Chromium."""

import datetime as dt

import pytest

from gongkai.portal.tests.factories import make_item

# Live-server tests flush the database; serialized_rollback puts back the data the
# migrations loaded (the national catalogue) for the tests that follow.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_citizen_finds_a_document_by_browsing_and_by_search(browser_page, county):
    item = make_item(county.dept, title="郏县2021年城乡低保标准调整方案", document_number="郏教〔2021〕8号",
              body="<p>自2021年7月1日起，城乡低保标准每人每月提高30元。</p>", published_on=dt.date(2021, 6, 20))
    page = browser_page

    page.goto("/")
    assert page.locator("h1").inner_text() == "政府信息公开"
    page.get_by_role("link", name="郏县教育局", exact=True).click()

    assert page.locator("h1").inner_text() == "郏县教育局 政府信息公开目录"
    page.get_by_role("link", name="政策文件", exact=True).click()

    page.get_by_role("link", name="郏县2021年城乡低保标准调整方案").click()
    assert page.locator("h1").inner_text() == "郏县2021年城乡低保标准调整方案"
    meta = page.locator("table.meta-table")
    assert "郏教〔2021〕8号" in meta.inner_text()
    assert "005252900/2021-" in meta.inner_text()

    page.get_by_role("link", name="检索", exact=True).click()
    page.get_by_label("关键词").fill("低保")
    page.get_by_role("button", name="检索").click()
    results = page.locator(".search-results")
    assert "找到 1 条" in results.inner_text()
    assert page.locator(".hits mark").first.inner_text() == "低保"

    # Usable on a phone: no horizontal scrolling of the page itself.
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("/", "/items/", f"/items/{item.pk}/", "/agencies/jiaxian-edu/", "/search/?q=低保"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
