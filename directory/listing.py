"""Run a DirectoryQuery: the page of results, their distances and the facet counts.

Filtering, ordering and counting happen on the in-memory facts (directory/facts.py); SQL
reads only the facts' version, the keyword ranking and the rows of the page shown, so the
number of queries is fixed whatever the number of results.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Locale

from services.models import ServiceItem, Tier

from .facts import DirectoryFacts, PointFacts, get_facts
from .filters import DirectoryQuery
from .models import Audience, PointCategory, Qualification, Region, ServicePoint

MAX_KEYWORD_HITS = 20000
Predicate = Callable[[PointFacts], bool]


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


def predicates(query: DirectoryQuery) -> dict[str, Predicate]:
    """One test per active filter, named after the facet it would hide."""
    tests: dict[str, Predicate] = {}
    if query.province:
        province = query.province.pk
        tests["province"] = lambda p: p.province == province
    if query.city:
        city = query.city.pk
        tests["city"] = lambda p: p.city == city
    if query.category:
        # A top-level category includes its sub-kinds (market firms: consulting, agency, …).
        category = query.category.pk
        tests["category"] = lambda p: p.category == category or p.category_parent == category
    if query.qualification:
        qualification = query.qualification.pk
        tests["qualification"] = lambda p: qualification in p.qualifications
    if query.audience:
        audience = query.audience.pk
        tests["audience"] = lambda p: audience in p.audiences
    if query.service and query.tier:
        pair = (query.service.pk, query.tier)
        tests["service"] = tests["tier"] = lambda p: pair in p.offers
    elif query.service:
        service = query.service.pk
        tests["service"] = lambda p: service in p.services
    elif query.tier:
        tier = query.tier
        tests["tier"] = lambda p: tier in p.tiers
    if query.near and query.radius_km:
        (lat, lng), radius = query.near, query.radius_km
        tests["radius_km"] = lambda p: (d := p.distance_km(lat, lng)) is not None and d <= radius
    return tests


def keyword_ids(q: str) -> list[int] | None:
    if not q:
        return None
    from search.ranking import rank

    return [pk for pk, _score in rank(ServicePoint, q, limit=MAX_KEYWORD_HITS)]


def candidates(facts: DirectoryFacts, ids: list[int] | None) -> list[PointFacts]:
    if ids is None:
        return list(facts.points)
    return [facts.by_pk[pk] for pk in ids if pk in facts.by_pk]


def run_directory_query(query: DirectoryQuery, *, with_facets: bool = True) -> DirectoryResult:
    facts = get_facts(directory_locale().pk)
    ids = keyword_ids(query.q)
    pool = candidates(facts, ids)
    tests = predicates(query)
    # Which filters each point fails: the results fail none; a facet's counts ignore its own.
    failures = [(p, frozenset(name for name, test in tests.items() if not test(p))) for p in pool]
    matching = [p for p, failed in failures if not failed]

    origin = query.origin
    distances: dict[int, float] = {}
    if origin:
        located = [(p, p.distance_km(*origin)) for p in matching]
        located = [(p, d) for p, d in located if d is not None]
        if ids is not None:
            rank_of = {pk: i for i, pk in enumerate(ids)}
            located.sort(key=lambda pd: (round(pd[1], 1), rank_of[pd[0].pk]))
        else:
            located.sort(key=lambda pd: (pd[1], pd[0].title_order))
        distances = {p.pk: d for p, d in located}
        ordered = [p.pk for p, _d in located]
    elif ids is not None:
        ordered = [p.pk for p in matching]  # already in relevance order
    else:
        ordered = [p.pk for p in sorted(matching, key=lambda p: p.title_order)]

    total = len(ordered)
    num_pages = max(1, -(-total // query.page_size))
    page = min(query.page, num_pages)
    page_pks = ordered[(page - 1) * query.page_size : page * query.page_size]
    by_pk = ServicePoint.objects.filter(pk__in=page_pks).for_listing().in_bulk()
    points = []
    for pk in page_pks:
        point = by_pk[pk]
        point.distance_km = distances.get(pk)
        points.append(point)

    facets = facet_counts(query, failures) if with_facets else {}
    return DirectoryResult(
        query=query, points=points, total=total, page=page, num_pages=num_pages, facets=facets
    )


def _reference(model, **filters):
    """Reference rows in the default language, cached: they change rarely and every page lists them."""
    flat = ",".join(f"{k}={getattr(v, 'pk', v)}" for k, v in sorted(filters.items()))
    key = f"directory:ref:{model._meta.label}:{flat}"
    rows = cache.get(key)
    if rows is None:
        rows = list(model.objects.filter(locale__language_code=settings.LANGUAGE_CODE, **filters))
        cache.set(key, rows, 300)
    return rows


def facet_counts(query: DirectoryQuery, failures) -> dict[str, list[FacetOption]]:
    """Each facet counts the results of every other filter, so its options stay choosable."""

    def pool(*ignored: str):
        allowed = frozenset(ignored)
        return [p for p, failed in failures if failed <= allowed]

    facets: dict[str, list[FacetOption]] = {}

    counts = Counter(p.province for p in pool("province", "city"))
    facets["province"] = [
        FacetOption(r.slug, r.name, counts[r.pk], query.province == r)
        for r in _reference(Region, level=Region.Level.PROVINCE)
        if counts.get(r.pk)
    ]
    if query.province:
        counts = Counter(p.city for p in pool("city"))
        facets["city"] = [
            FacetOption(r.adcode, r.name, counts[r.pk], query.city == r)
            for r in _reference(Region, level=Region.Level.CITY, parent=query.province)
            if counts.get(r.pk)
        ]

    counts = Counter()
    for p in pool("category"):
        counts[p.category] += 1
        if p.category_parent:
            counts[p.category_parent] += 1
    facets["category"] = [
        FacetOption(c.code, c.name, counts[c.pk], query.category == c)
        for c in _reference(PointCategory)
        if counts.get(c.pk)
    ]

    counts = Counter(q for p in pool("qualification") for q in p.qualifications)
    facets["qualification"] = [
        FacetOption(x.code, x.name, counts[x.pk], query.qualification == x)
        for x in _reference(Qualification)
        if counts.get(x.pk)
    ]

    counts = Counter(a for p in pool("audience") for a in p.audiences)
    facets["audience"] = [
        FacetOption(x.code, x.name, counts[x.pk], query.audience == x)
        for x in _reference(Audience)
        if counts.get(x.pk)
    ]

    # Service and tier refer to the same offering: each facet keeps the other's choice.
    tier, service = query.tier, (query.service.pk if query.service else None)
    counts = Counter(
        s
        for p in pool("service", "tier")
        for s in {s for s, t in p.offers if not tier or t == tier}
    )
    facets["service"] = [
        FacetOption(s.code, s.name, counts[s.pk], query.service == s)
        for s in _reference(ServiceItem)
        if counts.get(s.pk)
    ]
    counts = Counter(
        t
        for p in pool("service", "tier")
        for t in {t for s, t in p.offers if not service or s == service}
    )
    facets["tier"] = [
        FacetOption(value, label, counts[value], query.tier == value)
        for value, label in Tier.choices
        if counts.get(value)
    ]
    return facets
