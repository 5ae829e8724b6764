"""政策解读 三同步: a normative document goes out with its interpretation, in one step."""

import pytest

from gongkai.eventlog.log import history
from gongkai.publishing.actions import PublishingError, do_publish_item, do_update_item
from gongkai.publishing.models import CatalogueNode, InformationItem, ItemStatus

pytestmark = pytest.mark.django_db


def reload(item):
    return InformationItem.objects.get(pk=item.pk)


@pytest.fixture
def interpretation_node(db):
    return CatalogueNode.objects.get(code="policy-interpretations")


def test_publishing_the_document_publishes_its_interpretation_too(county, ready, interpretation_node):
    document = ready(title="郏县中小学学籍管理办法", doc_kind="normative", document_number="郏教规〔2025〕1号")
    explainer = ready(title="《郏县中小学学籍管理办法》政策解读", doc_kind="interpretation",
                      interprets=document, node=interpretation_node)

    do_publish_item(document, acting_user=county.approver)

    document, explainer = reload(document), reload(explainer)
    assert document.status == explainer.status == ItemStatus.PUBLISHED
    assert document.published_at == explainer.published_at
    assert {document.index_number, explainer.index_number} == {
        f"005252900/{document.published_on.year}-00001", f"005252900/{document.published_on.year}-00002"}
    assert history(explainer).last().actor_name == "王负责"
    assert history(explainer).last().data["published_with"] == document.pk


def test_a_normative_document_without_interpretation_or_reason_is_refused(county, ready):
    document = ready(doc_kind="normative")
    with pytest.raises(PublishingError, match="无需解读的理由"):
        do_publish_item(document, acting_user=county.approver)
    assert reload(document).status == ItemStatus.AWAITING_APPROVAL


def test_a_recorded_reason_lets_it_go_out_alone(county, ready):
    document = ready(doc_kind="normative", no_interpretation_reason="仅对原文件作文字性修改")
    do_publish_item(document, acting_user=county.approver)
    assert reload(document).status == ItemStatus.PUBLISHED


def test_an_interpretation_still_in_review_holds_the_document_back(county, ready, draft, interpretation_node):
    document = ready(doc_kind="normative")
    explainer = draft(title="解读", doc_kind="interpretation", interprets=document, node=interpretation_node)
    from gongkai.publishing.actions import do_submit_item

    do_submit_item(explainer, acting_user=county.clerk)

    with pytest.raises(PublishingError, match="尚未通过保密审查"):
        do_publish_item(document, acting_user=county.approver)
    assert reload(document).status == ItemStatus.AWAITING_APPROVAL
    assert reload(document).index_number is None
    assert reload(explainer).status == ItemStatus.IN_REVIEW


def test_an_interpretation_cannot_be_published_before_its_document(county, ready, interpretation_node):
    document = ready(doc_kind="normative")
    explainer = ready(title="解读", doc_kind="interpretation", interprets=document, node=interpretation_node)
    with pytest.raises(PublishingError, match="同步发布"):
        do_publish_item(explainer, acting_user=county.approver)
    assert reload(explainer).status == ItemStatus.AWAITING_APPROVAL


def test_only_an_interpretation_may_point_at_a_document(county, draft):
    document = draft(doc_kind="normative")
    notice = draft(title="普通通知")
    with pytest.raises(PublishingError, match="政策解读"):
        do_update_item(notice, {"interprets": document}, acting_user=county.clerk)


def test_an_interpretation_interprets_its_own_agencys_document(county, draft, node):
    from gongkai.publishing.actions import do_create_item

    other_document = do_create_item(county.other_dept, {"node": node, "title": "民政文件", "doc_kind": "normative"},
                                    acting_user=county.other_agency_clerk)
    with pytest.raises(PublishingError, match="谁起草谁解读"):
        draft(doc_kind="interpretation", interprets=other_document)
