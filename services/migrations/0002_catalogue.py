from django.conf import settings
from django.db import migrations


def forwards(apps, schema_editor):
    from directory.vocabularies import load_catalogue

    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    load_catalogue(apps, locale)


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0001_initial"),
        ("directory", "0003_reference_data"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
