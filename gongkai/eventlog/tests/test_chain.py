"""Issue 9, finding 10: the event log is a hash chain, checked by `gongkai eventlog verify`."""

import datetime as dt
import importlib
import threading
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone

from gongkai.eventlog.approle import app_role_statements
from gongkai.eventlog.chain import row_hash
from gongkai.eventlog.log import record
from gongkai.eventlog.models import Event

triggers = importlib.import_module("gongkai.eventlog.migrations.0002_append_only_triggers")


def _record(subject, verb, n=1, actor=None):
    for i in range(n):
        with transaction.atomic():
            record(subject, verb, actor=actor, data={"n": i, "说明": "测试"})


def _verify(capsys):
    call_command("eventlog", "verify")
    return capsys.readouterr().out


class _TriggersLifted:
    """What someone with the owner's rights could do: lift the append-only trigger."""

    def __enter__(self):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # The test's own transaction still has deferred foreign-key checks pending.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("ALTER TABLE eventlog_event DISABLE TRIGGER eventlog_event_no_change")
            else:
                for sql in triggers.SQLITE_REVERSE:
                    cursor.execute(sql)
        return connection.cursor()

    def __exit__(self, *exc):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("ALTER TABLE eventlog_event ENABLE TRIGGER eventlog_event_no_change")
            else:
                for sql in triggers.SQLITE:
                    cursor.execute(sql)


def test_finding_10_each_event_carries_the_hash_of_the_previous_one(county, capsys):
    _record(county.dept, "a", n=3, actor=county.clerk)
    events = list(Event.objects.order_by("id"))

    assert events[0].prev_hash == ""
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    assert len({e.hash for e in events}) == 3
    assert "事件记录链完整：共 3 条" in _verify(capsys)


def test_finding_10_verify_names_a_changed_row(county):
    _record(county.dept, "x", n=3)
    second = Event.objects.order_by("id")[1]
    with _TriggersLifted() as cursor:
        cursor.execute("UPDATE eventlog_event SET actor_name = '别人' WHERE id = %s", [second.pk])

    with pytest.raises(CommandError, match=rf"第 2 条（编号 {second.pk}.*别人.*本条内容与其哈希不符"):
        call_command("eventlog", "verify")


def test_finding_10_verify_names_the_row_after_a_removed_one(county):
    _record(county.dept, "x", n=4)
    second, third = Event.objects.order_by("id")[1:3]
    with _TriggersLifted() as cursor:
        cursor.execute("DELETE FROM eventlog_event WHERE id = %s", [second.pk])

    with pytest.raises(CommandError, match=rf"编号 {third.pk}.*与前一条的链接断开"):
        call_command("eventlog", "verify")


def test_finding_10_a_row_slipped_in_later_with_an_earlier_time_is_found(county):
    _record(county.dept, "x", n=2)
    last = Event.objects.order_by("-id").first()
    # A forger who knows the scheme computes a valid hash for a backdated row.
    at = timezone.now() - dt.timedelta(days=30)
    content = dict(last.chained_content(), at=at, verb="item_published", actor_name="王负责")
    forged = row_hash(last.hash, **content)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO eventlog_event (at, actor_name, subject_type_id, subject_id, verb, from_state, to_state,"
            " data, prev_hash, hash) VALUES (%s, '王负责', %s, %s, 'item_published', '', '', %s, %s, %s)",
            [at, last.subject_type_id, last.subject_id, '{"n": 1, "说明": "测试"}', last.hash, forged],
        )

    with pytest.raises(CommandError, match="本条时间早于前一条"):
        call_command("eventlog", "verify")


def test_a_second_successor_of_one_row_is_refused_by_the_database(county):
    _record(county.dept, "x", n=2)
    first = Event.objects.order_by("id").first()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO eventlog_event (at, actor_name, subject_type_id, subject_id, verb, from_state, to_state,"
            " data, prev_hash, hash) VALUES (%s, '', %s, '1', 'x', '', '', '{}', %s, 'f')",
            [timezone.now(), first.subject_type_id, first.hash],
        )


def test_events_written_in_bulk_are_chained_too(county, capsys):
    from django.contrib.contenttypes.models import ContentType

    _record(county.dept, "before")
    agency_type = ContentType.objects.get_for_model(county.dept)
    Event.objects.bulk_create(Event(subject_type=agency_type, subject_id=str(n), verb="imported") for n in range(5))
    _record(county.dept, "after")

    assert "共 7 条" in _verify(capsys)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_finding_10_concurrent_writers_keep_one_unbroken_chain(county, capsys):
    if connection.vendor != "postgresql":
        pytest.skip("the chain's advisory lock is exercised on PostgreSQL only")
    writers, each = 6, 5
    start = threading.Barrier(writers)
    failures = []

    def write(n):
        try:
            start.wait()
            for i in range(each):
                with transaction.atomic():
                    record(county.dept, f"writer_{n}", actor=None, data={"i": i})
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert failures == []
    assert f"共 {writers * each} 条" in _verify(capsys)


@pytest.mark.postgres_only
def test_finding_10_the_documented_app_role_cannot_truncate_or_lift_the_trigger(county):
    if connection.vendor != "postgresql":
        pytest.skip("database roles are PostgreSQL's")
    _record(county.dept, "x", n=2)
    app_role = f"gongkai_test_app_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE ROLE "{app_role}" NOLOGIN')  # rolled back with the test
        cursor.execute("SELECT current_user")
        owner = cursor.fetchone()[0]
        for statement in app_role_statements(app_role=app_role, owner_role=owner):
            cursor.execute(statement)
        cursor.execute(f'SET ROLE "{app_role}"')
        try:
            for sql in (
                "TRUNCATE eventlog_event",
                "ALTER TABLE eventlog_event DISABLE TRIGGER eventlog_event_no_change",
                "ALTER TABLE eventlog_event DISABLE TRIGGER ALL",
                "DROP TRIGGER eventlog_event_no_change ON eventlog_event",
                "DELETE FROM eventlog_event",
            ):
                with pytest.raises(DatabaseError, match="permission denied|must be owner"), transaction.atomic():
                    cursor.execute(sql)
            # The app still appends and reads, which is all it needs.
            with transaction.atomic():
                record(county.dept, "appended_as_app_role", actor=None)
            cursor.execute("SELECT count(*) FROM eventlog_event")
            assert cursor.fetchone()[0] == 3
        finally:
            cursor.execute("RESET ROLE")
