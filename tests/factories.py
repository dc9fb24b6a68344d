"""Factory functions for tests: live service points with offerings, by codes and adcodes.

Plain functions rather than factory classes: a point is a Wagtail page with a cluster of
offerings, and one readable function shows every step that makes it live.
"""

import itertools
from collections.abc import Iterable, Sequence

from wagtail.models import Locale

from directory.io.text import pinyin_slug, unique_slug
from directory.models import (
    Audience,
    DirectoryIndexPage,
    FeeKind,
    NodeLevel,
    PointCategory,
    PointOffering,
    Qualification,
    Region,
    ServiceItem,
    ServicePoint,
)

_numbers = itertools.count(1)


def reference(model, code: str):
    """A reference item (category, qualification, service, …) of the default locale by code."""
    return model.objects.get(code=code, locale=Locale.get_default())


def region(adcode: str) -> Region:
    return Region.objects.get(adcode=adcode, locale=Locale.get_default())


def offering(
    code: str, tier: str = "", fee: str = FeeKind.FREE, price_note: str = ""
) -> PointOffering:
    """An unsaved offering; an empty tier means the catalogue's tier, as in the admin."""
    service = reference(ServiceItem, code)
    if fee == FeeKind.LOW_COST and not price_note:
        price_note = "按项目报价"
    return PointOffering(service=service, tier=tier or service.tier, fee=fee, price_note=price_note)


def create_point(
    directory_page: DirectoryIndexPage,
    *,
    title: str | None = None,
    category: str = "library",
    city: str | None = "440100",
    province: str | None = None,
    district: str | None = None,
    offerings: Iterable[Sequence[str]] = (("B03", "basic", "free"),),
    qualifications: Iterable[str] = (),
    audiences: Iterable[str] = (),
    node_level: str | None = None,
    live: bool = True,
    **fields,
) -> ServicePoint:
    """A point under `directory_page`, published unless `live=False`.

    Codes for category, qualifications, audiences and node level; adcodes for regions (the
    province defaults to the city's); offerings as (code, tier, fee[, price note]) tuples.
    Any other ServicePoint field can be passed as a keyword.
    """
    title = title or f"测试网点{next(_numbers)}"
    city_region = region(city) if city else None
    taken = set(directory_page.get_children().values_list("slug", flat=True))
    point = ServicePoint(
        title=title,
        slug=fields.pop("slug", None) or unique_slug(pinyin_slug(title), taken),
        category=reference(PointCategory, category),
        province=region(province) if province else city_region.parent,
        city=city_region,
        district=region(district) if district else None,
        node_level=reference(NodeLevel, node_level) if node_level else None,
        live=live,
        **fields,
    )
    if point.kind == ServicePoint.Kind.NODE and point.node_level is None:
        point.node_level = reference(NodeLevel, "provincial")
    point.qualifications.set([reference(Qualification, code) for code in qualifications])
    point.audiences.set([reference(Audience, code) for code in audiences])
    items = [offering(*spec) for spec in offerings]
    for position, item in enumerate(items):
        item.sort_order = position
    point.offerings.set(items)
    directory_page.add_child(instance=point)
    revision = point.save_revision()
    if live:
        revision.publish()
    return ServicePoint.objects.get(pk=point.pk)
