"""A report read by the checker taken as an agency's report for a past year (C6, C7)."""

import pytest
from django.urls import reverse

from gongkai.annualreports.building import build
from gongkai.annualreports.models import ImportedReport
from gongkai.reportcheck.models import CheckedReport
from gongkai.reportcheck.tests.test_views import follow_results, upload
from gongkai.reportformat.tests.samples import as_text, make_report


@pytest.fixture
def admin_client(client, county):
    client.force_login(county.office_admin)
    return client


def test_the_form_is_for_office_admins_who_uploaded_it(client, county):
    client.force_login(county.office_admin)
    follow_results(upload(client, ("x.txt", as_text(make_report(8, year=2021)).encode())))
    url = reverse("annualreports:take_as_previous_year", args=[CheckedReport.objects.get().pk])
    assert client.get(url).status_code == 200
    client.force_login(county.clerk)
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403

    from gongkai.agencies.models import Role
    from gongkai.testing import make_staff

    client.force_login(make_staff("office2", county.county, Role.OFFICE_ADMIN))
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404


def test_an_imported_report_becomes_last_years_for_c6(admin_client, county):
    last_year = make_report(8, agency="郏县教育局", year=2021)
    carried_forward = last_year["applications"]["rows"]["carried_forward"]
    assert any(carried_forward)
    follow_results(upload(admin_client, ("2021.txt", as_text(last_year).encode())))
    stored = CheckedReport.objects.get()

    response = admin_client.post(
        reverse("annualreports:take_as_previous_year", args=[stored.pk]),
        {"agency": county.dept.pk, "year": 2021, "scope": "own"},
    )

    assert response.status_code == 302
    imported = ImportedReport.objects.get()
    assert (imported.agency, imported.year, imported.scope) == (county.dept, 2021, "own")
    assert imported.imported_by == county.office_admin
    built = build(county.dept, 2022, "own")  # no applications on the platform: 上年结转 all 0
    assert built.previous_source == "imported"
    c6 = {(f.column, f.expected, f.actual) for f in built.warnings if f.rule == "C6"}
    from gongkai.reportformat.vocabulary import COLUMNS

    assert c6 == {(column, n, 0) for column, n in zip(COLUMNS, carried_forward, strict=True) if n}
    page = admin_client.get(response["Location"]).content.decode()
    assert "郏县教育局2021年的年度报告" in page


def test_the_agency_name_printed_differently_is_recorded_as_the_platforms(admin_client, county):
    follow_results(upload(admin_client, ("x.txt", as_text(make_report(8, agency="郏县教育体育局", year=2021)).encode())))
    stored = CheckedReport.objects.get()

    response = admin_client.post(
        reverse("annualreports:take_as_previous_year", args=[stored.pk]),
        {"agency": county.dept.pk, "year": 2021},
    )

    imported = ImportedReport.objects.get()
    assert imported.data["agency"] == "郏县教育局" and imported.data["printed_agency"] == "郏县教育体育局"
    assert imported.scope == "own"  # a department reports on itself
    assert "已按“郏县教育局”记录" in admin_client.get(response["Location"]).content.decode()


def test_a_year_that_contradicts_the_file_is_refused(admin_client, county):
    follow_results(upload(admin_client, ("x.txt", as_text(make_report(8, agency="郏县教育局", year=2021)).encode())))
    stored = CheckedReport.objects.get()

    response = admin_client.post(
        reverse("annualreports:take_as_previous_year", args=[stored.pk]),
        {"agency": county.dept.pk, "year": 2020},
    )

    assert not ImportedReport.objects.exists()
    assert response.status_code == 400
    assert "不是2020年的" in response.content.decode()


def test_only_agencies_the_admin_administers_can_be_chosen(admin_client, county):
    from gongkai.agencies.models import Agency, AgencyKind

    elsewhere = Agency.objects.create(code="baofeng", name="宝丰县人民政府", short_name="宝丰县",
                                      kind=AgencyKind.GOVERNMENT, index_prefix="005252999")
    follow_results(upload(admin_client, ("x.txt", as_text(make_report(8, year=2021)).encode())))
    stored = CheckedReport.objects.get()

    admin_client.post(
        reverse("annualreports:take_as_previous_year", args=[stored.pk]),
        {"agency": elsewhere.pk, "year": 2021},
    )

    assert not ImportedReport.objects.exists()


