import datetime

import pytest

from gongkai.eventlog.log import history
from gongkai.publishing.actions import PublishingError, do_add_local_node, do_change_validity
from gongkai.publishing.catalogue import item_nodes_for_agency
from gongkai.publishing.models import CatalogueNode, InformationItem

pytestmark = pytest.mark.django_db


def test_it_records_a_repeal_with_its_date(county, published):
    rule = published(doc_kind="normative", no_interpretation_reason="无", issued_on=datetime.date(2020, 5, 1))
    do_change_validity(rule, "repealed", datetime.date(2025, 6, 30), acting_user=county.approver)
    rule = InformationItem.objects.get(pk=rule.pk)
    assert rule.get_validity_display() == "废止"
    assert rule.validity_changed_on == datetime.date(2025, 6, 30)
    event = history(rule).last()
    assert (event.verb, event.from_state, event.to_state) == ("item_validity_changed", "valid", "repealed")


def test_a_repeal_needs_a_date_not_before_issue(county, published):
    rule = published(doc_kind="normative", no_interpretation_reason="无", issued_on=datetime.date(2020, 5, 1))
    with pytest.raises(PublishingError, match="日期"):
        do_change_validity(rule, "expired", None, acting_user=county.approver)
    with pytest.raises(PublishingError, match="不能早于"):
        do_change_validity(rule, "expired", datetime.date(2019, 1, 1), acting_user=county.approver)
    assert InformationItem.objects.get(pk=rule.pk).validity == "valid"


def test_a_draft_has_no_validity_to_change(county, draft):
    with pytest.raises(PublishingError, match="已发布"):
        do_change_validity(draft(), "repealed", datetime.date(2025, 1, 1), acting_user=county.approver)


def test_an_agency_adds_a_sub_item_under_a_national_node(county, draft):
    parent = CatalogueNode.objects.get(code="licensing")
    node = do_add_local_node(county.dept, parent, "教师资格认定", acting_user=county.clerk)

    assert node.parent == parent and node.agency == county.dept and not node.is_national
    assert node in item_nodes_for_agency(county.dept)
    assert node not in item_nodes_for_agency(county.other_dept)
    assert draft(node=node).node == node


def test_sub_items_go_only_under_national_nodes_that_apply(county):
    parent = CatalogueNode.objects.get(code="licensing")
    local = do_add_local_node(county.dept, parent, "教师资格认定", acting_user=county.clerk)
    with pytest.raises(PublishingError, match="国家规定"):
        do_add_local_node(county.dept, local, "更细", acting_user=county.clerk)
    with pytest.raises(PublishingError, match="不适用"):
        do_add_local_node(county.dept, CatalogueNode.objects.get(code="homesteads"), "宅基地", acting_user=county.clerk)
    with pytest.raises(PublishingError, match="已经有"):
        do_add_local_node(county.dept, parent, "教师资格认定", acting_user=county.clerk)
    assert CatalogueNode.objects.filter(agency=county.dept).count() == 1


def test_national_nodes_are_those_of_the_agencys_kind(county):
    codes = set(item_nodes_for_agency(county.dept).values_list("code", flat=True))
    assert {"policy-documents", "municipal-works", "annual-reports"} <= codes
    assert "homesteads" not in codes  # 第二十一条: townships only
    assert "statutory" not in codes  # a heading, not a place for items
