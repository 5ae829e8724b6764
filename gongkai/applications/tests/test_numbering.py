"""Register numbers: unique within agency and year, consecutive, gap-free, also under load."""

import threading

import pytest
from django.db import connection, connections

from gongkai.applications.actions import do_submit_application
from gongkai.applications.models import Application
from gongkai.applications.tests.conftest import PERSON

SUBMISSIONS = 50


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_it_numbers_50_simultaneous_submissions_consecutively(county):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are tested on PostgreSQL (DATABASE_URL=postgres://…)")
    start = threading.Barrier(SUBMISSIONS)
    errors = []

    def submit(i):
        try:
            start.wait()
            do_submit_application(
                county.dept, applicant={**PERSON, "name": f"申请人{i}"}, description=f"信息{i}",
                form_wanted="paper", delivery_wanted="post", idempotency_key=f"key-{i}",
            )
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Application.objects.filter(agency=county.dept).values_list("number", flat=True))
    assert numbers == list(range(1, SUBMISSIONS + 1))
