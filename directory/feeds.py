"""RSS and Atom feeds of new and changed points, narrowed by the directory's own query string.

`/directory/feed/atom/?province=guangdong&service=P03` lists the points the directory would
list for that query, latest change first (a publication of the profile counts as a change), at
most FEED_SIZE of them. Each entry names the point, its category, place, qualifications and
services in the request's language, and links to its profile: no contact person, phone or
e-mail, and nothing about consultation requests.

Queries do not grow with the items: the matching set comes from the directory's in-memory
facts, one streamed query walks the points newest change first until FEED_SIZE match, and the
entries are loaded with their reference rows in a fixed number of queries.
"""

from dataclasses import replace

from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from home.core.feeds import FeedSource, FilteredFeed, filtered_feed_response
from home.core.querystring import query_url

from .filters import DirectoryQuery, parse_directory_query
from .listing import directory_locale, run_directory_query
from .models import DirectoryIndexPage, ServicePoint, Tier
from .names import label, place_label

FEED_SIZE = 50
# Up to this many matching points are ordered in SQL with an IN list; past it, the newest
# changes are streamed and filtered in Python (an IN list of 10,000 ids is slow, and SQLite
# caps the number of parameters).
IN_LIST_LIMIT = 500
ROUTES = {"rss": "points_feed_rss", "atom": "points_feed_atom"}
SHOWN_SERVICES = 8


def latest_changed(matching: list[int], limit: int) -> list[int]:
    """The ids among `matching` whose profiles changed last, newest first."""
    points = ServicePoint.objects.live().filter(locale=directory_locale())
    points = points.order_by("-last_published_at", "-pk")
    if len(matching) <= IN_LIST_LIMIT:
        return list(points.filter(pk__in=matching).values_list("pk", flat=True)[:limit])
    wanted = set(matching)
    found = []
    for pk in points.values_list("pk", flat=True).iterator(chunk_size=IN_LIST_LIMIT):
        if pk in wanted:
            found.append(pk)
            if len(found) == limit:
                break
    return found


def feed_items(query: DirectoryQuery, limit: int | None = None) -> list[ServicePoint]:
    # Every match, in any order: the feed orders by change, not by rank or distance.
    everything = replace(query, page=1, page_size=10**9)
    result = run_directory_query(everything, with_facets=False, load_points=False)
    pks = latest_changed(result.page_pks, limit or FEED_SIZE)
    by_pk = (
        ServicePoint.objects.filter(pk__in=pks)
        .select_related("category", "province", "city", "district")
        .prefetch_related("qualifications", "offerings__service")
        .in_bulk()
    )
    return [by_pk[pk] for pk in pks if pk in by_pk]


def describe(query: DirectoryQuery) -> list[str]:
    """The query's filters as words a reader knows, in the request's language."""
    parts = []
    if query.q:
        parts.append(_("“%(q)s”") % {"q": query.q})
    region = query.city or query.province
    if region is not None:
        parts.append(label(region))
    for value in (query.category, query.qualification, query.service, query.audience):
        if value is not None:
            parts.append(label(value))
    if query.tier:
        parts.append(str(Tier(query.tier).label))
    if query.near:
        parts.append(_("near %(lat).3f, %(lng).3f") % {"lat": query.near[0], "lng": query.near[1]})
    return parts


def feed_title(index: DirectoryIndexPage, query: DirectoryQuery) -> str:
    filters = describe(query)
    if filters:
        return _("New and changed points: %(filters)s") % {"filters": " · ".join(filters)}
    return _("New and changed points in %(directory)s") % {"directory": index.title}


def point_summary(point: ServicePoint) -> str:
    """One plain-text paragraph: category, place, qualifications, services."""
    parts = [
        _("%(category)s in %(place)s.")
        % {
            "category": label(point.category),
            "place": place_label(point.province, point.city, point.district),
        }
    ]
    qualifications = [label(q) for q in point.qualifications.all()]
    if qualifications:
        parts.append(_("Qualifications: %(list)s.") % {"list": ", ".join(qualifications)})
    offerings = list(point.offerings.all())
    if offerings:
        names = [label(o.service) for o in offerings[:SHOWN_SERVICES]]
        if len(offerings) > SHOWN_SERVICES:
            names.append("…")
        parts.append(_("Services: %(list)s.") % {"list": ", ".join(names)})
    return " ".join(parts)


class PointsRssFeed(FilteredFeed):
    def title(self, obj):
        return feed_title(obj.index, obj.query)

    def description(self, obj):
        return _("The service points of this list, latest new or changed profile first.")

    subtitle = description

    def items(self, obj):
        return feed_items(obj.query)

    def item_description(self, item):
        return point_summary(item)

    def item_pubdate(self, item):
        return item.first_published_at or item.last_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        return [label(item.category)]


class PointsAtomFeed(PointsRssFeed):
    feed_type = Atom1Feed


FEEDS = {"rss": PointsRssFeed, "atom": PointsAtomFeed}


def feed_path(index: DirectoryIndexPage, query: DirectoryQuery, kind: str, request=None) -> str:
    url = index.get_url(request) + index.reverse_subpage(ROUTES[kind])
    return query_url(url, query.params())


def feed_view(index: DirectoryIndexPage, request, kind: str):
    """RSS (`kind="rss"`) or Atom feed of the directory for the request's filters; 400 if a
    filter is invalid."""
    query = parse_directory_query(request.GET)
    source = FeedSource(index=index, query=query, request=request, route=ROUTES[kind])
    return filtered_feed_response(FEEDS[kind], source, ignored=("page", "page_size"))
