import datetime as dt

from django.urls import reverse

from gongkai.portal.tests.factories import make_item
from gongkai.publishing.models import ItemStatus


def test_it_shows_the_four_sub_columns_latest_items_and_agencies(client, county):
    make_item(county.dept, title="2021年义务教育招生方案", published_on=dt.date(2021, 8, 1))
    make_item(county.dept, title="尚未审批的草稿", status=ItemStatus.AWAITING_APPROVAL)
    html = client.get(reverse("portal:home")).content.decode()
    for column in ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"):
        assert column in html
    assert "2021年义务教育招生方案" in html
    assert "尚未审批的草稿" not in html
    assert county.dept.name in html
    assert reverse("portal:agency", args=[county.dept.code]) in html


def test_it_needs_no_log_in(client, db):
    assert client.get(reverse("portal:home")).status_code == 200


def test_it_offers_a_search_box_and_the_published_reports(client, county):
    html = client.get(reverse("portal:home")).content.decode()

    assert f'action="{reverse("portal:search")}"' in html and 'type="search" name="q"' in html
    assert f'href="{reverse("annualreports_public:list")}"' in html


def test_it_states_both_report_deadlines_of_the_regulation(client, county):
    html = client.get(reverse("portal:home")).content.decode()

    assert "1 月 31 日前" in html and "条例第四十九条" in html
    assert "3 月 31 日前" in html and "条例第五十条" in html


def test_the_guide_offers_the_paper_form_and_an_online_link_with_the_agency_chosen(client, county):
    guide = client.get(reverse("portal:guide", args=[county.dept.code])).content.decode()

    online = f'{reverse("applications_public:apply")}?agency={county.dept.code}'
    assert online in guide
    apply_page = client.get(online).content.decode()
    assert f'<option value="{county.dept.pk}" selected>' in apply_page
    for fmt in ("docx", "pdf"):
        assert reverse("portal:application_form", args=[county.dept.code, fmt]) in guide


def test_the_paper_form_is_a4_in_the_sc_fonts_with_the_agencys_name(client, county):
    import io

    from docx import Document

    from gongkai.printcheck import save_pdf_pages, unintended_pdf_fonts

    pdf = client.get(reverse("portal:application_form", args=[county.dept.code, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and unintended_pdf_fonts(pdf.content) == set()
    save_pdf_pages(pdf.content, "application-form")
    docx = Document(io.BytesIO(client.get(reverse("portal:application_form", args=[county.dept.code, "docx"])).content))
    assert round(docx.sections[0].page_width.mm) == 210 and round(docx.sections[0].page_height.mm) == 297
    assert docx.paragraphs[0].text == "郏县教育局政府信息公开申请表" and docx.paragraphs[0].style.name == "Title"
    cells = {c.text for row in docx.tables[0].rows for c in row.cells}
    assert {"申请人信息", "公民", "法人或其他组织", "所需信息", "获取方式"} <= cells
    assert client.get(reverse("portal:application_form", args=[county.dept.code, "exe"])).status_code == 404
