"""What the home page shows, computed from the directory, the requests and the editorial pages."""

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from wagtail.models import Locale

from directory.models import ServiceItem, ServicePoint
from directory.selectors import home_page_context as directory_context
from home.cases.models import CasePage
from home.events.models import EventPage
from home.notices.models import NoticePage
from services.models import ConsultationRequest

from .sections import SECTIONS

LATEST_NOTICES = 5
FEATURED_CASES = 3
UPCOMING_EVENTS = 3
MOST_ASKED = 8


def _points():
    # One row per organisation: the English tree's aliases are the same points.
    return ServicePoint.objects.listed().filter(locale=Locale.get_default(), alias_of__isnull=True)


def city_markers(points) -> list[dict]:
    """One marker per city with its number of points: a few hundred at most, whatever the size."""
    rows = (
        points.filter(city__latitude__isnull=False)
        .values("city__adcode", "city__name", "city__latitude", "city__longitude")
        .annotate(n=Count("pk"))
        .order_by("city__adcode")
    )
    return [
        {
            "lat": row["city__latitude"],
            "lng": row["city__longitude"],
            "title": f"{row['city__name']} · {row['n']}",
            "adcode": row["city__adcode"],
            "count": row["n"],
        }
        for row in rows
    ]


def most_asked_services(year: int) -> list[ServiceItem]:
    """The catalogue services asked about most this year; the most offered ones until then."""
    counts = (
        ConsultationRequest.objects.filter(submitted_at__year=year, service__isnull=False)
        .values("service")
        .annotate(n=Count("pk"))
        .order_by("-n")[:MOST_ASKED]
    )
    ids = [row["service"] for row in counts]
    services = {s.pk: s for s in ServiceItem.objects.filter(pk__in=ids)}
    asked = [services[pk] for pk in ids if pk in services]
    if len(asked) >= MOST_ASKED:
        return asked
    offered = (
        ServiceItem.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .exclude(pk__in=ids)
        .annotate(n=Count("offerings"))
        .order_by("-n", "sort_order")[: MOST_ASKED - len(asked)]
    )
    return asked + list(offered)


def editorial(page) -> dict:

    locale = page.locale
    now = timezone.now()
    sections = {}
    for model, slug, _title, _intro in SECTIONS:
        sections[slug] = model.objects.live().filter(locale=locale).first()
    return {
        "sections": sections,
        "latest_notices": NoticePage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("-publication_date", "-pk")[:LATEST_NOTICES],
        "featured_cases": CasePage.objects.live()
        .filter(locale=locale, featured=True)
        .select_related("point")
        .order_by("-period_start", "-pk")[:FEATURED_CASES],
        "upcoming_events": EventPage.objects.live()
        .filter(locale=locale, end__gte=now)
        .order_by("start", "pk")[:UPCOMING_EVENTS],
    }


def home_page_context(page) -> dict:
    context = directory_context(page)
    points = _points()
    year = timezone.localdate().year
    context.update(
        {
            "point_count": points.count(),
            "province_count": points.values("province").distinct().count(),
            "points_by_category": points.values("category__code", "category__name")
            .annotate(n=Count("pk"))
            .order_by("-n", "category__code"),
            "answered_this_year": ConsultationRequest.objects.filter(
                first_response_at__year=year
            ).count(),
            "this_year": year,
            "most_asked_services": most_asked_services(year),
            "map_markers": city_markers(points),
        }
    )
    if context.get("directory"):
        base = context["directory"].url
        for marker in context["map_markers"]:
            marker["url"] = f"{base}?city={marker['adcode']}"
    context.update(editorial(page))
    return context
