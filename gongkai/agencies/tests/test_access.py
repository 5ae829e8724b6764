import pytest

from gongkai.agencies.access import agencies_where, scope_of, visible_agencies
from gongkai.agencies.models import Role


def test_office_admin_sees_the_whole_county(county):
    assert set(visible_agencies(county.office_admin)) == {county.county, county.dept, county.other_dept}


def test_department_staff_see_only_their_department(county):
    for user in (county.clerk, county.approver, county.reviewer):
        assert list(visible_agencies(user)) == [county.dept]
    assert list(visible_agencies(county.other_agency_clerk)) == [county.other_dept]


def test_people_without_a_role_see_nothing(county):
    assert not visible_agencies(county.no_role_user).exists()
    assert not scope_of(county.no_role_user).is_staff_member


def test_roles_are_per_agency(county):
    assert list(agencies_where(county.approver, Role.APPROVER)) == [county.dept]
    assert not agencies_where(county.clerk, Role.APPROVER).exists()
    assert scope_of(county.clerk).holds(county.dept, Role.CLERK)
    assert not scope_of(county.clerk).holds(county.other_dept, Role.CLERK)


ROLES = ["office_admin", "clerk", "approver", "reviewer", "other_agency_clerk", "no_role_user", "anonymous"]


def _login(client, county, who):
    if who != "anonymous":
        client.force_login(getattr(county, who))


@pytest.mark.parametrize(
    "who, status",
    [("office_admin", 200), ("clerk", 200), ("approver", 200), ("reviewer", 200),
     ("other_agency_clerk", 200), ("no_role_user", 403), ("anonymous", 302)],
)
def test_staff_home_and_agency_list(client, county, who, status):
    _login(client, county, who)
    for url in ("/staff/", "/staff/agencies/"):
        assert client.get(url).status_code == status


@pytest.mark.parametrize(
    "who, status",
    [("office_admin", 200), ("clerk", 403), ("approver", 200), ("reviewer", 403),
     ("other_agency_clerk", 404), ("no_role_user", 403), ("anonymous", 302)],
)
def test_editing_a_department_profile(client, county, who, status):
    _login(client, county, who)
    assert client.get(f"/staff/agencies/{county.dept.code}/").status_code == status


def test_agency_list_shows_only_visible_agencies(client, county):
    client.force_login(county.clerk)
    page = client.get("/staff/agencies/").content.decode()
    assert county.dept.name in page and county.other_dept.name not in page


def test_saving_a_profile_cleans_html_and_records_an_event(client, county):
    from gongkai.eventlog.log import history

    client.force_login(county.approver)
    response = client.post(
        f"/staff/agencies/{county.dept.code}/",
        {"office_name": "县教育局办公室", "office_phone": "0375-1234567",
         "guide": '<p onclick="x()">指南</p><script>alert(1)</script>', "rules": "<p>制度</p>"},
    )
    assert response.status_code == 302
    county.dept.refresh_from_db()
    assert county.dept.guide == "<p>指南</p>"
    assert county.dept.office_phone == "0375-1234567"
    [event] = history(county.dept)
    assert event.actor == county.approver and "guide" in event.data["fields"]
