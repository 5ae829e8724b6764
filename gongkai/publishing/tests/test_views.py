import datetime
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.publishing.models import CatalogueNode, InformationItem

from .test_attachments import PDF

pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("ignore:No directory at")]


def form_data(**overrides):
    data = {
        "node": CatalogueNode.objects.get(code="policy-documents").pk,
        "title": "关于秋季学期开学的通知",
        "document_number": "郏教〔2025〕12号",
        "written_on": "2025-08-20",
        "formed_on": "2025-08-20",
        "topic": "education",
        "body": '<p>各学校：</p><script>alert(1)</script><img src="x" onerror="alert(2)">',
        "doc_kind": "ordinary",
        "issued_on": "",
        "interprets": "",
        "no_interpretation_reason": "",
    }
    data.update(overrides)
    return data


def test_it_walks_an_item_through_the_pages_to_publication(county, client):
    client.force_login(county.clerk)
    response = client.post(reverse("publishing:create"), form_data())
    item = InformationItem.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("publishing:detail", args=[item.pk])
    assert "<script" not in item.body and "onerror" not in item.body

    page = client.get(response["Location"]).content.decode()
    assert "提交保密审查" in page and "审批并发布" not in page
    client.post(reverse("publishing:submit", args=[item.pk]))

    client.force_login(county.reviewer)
    assert "开学的通知" in client.get(reverse("publishing:review_queue")).content.decode()
    client.post(reverse("publishing:pass_review", args=[item.pk]))

    client.force_login(county.approver)
    assert "开学的通知" in client.get(reverse("publishing:approval_queue")).content.decode()
    with time_machine.travel(datetime.datetime(2025, 9, 1, 2, 0, tzinfo=datetime.UTC)):
        response = client.post(reverse("publishing:publish", args=[item.pk]), follow=True)
    page = response.content.decode()
    assert "已发布。" in page
    assert "005252900/2025-00001" in page
    # The history reads in words, with who did what.
    assert "李经办：提交保密审查（草稿 → 保密审查中）" in page
    assert "王负责：审批发布（待负责人审批 → 已发布）" in page


def test_an_error_is_shown_next_to_its_field(county, client):
    client.force_login(county.clerk)
    response = client.post(reverse("publishing:create"), form_data(title=""))
    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<ul class="errorlist" id="id_title_error"><li>[^<]+</li></ul>', page)
    assert 'aria-invalid="true"' in page and 'aria-describedby="id_title_error"' in page
    assert not InformationItem.objects.exists()


def test_the_node_choice_holds_only_the_agencys_column(county, client):
    township_only = CatalogueNode.objects.get(code="homesteads")
    client.force_login(county.clerk)
    page = client.get(reverse("publishing:create")).content.decode()
    assert "政策文件" in page and township_only.name not in page

    response = client.post(reverse("publishing:create"), form_data(node=township_only.pk))
    assert "id_node_error" in response.content.decode()
    assert not InformationItem.objects.exists()


def test_a_refused_attachment_says_why_and_nothing_is_kept(county, client):
    client.force_login(county.clerk)
    client.post(reverse("publishing:create"), form_data())
    item = InformationItem.objects.get()
    renamed_html = SimpleUploadedFile("通知.pdf", b"<html><script>alert(1)</script></html>")
    response = client.post(reverse("publishing:attachment_add", args=[item.pk]), {"file": renamed_html})
    assert response.status_code == 400
    assert "不是允许的文件类型" in response.content.decode()
    assert not item.attachments.exists()

    response = client.post(reverse("publishing:attachment_add", args=[item.pk]),
                           {"file": SimpleUploadedFile("名单.pdf", PDF)}, follow=True)
    assert "名单.pdf" in response.content.decode()
    download = client.get(reverse("publishing:attachment", args=[item.pk, item.attachments.get().pk]))
    assert b"".join(download.streaming_content) == PDF


def test_publishing_a_normative_document_alone_is_refused_with_the_reason(county, client):
    client.force_login(county.clerk)
    client.post(reverse("publishing:create"), form_data(doc_kind="normative"))
    item = InformationItem.objects.get()
    page = client.get(reverse("publishing:detail", args=[item.pk])).content.decode()
    assert "尚无政策解读" in page
    client.post(reverse("publishing:submit", args=[item.pk]))
    client.force_login(county.reviewer)
    client.post(reverse("publishing:pass_review", args=[item.pk]))
    client.force_login(county.approver)
    response = client.post(reverse("publishing:publish", args=[item.pk]), follow=True)
    assert "无需解读的理由" in response.content.decode()
    assert InformationItem.objects.get().status == "awaiting_approval"


def test_a_return_without_reason_stays_on_the_page_with_the_error(county, client):
    client.force_login(county.clerk)
    client.post(reverse("publishing:create"), form_data())
    item = InformationItem.objects.get()
    client.post(reverse("publishing:submit", args=[item.pk]))
    client.force_login(county.reviewer)
    response = client.post(reverse("publishing:return", args=[item.pk]), {"reason": ""})
    assert response.status_code == 400
    assert "id_reason_error" in response.content.decode()
    assert InformationItem.objects.get().status == "in_review"


def test_the_deadline_page_lists_a_late_item(county, client):
    with time_machine.travel(datetime.datetime(2025, 10, 27, 2, 0, tzinfo=datetime.UTC)):
        client.force_login(county.clerk)
        client.post(reverse("publishing:create"), form_data(title="迟迟未发的通知", formed_on="2025-09-01"))
        page = client.get(reverse("publishing:deadlines")).content.decode()
    late = page.split("已超期未公开")[1].split("即将到期")[0]
    assert "迟迟未发的通知" in late and "2025-09-28" in late


def test_the_list_filters_by_status(county, client):
    client.force_login(county.clerk)
    client.post(reverse("publishing:create"), form_data(title="草稿甲"))
    client.post(reverse("publishing:create"), form_data(title="送审乙"))
    client.post(reverse("publishing:submit", args=[InformationItem.objects.get(title="送审乙").pk]))
    page = client.get(reverse("publishing:list"), {"status": "in_review"}).content.decode()
    assert "送审乙" in page and "草稿甲" not in page


def test_another_agencys_clerk_sees_none_of_its_items(county, client):
    client.force_login(county.clerk)
    client.post(reverse("publishing:create"), form_data(title="教育局内部草稿"))
    client.force_login(county.other_agency_clerk)
    for name in ("list", "review_queue", "approval_queue", "deadlines"):
        assert "教育局内部草稿" not in client.get(reverse(f"publishing:{name}")).content.decode()


def test_the_return_and_withdraw_boxes_have_their_own_fields(county, client, ready):
    item = ready()
    client.force_login(county.approver)
    page = client.get(reverse("publishing:detail", args=[item.pk])).content.decode()
    assert page.count('id="id_reason"') == 1 and page.count('id="id_withdraw-reason"') == 1


def test_an_approver_withdraws_a_published_item_with_a_reason(county, client, published):
    item = published()
    client.force_login(county.approver)
    response = client.post(reverse("publishing:withdraw", args=[item.pk]), {"withdraw-reason": "含有个人信息"},
                           follow=True)
    page = response.content.decode()
    assert "已撤回。" in page and "理由：含有个人信息" in page
    assert InformationItem.objects.get().status == "withdrawn"
