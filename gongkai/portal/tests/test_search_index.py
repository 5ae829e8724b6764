"""The index survives what migrations do to the item table."""

import pytest
from django.db import connection

from gongkai.portal.search import search
from gongkai.portal.search_index import ensure_search_index
from gongkai.portal.tests.factories import make_item


def test_ensure_is_idempotent(db):
    assert ensure_search_index(connection) is False


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite triggers only")
def test_triggers_dropped_by_a_table_rebuild_are_recreated_and_the_index_rebuilt(county):
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER portal_item_fts_ai")
    make_item(county.dept, title="低保公示")  # not indexed: the trigger is gone
    assert search("低保").count == 0
    assert ensure_search_index(connection) is True
    assert search("低保").count == 1
    make_item(county.dept, title="低保名单")
    assert search("低保").count == 2
