import pytest
from django.db import DatabaseError, connection, transaction

from gongkai.eventlog.log import history, record
from gongkai.eventlog.models import AppendOnlyError, Event


def test_it_records_who_did_what(county):
    with transaction.atomic():
        record(county.dept, "agency_profile_updated", actor=county.approver, from_state="a", to_state="b")
    [event] = history(county.dept)
    assert (event.actor, event.actor_name, event.verb, event.from_state, event.to_state) == (
        county.approver, "王负责", "agency_profile_updated", "a", "b",
    )


@pytest.mark.django_db(transaction=True)
def test_it_refuses_to_record_outside_a_transaction():
    from gongkai.agencies.models import Agency

    agency = Agency.objects.create(code="a", name="某局", kind="department", index_prefix="1")
    with pytest.raises(RuntimeError):
        record(agency, "x", actor=None)
    assert not history(agency).exists()


def test_events_cannot_be_changed_or_deleted_through_the_model(county):
    with transaction.atomic():
        event = record(county.dept, "x", actor=None)
    event.verb = "y"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_the_database_refuses_updates_and_deletes(county):
    with transaction.atomic():
        record(county.dept, "x", actor=None)
    for sql in ("UPDATE eventlog_event SET verb = 'forged'", "DELETE FROM eventlog_event"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert Event.objects.get().verb == "x"
