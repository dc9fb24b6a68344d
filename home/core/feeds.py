"""RSS and Atom feeds of an index page's list, narrowed by the same query string as the list.

The directory and the notices both offer `feed/rss/` and `feed/atom/` beside their list; this
is what they share: the feed object carries the index, the parsed query and the request, links
are absolute and keep the filters, and a filter error answers 400 (a feed reader must not
silently follow a different list than the one subscribed to).
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils.feedgenerator import Rss201rev2Feed

from .querystring import query_url

# Feed readers poll; ten minutes of staleness is what they expect and spares the database.
FEED_CACHE_SECONDS = 600


@dataclass
class FeedSource:
    index: object  # the index page the list belongs to
    query: object  # its parsed query, with .params() and .errors
    request: object
    route: str  # the index's subpage route of this feed


class FilteredFeed(Feed):
    """RSS 2.0 of the list; subclasses give `title`, `description`, `items` and item texts."""

    feed_type = Rss201rev2Feed
    item_guid_is_permalink = True

    def __init__(self, source: FeedSource):
        super().__init__()
        self.source = source

    def get_object(self, request, *args, **kwargs):
        return self.source

    def link(self, obj):
        listing = query_url(obj.index.get_url(obj.request), obj.query.params())
        return obj.request.build_absolute_uri(listing)

    def feed_url(self, obj):
        url = obj.index.get_url(obj.request) + obj.index.reverse_subpage(obj.route)
        return obj.request.build_absolute_uri(query_url(url, obj.query.params()))

    def feed_guid(self, obj):
        return self.feed_url(obj)

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return self.source.request.build_absolute_uri(item.get_url(self.source.request))

    def item_guid(self, item):
        return self.item_link(item)


def filtered_feed_response(feed_class, source: FeedSource, ignored=("page",)) -> HttpResponse:
    """The feed for `source`, or 400 listing the query's errors (pagination aside)."""
    errors = {k: v for k, v in source.query.errors.items() if k not in ignored}
    if errors:
        return HttpResponse(
            "\n".join(errors.values()) + "\n", status=400, content_type="text/plain; charset=utf-8"
        )
    response = feed_class(source)(source.request)
    response["Cache-Control"] = f"public, max-age={FEED_CACHE_SECONDS}"
    return response
