"""Each event row carries the hash of the previous one; rows already there are chained
in the order they were written. On SQLite, changing the table re-creates it, which
drops its triggers: they are put back at the end."""

import importlib

from django.conf import settings
from django.db import migrations, models

from gongkai.eventlog.chain import GENESIS, row_hash

triggers = importlib.import_module("gongkai.eventlog.migrations.0002_append_only_triggers")


def chain_existing_rows(apps, schema_editor):
    Event = apps.get_model("eventlog", "Event")
    ContentType = apps.get_model("contenttypes", "ContentType")
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("ALTER TABLE eventlog_event DISABLE TRIGGER eventlog_event_no_change")
    elif vendor == "sqlite":
        for sql in triggers.SQLITE_REVERSE:
            schema_editor.execute(sql)
    types = {ct.pk: f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.all()}
    prev_hash = GENESIS
    for event in Event.objects.order_by("id").iterator():
        digest = row_hash(
            prev_hash, at=event.at, actor_id=event.actor_id, actor_name=event.actor_name,
            subject_type=types[event.subject_type_id], subject_id=event.subject_id, verb=event.verb,
            from_state=event.from_state, to_state=event.to_state, data=event.data,
        )
        Event.objects.filter(pk=event.pk).update(prev_hash=prev_hash, hash=digest)
        prev_hash = digest
    if vendor == "postgresql":
        schema_editor.execute("ALTER TABLE eventlog_event ENABLE TRIGGER eventlog_event_no_change")


def reinstate_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in triggers.SQLITE_REVERSE + triggers.SQLITE:
            schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('eventlog', '0002_append_only_triggers'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='event',
            name='hash',
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name='哈希'),
        ),
        migrations.AddField(
            model_name='event',
            name='prev_hash',
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name='前一条的哈希'),
        ),
        migrations.RunPython(chain_existing_rows, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='event',
            constraint=models.UniqueConstraint(fields=('prev_hash',), name='eventlog_event_one_successor'),
        ),
        migrations.RunPython(reinstate_sqlite_triggers, reinstate_sqlite_triggers),
    ]
