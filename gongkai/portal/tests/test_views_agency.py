import pytest
from django.urls import reverse

from gongkai.agencies.models import Agency, AgencyKind
from gongkai.portal.tests.factories import make_item
from gongkai.publishing.models import CatalogueNode, ItemStatus


def test_catalogue_has_national_nodes_with_counts(client, county):
    make_item(county.dept, node="policy-documents")
    make_item(county.dept, node="policy-documents")
    make_item(county.dept, node="policy-documents", status=ItemStatus.DRAFT)
    make_item(county.other_dept, node="policy-documents")
    response = client.get(reverse("portal:agency", args=[county.dept.code]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "政策文件" in html and "（2 条）" in html
    assert "公务员招考" in html


def test_county_catalogue_has_article_21_county_nodes_but_not_township_ones(client, county):
    html = client.get(reverse("portal:agency", args=[county.county.code])).content.decode()
    assert "市政建设" in html and "社会救助" in html
    assert "宅基地使用情况审核" not in html


def test_township_catalogue_has_its_article_21_nodes(client, county):
    town = Agency.objects.create(code="anliang", name="郏县安良镇人民政府", kind=AgencyKind.TOWNSHIP,
                                 parent=county.county, index_prefix="00525")
    html = client.get(reverse("portal:agency", args=[town.code])).content.decode()
    assert "宅基地使用情况审核" in html and "社会救助" in html
    assert "市政建设" not in html


def test_own_sub_items_appear_under_their_node_for_that_agency_only(client, county):
    parent = CatalogueNode.objects.get(code="livelihood")
    local = CatalogueNode.objects.create(code="edu-aid", name="学生资助", kind="statutory", parent=parent,
                                         agency=county.dept)
    make_item(county.dept, node=local)
    html = client.get(reverse("portal:agency", args=[county.dept.code])).content.decode()
    assert "学生资助" in html and "（1 条）" in html
    assert "学生资助" not in client.get(reverse("portal:agency", args=[county.other_dept.code])).content.decode()


def test_unknown_agency_is_404(client, db):
    assert client.get(reverse("portal:agency", args=["nope"])).status_code == 404


@pytest.mark.parametrize("page, heading", [("portal:guide", "政府信息公开指南"), ("portal:rules", "政府信息公开制度")])
def test_guide_and_rules_pages_give_the_office_contacts(client, county, page, heading):
    agency = county.county
    agency.office_address = "郏县龙山大道1号"
    agency.office_hours = "工作日 8:30-12:00，15:00-18:00"
    agency.guide = "<p>本指南说明如何申请。</p>"
    agency.rules = "<p>保密审查制度。</p>"
    agency.save()
    html = client.get(reverse(page, args=[agency.code])).content.decode()
    assert f"<h1>郏县人民政府{heading}</h1>" in html
    for text in ("郏县人民政府办公室", "郏县龙山大道1号", "工作日 8:30-12:00", "0375-5199000"):
        assert text in html
    assert ("本指南说明如何申请" if page == "portal:guide" else "保密审查制度") in html
