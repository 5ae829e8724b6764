"""Stale website columns: per agency, with the >5 rule, periods as data."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gongkai.portal.tests.factories import make_item
from gongkai.publishing.models import CatalogueNode
from gongkai.supervision import findings
from gongkai.supervision.models import ColumnRule, UpdatePeriod

pytestmark = pytest.mark.django_db
TZ = dt.timezone(dt.timedelta(hours=8))


def at(y, m, d):
    return time_machine.travel(dt.datetime(y, m, d, 10, tzinfo=TZ), tick=False)


def stale_titles(county, today):
    ctx = findings.make_context(today)
    return [f.title for f in findings.stale_columns(county.dept.subtree(), ctx)]


def test_it_seeds_periods_marked_verify():
    news = UpdatePeriod.objects.get(key="news")
    assert (news.amount, news.unit, news.verify) == (14, "days", True)
    assert ColumnRule.objects.get(node__code="policy-documents").period.key == "policy"


def test_it_lists_a_column_once_its_period_has_passed(county):
    make_item(county.dept, node="policy-documents", published_on=dt.date(2025, 3, 31))
    make_item(county.dept, node="plans", published_on=dt.date(2024, 10, 1))
    make_item(county.dept, node="civil-service", published_on=dt.date(2025, 1, 2))
    make_item(county.dept, node="policy-interpretations", published_on=dt.date(2025, 9, 1))
    assert stale_titles(county, dt.date(2025, 9, 30)) == []
    assert stale_titles(county, dt.date(2025, 10, 1)) == ["政策文件（政策文件类）"]
    assert sorted(stale_titles(county, dt.date(2025, 10, 2))) == ["政策文件（政策文件类）", "规划信息（规划计划类）"]


def test_it_counts_items_in_an_agencys_own_sub_columns(county):
    parent = CatalogueNode.objects.get(code="policy-documents")
    local = CatalogueNode.objects.create(code="edu-docs", name="教育局文件", kind="statutory", parent=parent, agency=county.dept)
    make_item(county.dept, node=local, published_on=dt.date(2025, 9, 1))
    assert "政策文件（政策文件类）" not in stale_titles(county, dt.date(2025, 10, 2))


def test_it_fails_an_agency_with_more_than_five_stale_columns(client, county):
    news = UpdatePeriod.objects.get(key="news")
    for code in ("statistics", "licensing", "budgets"):
        ColumnRule.objects.create(node=CatalogueNode.objects.get(code=code), period=news)
    client.force_login(county.office_admin)
    with at(2025, 10, 15):
        # 7 rules, nothing published: 7 stale → failing; publish two → 5 stale → passing.
        html = client.get(reverse("supervision:columns")).content.decode()
        dept_section = html.split("县教育局：")[1].split("</h3>")[0]
        assert dept_section.startswith("7 个") and "不合格" in dept_section
        make_item(county.dept, node="statistics", published_on=dt.date(2025, 10, 10))
        make_item(county.dept, node="licensing", published_on=dt.date(2025, 10, 10))
        html = client.get(reverse("supervision:columns")).content.decode()
        dept_section = html.split("县教育局：")[1].split("</h3>")[0]
        assert dept_section.startswith("5 个") and "不合格" not in dept_section


def test_it_applies_a_changed_period_at_once(client, county):
    make_item(county.dept, node="policy-documents", published_on=dt.date(2025, 7, 1))
    client.force_login(county.office_admin)
    period = UpdatePeriod.objects.get(key="policy")
    assert "政策文件（政策文件类）" not in stale_titles(county, dt.date(2025, 10, 15))
    client.post(reverse("supervision:period_set", args=[period.pk]), {f"p{period.pk}-amount": "3", f"p{period.pk}-unit": "months"})
    assert "政策文件（政策文件类）" in stale_titles(county, dt.date(2025, 10, 15))


def test_it_lets_the_office_choose_which_columns_are_checked(client, county):
    client.force_login(county.office_admin)
    statistics = CatalogueNode.objects.get(code="statistics")
    news = UpdatePeriod.objects.get(key="news")
    client.post(reverse("supervision:column_rule_set"), {"node": statistics.pk, "period": news.pk})
    assert "统计信息（动态要闻类）" in stale_titles(county, dt.date(2025, 10, 15))
    client.post(reverse("supervision:column_rule_set"), {"node": statistics.pk, "period": ""})
    assert not ColumnRule.objects.filter(node=statistics).exists()
