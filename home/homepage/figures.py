"""The home page's figures, computed once per version of the data and kept in the shared cache.

Counted on the directory's in-memory facts (directory/facts.py), which every process already
keeps for the directory page, instead of eight aggregates over the points per request. The facts'
version changes whenever a point is published, unpublished, revoked or deleted, and the
reference generations (directory/reference_cache.py) when an editor renames a category, a
region or a service, so a key made of both names exactly one state of the directory: entries
are computed once by whichever worker first sees that state and never need deleting.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from wagtail.models import Locale

from directory.facts import DirectoryFacts, get_facts
from directory.models import PointCategory, Region, ServiceItem
from directory.reference_cache import generations, reference_rows
from services.models import ConsultationRequest

MOST_ASKED = 8
# Keys change with the data; the timeout only frees entries of states that have passed.
DIRECTORY_TIMEOUT = 24 * 3600
# The questions change all day: their figures are not versioned but cleared when a request is
# saved (`forget_consultations`) and kept at most this long, which bounds what a bulk
# `update()`, which sends no signal, leaves stale.
CONSULTATIONS_TIMEOUT = 600


def directory_figures(locale: Locale | None = None) -> dict:
    """Counts, the map's markers, the city picker and the most offered services."""
    locale = locale or Locale.get_default()
    facts = get_facts(locale.pk)
    # Names are in the visitor's language (`.label`): each language has its own entry.
    language = translation.get_language() or settings.LANGUAGE_CODE
    state = repr((facts.version, generations(PointCategory, Region, ServiceItem), language))
    key = "home:figures:" + hashlib.blake2b(state.encode(), digest_size=16).hexdigest()
    figures = cache.get(key)
    if figures is None:
        figures = compute_directory_figures(facts)
        cache.set(key, figures, DIRECTORY_TIMEOUT)
    return figures


def compute_directory_figures(facts: DirectoryFacts) -> dict:
    return {
        "point_count": facts.all.bit_count(),
        "province_count": sum(1 for mask in facts.province.values() if mask),
        "points_by_category": points_by_category(facts),
        "cities": cities(facts),
        "offered_services": offered_services(facts),
    }


def points_by_category(facts: DirectoryFacts) -> list[dict]:
    """Points per category they are filed under (a parent's own points, not its sub-kinds')."""
    categories = reference_rows(PointCategory)
    direct = {}
    for category in categories:
        mask = facts.category.get(category.pk, 0)
        # facts.category[parent] also holds its sub-kinds' points: take those out.
        for sub in categories:
            if sub.parent_id == category.pk:
                mask &= ~facts.category.get(sub.pk, 0)
        if n := mask.bit_count():
            direct[category] = n
    return [
        {"category__code": c.code, "category__name": c.label, "n": n}
        for c, n in sorted(direct.items(), key=lambda item: (-item[1], item[0].code))
    ]


def cities(facts: DirectoryFacts) -> list[dict]:
    """The cities with listed points, in adcode order, with their number of points."""
    rows = []
    for city in reference_rows(Region, level=Region.Level.CITY):
        if n := facts.city.get(city.pk, 0).bit_count():
            rows.append(
                {
                    "adcode": city.adcode,
                    "name": city.label,
                    "latitude": city.latitude,
                    "longitude": city.longitude,
                    "count": n,
                }
            )
    return sorted(rows, key=lambda row: row["adcode"])


def offered_services(facts: DirectoryFacts) -> list[dict]:
    """Catalogue services by the number of listed points offering them: enough to fill the most
    asked list however many of them the questions already name."""
    services = sorted(
        reference_rows(ServiceItem),
        key=lambda s: (-facts.service.get(s.pk, 0).bit_count(), s.sort_order, s.code),
    )
    return [_service(s) for s in services[: 2 * MOST_ASKED]]


def _service(service: ServiceItem) -> dict:
    return {"pk": service.pk, "code": service.code, "name": service.label}


def city_markers(figures: dict, directory_url: str | None) -> list[dict]:
    """One map marker per city with coordinates, linking to the directory filtered by it."""
    markers = []
    for city in figures["cities"]:
        if city["latitude"] is None or city["longitude"] is None:
            continue
        marker = {
            "lat": city["latitude"],
            "lng": city["longitude"],
            "title": f"{city['name']} · {city['count']}",
            "adcode": city["adcode"],
            "count": city["count"],
        }
        if directory_url:
            marker["url"] = f"{directory_url}?city={city['adcode']}"
        markers.append(marker)
    return markers


# --- Questions ---------------------------------------------------------------------------------


def _consultations_key(year: int) -> str:
    return f"home:consultations:{year}"


def consultation_figures(year: int) -> dict:
    """Questions answered this year and the services asked about most (their keys, most first)."""
    key = _consultations_key(year)
    figures = cache.get(key)
    if figures is None:
        asked = (
            ConsultationRequest.objects.filter(submitted_at__year=year, service__isnull=False)
            .values("service")
            .annotate(n=Count("pk"))
            .order_by("-n", "service")[:MOST_ASKED]
        )
        figures = {
            "answered": ConsultationRequest.objects.filter(first_response_at__year=year).count(),
            "asked": [row["service"] for row in asked],
        }
        cache.set(key, figures, CONSULTATIONS_TIMEOUT)
    return figures


def forget_consultations(**_kwargs) -> None:
    """A request was saved or deleted: its figures are counted again on the next home page.

    Cleared now, for this process's next request, and again after the commit, in case another
    worker counted the rows in between."""
    key = _consultations_key(timezone.localdate().year)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def most_asked_services(year: int, offered: list[dict]) -> list[dict]:
    """The catalogue services asked about most this year; the most offered ones until then."""
    by_pk = {s.pk: s for s in reference_rows(ServiceItem)}
    asked = consultation_figures(year)["asked"]
    services = [_service(by_pk[pk]) for pk in asked if pk in by_pk]
    taken = {s["pk"] for s in services}
    services += [s for s in offered if s["pk"] not in taken]
    return services[:MOST_ASKED]


def home_figures(locale: Locale | None = None, directory_url: str | None = None) -> dict:
    """Every figure the home page shows, named as its template names them."""
    year = timezone.localdate().year
    figures = directory_figures(locale)
    return {
        "point_count": figures["point_count"],
        "province_count": figures["province_count"],
        "points_by_category": figures["points_by_category"],
        "cities": figures["cities"],
        "map_markers": city_markers(figures, directory_url),
        "answered_this_year": consultation_figures(year)["answered"],
        "this_year": year,
        "most_asked_services": most_asked_services(year, figures["offered_services"]),
    }
