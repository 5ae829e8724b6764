import pytest

from gongkai.publishing.actions import (
    do_create_item,
    do_pass_review,
    do_publish_item,
    do_submit_item,
)
from gongkai.publishing.models import CatalogueNode


@pytest.fixture
def node(db):
    return CatalogueNode.objects.get(code="policy-documents")


@pytest.fixture
def draft(county, node):
    """A draft of 县教育局, written by its clerk."""

    def make(**fields):
        values = {"node": node, "title": "关于做好2025年秋季学期开学工作的通知"}
        values.update(fields)
        return do_create_item(county.dept, values, acting_user=county.clerk)

    return make


@pytest.fixture
def ready(county, draft):
    """An item that has passed 保密审查 and awaits the approver."""

    def make(**fields):
        item = draft(**fields)
        do_submit_item(item, acting_user=county.clerk)
        return do_pass_review(item, acting_user=county.reviewer)

    return make


@pytest.fixture
def published(county, ready):
    def make(**fields):
        return do_publish_item(ready(**fields), acting_user=county.approver)

    return make
