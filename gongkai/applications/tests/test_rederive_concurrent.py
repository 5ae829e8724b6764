"""A re-derivation running while a clerk's action holds the case waits for it, and never
writes back a due date computed before that action (PostgreSQL row locks)."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from gongkai.applications import clock, deadlines
from gongkai.applications.models import Application, ClockEvent

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are exercised on PostgreSQL only")


def _waiting_on_a_lock() -> bool:
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0] > 0


def test_a_rederivation_does_not_overwrite_a_concurrent_extension(county, register):
    application = register(received_on=deadlines.today())
    before = application.due_on
    locked, go, errors = threading.Event(), threading.Event(), []

    def extend():  # what do_extend_deadline does to the row and the clock, held open
        try:
            with transaction.atomic():
                row = deadlines.locked(application.pk)
                ClockEvent.objects.create(application=row, kind=clock.ClockEventKind.EXTENDED,
                                          on=deadlines.today(), workdays=20, reason="需要调取档案")
                deadlines.refresh_deadline(row)
                locked.set()
                go.wait(30)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    def rederive():
        try:
            deadlines.recompute_open_deadlines()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    action = threading.Thread(target=extend)
    action.start()
    assert locked.wait(30), errors
    job = threading.Thread(target=rederive)
    job.start()
    for _ in range(300):  # until the job waits for the action's lock (at most ~30 s)
        if _waiting_on_a_lock():
            break
        time.sleep(0.1)
    else:
        go.set()
        pytest.fail("the re-derivation did not wait for the case's lock")
    go.set()
    action.join()
    job.join()

    assert errors == []
    application = Application.objects.get(pk=application.pk)
    assert application.due_on > before
    assert application.due_on == deadlines.derive(application).due_on
