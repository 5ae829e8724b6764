"""The publication generation that keys cached portal pages (see page_cache.py)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from gongkai.portal.page_cache import ensure_generation

    ensure_generation(schema_editor.connection)


def backwards(apps, schema_editor):
    from gongkai.portal.page_cache import drop_generation

    drop_generation(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_published_search_index")]
    operations = [migrations.RunPython(forwards, backwards)]
