"""English names: `Region.name_en` on every region, and the English translations of the
vocabularies and the service catalogue (en rows sharing each Chinese row's translation_key).

On a fresh database the Chinese rows do not exist yet when this runs (the post_migrate loader
makes them, and their translations, afterwards), so it fills only what is there. Rows that
exist are left alone.
"""

from django.conf import settings
from django.db import migrations, models
from django.db.models import F

from . import _0003_english_data as data

TARGET_LANGUAGE = "en"


def _texts():
    return {
        "PointCategory": {
            c: {"name": n, "description": d} for c, (n, d) in data.CATEGORIES.items()
        },
        "Qualification": {
            c: {"name": n, "short_name": s} for c, (n, s) in data.QUALIFICATIONS.items()
        },
        "NodeLevel": {c: {"name": n} for c, n in data.NODE_LEVELS.items()},
        "Audience": {c: {"name": n} for c, n in data.AUDIENCES.items()},
        "ServiceItem": {c: {"name": n, "description": d} for c, (n, d) in data.CATALOGUE.items()},
    }


COPIED = {
    "PointCategory": ("slug", "sort_order"),
    "Qualification": ("sort_order",),
    "NodeLevel": ("sort_order",),
    "Audience": ("sort_order",),
    "ServiceItem": ("tier", "sort_order"),
}


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Region = apps.get_model("directory", "Region")
    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if source is None:
        return
    regions = list(Region.objects.filter(locale=source, name_en=""))
    for region in regions:
        region.name_en = data.REGION_NAMES.get(region.adcode, "")
    Region.objects.bulk_update(regions, ["name_en"], batch_size=500)

    if TARGET_LANGUAGE not in dict(getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", ())):
        return
    target, _ = Locale.objects.get_or_create(language_code=TARGET_LANGUAGE)
    Category = apps.get_model("directory", "PointCategory")
    for name, by_code in _texts().items():
        model = apps.get_model("directory", name)
        existing = set(
            model.objects.filter(locale=target).values_list("translation_key", flat=True)
        )
        # NULLs first on every database (PostgreSQL sorts them last by default).
        order = [F("parent_id").asc(nulls_first=True)] if name == "PointCategory" else []
        for row in model.objects.filter(locale=source).order_by(*order, "sort_order", "pk"):
            if row.translation_key in existing or row.code not in by_code:
                continue
            translated = model(
                locale=target,
                translation_key=row.translation_key,
                code=row.code,
                **{field: getattr(row, field) for field in COPIED[name]},
                **by_code[row.code],
            )
            if name == "PointCategory" and row.parent_id:
                translated.parent = model.objects.filter(
                    locale=target, translation_key=row.parent.translation_key
                ).first()
            translated.save()
            if name == "ServiceItem":
                keys = list(row.categories.values_list("translation_key", flat=True))
                translated.categories.set(
                    Category.objects.filter(locale=target, translation_key__in=keys)
                )


def backwards(apps, schema_editor):
    # The English rows are content editors may have changed: kept; the field goes with the
    # schema change.
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_servicepoint_head_name_servicepoint_last_verified_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="region",
            name="name_en",
            field=models.CharField(
                blank=True,
                help_text="E.g. Guangdong, Guangzhou, Yuexiu District; shown on the English site.",
                max_length=80,
                verbose_name="English name",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
