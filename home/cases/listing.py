"""The case library (典型案例): the public list and its query-string filters.

Filters live in the query string, like the directory's (directory/filters.py): every parameter
is parsed on its own, and a bad value becomes a message naming it instead of an error page.

- `service`: a catalogue code (B03); cases that used that service.
- `tier`: a service tier (basic, professional, value_added); cases that used a service of it.
- `category`: a point category code (or slug); cases whose point is of it or of one of its
  sub-kinds.
- `province`: a province slug or adcode (guangdong, 440000); cases whose *point* is in that
  province. The case's own `region` (where the served party is) is not used: a case belongs to
  the province of the point that did the work, as the directory does.
- `year`: cases that started that year (`period_start`).
- `featured=1`: only excellent practice (优秀实践).

Codes, slugs and adcodes are the same in every language, so the filters match a case whatever
the locale of the objects it links to (aliases in the English tree link the Chinese ones).

"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext as _

from directory.filters import _region
from directory.models import PointCategory, Region, ServiceItem, Tier
from home.core.querystring import parse_int, query_url, unknown_value_message

from .models import CasePage

if TYPE_CHECKING:
    from directory.models import PointCategory, Region, ServiceItem

    from .models import CaseIndexPage


CASE_PAGE_SIZE = 20
FILTER_PARAMS = ("service", "tier", "category", "province", "year", "featured")
MIN_YEAR, MAX_YEAR = 1980, 2100


# --- The query string -----------------------------------------------------------------------


@dataclass(frozen=True)
class CaseQuery:
    service: ServiceItem | None = None
    tier: str = ""
    category: PointCategory | None = None
    province: Region | None = None
    year: int | None = None
    featured: bool = False
    page: int = 1
    errors: dict[str, str] = field(default_factory=dict)

    def params(self) -> dict[str, str]:
        """The query string that reproduces this query (for links and pagination)."""
        values = {
            "service": self.service.code if self.service else "",
            "tier": self.tier,
            "category": self.category.code if self.category else "",
            "province": self.province.slug or self.province.adcode if self.province else "",
            "year": str(self.year) if self.year else "",
            "featured": "1" if self.featured else "",
        }
        return {k: v for k, v in values.items() if v}

    def is_filtered(self) -> bool:
        return any(getattr(self, name) for name in FILTER_PARAMS)


def _default_language() -> str:
    return settings.LANGUAGE_CODE


def _lookup(model, code: str):
    return model.objects.filter(code=code, locale__language_code=_default_language()).first()


def parse_case_query(data) -> CaseQuery:
    """Turn a QueryDict (or any mapping of str) into a CaseQuery with per-parameter errors."""

    errors: dict[str, str] = {}
    values: dict = {}
    get = lambda name: str(data.get(name, "") or "").strip()  # noqa: E731

    if raw := get("service"):
        values["service"] = _lookup(ServiceItem, raw[:40])
        if values["service"] is None:
            errors["service"] = unknown_value_message("service", raw[:40])

    if tier := get("tier"):
        if tier in Tier.values:
            values["tier"] = tier
        else:
            errors["tier"] = _("Unknown service tier: choose one of %(choices)s.") % {
                "choices": ", ".join(f"{value} ({label})" for value, label in Tier.choices)
            }

    if raw := get("category"):
        category = _lookup(PointCategory, raw[:40]) or (
            PointCategory.objects.filter(
                slug=raw[:40], locale__language_code=_default_language()
            ).first()
        )
        if category is None:
            errors["category"] = unknown_value_message("category", raw[:40])
        values["category"] = category

    if raw := get("province"):
        values["province"] = _region(raw[:60], Region.Level.PROVINCE)
        if values["province"] is None:
            errors["province"] = unknown_value_message("province", raw[:60])

    if raw := get("year"):
        year = parse_int(raw, 0)
        if year is None or not (MIN_YEAR <= year <= MAX_YEAR):
            errors["year"] = _("The year must be a four-digit year from %(min)d to %(max)d.") % {
                "min": MIN_YEAR,
                "max": MAX_YEAR,
            }
        else:
            values["year"] = year

    if raw := get("featured"):
        if raw.lower() in ("1", "true", "on", "yes"):
            values["featured"] = True
        elif raw.lower() not in ("0", "false", "off", "no"):
            errors["featured"] = _("“featured” must be 1 (only excellent practice) or empty.")

    page = parse_int(get("page"), 1)
    if page is None or page < 1:
        errors["page"] = _("The page must be a whole number from 1.")
        page = 1

    return CaseQuery(**values, page=page, errors=errors)


# --- The list -------------------------------------------------------------------------------


def live_cases(index: CaseIndexPage):
    """The index's live cases (in its own locale, as its children are), newest first."""

    return (
        CasePage.objects.live()
        .child_of(index)
        .select_related("point")
        .order_by("-period_start", "-pk")
    )


def _services_through():

    return CasePage.services.through


def filter_cases(queryset, query: CaseQuery):
    """Narrow a CasePage queryset by the query; every condition holds at once."""
    through = _services_through()
    if query.service:
        queryset = queryset.filter(
            pk__in=through.objects.filter(serviceitem__code=query.service.code).values(
                "casepage_id"
            )
        )
    if query.tier:
        queryset = queryset.filter(
            pk__in=through.objects.filter(serviceitem__tier=query.tier).values("casepage_id")
        )
    if query.category:
        code = query.category.code
        queryset = queryset.filter(
            Q(point__category__code=code) | Q(point__category__parent__code=code)
        )
    if query.province:
        queryset = queryset.filter(point__province__adcode=query.province.adcode)
    if query.year:
        queryset = queryset.filter(period_start__year=query.year)
    if query.featured:
        queryset = queryset.filter(featured=True)
    return queryset


@dataclass
class FilterOption:
    value: str
    label: str
    selected: bool


def localized_items(model, locale_id: int, **filters) -> list:
    """Items of `model` in the page's locale, else in the default one; one per code."""
    rows = list(
        model.objects.filter(
            Q(locale_id=locale_id) | Q(locale__language_code=_default_language()), **filters
        )
    )
    by_key: dict[str, object] = {}
    key_name = "adcode" if hasattr(model, "adcode") else "code"
    for item in rows:
        key = getattr(item, key_name)
        if key not in by_key or item.locale_id == locale_id:
            by_key[key] = item
    return [item for item in rows if by_key[getattr(item, key_name)] is item]


def filter_options(index: CaseIndexPage, query: CaseQuery) -> dict[str, list[FilterOption]]:
    """The choices of the filter form: only values some live case of the index has.

    A fixed number of queries: the values in use, then one look-up per vocabulary.
    """

    cases = live_cases(index).order_by()
    used = list(
        cases.values_list(
            "point__category__code",
            "point__category__parent__code",
            "point__province__adcode",
            "period_start__year",
        ).distinct()
    )
    category_codes = {code for row in used for code in row[:2] if code}
    province_codes = {row[2] for row in used if row[2]}
    years = sorted({row[3] for row in used if row[3]}, reverse=True)
    service_codes = set(
        _services_through()
        .objects.filter(casepage__in=cases.values("pk"))
        .values_list("serviceitem__code", flat=True)
        .distinct()
    )

    # A value chosen in the query string is offered even when no case has it, so the form
    # shows what was asked.
    if query.service:
        service_codes.add(query.service.code)
    if query.category:
        category_codes.add(query.category.code)
    if query.province:
        province_codes.add(query.province.adcode)
    if query.year and query.year not in years:
        years = sorted([*years, query.year], reverse=True)

    locale_id = index.locale_id
    services = sorted(
        localized_items(ServiceItem, locale_id, code__in=service_codes),
        key=lambda s: (s.sort_order, s.code),
    )
    categories = sorted(
        localized_items(PointCategory, locale_id, code__in=category_codes),
        key=lambda c: (c.sort_order, c.code),
    )
    provinces = sorted(
        localized_items(Region, locale_id, adcode__in=province_codes, level=Region.Level.PROVINCE),
        key=lambda r: r.adcode,
    )
    return {
        "service": [
            FilterOption(
                s.code, f"{s.code} {s.name}", bool(query.service and query.service.code == s.code)
            )
            for s in services
        ],
        "tier": [FilterOption(v, str(label), query.tier == v) for v, label in Tier.choices],
        "category": [
            FilterOption(c.code, c.name, bool(query.category and query.category.code == c.code))
            for c in categories
        ],
        "province": [
            FilterOption(
                r.slug or r.adcode,
                r.name,
                bool(query.province and query.province.adcode == r.adcode),
            )
            for r in provinces
        ],
        "year": [FilterOption(str(y), str(y), query.year == y) for y in years],
    }


@dataclass
class CaseListResult:
    cases: list
    total: int
    page: int
    num_pages: int

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def case_listing(index: CaseIndexPage, query: CaseQuery, page_size: int = CASE_PAGE_SIZE):
    """The page of cases the query asks for (a page past the end shows the last one)."""
    paginator = Paginator(filter_cases(live_cases(index), query), page_size)
    page = paginator.get_page(min(query.page, paginator.num_pages))
    return CaseListResult(
        cases=list(page.object_list),
        total=paginator.count,
        page=page.number,
        num_pages=paginator.num_pages,
    )


def case_index_context(index: CaseIndexPage, request) -> dict:
    """Everything the case library's template reads besides the page itself."""
    query = parse_case_query(request.GET)
    result = case_listing(index, query)
    base_url = index.get_url(request) or index.url or "/"
    params = query.params()
    return {
        "query": query,
        "result": result,
        "filter_options": filter_options(index, query),
        "base_url": base_url,
        "canonical_url": request.build_absolute_uri(query_url(base_url, params, result.page)),
        "previous_url": query_url(base_url, params, result.page - 1) if result.has_previous else "",
        "next_url": query_url(base_url, params, result.page + 1) if result.has_next else "",
        "noindex": bool(query.errors),
    }
