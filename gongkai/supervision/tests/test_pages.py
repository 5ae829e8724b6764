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
