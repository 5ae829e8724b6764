"""The index follows the items, and survives what migrations do to the item table."""

import datetime as dt

import pytest
from django.db import connection

from gongkai.portal.search import search
from gongkai.portal.search_index import SEARCH_TABLE, ensure_search_index, item_of_key, search_key
from gongkai.portal.tests.factories import make_item
from gongkai.publishing.models import InformationItem, ItemStatus


def indexed_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {SEARCH_TABLE}")
        return cursor.fetchone()[0]


def test_ensure_is_idempotent(db):
    assert ensure_search_index(connection) is False


def test_only_published_items_are_indexed(county):
    make_item(county.dept, title="低保公示")
    draft = make_item(county.dept, title="低保草稿", status=ItemStatus.DRAFT)
    assert indexed_rows() == 1
    InformationItem.objects.filter(pk=draft.pk).update(status=ItemStatus.PUBLISHED, published_on=dt.date(2021, 5, 1))
    assert indexed_rows() == 2
    InformationItem.objects.filter(pk=draft.pk).update(status=ItemStatus.WITHDRAWN)
    assert indexed_rows() == 1


def test_a_new_publication_date_moves_the_item_in_newest_order(county):
    older = make_item(county.dept, title="补贴公示甲", published_on=dt.date(2021, 1, 1))
    make_item(county.dept, title="补贴公示乙", published_on=dt.date(2021, 2, 1))
    InformationItem.objects.filter(pk=older.pk).update(published_on=dt.date(2021, 3, 1))
    assert [h.item.title for h in search("补贴", order="newest").hits] == ["补贴公示甲", "补贴公示乙"]
    assert indexed_rows() == 2


@pytest.mark.parametrize("day", [dt.date(2021, 3, 1), dt.date(1969, 12, 31), dt.date(2099, 1, 1)])
def test_search_key_orders_by_date_then_id_and_round_trips(day):
    assert item_of_key(search_key(day, 42)) == (day, 42)
    assert search_key(day, 2) > search_key(day, 1)
    assert search_key(day + dt.timedelta(days=1), 1) > search_key(day, 2**32 - 1)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite triggers only")
def test_triggers_dropped_by_a_table_rebuild_are_recreated_and_the_index_rebuilt(county):
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER portal_item_search_ai")
    make_item(county.dept, title="低保公示")  # not indexed: the trigger is gone
    assert search("低保").count == 0
    assert ensure_search_index(connection) is True
    assert search("低保").count == 1
    make_item(county.dept, title="低保名单")
    assert search("低保").count == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL trigger only")
def test_a_missing_trigger_is_recreated_and_the_table_refilled(county):
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER portal_item_search_sync ON publishing_informationitem")
    make_item(county.dept, title="低保公示")
    assert search("低保").count == 0
    assert ensure_search_index(connection) is True
    assert search("低保").count == 1
    make_item(county.dept, title="低保名单")
    assert search("低保").count == 2
