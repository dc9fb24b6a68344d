"""Small builders for directory tests: a site tree and points with offerings."""

from directory.models import (
    DirectoryIndexPage,
    NodeLevel,
    PointCategory,
    PointOffering,
    Qualification,
    ServiceItem,
    ServicePoint,
)
from tests.factories import build_site, region

__all__ = ["add_point", "build_site", "region"]


def add_point(
    directory: DirectoryIndexPage,
    title: str,
    *,
    category: str = "library",
    city: str = "440100",
    services: tuple = (),
    qualifications: tuple = (),
    live: bool = True,
    **fields,
) -> ServicePoint:
    city_region = region(city)
    point = ServicePoint(
        title=title,
        slug=fields.pop("slug", f"p-{abs(hash(title)) % 10**8}"),
        category=PointCategory.objects.get(code=category, locale__language_code="zh-hans"),
        province=city_region.parent,
        city=city_region,
        live=live,
        **fields,
    )
    if point.kind == ServicePoint.Kind.NODE and not point.node_level_id:
        point.node_level = NodeLevel.objects.get(code="provincial", locale__language_code="zh-hans")
    directory.add_child(instance=point)
    for code in services:
        service = ServiceItem.objects.get(code=code, locale__language_code="zh-hans")
        fee = "free" if service.tier == "basic" else "negotiable"
        PointOffering.objects.create(point=point, service=service, fee=fee)
    for code in qualifications:
        point.qualifications.add(
            Qualification.objects.get(code=code, locale__language_code="zh-hans")
        )
    if live:
        point.save_revision().publish()
    else:
        point.unpublish()
    return ServicePoint.objects.get(pk=point.pk)
