from django.db import migrations


def forwards(apps, schema_editor):
    from gongkai.publishing.catalogue import seed_national_catalogue

    seed_national_catalogue(apps.get_model("publishing", "CatalogueNode"))


class Migration(migrations.Migration):
    dependencies = [("publishing", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
