"""Landing pages per province and per category: their own titles and descriptions."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from .facts import get_facts
from .models import PointCategory, Region


@dataclass
class Landing:
    param: str
    value: str
    title: str
    description: str
    route_name: str
    route_kwargs: dict


def listed_count(facet: str, pk: int) -> int:
    """Listed points of the visitor's language with this province or category (a category
    includes its sub-kinds), from the same facts the directory filters on."""
    facts = get_facts(Locale.get_active().pk)
    return getattr(facts, facet).get(pk, 0).bit_count()


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
        count = listed_count("province", region.pk)
        return Landing(
            param="province",
            value=region.slug,
            title=_("IP information public service points in %(place)s") % {"place": region.label},
            description=ngettext(
                "%(count)d IP information public service point or node in %(place)s: "
                "address, contact details and the services it offers.",
                "%(count)d IP information public service points and nodes in %(place)s: "
                "addresses, contact details and the services each offers.",
                count,
            )
            % {"count": count, "place": region.label},
            route_name="province",
            route_kwargs={"province_slug": region.slug},
        )
    if category_slug:
        category = PointCategory.objects.filter(
            slug=category_slug, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if category is None:
            return None
        count = listed_count("category", category.pk)
        return Landing(
            param="category",
            value=category.code,
            title=_("%(category)s: IP information public service points")
            % {"category": category.label},
            description=ngettext(
                "%(count)d service point of the kind “%(category)s”, its services and how to reach it.",
                "%(count)d service points of the kind “%(category)s”, their services and how to reach them.",
                count,
            )
            % {"count": count, "category": category.label},
            route_name="category",
            route_kwargs={"category_slug": category.slug},
        )
    return None


def landing_sitemap_urls(page, request=None) -> list[dict]:
    base = page.get_full_url(request)
    provinces = get_facts(page.locale_id).province
    urls = []
    for region in Region.objects.provinces().filter(
        pk__in=[pk for pk, mask in provinces.items() if mask],
        locale__language_code=settings.LANGUAGE_CODE,
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
