from django.db import migrations


def seed(apps, schema_editor):
    from gongkai.services.seed import seed_life_events

    seed_life_events(apps.get_model("services", "LifeEvent"))


class Migration(migrations.Migration):
    dependencies = [("services", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
