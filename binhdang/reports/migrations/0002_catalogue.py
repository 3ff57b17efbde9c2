"""Seed the indicator catalogue and the targets whose values the source texts state."""

import datetime as dt

from django.db import migrations


def seed(apps, schema_editor):
    from binhdang.reports.catalogue import INDICATORS, TARGETS

    Indicator = apps.get_model("reports", "Indicator")
    Target = apps.get_model("reports", "Target")
    LegalDocument = apps.get_model("legal", "LegalDocument")
    for row in INDICATORS:
        Indicator.objects.get_or_create(code=row["code"], version=1, defaults=row)
    for row in TARGETS:
        row = dict(row)
        number, symbol = row.pop("legal")
        document = LegalDocument.objects.filter(number=number, symbol__icontains=symbol).first()
        Target.objects.get_or_create(
            code=row["code"],
            target_year=row["target_year"],
            version=1,
            defaults={**row, "source_document": document, "valid_from": dt.date(2021, 1, 1)},
        )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial"), ("legal", "0002_load_registry")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
