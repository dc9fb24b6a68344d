"""Policy notices: the index's query-string filters, its feeds, and points reposting notices.

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

Reposting: a point's staff repost an office notice to their point (`repost`); the point's profile
lists the notices it reposted (`reposted_notices`) and each notice lists the points that reposted
it (`reposting_points`). Reposts always join the default-locale notice and point, so the English
aliases show the same reposts.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import Locale

from directory.models import DirectoryIndexPage, Region, ServicePoint

from .models.notices import NoticeIndexPage, NoticeKind, NoticePage, NoticeRepost, RegionScope

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


def query_url(base_url: str, params: dict[str, str]) -> str:
    return f"{base_url}?{urlencode(params)}" if params else base_url


def _page_url(base_url: str, query: NoticeQuery, page: int) -> str:
    params = query.params()
    if page > 1:
        params["page"] = str(page)
    return query_url(base_url, params)


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
        "canonical_url": request.build_absolute_uri(_page_url(base_url, query, result.page)),
        "previous_url": _page_url(base_url, query, result.page - 1) if result.has_previous else "",
        "next_url": _page_url(base_url, query, result.page + 1) if result.has_next else "",
        "feed_urls": {
            "rss": query_url(base_url + index.reverse_subpage("notice_feed_rss"), params),
            "atom": query_url(base_url + index.reverse_subpage("notice_feed_atom"), params),
        },
        "feed_title": feed_title(index, query),
        "noindex": bool(query.errors),
    }


# --- Feeds -----------------------------------------------------------------------------------


def feed_title(index: NoticeIndexPage, query: NoticeQuery) -> str:
    return " · ".join([index.title, *query.describe()])


@dataclass
class FeedSource:
    index: NoticeIndexPage
    query: NoticeQuery
    request: object
    route: str


class NoticeRssFeed(Feed):
    """The index's latest notices (at most FEED_SIZE) for the filters in the query string."""

    feed_type = Rss201rev2Feed

    def __init__(self, source: FeedSource):
        super().__init__()
        self.source = source

    def get_object(self, request, *args, **kwargs):
        return self.source

    def title(self, obj):
        return feed_title(obj.index, obj.query)

    def link(self, obj):
        return obj.request.build_absolute_uri(
            query_url(obj.index.get_url(obj.request), obj.query.params())
        )

    def feed_url(self, obj):
        url = obj.index.get_url(obj.request) + obj.index.reverse_subpage(obj.route)
        return obj.request.build_absolute_uri(query_url(url, obj.query.params()))

    def description(self, obj):
        return obj.index.intro or obj.index.get_meta_description()

    subtitle = description

    def feed_guid(self, obj):
        return self.feed_url(obj)

    def items(self, obj):
        return list(filter_notices(live_notices(obj.index), obj.query)[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return self.source.request.build_absolute_uri(item.get_url(self.source.request))

    def item_guid(self, item):
        return self.item_link(item)

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        moment = datetime.datetime.combine(item.publication_date, datetime.time())
        return timezone.make_aware(moment)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return item.issuing_authority

    def item_categories(self, item):
        return [str(NoticeKind(item.kind).label)] if item.kind in NoticeKind.values else []


class NoticeAtomFeed(NoticeRssFeed):
    feed_type = Atom1Feed


FEEDS = {"rss": NoticeRssFeed, "atom": NoticeAtomFeed}


def feed_view(index: NoticeIndexPage, request, kind: str):
    """RSS (`kind="rss"`) or Atom feed of the index for the request's filters; 400 if invalid."""
    query = parse_notice_query(request.GET)
    errors = {k: v for k, v in query.errors.items() if k != "page"}
    if errors:
        return HttpResponse(
            "\n".join(errors.values()) + "\n", status=400, content_type="text/plain; charset=utf-8"
        )
    source = FeedSource(index=index, query=query, request=request, route=f"notice_feed_{kind}")
    response = FEEDS[kind](source)(request)
    response["Cache-Control"] = "public, max-age=600"
    return response


# --- A notice's page -------------------------------------------------------------------------


def source_page(page):
    """The default-locale original of a page (not an alias, not a translation)."""
    model = type(page)
    if page.alias_of_id:
        page = model.objects.get(pk=page.alias_of_id)
    default = Locale.get_default()
    if page.locale_id != default.pk:
        page = (
            model.objects.filter(translation_key=page.translation_key, locale=default).first()
            or page
        )
    return page


def localized_pages(pages, locale) -> list:
    """`pages` in `locale` where a live version exists there (one query), else as they are."""
    pages = list(pages)
    if not pages or all(p.locale_id == locale.pk for p in pages):
        return pages
    model = type(pages[0])
    found = {
        p.translation_key: p
        for p in model.objects.live().filter(
            locale=locale, translation_key__in=[p.translation_key for p in pages]
        )
    }
    return [found.get(p.translation_key, p) for p in pages]


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
        "json_ld": json.dumps(notice_json_ld(notice, request), ensure_ascii=False).replace(
            "</", "<\\/"
        ),
    }


# --- Reposting -------------------------------------------------------------------------------


def repostable_notices():
    """The live notices points may repost: the default-locale originals, newest first."""
    return (
        NoticePage.objects.live()
        .filter(locale=Locale.get_default(), alias_of__isnull=True)
        .order_by("-publication_date", "-first_published_at", "-pk")
    )


def repostable_points(user):
    """The points `user` may repost for: every point for the office, their own otherwise."""
    from services.staff import is_office_staff, staff_point_ids

    points = ServicePoint.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
    if is_office_staff(user):
        return points
    return points.filter(pk__in=staff_point_ids(user))


def can_repost(user, point: ServicePoint) -> bool:
    return repostable_points(user).filter(pk=source_page(point).pk).exists()


def repost(notice: NoticePage, point: ServicePoint, user=None) -> tuple[NoticeRepost, bool]:
    """Repost `notice` to `point` (idempotent); returns (repost, created).

    Permission is the caller's business (see `can_repost`); only a live notice can be reposted.
    """
    notice, point = source_page(notice), source_page(point)
    if not notice.live:
        raise ValidationError(_("Only a published notice can be reposted."))
    existing = NoticeRepost.objects.filter(notice=notice, point=point).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            return NoticeRepost.objects.create(notice=notice, point=point, reposted_by=user), True
    except IntegrityError:  # a double click that raced past the check above
        return NoticeRepost.objects.get(notice=notice, point=point), False


def remove_repost(notice: NoticePage, point: ServicePoint) -> bool:
    """Undo a repost; True if there was one."""
    deleted, _ = NoticeRepost.objects.filter(
        notice=source_page(notice), point=source_page(point)
    ).delete()
    return bool(deleted)


def reposted_notices(point: ServicePoint, limit: int = 10) -> list[NoticePage]:
    """The live notices `point` reposted, newest publication first, in the point's locale."""
    source = source_page(point)
    notices = (
        NoticePage.objects.live()
        .public()
        .filter(reposts__point=source)
        .select_related("region")
        .order_by("-publication_date", "-reposts__reposted_at", "-pk")[:limit]
    )
    return localized_pages(notices, point.locale)


def reposting_points(notice: NoticePage) -> list[ServicePoint]:
    """The live points that reposted `notice`, earliest repost first, in the notice's locale."""
    points = (
        ServicePoint.objects.live()
        .filter(notice_reposts__notice=source_page(notice))
        .order_by("notice_reposts__reposted_at", "pk")
    )
    return localized_pages(points, notice.locale)
