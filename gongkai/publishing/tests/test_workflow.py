import datetime

import pytest
import time_machine

from gongkai.eventlog.log import history
from gongkai.publishing.actions import (
    PublishingError,
    do_create_item,
    do_pass_review,
    do_publish_item,
    do_return_item,
    do_submit_item,
    do_update_item,
    do_withdraw_item,
)
from gongkai.publishing.models import CatalogueNode, InformationItem, ItemStatus

pytestmark = pytest.mark.django_db


def reload(item):
    return InformationItem.objects.get(pk=item.pk)


def test_it_takes_an_item_from_draft_to_published(county, draft):
    item = draft(body="<p>各学校：</p><p>请按时开学。</p>", document_number="郏教〔2025〕12号")
    assert item.status == ItemStatus.DRAFT

    do_submit_item(item, acting_user=county.clerk)
    assert reload(item).status == ItemStatus.IN_REVIEW
    do_pass_review(item, acting_user=county.reviewer)
    assert reload(item).status == ItemStatus.AWAITING_APPROVAL
    with time_machine.travel(datetime.datetime(2025, 9, 1, 10, 0, tzinfo=datetime.UTC)):
        do_publish_item(item, acting_user=county.approver)

    item = reload(item)
    assert item.status == ItemStatus.PUBLISHED
    assert item.index_number == "005252900/2025-00001"
    assert item.published_on == datetime.date(2025, 9, 1)
    assert item.published_at is not None
    assert item.body_text == "各学校： 请按时开学。"
    assert "开学" in item.search_text.split()
    assert "12" in item.search_text.split()


def test_it_records_who_did_each_step(county, draft):
    item = draft()
    do_submit_item(item, acting_user=county.clerk)
    do_return_item(item, "附件缺少盖章页", acting_user=county.reviewer)
    do_submit_item(item, acting_user=county.clerk)
    do_pass_review(item, acting_user=county.reviewer)
    do_publish_item(item, acting_user=county.approver)

    steps = [(e.actor_name, e.verb, e.from_state, e.to_state) for e in history(item)]
    assert steps == [
        ("李经办", "item_created", "", "draft"),
        ("李经办", "item_submitted", "draft", "in_review"),
        ("赵审查", "item_returned", "in_review", "returned"),
        ("李经办", "item_submitted", "returned", "in_review"),
        ("赵审查", "item_review_passed", "in_review", "awaiting_approval"),
        ("王负责", "item_published", "awaiting_approval", "published"),
    ]
    assert history(item)[2].data == {"reason": "附件缺少盖章页"}
    assert reload(item).return_reason == "附件缺少盖章页"


def test_the_approver_may_return_with_a_reason(county, ready):
    item = ready()
    do_return_item(item, "文号有误", acting_user=county.approver)
    assert reload(item).status == ItemStatus.RETURNED


def test_a_return_needs_a_reason(county, ready):
    item = ready()
    with pytest.raises(PublishingError, match="理由"):
        do_return_item(item, "  ", acting_user=county.approver)
    assert reload(item).status == ItemStatus.AWAITING_APPROVAL


# Every step the workflow forbids, from every state it is forbidden in.
FORBIDDEN = [
    ("submit", ItemStatus.IN_REVIEW),
    ("submit", ItemStatus.AWAITING_APPROVAL),
    ("submit", ItemStatus.PUBLISHED),
    ("submit", ItemStatus.WITHDRAWN),
    ("pass_review", ItemStatus.DRAFT),
    ("pass_review", ItemStatus.RETURNED),
    ("pass_review", ItemStatus.AWAITING_APPROVAL),
    ("pass_review", ItemStatus.PUBLISHED),
    ("pass_review", ItemStatus.WITHDRAWN),
    ("publish", ItemStatus.DRAFT),
    ("publish", ItemStatus.IN_REVIEW),
    ("publish", ItemStatus.RETURNED),
    ("publish", ItemStatus.PUBLISHED),
    ("publish", ItemStatus.WITHDRAWN),
    ("return", ItemStatus.DRAFT),
    ("return", ItemStatus.RETURNED),
    ("return", ItemStatus.PUBLISHED),
    ("return", ItemStatus.WITHDRAWN),
    ("withdraw", ItemStatus.WITHDRAWN),
    ("update", ItemStatus.IN_REVIEW),
    ("update", ItemStatus.AWAITING_APPROVAL),
    ("update", ItemStatus.PUBLISHED),
    ("update", ItemStatus.WITHDRAWN),
]


def _bring_to(status, county, draft):
    item = draft()
    steps = {
        ItemStatus.DRAFT: [],
        ItemStatus.IN_REVIEW: ["submit"],
        ItemStatus.RETURNED: ["submit", "return"],
        ItemStatus.AWAITING_APPROVAL: ["submit", "pass_review"],
        ItemStatus.PUBLISHED: ["submit", "pass_review", "publish"],
        ItemStatus.WITHDRAWN: ["withdraw"],
    }[status]
    for step in steps:
        _do(step, item, county)
    return reload(item)


def _do(step, item, county):
    if step == "submit":
        return do_submit_item(item, acting_user=county.clerk)
    if step == "pass_review":
        return do_pass_review(item, acting_user=county.reviewer)
    if step == "publish":
        return do_publish_item(item, acting_user=county.approver)
    if step == "return":
        return do_return_item(item, "请修改", acting_user=county.reviewer)
    if step == "withdraw":
        return do_withdraw_item(item, acting_user=county.approver)
    if step == "update":
        return do_update_item(item, {"title": "改过的标题"}, acting_user=county.clerk)
    raise AssertionError(step)


@pytest.mark.parametrize("step,status", FORBIDDEN)
def test_it_refuses_a_forbidden_step_and_changes_nothing(step, status, county, draft):
    item = _bring_to(status, county, draft)
    events_before = history(item).count()

    with pytest.raises(PublishingError) as refused:
        _do(step, item, county)

    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(refused.value)), "the message is in Chinese"
    after = reload(item)
    assert after.status == status
    assert after.title == item.title
    assert after.index_number == item.index_number
    assert history(item).count() == events_before


def test_a_draft_can_be_edited_and_the_change_is_recorded(county, draft):
    item = draft()
    do_update_item(item, {"title": "新标题", "document_number": "郏教〔2025〕3号"}, acting_user=county.clerk)
    assert reload(item).title == "新标题"
    assert history(item).last().data == {"fields": ["document_number", "title"]}


def test_a_published_item_can_be_withdrawn_and_keeps_its_index_number(county, published):
    item = published()
    number = item.index_number
    do_withdraw_item(item, "含有个人信息", acting_user=county.approver)
    item = reload(item)
    assert item.status == ItemStatus.WITHDRAWN
    assert item.index_number == number
    assert history(item).last().data == {"reason": "含有个人信息"}


def test_it_refuses_a_node_that_is_not_in_the_agencys_column(county, draft):
    township_only = CatalogueNode.objects.get(code="homesteads")
    with pytest.raises(PublishingError, match="不属于"):
        draft(node=township_only)
    assert not InformationItem.objects.exists()


def test_it_refuses_an_item_without_a_title(county, node):
    with pytest.raises(PublishingError, match="标题"):
        do_create_item(county.dept, {"node": node, "title": " "}, acting_user=county.clerk)
