"""A site tree and service points for the search tests (regions and vocabularies come from
the data migrations)."""

import itertools

import pytest
from wagtail.models import Page, Site

from directory.models import DirectoryIndexPage, PointCategory, Region, ServicePoint
from home.models import HomePage
from services.models import PointOffering, ServiceItem

_slugs = itertools.count(1)


def zh(model, **lookup):
    return model.objects.get(locale__language_code="zh-hans", **lookup)


@pytest.fixture
def directory(db) -> DirectoryIndexPage:
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    root.refresh_from_db()
    home = root.add_child(instance=HomePage(title="知识产权信息公共服务网", slug="home"))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home.add_child(instance=DirectoryIndexPage(title="名录", slug="directory"))


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
