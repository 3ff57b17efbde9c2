"""Every install starts with the documents the seed plans and the product brief cite."""

from django.db import migrations


def load(apps, schema_editor):
    from binhdang.legal.registry_sync import sync_registry

    sync_registry(apps.get_model("legal", "LegalDocument"))


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
