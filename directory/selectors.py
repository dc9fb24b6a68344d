"""Read-only look-ups shared by pages and views."""

from django.conf import settings
from django.db.models import Count

from .models import DirectoryIndexPage, Region, ServiceItem, ServicePoint, Tier


def directory_page(locale=None):
    pages = DirectoryIndexPage.objects.live()
    if locale is not None:
        pages = pages.filter(locale=locale)
    return pages.first() or DirectoryIndexPage.objects.live().first()


def home_page_context(home_page) -> dict:
    points = ServicePoint.objects.listed()
    directory = directory_page(getattr(home_page, "locale", None))
    popular_services = list(
        ServiceItem.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .annotate(n=Count("offerings"))
        .order_by("-n", "sort_order")[:8]
    )
    return {
        "directory": directory,
        "point_count": points.count(),
        "province_count": points.values("province").distinct().count(),
        "popular_services": popular_services,
        "tiers": Tier.choices,
        "cities": Region.objects.cities()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .filter(pk__in=points.values("city"))
        .order_by("adcode"),
    }
