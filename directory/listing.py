"""Run a DirectoryQuery: the page of results, their distances and the facet counts.

Filtering, ordering and counting happen on the in-memory facts (directory/facts.py); SQL
reads only the facts' version, the keyword ranking and the rows of the page shown, so the
number of queries is fixed whatever the number of results.
"""

import math
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Locale

from .facts import DirectoryFacts, get_facts, km_from_closeness
from .filters import DirectoryQuery
from .geo import EARTH_RADIUS_KM
from .keywords import KeywordMatch, keyword_match
from .models import Audience, PointCategory, Qualification, Region, ServiceItem, ServicePoint, Tier
from .reference_cache import reference_rows


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    parent: str = ""  # the parent option's value (market-firm sub-kinds)


@dataclass
class DirectoryResult:
    query: DirectoryQuery
    points: list
    total: int
    page: int
    num_pages: int
    facets: dict[str, list[FacetOption]] = field(default_factory=dict)
    page_pks: list[int] = field(default_factory=list)
    distances: dict[int, float] = field(default_factory=dict)
    # How the keyword was understood and matched (None without a keyword).
    keyword: KeywordMatch | None = None

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def directory_locale() -> Locale:
    """The visitor's language; the default language when it has no directory of its own."""
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = None
    if locale is None or (
        locale.language_code != settings.LANGUAGE_CODE
        and not ServicePoint.objects.filter(locale=locale).exists()
    ):
        return Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    return locale


def filter_masks(query: DirectoryQuery, facts: DirectoryFacts) -> dict[str, int]:
    """One bitset per active filter, named after the facet it would hide."""
    masks: dict[str, int] = {}
    if query.province:
        masks["province"] = facts.province.get(query.province.pk, 0)
    if query.city:
        masks["city"] = facts.city.get(query.city.pk, 0)
    if query.category:
        masks["category"] = facts.category.get(query.category.pk, 0)  # sub-kinds included
    if query.qualification:
        masks["qualification"] = facts.qualification.get(query.qualification.pk, 0)
    if query.audience:
        masks["audience"] = facts.audience.get(query.audience.pk, 0)
    if query.service and query.tier:
        # Service and tier must hold for the same offering.
        masks["service"] = masks["tier"] = facts.offer.get((query.service.pk, query.tier), 0)
    elif query.service:
        masks["service"] = facts.service.get(query.service.pk, 0)
    elif query.tier:
        masks["tier"] = facts.tier.get(query.tier, 0)
    if query.near and query.radius_km:
        masks["radius_km"] = facts.within(*query.near, query.radius_km)
    return masks


def combined(masks: dict[str, int], start: int, *ignored: str) -> int:
    result = start
    for name, mask in masks.items():
        if name not in ignored:
            result &= mask
    return result


def run_directory_query(
    query: DirectoryQuery, *, with_facets: bool = True, load_points: bool = True
) -> DirectoryResult:
    facts = get_facts(directory_locale().pk)
    keyword = keyword_match(query.q, facts)
    ids = None if keyword is None else keyword.ids
    pool = facts.all if ids is None else facts.mask_of(ids)
    masks = filter_masks(query, facts)
    matching = combined(masks, pool)

    origin = query.origin
    closeness: dict[int, float] = {}
    if origin:
        closeness = facts.closeness(matching, *origin)
        approximate = approximate_pks(facts)
        if ids is not None:
            # Distance first; among points at the same spot, the better keyword match first.
            rank_of = {pk: i for i, pk in enumerate(ids)}
            km = {
                pk: round(km_from_closeness(c), 1)
                + (APPROXIMATE_SLACK_KM if pk in approximate else 0)
                for pk, c in closeness.items()
            }
            ordered = sorted(closeness, key=lambda pk: (km[pk], rank_of[pk]))
        else:
            title_order = facts.index_of
            key = {pk: -(_pushed_out(c) if pk in approximate else c) for pk, c in closeness.items()}
            ordered = sorted(closeness, key=lambda pk: (key[pk], title_order[pk]))
    elif ids is not None:
        index_of = facts.index_of
        ordered = [pk for pk in ids if pk in index_of and matching >> index_of[pk] & 1]
    else:
        ordered = [facts.pks[i] for i in facts.indices(matching)]

    total = len(ordered)
    num_pages = max(1, -(-total // query.page_size))
    page = min(query.page, num_pages)
    page_pks = ordered[(page - 1) * query.page_size : page * query.page_size]
    distances = {pk: km_from_closeness(closeness[pk]) for pk in page_pks if pk in closeness}
    points = []
    if load_points:
        by_pk = ServicePoint.objects.filter(pk__in=page_pks).for_listing().in_bulk()
        for pk in page_pks:
            point = by_pk[pk]
            point.distance_km = distances.get(pk)
            points.append(point)

    facets = facet_counts(query, facts, masks, pool) if with_facets else {}
    return DirectoryResult(
        query=query,
        points=points,
        total=total,
        page=page,
        num_pages=num_pages,
        facets=facets,
        page_pks=page_pks,
        distances=distances,
        keyword=keyword,
    )


# A point placed at its district's or city's centre (ServicePoint.coordinates_approximate) is
# somewhere in that area, not at the centre: it is ordered as if this much farther, after the
# points known to be near, and shows its city instead of a distance it does not have.
APPROXIMATE_SLACK_KM = 10.0
_SLACK_COS = math.cos(APPROXIMATE_SLACK_KM / EARTH_RADIUS_KM)
_SLACK_SIN = math.sin(APPROXIMATE_SLACK_KM / EARTH_RADIUS_KM)
_approximate: dict[int, tuple[tuple, frozenset[int]]] = {}


def _pushed_out(cosine: float) -> float:
    """The closeness of a point APPROXIMATE_SLACK_KM farther out (cos(a + d), no arccos)."""
    if cosine <= -_SLACK_COS:  # already (nearly) antipodal
        return -1.0
    return cosine * _SLACK_COS - math.sqrt(max(0.0, 1 - cosine * cosine)) * _SLACK_SIN


def approximate_pks(facts: DirectoryFacts) -> frozenset[int]:
    """Listed points whose coordinates are a region's centre: read once per facts version."""
    locale_id = facts.version[0] if facts.version else None
    cached = _approximate.get(locale_id)
    if cached and cached[0] == facts.version:
        return cached[1]
    points = ServicePoint.objects.listed().filter(coordinates_approximate=True)
    if locale_id is not None:
        points = points.filter(locale_id=locale_id)
    pks = frozenset(points.values_list("pk", flat=True))
    _approximate[locale_id] = (facts.version, pks)
    return pks


def _province_of(city: Region) -> Region | None:
    """The city's province among the cached province rows (no query)."""
    return next(
        (r for r in _reference(Region, level=Region.Level.PROVINCE) if r.pk == city.parent_id),
        None,
    )


def _reference(model, **filters):
    """Reference rows in the default language, cached until an editor changes them."""
    return reference_rows(model, **filters)


def facet_counts(
    query: DirectoryQuery, facts: DirectoryFacts, masks: dict[str, int], pool: int
) -> dict[str, list[FacetOption]]:
    """Each facet counts the results of every other filter, so its options stay choosable."""

    facets: dict[str, list[FacetOption]] = {}
    # A city chosen alone (the home page's city list) is in its province: every control says so.
    province = query.province or (query.city and _province_of(query.city))
    base = combined(masks, pool, "province", "city")
    facets["province"] = [
        FacetOption(r.slug, r.label, n, province == r)
        for r in _reference(Region, level=Region.Level.PROVINCE)
        if (n := (facts.province.get(r.pk, 0) & base).bit_count())
    ]
    if province:
        base = combined(masks, pool, "city")
        facets["city"] = [
            FacetOption(r.adcode, r.label, n, query.city == r)
            for r in _reference(Region, level=Region.Level.CITY, parent=province)
            if (n := (facts.city.get(r.pk, 0) & base).bit_count())
        ]
    for name, model, values in (
        ("category", PointCategory, facts.category),
        ("qualification", Qualification, facts.qualification),
        ("audience", Audience, facts.audience),
    ):
        base = combined(masks, pool, name)
        chosen = getattr(query, name)
        rows = _reference(model)
        code_of = {x.pk: x.code for x in rows}
        facets[name] = [
            FacetOption(
                x.code, x.label, n, chosen == x, code_of.get(getattr(x, "parent_id", None), "")
            )
            for x in rows
            if (n := (values.get(x.pk, 0) & base).bit_count())
        ]

    # Service and tier refer to the same offering: each facet keeps the other's choice.
    base = combined(masks, pool, "service", "tier")
    if query.tier:
        facets["service"] = [
            FacetOption(s.code, s.label, n, query.service == s)
            for s in _reference(ServiceItem)
            if (n := (facts.offer.get((s.pk, query.tier), 0) & base).bit_count())
        ]
    else:
        facets["service"] = [
            FacetOption(s.code, s.label, n, query.service == s)
            for s in _reference(ServiceItem)
            if (n := (facts.service.get(s.pk, 0) & base).bit_count())
        ]
    facets["tier"] = [
        FacetOption(value, label, n, query.tier == value)
        for value, label in Tier.choices
        if (
            n := (
                (
                    facts.offer.get((query.service.pk, value), 0)
                    if query.service
                    else facts.tier.get(value, 0)
                )
                & base
            ).bit_count()
        )
    ]
    return facets
