"""Every supervision page renders for the office, with a Chinese title, and 403 for others."""

import pytest
from django.urls import reverse

from gongkai.supervision.actions import do_create_scheme, do_register_account

pytestmark = pytest.mark.django_db

PAGES = [
    ("supervision:overview", []), ("supervision:columns", []), ("supervision:settings", []),
    ("supervision:media_list", []), ("supervision:media_new", []), ("supervision:media_import", []),
    ("supervision:hotline", []), ("supervision:hotline_import", []), ("supervision:inquiries", []),
    ("supervision:qr_sheet", []), ("supervision:village_catalogue", []), ("supervision:assessment", []),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_it_renders_for_the_office_and_refuses_others(client, county, name, args):
    client.force_login(county.office_admin)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    assert "<h1>" in response.content.decode()
    client.force_login(county.approver)
    assert client.get(reverse(name, args=args)).status_code == 403


def test_it_renders_an_account_and_a_scheme(client, county):
    account = do_register_account({"agency": county.dept, "platform": "wechat", "name": "郏县教育"}, acting_user=county.office_admin)
    do_create_scheme(2025, acting_user=county.office_admin)
    client.force_login(county.office_admin)
    assert "关停注销" in client.get(reverse("supervision:media_edit", args=[account.pk])).content.decode()
    assert "得分排名" in client.get(reverse("supervision:assessment"), {"year": 2025}).content.decode()


def test_it_hides_another_offices_account(client, county):
    from gongkai.agencies.models import Agency, Role
    from gongkai.testing import make_staff

    account = do_register_account({"agency": county.dept, "platform": "wechat", "name": "郏县教育"}, acting_user=county.office_admin)
    town = Agency.objects.create(code="t", name="某镇人民政府", kind="township", parent=county.county, index_prefix="1")
    client.force_login(make_staff("town-office", town, Role.OFFICE_ADMIN))
    assert client.get(reverse("supervision:media_edit", args=[account.pk])).status_code == 404


def test_the_trend_axis_has_even_whole_ticks_and_room_for_the_last_label():
    from gongkai.supervision.chart import Series, axis_ticks, line_chart

    assert axis_ticks(5) == [0, 2, 4, 6, 8]
    assert axis_ticks(0) == [0, 1, 2, 3, 4]
    assert axis_ticks(37) == [0, 10, 20, 30, 40]
    svg = line_chart(["1月", "12月"], [Series("申请逾期", (0, 5))], title="t", width=720)
    last_label_x = float(svg.split('text-anchor="middle"')[-2].rsplit('x="', 1)[1].split('"')[0])
    assert last_label_x + 2 * 11 / 2 <= 720  # a two-character label centred there fits


def test_year_navigation_stops_at_the_years_with_data(client, county):
    from django.utils import timezone

    client.force_login(county.office_admin)
    this_year = timezone.localdate().year

    page = client.get("/staff/supervision/hotline/", {"year": 1486}).content.decode()

    assert f"{this_year}年" in page
    assert "?year=1485" not in page and "上一年" not in page and "下一年" not in page


def test_the_supervision_pages_have_a_plain_title(client, county):
    """A merge left the relaxations and ID-view tables inside <title> (found by the duplicates check)."""
    import re

    client.force_login(county.office_admin)
    for name in ("supervision:overview", "supervision:settings"):
        page = client.get(reverse(name)).content.decode()
        title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
        assert "<" not in title and len(title) < 40, (name, title)
