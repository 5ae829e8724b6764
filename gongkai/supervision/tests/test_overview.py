"""The supervision page: office admins only, and every figure equals the records it links to."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from gongkai.portal.tests.factories import make_item
from gongkai.publishing.models import ItemStatus
from gongkai.supervision.actions import do_record_last_post, do_register_account
from gongkai.supervision.findings import Kind

pytestmark = pytest.mark.django_db
TODAY = dt.datetime(2025, 10, 15, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.fixture
def records(county, make_application):
    """Overdue, due-soon and answered applications, a late item, a silent account."""
    make_application(county.dept, due_on=dt.date(2025, 10, 9))  # overdue
    make_application(county.dept, due_on=dt.date(2025, 9, 30))  # overdue
    make_application(county.dept, due_on=dt.date(2025, 10, 17))  # due soon
    make_application(county.dept, due_on=dt.date(2025, 10, 9), status="replied", replied_on=dt.date(2025, 10, 9))
    make_application(county.other_dept, due_on=dt.date(2025, 10, 14))  # overdue, other agency
    # Formed 2025-09-01: Art. 26 deadline 2025-09-29; still a draft → late.
    make_item(county.dept, title="迟迟未发的通知", status=ItemStatus.DRAFT, formed_on=dt.date(2025, 9, 1))
    with time_machine.travel(TODAY, tick=False):
        account = do_register_account(
            {"agency": county.other_dept, "platform": "wechat", "name": "郏县民政"}, acting_user=county.office_admin
        )
        do_record_last_post(account, dt.date(2025, 9, 26), acting_user=county.office_admin)


def _figures(html):
    """{(kind, agency id): figure} as the overview page links them."""
    found = {}
    for kind, agency, n in re.findall(r'href="/staff/supervision/records/([a-z_]+)/\?agency=(\d+)"[^>]*>(\d+)<', html):
        found[(kind, int(agency))] = int(n)
    return found


def test_it_is_for_office_admins_only(client, county):
    for user in (county.clerk, county.approver, county.other_agency_clerk, county.no_role_user):
        client.force_login(user)
        assert client.get(reverse("supervision:overview")).status_code == 403
        assert client.get(reverse("supervision:records", args=["stale_columns"])).status_code == 403
        assert client.get(reverse("supervision:media_list")).status_code == 403
    client.logout()
    assert client.get(reverse("supervision:overview")).status_code == 302


def test_it_shows_figures_equal_to_the_records_they_link_to(client, county, records):
    client.force_login(county.office_admin)
    with time_machine.travel(TODAY, tick=False):
        html = client.get(reverse("supervision:overview")).content.decode()
        figures = _figures(html)
        assert figures[(Kind.OVERDUE_APPLICATIONS, county.dept.pk)] == 2
        assert figures[(Kind.DUE_SOON_APPLICATIONS, county.dept.pk)] == 1
        assert figures[(Kind.OVERDUE_APPLICATIONS, county.other_dept.pk)] == 1
        assert figures[(Kind.LATE_PUBLICATIONS, county.dept.pk)] == 1
        assert figures[(Kind.SILENT_ACCOUNTS, county.other_dept.pk)] == 1
        for (kind, agency), n in figures.items():
            page = client.get(reverse("supervision:records", args=[kind]), {"agency": agency}).content.decode()
            assert page.count('class="finding"') == n, (kind, agency)
            assert f'<strong class="record-count">{n}</strong>' in page


def test_it_draws_the_trend_as_inline_svg_without_scripts(client, county, records):
    client.force_login(county.office_admin)
    with time_machine.travel(TODAY, tick=False):
        html = client.get(reverse("supervision:overview")).content.decode()
    assert "<svg" in html and "近12个月逾期事项趋势" in html
    assert "<script" not in html.split("<main", 1)[1]
    # Two applications were due in October 2025 and missed, one in September.
    assert re.search(r"<th scope=\"row\">25年10月</th><td class=\"num\">2</td>", html)
    assert re.search(r"<th scope=\"row\">25年9月</th><td class=\"num\">1</td>", html)


def test_it_keeps_an_agency_out_of_another_office(client, county, records):
    from gongkai.agencies.models import Agency, Role
    from gongkai.testing import make_staff

    township = Agency.objects.create(code="t", name="某镇人民政府", kind="township", parent=county.county, index_prefix="1")
    township_office = make_staff("town-office", township, Role.OFFICE_ADMIN)
    client.force_login(township_office)
    with time_machine.travel(TODAY, tick=False):
        html = client.get(reverse("supervision:overview")).content.decode()
        assert "县教育局" not in html
        response = client.get(reverse("supervision:records", args=["overdue_applications"]), {"agency": county.dept.pk})
    assert response.status_code == 404


def test_overview_lists_agencies_whose_letters_cannot_be_composed(client, county):
    """Issue 10.1: an agency with incomplete contact details cannot sign; the page lists it."""
    county.other_dept.office_phone = ""
    county.other_dept.save()
    client.force_login(county.office_admin)
    page = client.get(reverse("supervision:overview")).content.decode()
    listed = page.split('id="incomplete-contacts"', 1)[1].split("</ul>", 1)[0]
    assert "郏县民政局：缺少联系电话" in listed
    assert "郏县教育局" not in listed
