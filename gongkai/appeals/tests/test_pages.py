import datetime

import pytest

from gongkai.appeals.actions import do_register_appeal


@pytest.fixture
def appeal(county):
    return do_register_appeal(county.dept, {"kind": "reconsideration", "body": "郏县人民政府", "case_number": "复1",
                                            "filed_on": datetime.date(2021, 3, 1)}, acting_user=county.clerk)


@pytest.mark.parametrize("persona, status", [
    ("clerk", 200), ("approver", 200), ("office_admin", 200), ("reviewer", 200),
    ("other_agency_clerk", 404), ("no_role_user", 403),
])
def test_who_sees_a_case(client, county, appeal, persona, status):
    client.force_login(getattr(county, persona))

    assert client.get(f"/staff/appeals/{appeal.pk}/").status_code == status


def test_a_reviewer_may_read_but_not_record_a_decision(client, county, appeal):
    client.force_login(county.reviewer)

    response = client.post(f"/staff/appeals/{appeal.pk}/decision/", {"result": "upheld", "decided_on": "2021-05-01"})

    assert response.status_code == 403


def test_a_clerk_registers_and_decides_through_the_pages(client, county):
    client.force_login(county.clerk)

    response = client.post("/staff/appeals/new/", {
        "agency": county.dept.pk, "kind": "litigation_direct", "body": "郏县人民法院",
        "case_number": "（2021）豫0425行初1号", "filed_on": "2021-04-01",
    })
    pk = int(response["Location"].rstrip("/").rsplit("/", 1)[1])
    client.post(f"/staff/appeals/{pk}/decision/", {"result": "upheld", "decided_on": "2021-08-01"})

    page = client.get("/staff/appeals/").content.decode()
    assert "（2021）豫0425行初1号" in page and "结果维持" in page


def test_the_list_shows_only_cases_the_user_may_see(client, county, appeal):
    client.force_login(county.other_agency_clerk)

    assert "复1" not in client.get("/staff/appeals/").content.decode()
