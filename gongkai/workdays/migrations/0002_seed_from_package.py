"""Seed 2004–2026 from the chinesecalendar package (rules.md §1)."""

from django.db import migrations


def seed(apps, schema_editor):
    from gongkai.workdays.seed import PACKAGE_SOURCE, PACKAGE_YEARS, package_days

    CalendarDay = apps.get_model("workdays", "CalendarDay")
    CalendarYear = apps.get_model("workdays", "CalendarYear")
    for year in PACKAGE_YEARS:
        if CalendarYear.objects.filter(year=year).exists():
            continue
        for day in package_days(year):
            CalendarDay.objects.update_or_create(
                date=day.on,
                defaults={"is_workday": day.is_workday, "name": day.name, "source": PACKAGE_SOURCE},
            )
        CalendarYear.objects.create(year=year, source=PACKAGE_SOURCE)


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
