"""Reference rows in the visitor's language: one lookup for every page, template and form.

A point's category, qualifications, services and regions are the default language's rows (the
English tree is made of aliases of the Chinese one), so a name is looked up by the row's
translation_key among its translations in the active language, and a region's `name_en` is
read off the row itself. The Chinese site reads `name` and never comes here.

Translations are read per model and language from the shared reference cache
(reference_cache.py, one query when they change) and kept in this process; whether they changed
is checked at most once a second, and at once for a change made in this process. So a page full
of badges costs no query and no cache round trip per name.
"""

import time
from threading import Lock

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from .changes import reference_changed
from .reference_cache import generations, localized_rows

RECHECK_SECONDS = 1.0

_lock = Lock()
# (model label, language) → (generation, checked at, {translation_key: row})
_memo: dict[tuple[str, str], tuple[str, float, dict]] = {}


def current_language() -> str:
    """The active content language's code as Wagtail's locales spell it (en, zh-hans)."""
    from wagtail.coreutils import get_supported_content_language_variant

    active = translation.get_language() or settings.LANGUAGE_CODE
    try:
        return get_supported_content_language_variant(active)
    except LookupError:
        return settings.LANGUAGE_CODE


def is_default_language(language: str | None = None) -> bool:
    return (language or current_language()) == settings.LANGUAGE_CODE


def translations(model, language: str) -> dict:
    """{translation_key: row} of `model` in `language`."""
    key = (model._meta.label, language)
    now = time.monotonic()
    found = _memo.get(key)
    if found is not None and now - found[1] < RECHECK_SECONDS:
        return found[2]
    (generation,) = generations(model)
    with _lock:
        found = _memo.get(key)
        if found is not None and found[0] == generation:
            _memo[key] = (generation, now, found[2])
            return found[2]
        rows = {str(row.translation_key): row for row in localized_rows(model, language)}
        _memo[key] = (generation, now, rows)
        return rows


def forget(sender=None, model=None, **_kwargs) -> None:
    """A reference row changed in this process: its translations are read again."""
    changed = model or sender
    with _lock:
        for key in [k for k in _memo if changed is None or k[0] == changed._meta.label]:
            del _memo[key]


reference_changed.connect(forget, dispatch_uid="directory.names.forget")


def _connect_saves() -> None:
    from .models import Audience, NodeLevel, PointCategory, Qualification, Region, ServiceItem

    for model in (PointCategory, Qualification, Audience, NodeLevel, ServiceItem, Region):
        for signal in (post_save, post_delete):
            signal.connect(
                forget, sender=model, dispatch_uid=f"names-{model.__name__}-{id(signal)}"
            )


_connect_saves()


def label(obj, field: str = "name", language: str | None = None) -> str:
    """`obj.<field>` in the visitor's language, falling back to the row's own value.

    Regions have one English name (`name_en`) for every field; other reference rows are
    translated by wagtail-localize rows sharing their translation_key.
    """
    if obj is None:
        return ""
    own = getattr(obj, field, "") or ""
    language = language or current_language()
    if is_default_language(language):
        return own
    if hasattr(obj, "name_en"):
        return obj.name_en or own
    if getattr(obj, "translation_key", None) is None:
        return own
    row = translations(type(obj), language).get(str(obj.translation_key))
    return (getattr(row, field, "") if row is not None else "") or own


def place_label(province=None, city=None, district=None, language: str | None = None) -> str:
    """Where a point is: 广东省广州市越秀区 in Chinese, "Yuexiu District, Guangzhou, Guangdong" in
    English; a municipality is named once (北京市, not 北京市北京市)."""
    regions = [r for r in (district, city, province) if r is not None]
    language = language or current_language()
    names: list[str] = []
    for region in regions:
        name = label(region, language=language)
        if name and name not in names:
            names.append(name)
    if is_default_language(language):
        return "".join(reversed(names))
    return ", ".join(names)


def index_text(point) -> str:
    """The English (or other non-default) names of a point's category, qualifications,
    services and places, for the search index of its page in that language.

    Empty for a default-language page, whose index stays as it is. Reads the relations
    ServicePoint.get_indexed_objects prefetches (qualifications, offerings with their service)
    and the cached translations: no query per point.
    """
    language = getattr(getattr(point, "locale", None), "language_code", "") or ""
    if not language or is_default_language(language):
        return ""
    names = [
        label(point.category, language=language) if point.category_id else "",
        *(label(q, language=language) for q in point.qualifications.all()),
        *(label(o.service, language=language) for o in point.offerings.all() if o.service_id),
        place_label(point.province, point.city, point.district, language=language),
    ]
    return " ".join(name for name in names if name)
