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


def test_register_numbers_go_by_the_year_of_receipt(county):
    """Issue 10.6: a 2021 application entered late is a 〔2021〕 number (表三 counts by receipt)."""
    import datetime as dt

    import time_machine

    from gongkai.applications.actions import do_register_application

    with time_machine.travel(dt.datetime(2022, 1, 5, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False):
        late = do_register_application(
            county.dept, channel="post", received_on=dt.date(2021, 12, 30),
            applicant={"type": "natural_person", "name": "张三", "phone": "13812345678"},
            description="2021年学校名单", form_wanted="paper", delivery_wanted="post", acting_user=county.clerk,
        )
    assert late.reference == "〔2021〕1号"


def test_the_renumbering_migration_keeps_numbers_already_on_sent_letters(county):
    import datetime as dt
    import importlib

    from django.apps import apps

    from gongkai.applications.models import Application, Letter

    migration = importlib.import_module("gongkai.applications.migrations.0006_number_by_year_of_receipt")
    common = dict(agency=county.dept, channel="post", submitted_at=dt.datetime(2022, 1, 5, tzinfo=dt.UTC),
                  received_on=dt.date(2021, 12, 30), applicant_type="natural_person", applicant_name="张三",
                  phone="13812345678", description="x", form_wanted="paper", delivery_wanted="post")
    quiet = Application.objects.create(year=2022, number=1, tracking_code="A1", **common)
    answered = Application.objects.create(year=2022, number=2, tracking_code="A2", **common)
    Letter.objects.create(application=answered, kind="reply", title="答复", body="…", sent_on=dt.date(2022, 1, 6))
    migration.renumber_by_year_of_receipt(apps, None)
    quiet.refresh_from_db()
    answered.refresh_from_db()
    assert quiet.reference == "〔2021〕1号" and "原登记号〔2022〕1号" in quiet.number_note
    assert answered.reference == "〔2022〕2号" and "不再改号" in answered.number_note
