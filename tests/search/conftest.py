"""A site tree and service points for the search tests (regions and vocabularies come from
the data migrations)."""

import itertools

import pytest

from directory.models import (
    DirectoryIndexPage,
    PointCategory,
    PointOffering,
    Region,
    ServiceItem,
    ServicePoint,
)
from tests.factories import build_site

_slugs = itertools.count(1)


def zh(model, **lookup):
    return model.objects.get(locale__language_code="zh-hans", **lookup)


@pytest.fixture
def directory(db) -> DirectoryIndexPage:
    return build_site()


@pytest.fixture
def make_point(directory):
    """make_point(title, description=..., services=("P03",), city="440100", category=...)."""

    def make(
        title: str,
        *,
        description: str = "",
        services: tuple[str, ...] = (),
        city: str = "440100",
        category: str = "library",
        address: str = "",
    ) -> ServicePoint:
        city_region = zh(Region, adcode=city)
        point = ServicePoint(
            title=title,
            slug=f"point-{next(_slugs)}",
            description=f"<p>{description}</p>" if description else "",
            address=address,
            category=zh(PointCategory, code=category),
            province=city_region.parent,
            city=city_region,
        )
        directory.add_child(instance=point)
        for code in services:
            service = zh(ServiceItem, code=code)
            fee = "free" if service.tier == "basic" else "negotiable"
            PointOffering.objects.create(point=point, service=service, fee=fee)
        # Publishing saves the page again, which indexes it with its offerings.
        point.save_revision().publish()
        return ServicePoint.objects.get(pk=point.pk)

    return make
