import datetime as dt

from django.urls import reverse

from gongkai.portal.tests.factories import make_item
from gongkai.publishing.models import ItemStatus


def test_it_shows_the_four_sub_columns_latest_items_and_agencies(client, county):
    make_item(county.dept, title="2021年义务教育招生方案", published_on=dt.date(2021, 8, 1))
    make_item(county.dept, title="尚未审批的草稿", status=ItemStatus.AWAITING_APPROVAL)
    html = client.get(reverse("portal:home")).content.decode()
    for column in ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"):
        assert column in html
    assert "2021年义务教育招生方案" in html
    assert "尚未审批的草稿" not in html
    assert county.dept.name in html
    assert reverse("portal:agency", args=[county.dept.code]) in html


def test_it_needs_no_log_in(client, db):
    assert client.get(reverse("portal:home")).status_code == 200


def test_it_offers_a_search_box_and_the_published_reports(client, county):
    html = client.get(reverse("portal:home")).content.decode()

    assert f'action="{reverse("portal:search")}"' in html and 'type="search" name="q"' in html
    assert f'href="{reverse("annualreports_public:list")}"' in html


def test_it_states_both_report_deadlines_of_the_regulation(client, county):
    html = client.get(reverse("portal:home")).content.decode()

    assert "1 月 31 日前" in html and "条例第四十九条" in html
    assert "3 月 31 日前" in html and "条例第五十条" in html
