"""In-memory facts the directory filters and counts on, as bitsets over the listed points.

Facet counts need "all filters but one" for every facet; done in SQL that is seven aggregate
scans over the points and their 100,000 offerings per request (≈250 ms at 10,000 points on
SQLite). Here every facet value (a province, a service, a tier…) holds a Python int whose bit
i is set when point i has it, so a filter is an AND and a count is `bit_count()`: a few
microseconds each. Each process rebuilds the facts when a cheap aggregate says the published
data changed.
"""

import math
import time
from collections import defaultdict
from dataclasses import dataclass, field
from threading import Lock

from django.db.models import Count, Max, Q

from .geo import EARTH_RADIUS_KM
from .models import ServicePoint


@dataclass
class DirectoryFacts:
    pks: list[int]  # bit i stands for pks[i]; points are in title order
    index_of: dict[int, int]
    vectors: list[tuple[float, float, float] | None]  # unit vectors of the coordinates
    version: tuple = ()
    all: int = 0
    province: dict[int, int] = field(default_factory=dict)
    city: dict[int, int] = field(default_factory=dict)
    category: dict[int, int] = field(default_factory=dict)  # a parent also holds its sub-kinds
    qualification: dict[int, int] = field(default_factory=dict)
    audience: dict[int, int] = field(default_factory=dict)
    service: dict[int, int] = field(default_factory=dict)
    tier: dict[str, int] = field(default_factory=dict)
    offer: dict[tuple[int, str], int] = field(default_factory=dict)  # one offering, both values

    def mask_of(self, pks) -> int:
        """The bitset of the given point keys (unknown keys are ignored)."""
        index_of = self.index_of
        indices = [index_of[pk] for pk in pks if pk in index_of]
        return _mask(indices, (len(self.pks) + 7) // 8)

    def indices(self, mask: int) -> list[int]:
        """Set bits of `mask`, lowest first (= title order)."""
        raw = mask.to_bytes((len(self.pks) + 7) // 8 or 1, "little")
        return [
            byte_index * 8 + bit
            for byte_index, byte in enumerate(raw)
            if byte
            for bit in range(8)
            if byte >> bit & 1
        ]

    def closeness(self, mask: int, lat: float, lng: float) -> dict[int, float]:
        """For every point of `mask` with coordinates, the cosine of its angle to (lat, lng).

        Larger is nearer, exactly as great-circle distance orders, at three multiplications a
        point instead of the trigonometry of a haversine (the benchmark's slowest step).
        """
        x0, y0, z0 = unit_vector(lat, lng)
        vectors, pks = self.vectors, self.pks
        result = {}
        for i in self.indices(mask):
            v = vectors[i]
            if v is not None:
                result[pks[i]] = v[0] * x0 + v[1] * y0 + v[2] * z0
        return result

    def within(self, lat: float, lng: float, radius_km: float) -> int:
        threshold = math.cos(min(radius_km / EARTH_RADIUS_KM, math.pi))
        close = self.closeness(self.all, lat, lng)
        return self.mask_of(pk for pk, cosine in close.items() if cosine >= threshold)


def unit_vector(lat: float, lng: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lng)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def km_from_closeness(cosine: float) -> float:
    return EARTH_RADIUS_KM * math.acos(max(-1.0, min(1.0, cosine)))


FACET_NAMES = (
    "province",
    "city",
    "category",
    "qualification",
    "audience",
    "service",
    "tier",
    "offer",
)


def _mask(indices: list[int], size: int) -> int:
    bits = bytearray(size)
    for i in indices:
        bits[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(bits, "little")


_cache: dict[int, tuple[tuple, DirectoryFacts]] = {}
_lock = Lock()


def data_version(locale_id: int) -> tuple:
    """Changes whenever a point is published, unpublished, added, revoked or deleted."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    # On wagtailcore_page alone: the join to the points' own table made this 17 ms at 10,000.
    content_type = ContentType.objects.get_for_model(ServicePoint)
    row = (
        Page.objects.filter(content_type=content_type, locale_id=locale_id)
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
    from .models import PointOffering

    points = ServicePoint.objects.listed().filter(locale_id=locale_id)
    rows = list(
        points.order_by("title", "pk").values_list(
            "pk",
            "province_id",
            "city_id",
            "category_id",
            "category__parent_id",
            "latitude",
            "longitude",
        )
    )
    facts = DirectoryFacts(
        pks=[row[0] for row in rows],
        index_of={row[0]: i for i, row in enumerate(rows)},
        vectors=[
            unit_vector(lat, lng) if lat is not None and lng is not None else None
            for *_rest, lat, lng in rows
        ],
    )
    facts.all = (1 << len(rows)) - 1
    # Gather indices per value first: OR-ing one bit at a time into 10,000-bit ints is slow.
    members: dict[str, defaultdict] = {name: defaultdict(list) for name in FACET_NAMES}
    for i, (_pk, province, city, category, parent, _lat, _lng) in enumerate(rows):
        members["province"][province].append(i)
        if city:
            members["city"][city].append(i)
        members["category"][category].append(i)
        if parent:
            members["category"][parent].append(i)

    pks = points.values("pk")
    index_of = facts.index_of
    for point_id, qualification in ServicePoint.qualifications.through.objects.filter(
        servicepoint_id__in=pks
    ).values_list("servicepoint_id", "qualification_id"):
        members["qualification"][qualification].append(index_of[point_id])
    for point_id, audience in ServicePoint.audiences.through.objects.filter(
        servicepoint_id__in=pks
    ).values_list("servicepoint_id", "audience_id"):
        members["audience"][audience].append(index_of[point_id])
    for point_id, service, tier in PointOffering.objects.filter(point_id__in=pks).values_list(
        "point_id", "service_id", "tier"
    ):
        i = index_of[point_id]
        members["service"][service].append(i)
        members["tier"][tier].append(i)
        members["offer"][(service, tier)].append(i)
    size = (len(rows) + 7) // 8
    for name in FACET_NAMES:
        setattr(
            facts, name, {value: _mask(indices, size) for value, indices in members[name].items()}
        )
    return facts


# Another process's publish shows here within this many seconds; this process's own writes
# show at once (see `forget_checks`, connected to the page and offering signals).
RECHECK_SECONDS = 1.0
_checked_at: dict[int, float] = {}


def forget_checks(**_kwargs) -> None:
    _checked_at.clear()


def get_facts(locale_id: int) -> DirectoryFacts:
    cached = _cache.get(locale_id)
    now = time.monotonic()
    if cached and now - _checked_at.get(locale_id, -RECHECK_SECONDS) < RECHECK_SECONDS:
        return cached[1]
    version = data_version(locale_id)
    _checked_at[locale_id] = now
    if cached and cached[0] == version:
        return cached[1]
    with _lock:
        cached = _cache.get(locale_id)
        if cached and cached[0] == version:
            return cached[1]
        facts = build_facts(locale_id)
        facts.version = (locale_id, *version)
        _cache[locale_id] = (version, facts)
        return facts
