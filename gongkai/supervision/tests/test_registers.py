"""Hotline import page, the inquiry log, QR sheets, village catalogue, assessment."""

import datetime as dt
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.portal.tests.factories import make_item
from gongkai.supervision.actions import do_add_adjustment, do_create_scheme
from gongkai.supervision.models import HotlineCount, Inquiry, VillageCatalogueEntry
from gongkai.supervision.scoring import Measured, indicator_score, rank

pytestmark = pytest.mark.django_db
TZ = dt.timezone(dt.timedelta(hours=8))


def at(y, m, d):
    return time_machine.travel(dt.datetime(y, m, d, 10, tzinfo=TZ), tick=False)


def upload(client, text, name="12345.csv", encoding="utf-8"):
    return client.post(reverse("supervision:hotline_import"), {"file": SimpleUploadedFile(name, text.encode(encoding))})


def test_it_imports_hotline_counts_only_when_every_row_is_right(client, county):
    client.force_login(county.office_admin)
    with at(2025, 10, 15):
        bad = "月份,单位,类别,件数\n2025-09,县教育局,教育咨询,12\n2025年9月,县教育局,教育咨询,3\n2025-11,郏县民政局,低保,2\n,县民政局,,abc\n"
        html = upload(client, bad).content.decode()
        assert "第 3 行：与第 2 行重复（同一月份、单位、类别）。" in html
        assert "第 4 行：月份「2025-11」还没到。" in html
        assert "第 5 行：月份「」格式不对" in html and "类别不能为空" in html and "件数「abc」应为不小于 0 的整数" in html
        assert HotlineCount.objects.count() == 0
        good = "月份,单位,类别,件数\n2025-09,县教育局,教育咨询,12\n2025年9月,郏县民政局,低保,3\n2025-08,jiaxian-civil,低保,5\n"
        assert upload(client, good, encoding="gb18030").status_code == 302
        html = client.get(reverse("supervision:hotline"), {"year": 2025}).content.decode()
    assert HotlineCount.objects.count() == 3
    assert "全年合计 <strong>20</strong> 件" in html


def test_it_refuses_a_sheet_without_the_columns(client, county):
    client.force_login(county.office_admin)
    html = upload(client, "month,agency\n2025-09,x\n").content.decode()
    assert "表头缺少列：月份、单位、类别、件数" in html


def test_it_logs_inquiries_and_counts_them_by_month(client, county):
    client.force_login(county.office_admin)
    with at(2025, 10, 15):
        for day in ("2025-10-09", "2025-10-10", "2025-09-30"):
            client.post(reverse("supervision:inquiries"), {"kind": "information", "on": day, "agency": county.dept.pk})
        html = client.get(reverse("supervision:inquiries"), {"year": 2025}).content.decode()
    assert Inquiry.objects.count() == 3
    assert "2025年接待人次：3" in html


def test_it_prints_a_qr_sheet_for_each_catalogue_node(client, county):
    client.force_login(county.office_admin)
    html = client.get(reverse("supervision:qr_sheet"), {"agency": county.dept.pk}).content.decode()
    assert "/apply/" in html and "node=policy-documents" in html and "agency=jiaxian-edu" in html
    assert "size: A4" in html
    assert html.count('class="qr"') >= 10


def test_it_seeds_the_village_catalogue(client, county):
    assert VillageCatalogueEntry.objects.filter(category="finance", name="村级财务收支").exists()
    client.force_login(county.office_admin)
    html = client.get(reverse("supervision:village_catalogue")).content.decode()
    for name in ("低保评议", "宅基地审批", "惠农补贴发放", "村级财务收支"):
        assert name in html


def test_it_scores_indicators_from_measures():
    assert indicator_score("applications_on_time", Measured(on_time=9, done=10), Decimal(30), Decimal(0)) == Decimal("27.00")
    assert indicator_score("applications_on_time", Measured(), Decimal(30), Decimal(0)) == Decimal("30.00")
    assert indicator_score("stale_columns", Measured(count=6), Decimal(20), Decimal(4)) == Decimal("0.00")
    assert indicator_score("late_publications", Measured(count=2), Decimal(20), Decimal(2)) == Decimal("16.00")
    assert indicator_score("annual_report", Measured(ok=False), Decimal(10), Decimal(0)) == Decimal("0.00")
    assert [place for place, _, _ in rank([("a", 90), ("b", 95), ("c", 90), ("d", 80)])] == [1, 2, 2, 4]


def test_it_ranks_agencies_and_exports_xlsx(client, county, make_application):
    with at(2025, 12, 1):
        scheme = do_create_scheme(2025, acting_user=county.office_admin)
        make_item(county.dept, node="annual-reports", published_on=dt.date(2025, 1, 20))
        make_item(county.other_dept, node="annual-reports", published_on=dt.date(2025, 2, 20))  # late
        make_application(county.dept, due_on=dt.date(2025, 6, 10), status="replied", replied_on=dt.date(2025, 6, 9))
        make_application(county.other_dept, due_on=dt.date(2025, 6, 10), status="replied", replied_on=dt.date(2025, 6, 12))
        do_add_adjustment(scheme, county.other_dept, Decimal("-2"), "迎检材料报送不及时", acting_user=county.office_admin)
        client.force_login(county.office_admin)
        html = client.get(reverse("supervision:assessment"), {"year": 2025}).content.decode()
        response = client.get(reverse("supervision:assessment_export", args=[2025]))
    assert html.index("县教育局") < html.index("县民政局")
    assert "迎检材料报送不及时" in html
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "名次" and rows[2][1] == "郏县教育局" and rows[3][1] == "郏县民政局"
    assert rows[2][-1] - rows[3][-1] == pytest.approx(30 + 10 + 2)  # on-time rate, annual report, adjustment


def test_it_draws_a_scalable_qr_code():
    from gongkai.supervision.qr import qr_svg  # segno is a locked dependency: no skip

    svg = qr_svg("http://127.0.0.1:8000/apply/", title="依申请公开申请表")
    assert svg.startswith("<svg") and "viewBox" in svg and "width=" not in svg.split(">", 1)[0]
    assert "<title>依申请公开申请表</title>" in svg
