"""The search index holds published items only, keyed by publication date (see search_index.py).

ensure_search_index replaces the first version's index (FTS5 over every item; a GIN
index recomputing to_tsvector) with the new one.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from gongkai.portal.search_index import ensure_search_index

    ensure_search_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_search_index")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
