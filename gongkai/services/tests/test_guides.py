"""The service guide: XLSX import with bad rows, search by agency and life event."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from gongkai.services.models import ServiceItem

pytestmark = pytest.mark.django_db
HEADER = ["事项名称", "实施机关", "设定依据", "申请材料", "办理时限", "办理地点", "收费标准", "人生事件"]


def xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("办事一本通.xlsx", buffer.getvalue())


GOOD = [
    ["义务教育阶段转学", "县教育局", "《义务教育法》", "转学申请表\n户口簿", "5个工作日", "县政务服务中心2号窗口", "", "教育入学"],
    ["最低生活保障审核确认", "郏县民政局", "《社会救助暂行办法》", "申请书、家庭收入说明", "30个工作日", "乡镇便民服务中心", "不收费", "社会保障、残疾人服务"],
]


def test_it_imports_nothing_when_a_row_is_wrong(client, county):
    client.force_login(county.office_admin)
    bad = GOOD + [
        ["", "县教育局", "", "材料", "1天", "窗口", "", ""],
        ["某事项", "县财政局", "", "材料", "1天", "窗口", "", "出国留学"],
        ["义务教育阶段转学", "jiaxian-edu", "", "材料", "1天", "窗口", "", ""],
    ]
    html = client.post(reverse("services:import"), {"file": xlsx(bad)}).content.decode()
    assert "第 4 行：事项名称不能为空。" in html
    assert "第 5 行：实施机关「县财政局」在平台中不存在；人生事件「出国留学」不认识" in html
    assert "第 6 行：与第 2 行重复（同一实施机关、事项名称）。" in html
    assert ServiceItem.objects.count() == 0


def test_it_imports_and_searches_by_agency_and_life_event(client, county):
    client.force_login(county.office_admin)
    assert client.post(reverse("services:import"), {"file": xlsx(GOOD)}).status_code == 302
    assert ServiceItem.objects.get(name="义务教育阶段转学").fees == "不收费"
    client.logout()
    by_event = client.get(reverse("services_public:list"), {"event": "social-security"}).content.decode()
    assert "最低生活保障审核确认" in by_event and "义务教育阶段转学" not in by_event
    by_agency = client.get(reverse("services_public:list"), {"agency": county.dept.code}).content.decode()
    assert "义务教育阶段转学" in by_agency and "最低生活保障" not in by_agency
    item = ServiceItem.objects.get(name="义务教育阶段转学")
    page = client.get(reverse("services_public:detail", args=[item.pk])).content.decode()
    assert "转学申请表<br>户口簿" in page and "县政务服务中心2号窗口" in page


def test_it_updates_a_guide_on_reimport(client, county):
    client.force_login(county.office_admin)
    client.post(reverse("services:import"), {"file": xlsx(GOOD)})
    changed = [GOOD[0][:4] + ["3个工作日"] + GOOD[0][5:]]
    client.post(reverse("services:import"), {"file": xlsx(changed)})
    assert ServiceItem.objects.count() == 2
    assert ServiceItem.objects.get(name="义务教育阶段转学").time_limit == "3个工作日"


def test_it_lets_only_the_office_import(client, county):
    client.force_login(county.clerk)
    assert client.get(reverse("services:import")).status_code == 403
