"""The directory's reference data: vocabularies, the service catalogue and the regions.

Loaded after every `migrate` (a post_migrate handler, not a data migration, so that no
migration imports live code), idempotently: what is already there is left alone.
"""

import uuid

from django.db.models import F

from .catalogue_data import CATALOGUE
from .reference_data import AUDIENCES, CATEGORIES, NODE_LEVELS, QUALIFICATIONS


def _upsert(model, locale, code, **values):
    obj = model.objects.filter(locale=locale, code=code).first()
    if obj is None:
        obj = model(locale=locale, code=code, translation_key=uuid.uuid4())
    for key, value in values.items():
        setattr(obj, key, value)
    obj.save()
    return obj


def load_vocabularies(apps_or_models, locale) -> None:
    get = apps_or_models.get_model
    PointCategory = get("directory", "PointCategory")
    by_code = {}
    for order, (code, name, slug, parent) in enumerate(CATEGORIES):
        by_code[code] = _upsert(
            PointCategory,
            locale,
            code,
            name=name,
            slug=slug,
            sort_order=order,
            parent=by_code.get(parent),
        )
    for order, (code, name, short) in enumerate(QUALIFICATIONS):
        _upsert(
            get("directory", "Qualification"),
            locale,
            code,
            name=name,
            short_name=short,
            sort_order=order,
        )
    for order, (code, name) in enumerate(NODE_LEVELS):
        _upsert(get("directory", "NodeLevel"), locale, code, name=name, sort_order=order)
    for order, (code, name) in enumerate(AUDIENCES):
        _upsert(get("directory", "Audience"), locale, code, name=name, sort_order=order)


def load_catalogue(apps_or_models, locale) -> None:
    get = apps_or_models.get_model
    ServiceItem = get("directory", "ServiceItem")
    PointCategory = get("directory", "PointCategory")
    categories = {c.code: c for c in PointCategory.objects.filter(locale=locale)}
    for order, item in enumerate(CATALOGUE):
        service = _upsert(
            ServiceItem,
            locale,
            item["code"],
            tier=item["tier"],
            name=item["name"],
            description=item["description"],
            sort_order=order,
        )
        service.categories.set([categories[c] for c in item["categories"] if c in categories])


def load_translations(apps_or_models, source, target, english) -> int:
    """Create the `target`-locale translation of every vocabulary row and catalogue service.

    `english` is the module of texts by code (reference_data_en). A translation shares its
    source row's translation_key (what wagtail-localize and Locale switching go by) and copies
    its codes and order; one that exists already is left alone, since an editor may have
    changed it. Returns how many rows were made.
    """
    get = apps_or_models.get_model
    texts = {
        "PointCategory": {
            c: {"name": n, "description": d} for c, (n, d) in english.CATEGORIES.items()
        },
        "Qualification": {
            c: {"name": n, "short_name": s} for c, (n, s) in english.QUALIFICATIONS.items()
        },
        "NodeLevel": {c: {"name": n} for c, n in english.NODE_LEVELS.items()},
        "Audience": {c: {"name": n} for c, n in english.AUDIENCES.items()},
        "ServiceItem": {
            c: {"name": n, "description": d} for c, (n, d) in english.CATALOGUE.items()
        },
    }
    copied = {
        "PointCategory": ("slug", "sort_order"),
        "Qualification": ("sort_order",),
        "NodeLevel": ("sort_order",),
        "Audience": ("sort_order",),
        "ServiceItem": ("tier", "sort_order"),
    }
    made = 0
    for name, by_code in texts.items():
        model = get("directory", name)
        existing = set(
            model.objects.filter(locale=target).values_list("translation_key", flat=True)
        )
        # Parents before sub-kinds, so a sub-kind's parent translation exists.
        sources = model.objects.filter(locale=source).order_by(
            *([F("parent_id").asc(nulls_first=True)] if name == "PointCategory" else []),
            "sort_order",
            "pk",
        )
        for row in sources:
            if row.translation_key in existing or row.code not in by_code:
                continue
            translated = model(
                locale=target,
                translation_key=row.translation_key,
                code=row.code,
                **{field: getattr(row, field) for field in copied[name]},
                **by_code[row.code],
            )
            if name == "PointCategory" and row.parent_id:
                translated.parent = model.objects.filter(
                    locale=target, translation_key=row.parent.translation_key
                ).first()
            translated.save()
            made += 1
            if name == "ServiceItem":
                Category = get("directory", "PointCategory")
                keys = row.categories.values_list("translation_key", flat=True)
                translated.categories.set(
                    Category.objects.filter(locale=target, translation_key__in=list(keys))
                )
    return made


def load_reference_data(sender=None, using="default", verbosity=1, **kwargs) -> None:
    """post_migrate of the directory app: every vocabulary, the catalogue and the regions.

    Quick when nothing is missing (a count per model), so a test database's flush, which sends
    post_migrate again, costs little.
    """
    from django.apps import apps
    from django.conf import settings
    from wagtail.models import Locale

    from . import reference_data_en
    from .reference_data import AUDIENCES, CATEGORIES, NODE_LEVELS, QUALIFICATIONS
    from .regions import fill_english_names, load_regions, region_rows

    locale, _ = Locale.objects.using(using).get_or_create(language_code=settings.LANGUAGE_CODE)
    get = apps.get_model
    expected = {
        "PointCategory": len(CATEGORIES),
        "Qualification": len(QUALIFICATIONS),
        "NodeLevel": len(NODE_LEVELS),
        "Audience": len(AUDIENCES),
        "ServiceItem": len(CATALOGUE),
    }
    if any(
        get("directory", name).objects.using(using).filter(locale=locale).count() < count
        for name, count in expected.items()
    ):
        load_vocabularies(apps, locale)
        load_catalogue(apps, locale)
    languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    if reference_data_en.LANGUAGE in languages:
        english, _ = Locale.objects.using(using).get_or_create(
            language_code=reference_data_en.LANGUAGE
        )
        if any(
            get("directory", name).objects.using(using).filter(locale=english).count() < count
            for name, count in expected.items()
        ):
            load_translations(apps, locale, english, reference_data_en)
    Region = get("directory", "Region")
    if Region.objects.using(using).filter(locale=locale).count() < len(region_rows()):
        load_regions(Region, locale)
    if Region.objects.using(using).filter(locale=locale, name_en="").exists():
        fill_english_names(Region, locale)
