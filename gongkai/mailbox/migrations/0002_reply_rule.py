from django.db import migrations


def seed(apps, schema_editor):
    ReplyRule = apps.get_model("mailbox", "ReplyRule")
    if not ReplyRule.objects.exists():
        ReplyRule.objects.create(workdays=15, basis="县长信箱办理规定：自分办之日起15个工作日内答复（待核实）", verify=True)


class Migration(migrations.Migration):
    dependencies = [("mailbox", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
