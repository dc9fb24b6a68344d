"""An in-memory table of the facts the directory filters and counts on, one row per point.

Facet counts need "all filters but one" for every facet; done in SQL that is seven
aggregate scans over the points and their 100,000 offerings per request (≈250 ms at 10,000
points on SQLite). The facts fit in a few MB, so each process keeps them, rebuilds them when
the published data changes (a cheap aggregate tells), and filters and counts in Python.
"""

import math
from dataclasses import dataclass
from threading import Lock

from django.db.models import Count, Max, Q

from .geo import haversine_km
from .models import ServicePoint


@dataclass(frozen=True, slots=True)
class PointFacts:
    pk: int
    title_order: int
    province: int
    city: int | None
    category: int
    category_parent: int | None
    qualifications: frozenset[int]
    audiences: frozenset[int]
    services: frozenset[int]
    tiers: frozenset[str]
    offers: frozenset[tuple[int, str]]  # (service, tier) pairs: one offering must match both
    lat: float | None
    lng: float | None

    def distance_km(self, lat: float, lng: float) -> float | None:
        if self.lat is None or self.lng is None:
            return None
        return haversine_km(lat, lng, self.lat, self.lng)


@dataclass(frozen=True)
class DirectoryFacts:
    points: tuple[PointFacts, ...]
    by_pk: dict[int, PointFacts]


_cache: dict[int, tuple[tuple, DirectoryFacts]] = {}
_lock = Lock()


def listed_points(locale_id: int):
    return ServicePoint.objects.listed().filter(locale_id=locale_id)


def data_version(locale_id: int) -> tuple:
    """Changes whenever a listed point is published, unpublished, added, revoked or deleted."""
    row = (
        ServicePoint.objects.filter(locale_id=locale_id)
        .order_by()
        .aggregate(
            n=Count("pk"),
            live=Count("pk", filter=Q(live=True)),
            top=Max("pk"),
            published=Max("last_published_at"),
            revision=Max("live_revision_id"),
        )
    )
    return tuple(row.values())


def build_facts(locale_id: int) -> DirectoryFacts:
    from services.models import PointOffering

    points = listed_points(locale_id)
    rows = points.order_by("title", "pk").values_list(
        "pk",
        "province_id",
        "city_id",
        "category_id",
        "category__parent_id",
        "latitude",
        "longitude",
    )
    pks = points.values("pk")
    quals: dict[int, set[int]] = {}
    for point_id, qual_id in ServicePoint.qualifications.through.objects.filter(
        servicepoint_id__in=pks
    ).values_list("servicepoint_id", "qualification_id"):
        quals.setdefault(point_id, set()).add(qual_id)
    auds: dict[int, set[int]] = {}
    for point_id, aud_id in ServicePoint.audiences.through.objects.filter(
        servicepoint_id__in=pks
    ).values_list("servicepoint_id", "audience_id"):
        auds.setdefault(point_id, set()).add(aud_id)
    offers: dict[int, set[tuple[int, str]]] = {}
    for point_id, service_id, tier in PointOffering.objects.filter(point_id__in=pks).values_list(
        "point_id", "service_id", "tier"
    ):
        offers.setdefault(point_id, set()).add((service_id, tier))

    facts = []
    for order, (pk, province, city, category, parent, lat, lng) in enumerate(rows):
        pairs = frozenset(offers.get(pk, ()))
        facts.append(
            PointFacts(
                pk=pk,
                title_order=order,
                province=province,
                city=city,
                category=category,
                category_parent=parent,
                qualifications=frozenset(quals.get(pk, ())),
                audiences=frozenset(auds.get(pk, ())),
                services=frozenset(s for s, _t in pairs),
                tiers=frozenset(t for _s, t in pairs),
                offers=pairs,
                lat=lat if lat is not None and not math.isnan(lat) else None,
                lng=lng if lng is not None and not math.isnan(lng) else None,
            )
        )
    return DirectoryFacts(points=tuple(facts), by_pk={f.pk: f for f in facts})


def get_facts(locale_id: int) -> DirectoryFacts:
    version = data_version(locale_id)
    cached = _cache.get(locale_id)
    if cached and cached[0] == version:
        return cached[1]
    with _lock:
        cached = _cache.get(locale_id)
        if cached and cached[0] == version:
            return cached[1]
        facts = build_facts(locale_id)
        _cache[locale_id] = (version, facts)
        return facts
