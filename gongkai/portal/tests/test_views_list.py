import datetime as dt
import re

from django.urls import reverse

from gongkai.portal.tests.factories import make_item
from gongkai.publishing.models import ItemStatus, Topic, Validity

URL = reverse("portal:items")


def listed(response):
    return re.findall(r'<a href="/items/\d+/">([^<]+)</a>', response.content.decode())


def test_only_published_items_are_listed(client, county):
    make_item(county.dept, title="已发布的通知")
    for status in (ItemStatus.DRAFT, ItemStatus.IN_REVIEW, ItemStatus.AWAITING_APPROVAL,
                   ItemStatus.RETURNED, ItemStatus.WITHDRAWN):
        make_item(county.dept, title=f"不应出现{status}", status=status)
    assert listed(client.get(URL)) == ["已发布的通知"]


def test_filters(client, county):
    make_item(county.dept, title="教育局政策", node="policy-documents", topic=Topic.EDUCATION,
              published_on=dt.date(2020, 5, 1))
    make_item(county.dept, title="教育局解读", node="policy-interpretations", published_on=dt.date(2021, 5, 1))
    make_item(county.other_dept, title="民政局政策", node="policy-documents", validity=Validity.REPEALED,
              published_on=dt.date(2021, 6, 1))
    assert listed(client.get(URL, {"agency": county.dept.code})) == ["教育局解读", "教育局政策"]
    assert listed(client.get(URL, {"node": "policy-documents"})) == ["民政局政策", "教育局政策"]
    assert listed(client.get(URL, {"topic": "education"})) == ["教育局政策"]
    assert listed(client.get(URL, {"year": "2021"})) == ["民政局政策", "教育局解读"]
    assert listed(client.get(URL, {"validity": "repealed"})) == ["民政局政策"]
    assert listed(client.get(URL, {"agency": county.dept.code, "node": "policy-documents"})) == ["教育局政策"]


def test_a_parent_node_lists_its_children(client, county):
    make_item(county.dept, title="政策文件一", node="policy-documents")
    assert listed(client.get(URL, {"node": "statutory"})) == ["政策文件一"]


def test_bad_filter_values_do_not_break_the_page(client, county):
    make_item(county.dept, title="通知")
    response = client.get(URL, {"year": "abc", "agency": "<script>", "after": "x.y", "before": "2021-13-01.1"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def follow(client, response, rel):
    """The page behind the response's rel=next or rel=prev link."""
    query = re.search(rf'href="\?([^"]*)" rel="{rel}"', response.content.decode()).group(1)
    return client.get(f"{URL}?{query.replace('&amp;', '&')}")


def test_keyset_pages_walk_forward_and_back(client, county):
    start = dt.date(2021, 1, 1)
    for n in range(45):
        make_item(county.dept, title=f"公告{n:02d}", published_on=start + dt.timedelta(days=n // 2))
    first = client.get(URL)
    assert listed(first)[:2] == ["公告44", "公告43"] and len(listed(first)) == 20
    second = follow(client, first, "next")
    assert listed(second)[0] == "公告24" and len(listed(second)) == 20
    assert listed(follow(client, second, "prev")) == listed(first)
    third = follow(client, second, "next")
    assert listed(third) == [f"公告{n:02d}" for n in range(4, -1, -1)]
    assert 'rel="next"' not in third.content.decode()


def test_pagination_keeps_the_filters(client, county):
    for n in range(25):
        make_item(county.dept, title=f"教育{n}", published_on=dt.date(2021, 1, 1) + dt.timedelta(days=n))
    make_item(county.other_dept, title="民政", published_on=dt.date(2021, 1, 1))
    first = client.get(URL, {"agency": county.dept.code}).content.decode()
    assert f"agency={county.dept.code}" in re.search(r'href="([^"]*)" rel="next"', first).group(1)


def test_the_list_shows_its_total_and_the_page_number(client, county):
    for n in range(45):
        make_item(county.dept, title=f"公告{n:02d}", published_on=dt.date(2021, 1, 1) + dt.timedelta(days=n // 2))
    first = client.get(URL)
    assert "共 45 条，第 1 / 3 页" in first.content.decode()
    second = follow(client, first, "next")
    assert "共 45 条，第 2 / 3 页" in second.content.decode()
    third = follow(client, second, "next")
    assert "第 3 / 3 页" in third.content.decode()
    assert "第 2 / 3 页" in follow(client, third, "prev").content.decode()
    assert "共 0 条" in client.get(URL, {"agency": county.other_dept.code}).content.decode()
