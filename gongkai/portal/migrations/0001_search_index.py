"""The full-text index over published items (FTS5 on SQLite, GIN on PostgreSQL)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from gongkai.portal.search_index import ensure_search_index

    ensure_search_index(schema_editor.connection)


def backwards(apps, schema_editor):
    from gongkai.portal.search_index import drop_search_index

    drop_search_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("publishing", "0002_national_catalogue")]
    operations = [migrations.RunPython(forwards, backwards)]
