import datetime as dt

import pytest

from gongkai.portal.tests.factories import make_item
from gongkai.publishing.models import ItemStatus

URL = "/api/v1/items"


@pytest.fixture
def items(county):
    older = make_item(county.dept, title="城乡低保标准公示", document_number="郏民〔2021〕1号",
                      published_on=dt.date(2021, 1, 1))
    newer = make_item(county.other_dept, title="社会救助工作通知", body="<p>做好低保审核。</p>",
                      published_on=dt.date(2021, 5, 1))
    make_item(county.dept, title="低保草稿", status=ItemStatus.DRAFT)
    return older, newer


def test_it_answers_items_with_snippets(client, items):
    older, newer = items
    body = client.get(URL, {"q": "低保", "order": "newest"}).json()
    assert body["count"] == 2 and body["count_kind"] == "exact" and body["page"] == 1 and body["pages"] == 1
    assert body["message"] == ""
    assert [hit["id"] for hit in body["items"]] == [newer.pk, older.pk]
    hit = body["items"][1]
    assert hit == {
        "id": older.pk,
        "title": "城乡低保标准公示",
        "index_number": older.index_number,
        "document_number": "郏民〔2021〕1号",
        "agency": "郏县教育局",
        "published_on": "2021-01-01",
        "url": f"http://testserver/items/{older.pk}/",
        "snippet": hit["snippet"],
    }
    assert "<mark>低保</mark>" in body["items"][0]["snippet"]


def test_relevance_is_the_default(client, items):
    older, _ = items
    body = client.get(URL, {"q": "低保"}).json()
    assert body["order"] == "relevance"
    assert body["items"][0]["id"] == older.pk  # the title match


def test_it_needs_no_token(client, items):
    assert client.get(URL, {"q": "低保"}).status_code == 200


@pytest.mark.parametrize("q", ["", '"', "NEAR(", "低" * 1000, "'; DROP TABLE x; --"])
def test_hostile_queries_are_answered_not_crashed(client, items, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    assert isinstance(response.json()["items"], list)


def test_empty_query_says_so(client, db):
    body = client.get(URL).json()
    assert body["items"] == [] and body["message"] == "请输入要检索的词语。"


def test_unknown_order_is_a_422_not_a_500(client, db):
    assert client.get(URL, {"q": "低保", "order": "sideways"}).status_code == 422
    assert client.get(URL, {"q": "低保", "page": "many"}).status_code == 422


def test_it_is_in_the_openapi_schema(client, db):
    assert "/api/v1/items" in client.get("/api/v1/openapi.json").json()["paths"]
