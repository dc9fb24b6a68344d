"""Create or update the fixed vocabularies; shared by the data migration and `load_demo`."""

import uuid

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
    from services.catalogue_data import CATALOGUE

    get = apps_or_models.get_model
    ServiceItem = get("services", "ServiceItem")
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
