from django.conf import settings
from django.db import migrations


def default_locale(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return locale


def forwards(apps, schema_editor):
    from directory.regions import load_regions
    from directory.vocabularies import load_vocabularies

    locale = default_locale(apps)
    load_vocabularies(apps, locale)
    load_regions(apps.get_model("directory", "Region"), locale)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
