import datetime as dt

from django.urls import reverse

from gongkai.portal.tests.factories import attach, make_item
from gongkai.publishing.models import DocKind, ItemStatus, Topic, Validity


def test_item_page_has_the_standard_metadata_table(client, county):
    item = make_item(county.dept, title="郏县义务教育学校招生工作实施方案", document_number="郏教〔2021〕12号",
                     written_on=dt.date(2021, 4, 20), published_on=dt.date(2021, 4, 25),
                     topic=Topic.EDUCATION, validity=Validity.REPEALED, validity_changed_on=dt.date(2023, 1, 1),
                     body="<p>一、招生范围</p>")
    html = client.get(reverse("portal:item", args=[item.pk])).content.decode()
    for label in ("索引号", "发布机构", "文号", "成文日期", "发布日期", "主题分类", "有效性"):
        assert f'<th scope="row">{label}</th>' in html
    for value in (item.index_number, "郏县教育局", "郏教〔2021〕12号", "2021年4月20日", "2021年4月25日",
                  "科技、教育", "废止（2023年1月1日废止）", "一、招生范围"):
        assert value in html


def test_drafts_and_their_attachments_are_404(client, county):
    for status in (ItemStatus.DRAFT, ItemStatus.IN_REVIEW, ItemStatus.AWAITING_APPROVAL, ItemStatus.WITHDRAWN):
        draft = make_item(county.dept, status=status)
        attachment = attach(draft)
        assert client.get(reverse("portal:item", args=[draft.pk])).status_code == 404
        assert client.get(reverse("portal:attachment", args=[draft.pk, attachment.pk])).status_code == 404


def test_attachment_download_has_type_and_chinese_file_name(client, county):
    item = make_item(county.dept)
    attachment = attach(item, name="招生范围一览表.pdf", content=b"%PDF-1.4 hello")
    html = client.get(reverse("portal:item", args=[item.pk])).content.decode()
    url = reverse("portal:attachment", args=[item.pk, attachment.pk])
    assert url in html and "招生范围一览表.pdf" in html
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%E6%8B%9B" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"%PDF-1.4 hello"


def test_attachment_of_another_item_is_404(client, county):
    one, other = make_item(county.dept), make_item(county.dept)
    attachment = attach(one)
    assert client.get(reverse("portal:attachment", args=[other.pk, attachment.pk])).status_code == 404


def test_normative_document_and_interpretation_link_both_ways(client, county):
    document = make_item(county.dept, title="郏县学生资助管理办法", doc_kind=DocKind.NORMATIVE)
    reading = make_item(county.dept, title="《郏县学生资助管理办法》政策解读", node="policy-interpretations",
                        doc_kind=DocKind.INTERPRETATION, interprets=document)
    make_item(county.dept, title="未发布的解读", node="policy-interpretations", doc_kind=DocKind.INTERPRETATION,
              interprets=document, status=ItemStatus.DRAFT)
    document_html = client.get(reverse("portal:item", args=[document.pk])).content.decode()
    assert "政策解读" in document_html and reverse("portal:item", args=[reading.pk]) in document_html
    assert "未发布的解读" not in document_html
    reading_html = client.get(reverse("portal:item", args=[reading.pk])).content.decode()
    assert "所解读的文件" in reading_html and reverse("portal:item", args=[document.pk]) in reading_html


def test_an_interpretation_of_an_unpublished_document_does_not_link_to_it(client, county):
    document = make_item(county.dept, title="尚未发布的办法", doc_kind=DocKind.NORMATIVE, status=ItemStatus.DRAFT)
    reading = make_item(county.dept, title="解读", doc_kind=DocKind.INTERPRETATION, interprets=document)
    html = client.get(reverse("portal:item", args=[reading.pk])).content.decode()
    assert "尚未发布的办法" not in html


def test_body_is_shown_as_cleaned_html(client, county):
    item = make_item(county.dept, body='<p onclick="x()">正文<script>alert(1)</script></p>')
    html = client.get(reverse("portal:item", args=[item.pk])).content.decode()
    assert "<script>alert" not in html and "onclick" not in html
