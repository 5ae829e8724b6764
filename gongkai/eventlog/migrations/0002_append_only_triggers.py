"""The database itself refuses to change or delete an event row."""

from django.db import migrations

SQLITE = [
    "CREATE TRIGGER eventlog_event_no_update BEFORE UPDATE ON eventlog_event "
    "BEGIN SELECT RAISE(ABORT, 'eventlog is append-only'); END;",
    "CREATE TRIGGER eventlog_event_no_delete BEFORE DELETE ON eventlog_event "
    "BEGIN SELECT RAISE(ABORT, 'eventlog is append-only'); END;",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS eventlog_event_no_update;",
    "DROP TRIGGER IF EXISTS eventlog_event_no_delete;",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION eventlog_event_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'eventlog is append-only'; END; $$ LANGUAGE plpgsql;""",
    "CREATE TRIGGER eventlog_event_no_change BEFORE UPDATE OR DELETE ON eventlog_event "
    "FOR EACH ROW EXECUTE FUNCTION eventlog_event_append_only();",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS eventlog_event_no_change ON eventlog_event;",
    "DROP FUNCTION IF EXISTS eventlog_event_append_only();",
]


def forwards(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    statements = {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}.get(schema_editor.connection.vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("eventlog", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
