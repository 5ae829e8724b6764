from django.db import migrations


def seed(apps, schema_editor):
    from gongkai.supervision.seed import seed_supervision

    seed_supervision(
        apps.get_model("supervision", "Threshold"),
        apps.get_model("supervision", "UpdatePeriod"),
        apps.get_model("supervision", "ColumnRule"),
        apps.get_model("publishing", "CatalogueNode"),
        apps.get_model("supervision", "VillageCatalogueEntry"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("supervision", "0001_initial"),
        ("publishing", "0002_national_catalogue"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
