import datetime as dt

import pytest
from django.urls import reverse

from gongkai.portal.tests.factories import make_item

URL = reverse("portal:search")


def test_search_page_highlights_hits(client, county):
    item = make_item(county.dept, title="2021年城乡低保标准", published_on=dt.date(2021, 1, 1))
    html = client.get(URL, {"q": "低保"}).content.decode()
    assert "找到 1 条" in html
    assert "<mark>低保</mark>" in html
    assert reverse("portal:item", args=[item.pk]) in html


def test_search_form_alone_has_no_results_section(client, db):
    html = client.get(URL).content.decode()
    assert "检索结果" not in html and '<label for="q">' in html


@pytest.mark.parametrize("q", ['"', "低" * 1000, "<script>alert(1)</script>", "*", "", "NEAR(a b)"])
def test_hostile_queries_render_a_clear_page(client, db, q):
    response = client.get(URL, {"q": q, "page": "x", "order": "nonsense"})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def test_a_query_that_finds_nothing_says_so(client, db):
    assert "没有找到" in client.get(URL, {"q": "不存在"}).content.decode()


def test_pagination_links(client, county):
    for n in range(25):
        make_item(county.dept, title=f"补贴公示{n}", published_on=dt.date(2021, 1, 1) + dt.timedelta(days=n))
    html = client.get(URL, {"q": "补贴", "order": "newest"}).content.decode()
    assert "第 1 / 2 页" in html and "page=2" in html
