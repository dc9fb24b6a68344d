"""What a notice's page shows: its points, services and schema.org description."""

from __future__ import annotations

from django.utils import timezone
from wagtail.models import Locale

from directory.models import DirectoryIndexPage, ServicePoint
from home.core.jsonld import json_ld
from home.core.locales import localized_pages
from home.core.querystring import query_url

from .models import NoticeKind, NoticePage, PublicityMatter
from .reposts import reposting_points

# --- A notice's page -------------------------------------------------------------------------


def directory_url(locale, request=None) -> str:
    """The directory's URL in `locale` (the default locale's if it has none there)."""
    directories = DirectoryIndexPage.objects.live()
    directory = (
        directories.filter(locale=locale).first()
        or directories.filter(locale=Locale.get_default()).first()
    )
    return directory.get_url(request) if directory else ""


def notice_json_ld(notice: NoticePage, request=None) -> dict:
    """schema.org Article: the notice, published by its issuing authority."""
    url = notice.get_full_url(request)
    authority = {"@type": "GovernmentOrganization", "name": notice.issuing_authority}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if notice.kind == NoticeKind.NEWS else "Article",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": notice.title[:110],
        "description": notice.summary,
        "datePublished": notice.publication_date.isoformat(),
        "author": authority,
        "publisher": authority,
        "articleSection": str(NoticeKind(notice.kind).label),
        "inLanguage": notice.locale.language_code,
    }
    if notice.last_published_at:
        data["dateModified"] = timezone.localtime(notice.last_published_at).isoformat()
    if notice.document_number:
        data["identifier"] = notice.document_number
    if notice.region_id:
        data["spatialCoverage"] = {"@type": "AdministrativeArea", "name": notice.region.name}
    else:
        data["spatialCoverage"] = {"@type": "Country", "name": "CN"}
    return data


def notice_context(notice: NoticePage, request) -> dict:
    """What the notice template needs beyond Wagtail's context (see NoticePage.get_context)."""
    locale = notice.locale
    services = list(notice.related_services.all())
    service_links = []
    if services:
        base = directory_url(locale, request)
        service_links = [
            (service, query_url(base, {"service": service.code}) if base else "")
            for service in services
        ]
    related = ServicePoint.objects.live().filter(
        pk__in=notice.related_points.values_list("pk", flat=True)
    )
    return {
        "attachments": list(notice.attachments.select_related("document")),
        "related_services": service_links,
        "related_points": localized_pages(related.order_by("title"), locale),
        "reposting_points": reposting_points(notice),
        **publicity_context(notice, request),
        "json_ld": json_ld(notice_json_ld(notice, request)),
    }


# --- A publicity notice (公示) ---------------------------------------------------------------


def publicity_state(notice: NoticePage, today=None) -> str:
    """ "upcoming", "open" or "closed": where today stands in the publicity period."""
    today = today or timezone.localdate()
    if today < notice.publicity_start:
        return "upcoming"
    return "open" if today <= notice.publicity_end else "closed"


def publicity_context(notice: NoticePage, request) -> dict:
    """The listed points, in the notice's language where they have a page in it, each linked
    to its profile (which shows its recognition level) while the profile is published."""
    rows = list(notice.publicity_points.select_related("point__city", "point__province"))
    if not rows and not notice.is_publicity:
        return {"publicity_points": []}
    shown = localized_pages([row.point for row in rows], notice.locale)
    points = [
        {
            "point": point,
            "url": point.get_url(request) if point.live else "",
            "matter": row.matter,
            "matter_label": PublicityMatter(row.matter).label,
            "note": row.note,
        }
        for row, point in zip(rows, shown, strict=True)
    ]
    context = {"publicity_points": points}
    if notice.is_publicity:
        context["publicity_state"] = publicity_state(notice)
    return context
