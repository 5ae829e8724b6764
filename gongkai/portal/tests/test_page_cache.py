"""Anonymous visitors share rendered pages, and never see one older than the items."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.portal.tests.factories import attach, make_item
from gongkai.publishing.models import InformationItem, ItemStatus


def queries_for(client, url, **kwargs) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **kwargs)
    return len(queries), response.content.decode() if response.status_code == 200 else str(response.status_code)


def test_a_second_anonymous_visit_is_served_from_the_cache(client, county):
    item = make_item(county.dept, title="低保标准公示", published_on=dt.date(2021, 3, 1))
    for url in (reverse("portal:item", args=[item.pk]), "/items/?year=2021", "/search/?q=低保"):
        first, html = queries_for(client, url)
        again, cached = queries_for(client, url)
        assert again == 1 < first  # the generation only
        assert cached == html and "标准公示" in html  # highlighted: <mark>低保</mark>标准公示


def test_an_edit_or_withdrawal_is_seen_at_once(client, county):
    item = make_item(county.dept, title="低保标准公示", published_on=dt.date(2021, 3, 1))
    url = reverse("portal:item", args=[item.pk])
    client.get(url), client.get("/search/?q=低保")
    InformationItem.objects.filter(pk=item.pk).update(title="低保标准调整公示")
    assert "低保标准调整公示" in client.get(url).content.decode()
    assert "标准调整公示" in client.get("/search/?q=低保").content.decode()
    attach(item, name="名单.pdf")
    assert "名单.pdf" in client.get(url).content.decode()
    InformationItem.objects.filter(pk=item.pk).update(status=ItemStatus.WITHDRAWN)
    assert client.get(url).status_code == 404
    assert "标准调整公示" not in client.get("/search/?q=低保").content.decode()


def test_visitors_with_a_session_are_not_served_shared_pages(client, county):
    item = make_item(county.dept, title="低保标准公示")
    url = reverse("portal:item", args=[item.pk])
    client.get(url)
    client.cookies["sessionid"] = "x"
    count, _ = queries_for(client, url)
    assert count > 1


def test_the_cache_can_be_turned_off(client, county, settings):
    settings.PORTAL_PAGE_SECONDS = 0
    item = make_item(county.dept, title="低保标准公示")
    url = reverse("portal:item", args=[item.pk])
    client.get(url)
    count, _ = queries_for(client, url)
    assert count > 1
