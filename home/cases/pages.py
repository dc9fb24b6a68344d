"""What a case page shows, and the cases a point's profile lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.http import urlencode

from directory.models import DirectoryIndexPage, ServiceItem, ServicePoint
from directory.panels import register_profile_panel as register
from home.core.jsonld import json_ld

from .listing import localized_items as _localized
from .models import CasePage

if TYPE_CHECKING:
    from directory.models import ServicePoint


# --- A point's cases ------------------------------------------------------------------------


def cases_of_point(point: ServicePoint, limit: int | None = 6) -> list:
    """Live cases in the point's locale where it did the work or was a partner.

    Excellent practice first, then the newest (by start of the work). Matching by the point's
    translation key finds the cases of its English alias too. One query.
    """

    partner_of = CasePage.partner_points.through.objects.filter(
        servicepoint__translation_key=point.translation_key
    ).values("casepage_id")
    cases = (
        CasePage.objects.live()
        .filter(locale_id=point.locale_id)
        .filter(Q(point__translation_key=point.translation_key) | Q(pk__in=partner_of))
        .select_related("point")
        .order_by("-featured", "-period_start", "-pk")
    )
    return list(cases[:limit] if limit else cases)


# --- A case page ----------------------------------------------------------------------------


def case_page_context(case, request=None) -> dict:
    """What a case page shows, in the page's language where a translation exists.

    The case links Chinese points and catalogue items (an English alias keeps its source's
    links); each is swapped for its live translation in the page's locale when there is one.
    A fixed number of queries, whatever the number of partners and services.
    """

    locale_id = case.locale_id
    partners = list(case.partner_points.all())
    linked = [case.point, *partners]
    translations = {
        p.translation_key: p
        for p in ServicePoint.objects.live().filter(
            locale_id=locale_id, translation_key__in=[p.translation_key for p in linked]
        )
    }
    point = translations.get(case.point.translation_key, case.point)
    partners = [translations.get(p.translation_key, p) for p in partners]
    codes = [s.code for s in case.services.all()]  # .all(): previews hold unsaved choices
    services = sorted(
        _localized(ServiceItem, locale_id, code__in=codes), key=lambda s: (s.sort_order, s.code)
    )
    region = case.region.localized if case.region_id else None
    directory = DirectoryIndexPage.objects.live().filter(locale_id=locale_id).first()
    if directory is None:
        directory = DirectoryIndexPage.objects.live().first()
    directory_url = directory.get_url(request) if directory else ""

    url = case.get_full_url(request)
    published = case.first_published_at or case.latest_revision_created_at
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": url,
        "url": url,
        "headline": case.title,
        "description": case.summary,
        "datePublished": published.isoformat() if published else None,
        "author": {
            "@type": "Organization",
            "name": point.title,
            "url": point.get_full_url(request),
        },
        "about": [s.name for s in services],
    }
    data = {k: v for k, v in data.items() if v}
    return {
        "case_point": point,
        "case_partners": partners,
        "case_services": [
            {"item": s, "url": f"{directory_url}?{urlencode({'service': s.code})}"}
            if directory_url
            else {"item": s, "url": ""}
            for s in services
        ],
        "case_region": region,
        "json_ld": json_ld(data),
    }


def register_profile_panel() -> None:
    """A point's profile lists its cases (directory/panels.py)."""

    def context(point, request):
        cases = cases_of_point(point)
        return {"point_cases": cases} if cases else None

    register(
        "point-cases",
        slot="main",
        template="home/includes/point_cases.html",
        context=context,
        order=20,
    )
