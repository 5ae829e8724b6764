"""The application queue's search and filters, and the staff home's counts of what waits."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def rows(html: str) -> list[str]:
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return re.findall(r'<a href="/staff/applications/\d+/">([^<]+)</a>', body)


def test_the_number_is_shown_with_its_agency_and_found_by_search(client, county, register):
    register()
    register(agency=county.other_dept, acting_user=county.other_agency_clerk)
    client.force_login(county.office_admin)

    found = rows(client.get(reverse("applications:queue"), {"q": "〔2025〕1号"}).content.decode())

    assert sorted(found) == ["县教育局〔2025〕1号", "县民政局〔2025〕1号"]


def test_it_searches_applicant_and_request_words_and_filters_by_agency(client, county, register):
    register(description="2025年全县义务教育阶段学校名单")
    register(description="县城供水管网改造资金")
    register(agency=county.other_dept, acting_user=county.other_agency_clerk, description="低保名单")
    client.force_login(county.office_admin)
    queue = reverse("applications:queue")

    assert rows(client.get(queue, {"q": "供水"}).content.decode()) == ["县教育局〔2025〕2号"]
    assert len(rows(client.get(queue, {"q": "张三"}).content.decode())) == 3
    assert rows(client.get(queue, {"agency": county.other_dept.code}).content.decode()) == ["县民政局〔2025〕1号"]


def test_it_filters_by_status_and_due_window(client, county, register):
    import datetime as dt

    register()  # received 2025-09-26: overdue on 2025-12-10
    register(received_on=dt.date(2025, 12, 9))  # due in January
    client.force_login(county.clerk)
    queue = reverse("applications:queue")

    assert rows(client.get(queue, {"due": "overdue"}).content.decode()) == ["县教育局〔2025〕1号"]
    assert rows(client.get(queue, {"due": "soon"}).content.decode()) == []
    assert len(rows(client.get(queue, {"status": "in_progress"}).content.decode())) == 2
    assert rows(client.get(queue, {"status": "replied"}).content.decode()) == []


def test_the_staff_home_counts_what_waits_on_this_person(client, county, register):
    register()  # overdue, in progress
    client.force_login(county.clerk)

    home = client.get(reverse("agencies:home")).content.decode()

    assert re.search(r'<a href="/staff/applications/\?due=overdue">依申请公开：已超期</a></td><td class="num">'
                     r'<span class="badge badge-bad">1</span>', home)
    assert "答复待签发" not in home and "待保密审查" not in home  # not a clerk's step
    client.force_login(county.reviewer)
    home = client.get(reverse("agencies:home")).content.decode()
    assert "主动公开：待保密审查" in home and "依申请公开" not in home.split("待办事项")[1]
    client.force_login(county.approver)
    assert "依申请公开：答复待签发" in client.get(reverse("agencies:home")).content.decode()
