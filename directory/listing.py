"""Run a DirectoryQuery: the page of results, their distances and the facet counts.

The number of SQL queries is fixed whatever the number of results: one for the matching
keys, one for the page's rows (plus a fixed number of prefetches), one per facet.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q

from services.models import ServiceItem, Tier

from .filters import DirectoryQuery
from .models import Audience, PointCategory, Qualification, Region, ServicePoint

MAX_KEYWORD_HITS = 20000


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class DirectoryResult:
    query: DirectoryQuery
    points: list
    total: int
    page: int
    num_pages: int
    facets: dict[str, list[FacetOption]] = field(default_factory=dict)

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def filtered_queryset(query: DirectoryQuery, *, keyword_ids: list[int] | None = None, base=None):
    qs = base if base is not None else default_base()
    if query.province:
        qs = qs.in_province(query.province)
    if query.city:
        qs = qs.in_city(query.city)
    if query.category:
        qs = qs.of_category(query.category)
    if query.qualification:
        qs = qs.with_qualification(query.qualification)
    if query.audience:
        qs = qs.for_audience(query.audience)
    if query.service or query.tier:
        qs = qs.offering(query.service, query.tier)
    if query.near and query.radius_km:
        # Only a radius limits the set; without one, "near" only orders it.
        from .geo import bounding_box

        south, north, west, east = bounding_box(*query.near, query.radius_km)
        qs = qs.filter(latitude__range=(south, north), longitude__range=(west, east))
    if keyword_ids is not None:
        qs = qs.filter(pk__in=keyword_ids)
    return qs


def default_base():
    """Listed points in the visitor's language; the default language's tree when it has none."""
    from wagtail.models import Locale

    points = ServicePoint.objects.listed()
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return points
    localized = points.filter(locale=locale)
    if locale.language_code != settings.LANGUAGE_CODE and not localized.exists():
        return points.filter(locale__language_code=settings.LANGUAGE_CODE)
    return localized


def keyword_ids(q: str) -> list[int] | None:
    if not q:
        return None
    from search.ranking import rank

    return [pk for pk, _score in rank(ServicePoint, q, limit=MAX_KEYWORD_HITS)]


def run_directory_query(
    query: DirectoryQuery, *, with_facets: bool = True, base=None
) -> DirectoryResult:
    ids = keyword_ids(query.q)
    qs = filtered_queryset(query, keyword_ids=ids, base=base)
    origin = query.origin

    if origin:
        ordered = qs.near(*origin, radius_km=query.radius_km if query.near else None)
        rows = list(ordered.values_list("pk", "distance_km"))
        if ids is not None:
            # Distance first; among points at the same spot, the better keyword match first.
            rank_of = {pk: i for i, pk in enumerate(ids)}
            rows.sort(key=lambda row: (round(row[1], 1), rank_of.get(row[0], 0)))
        distances = dict(rows)
        ordered_pks = [pk for pk, _d in rows]
    elif ids is not None:
        matching = set(qs.values_list("pk", flat=True))
        ordered_pks = [pk for pk in ids if pk in matching]
        distances = {}
    else:
        ordered_pks = list(qs.order_by("title").values_list("pk", flat=True))
        distances = {}

    total = len(ordered_pks)
    num_pages = max(1, -(-total // query.page_size))
    page = min(query.page, num_pages)
    page_pks = ordered_pks[(page - 1) * query.page_size : page * query.page_size]
    by_pk = ServicePoint.objects.filter(pk__in=page_pks).for_listing().in_bulk()
    points = []
    for pk in page_pks:
        point = by_pk[pk]
        point.distance_km = distances.get(pk)
        points.append(point)

    facets = facet_counts(query, ids, base=base) if with_facets else {}
    return DirectoryResult(
        query=query, points=points, total=total, page=page, num_pages=num_pages, facets=facets
    )


def _reference(model, **filters):
    """Reference rows in the default language, cached: they change rarely and every page lists them."""
    flat = ",".join(f"{k}={getattr(v, 'pk', v)}" for k, v in sorted(filters.items()))
    key = f"directory:ref:{model._meta.label}:{flat}:{reference_version()}"
    rows = cache.get(key)
    if rows is None:
        rows = list(model.objects.filter(locale__language_code=settings.LANGUAGE_CODE, **filters))
        cache.set(key, rows, 3600)
    return rows


def reference_version() -> int:
    return cache.get_or_set("directory:ref:version", 1, None)


def bump_reference_version() -> None:
    try:
        cache.incr("directory:ref:version")
    except ValueError:
        cache.set("directory:ref:version", 2, None)


def facet_counts(
    query: DirectoryQuery, ids: list[int] | None, base=None
) -> dict[str, list[FacetOption]]:
    """Each facet counts the results of every other filter, so its options stay choosable."""
    from services.models import PointOffering

    def qs_without(*names):
        return filtered_queryset(query.without(*names), keyword_ids=ids, base=base)

    facets: dict[str, list[FacetOption]] = {}

    counts = qs_without("province", "city").counts_by("province_id")
    facets["province"] = [
        FacetOption(r.slug, r.name, counts[r.pk], query.province == r)
        for r in _reference(Region, level=Region.Level.PROVINCE)
        if counts.get(r.pk)
    ]
    if query.province:
        counts = qs_without("city").counts_by("city_id")
        facets["city"] = [
            FacetOption(r.adcode, r.name, counts[r.pk], query.city == r)
            for r in _reference(Region, level=Region.Level.CITY, parent=query.province)
            if counts.get(r.pk)
        ]

    counts = qs_without("category").counts_by("category_id")
    categories = _reference(PointCategory)
    parent_of = {c.pk: c.parent_id for c in categories}
    rolled: dict[int, int] = {}
    for pk, n in counts.items():
        rolled[pk] = rolled.get(pk, 0) + n
        if parent_of.get(pk):
            rolled[parent_of[pk]] = rolled.get(parent_of[pk], 0) + n
    facets["category"] = [
        FacetOption(c.code, c.name, rolled[c.pk], query.category == c)
        for c in categories
        if rolled.get(c.pk)
    ]

    counts = qs_without("qualification").counts_by("qualifications")
    facets["qualification"] = [
        FacetOption(x.code, x.name, counts[x.pk], query.qualification == x)
        for x in _reference(Qualification)
        if counts.get(x.pk)
    ]

    counts = qs_without("audience").counts_by("audiences")
    facets["audience"] = [
        FacetOption(x.code, x.name, counts[x.pk], query.audience == x)
        for x in _reference(Audience)
        if counts.get(x.pk)
    ]

    points = qs_without("service", "tier").order_by().values("pk")
    offerings = PointOffering.objects.filter(point_id__in=points)
    svc_filter = Q(tier=query.tier) if query.tier else Q()
    service_counts = offerings.filter(svc_filter).counts_by_point("service_id")
    facets["service"] = [
        FacetOption(s.code, s.name, service_counts[s.pk], query.service == s)
        for s in _reference(ServiceItem)
        if service_counts.get(s.pk)
    ]
    tier_filter = Q(service=query.service) if query.service else Q()
    tier_counts = offerings.filter(tier_filter).counts_by_point("tier")
    facets["tier"] = [
        FacetOption(value, label, tier_counts[value], query.tier == value)
        for value, label in Tier.choices
        if tier_counts.get(value)
    ]
    return facets
