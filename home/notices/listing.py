"""Policy notices: the index's query-string filters and its list.

The index (`NoticeIndexPage`) lists its live child notices, newest publication date first, 20 a
page, narrowed by four query-string parameters shared by the HTML list and both feeds:

- `kind`: a `NoticeKind` value (notice, policy, interpretation, news);
- `year`: the publication year, four digits;
- `authority`: the exact issuing authority (the form offers the authorities of the list);
- `region`: the adcode of a province or a city; the notices that *apply there*:
  for a province, the national notices, the province's own and those of its cities;
  for a city, the national notices, the city's own and its province's (not its sister cities').

A bad value never raises: it becomes a message naming the parameter, shown beside an otherwise
normal, unfiltered-by-that-parameter list (the feeds answer 400 with the messages instead,
since a feed reader would silently show the wrong items). An authority no notice has is not an
error: it is a valid filter with no results.

"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Region
from home.core.querystring import query_url

from .models import NoticeIndexPage, NoticeKind, NoticePage, RegionScope

PAGE_SIZE = 20
FEED_SIZE = 50
MAX_AUTHORITY_LENGTH = 120
MIN_YEAR = 1949
MAX_YEAR = 2100
FILTER_PARAMS = ("kind", "year", "authority", "region")


# --- The query string ------------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeQuery:
    kind: str = ""
    year: int | None = None
    authority: str = ""
    region: Region | None = None
    page: int = 1
    errors: dict[str, str] = field(default_factory=dict)

    def params(self) -> dict[str, str]:
        """The query string that reproduces these filters (not the page)."""
        values = {
            "kind": self.kind,
            "year": str(self.year) if self.year else "",
            "authority": self.authority,
            "region": self.region.adcode if self.region else "",
        }
        return {k: v for k, v in values.items() if v}

    def is_filtered(self) -> bool:
        return bool(self.params())

    def describe(self) -> list[str]:
        """The active filters as labels, e.g. for a feed's title."""
        labels = []
        if self.kind:
            labels.append(str(NoticeKind(self.kind).label))
        if self.year:
            labels.append(str(self.year))
        if self.authority:
            labels.append(self.authority)
        if self.region:
            labels.append(self.region.name)
        return labels


def _default_locale_regions():
    from django.conf import settings

    return Region.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def parse_notice_query(data) -> NoticeQuery:
    """Turn a QueryDict (or any mapping of str) into a NoticeQuery with per-parameter errors."""
    errors: dict[str, str] = {}
    get = lambda name: str(data.get(name, "") or "").strip()  # noqa: E731
    values: dict = {}

    if kind := get("kind"):
        if kind in NoticeKind.values:
            values["kind"] = kind
        else:
            errors["kind"] = _(
                "There is no notice kind “%(value)s”: choose one of %(choices)s."
            ) % {
                "value": kind[:40],
                "choices": ", ".join(f"{value} ({label})" for value, label in NoticeKind.choices),
            }

    if year := get("year"):
        if len(year) == 4 and year.isdigit() and MIN_YEAR <= int(year) <= MAX_YEAR:
            values["year"] = int(year)
        else:
            errors["year"] = _("The year must have four digits, e.g. %(year)d.") % {
                "year": timezone.localdate().year
            }

    if authority := " ".join(get("authority").split()):
        if len(authority) > MAX_AUTHORITY_LENGTH:
            errors["authority"] = _(
                "The issuing authority is too long: use at most %(n)d characters."
            ) % {"n": MAX_AUTHORITY_LENGTH}
        else:
            values["authority"] = authority

    if region := get("region"):
        found = None
        if len(region) == 6 and region.isdigit():
            found = (
                _default_locale_regions()
                .filter(adcode=region, level__in=[Region.Level.PROVINCE, Region.Level.CITY])
                .select_related("parent")
                .first()
            )
        if found is None:
            errors["region"] = _("There is no province or city with the code “%(value)s”.") % {
                "value": region[:20]
            }
        values["region"] = found

    raw_page = get("page")
    page = 1
    if raw_page:
        if raw_page.isdigit() and len(raw_page) <= 6 and int(raw_page) >= 1:
            page = int(raw_page)
        else:
            errors["page"] = _("The page must be a whole number from 1.")
    return NoticeQuery(**values, page=page, errors=errors)


def region_q(region: Region) -> Q:
    """Notices that apply in `region` (a province or a city); see the module docstring."""
    national = Q(scope=RegionScope.NATIONAL)
    if region.level == Region.Level.PROVINCE:
        return national | Q(region__adcode=region.adcode) | Q(region__parent__adcode=region.adcode)
    applies = national | Q(region__adcode=region.adcode)
    if region.parent_id:
        applies |= Q(scope=RegionScope.PROVINCE, region__adcode=region.parent.adcode)
    return applies


# --- The list --------------------------------------------------------------------------------


def live_notices(index: NoticeIndexPage):
    """The index's published, public notices (its own locale), newest first."""
    return (
        NoticePage.objects.child_of(index)
        .live()
        .public()
        .select_related("region")
        .order_by("-publication_date", "-first_published_at", "-pk")
    )


def filter_notices(queryset, query: NoticeQuery):
    if query.kind:
        queryset = queryset.filter(kind=query.kind)
    if query.year:
        queryset = queryset.filter(publication_date__year=query.year)
    if query.authority:
        queryset = queryset.filter(issuing_authority=query.authority)
    if query.region:
        queryset = queryset.filter(region_q(query.region))
    return queryset


@dataclass
class NoticeResults:
    notices: list
    total: int
    page: int
    num_pages: int

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def notice_results(index: NoticeIndexPage, query: NoticeQuery, page_size: int = PAGE_SIZE):
    """One page of the filtered list; a page past the end shows the last one."""
    queryset = filter_notices(live_notices(index), query)
    total = queryset.count()
    num_pages = max(1, -(-total // page_size))
    page = min(query.page, num_pages)
    start = (page - 1) * page_size
    notices = list(queryset[start : start + page_size]) if total else []
    return NoticeResults(notices=notices, total=total, page=page, num_pages=num_pages)


def filter_options(index: NoticeIndexPage, query: NoticeQuery) -> dict:
    """The choices of the filter form: every kind, the list's years and authorities, provinces."""
    notices = live_notices(index).order_by()
    years = [d.year for d in notices.dates("publication_date", "year", order="DESC")]
    if query.year and query.year not in years:
        years = sorted([*years, query.year], reverse=True)
    authorities = list(
        notices.values_list("issuing_authority", flat=True).distinct().order_by("issuing_authority")
    )
    if query.authority and query.authority not in authorities:
        authorities = sorted([*authorities, query.authority])
    provinces = list(
        _default_locale_regions().filter(level=Region.Level.PROVINCE).order_by("adcode")
    )
    if query.region and query.region.level == Region.Level.CITY:
        # A city reached by a link keeps its own option, after its province.
        position = next(
            (i + 1 for i, p in enumerate(provinces) if p.pk == query.region.parent_id),
            len(provinces),
        )
        provinces.insert(position, query.region)
    return {
        "kinds": NoticeKind.choices,
        "years": years,
        "authorities": authorities,
        "regions": provinces,
    }


def index_context(index: NoticeIndexPage, request) -> dict:
    """What the index template needs beyond Wagtail's context (see NoticeIndexPage.get_context)."""
    query = parse_notice_query(request.GET)
    result = notice_results(index, query)
    base_url = index.get_url(request)
    params = query.params()
    return {
        "query": query,
        "result": result,
        "notices": result.notices,
        "options": filter_options(index, query),
        "base_url": base_url,
        "canonical_url": request.build_absolute_uri(
            query_url(base_url, query.params(), result.page)
        ),
        "previous_url": query_url(base_url, query.params(), result.page - 1)
        if result.has_previous
        else "",
        "next_url": query_url(base_url, query.params(), result.page + 1) if result.has_next else "",
        "feed_urls": {
            "rss": query_url(base_url + index.reverse_subpage("notice_feed_rss"), params),
            "atom": query_url(base_url + index.reverse_subpage("notice_feed_atom"), params),
        },
        "feed_title": feed_title(index, query),
        "noindex": bool(query.errors),
    }


def feed_title(index: NoticeIndexPage, query: NoticeQuery) -> str:
    return " · ".join([index.title, *query.describe()])
