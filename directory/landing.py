"""Landing pages per province and per category: their own titles and descriptions."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import PointCategory, Region, ServicePoint


@dataclass
class Landing:
    param: str
    value: str
    title: str
    description: str
    route_name: str
    route_kwargs: dict


def landing_for(
    *, province_slug: str | None = None, category_slug: str | None = None
) -> Landing | None:
    if province_slug:
        region = (
            Region.objects.provinces()
            .filter(slug=province_slug, locale__language_code=settings.LANGUAGE_CODE)
            .first()
        )
        if region is None:
            return None
        count = ServicePoint.objects.listed().filter(province=region).count()
        return Landing(
            param="province",
            value=region.slug,
            title=_("IP information public service points in %(place)s") % {"place": region.name},
            description=ngettext(
                "%(count)d IP information public service point or node in %(place)s: "
                "address, contact details and the services it offers.",
                "%(count)d IP information public service points and nodes in %(place)s: "
                "addresses, contact details and the services each offers.",
                count,
            )
            % {"count": count, "place": region.name},
            route_name="province",
            route_kwargs={"province_slug": region.slug},
        )
    if category_slug:
        category = PointCategory.objects.filter(
            slug=category_slug, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if category is None:
            return None
        count = ServicePoint.objects.listed().of_category(category).count()
        return Landing(
            param="category",
            value=category.code,
            title=_("%(category)s: IP information public service points")
            % {"category": category.name},
            description=ngettext(
                "%(count)d service point of the kind “%(category)s”, its services and how to reach it.",
                "%(count)d service points of the kind “%(category)s”, their services and how to reach them.",
                count,
            )
            % {"count": count, "category": category.name},
            route_name="category",
            route_kwargs={"category_slug": category.slug},
        )
    return None


def landing_sitemap_urls(page, request=None) -> list[dict]:
    base = page.get_full_url(request)
    listed = ServicePoint.objects.listed()
    urls = []
    for region in Region.objects.provinces().filter(
        pk__in=listed.values("province"), locale__language_code=settings.LANGUAGE_CODE
    ):
        urls.append(
            {
                "location": base
                + page.reverse_subpage("province", kwargs={"province_slug": region.slug})
            }
        )
    for category in PointCategory.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, parent__isnull=True
    ).exclude(slug=""):
        urls.append(
            {
                "location": base
                + page.reverse_subpage("category", kwargs={"category_slug": category.slug})
            }
        )
    return urls
