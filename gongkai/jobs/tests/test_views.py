"""Who sees a background run: the county office all of them, anyone else their own."""

import pytest
from django.urls import reverse

from gongkai.agencies.models import Agency, AgencyKind, Role
from gongkai.jobs.models import JobRun
from gongkai.testing import make_staff

pytestmark = pytest.mark.django_db


def test_a_township_office_admin_does_not_see_the_county_offices_runs(client, county):
    township = Agency.objects.create(code="xd", name="薛店镇", kind=AgencyKind.TOWNSHIP, parent=county.county,
                                     index_prefix="0099")
    township_admin = make_staff("xd_office", township, Role.OFFICE_ADMIN)
    run = JobRun.objects.create(kind="recompute", title="重新推算答复期限", started_by=county.office_admin)
    url = reverse("jobs:run", args=[run.pk])

    client.force_login(township_admin)
    assert client.get(url).status_code == 403
    assert client.get(reverse("jobs:index")).status_code == 403

    client.force_login(county.office_admin)
    assert client.get(url).status_code == 200
    assert client.get(reverse("jobs:index")).status_code == 200


def test_the_person_who_started_a_run_follows_it(client, county):
    run = JobRun.objects.create(kind="recompute", title="重新推算答复期限", started_by=county.clerk)
    client.force_login(county.clerk)
    assert client.get(reverse("jobs:run", args=[run.pk])).status_code == 200
    client.force_login(county.other_agency_clerk)
    assert client.get(reverse("jobs:run", args=[run.pk])).status_code == 403
