"""Two approvers publishing at the same moment still get consecutive 索引号 (PostgreSQL
row locks; SQLite serialises writers anyway)."""

import threading

import pytest
from django.db import connection, connections

from gongkai.publishing.actions import (
    do_create_item,
    do_pass_review,
    do_publish_item,
    do_submit_item,
)
from gongkai.publishing.models import CatalogueNode, InformationItem

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are exercised on PostgreSQL only")


def test_concurrent_publications_get_gap_free_numbers(county):
    node = CatalogueNode.objects.get(code="policy-documents")
    items = []
    for n in range(8):
        item = do_create_item(county.dept, {"node": node, "title": f"通知{n}"}, acting_user=county.clerk)
        do_submit_item(item, acting_user=county.clerk)
        items.append(do_pass_review(item, acting_user=county.reviewer))
    # One publication first, so that the race below is over the existing counter row.
    do_publish_item(items.pop(), acting_user=county.approver)
    start = threading.Barrier(len(items))
    failures = []

    def publish(item):
        try:
            start.wait()
            do_publish_item(item, acting_user=county.approver)
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish, args=(item,)) for item in items]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert failures == []
    numbers = sorted(InformationItem.objects.values_list("index_number", flat=True))
    year = InformationItem.objects.first().published_on.year
    assert numbers == [f"005252900/{year}-{n:05d}" for n in range(1, 9)]
