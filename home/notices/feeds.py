"""RSS and Atom feeds of a notice index, narrowed by the same query string as the list."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from home.core.querystring import query_url

from .listing import (
    NoticeQuery,
    feed_title,
    filter_notices,
    live_notices,
    parse_notice_query,
)
from .models import NoticeIndexPage, NoticeKind

FEED_SIZE = 50


# --- Feeds -----------------------------------------------------------------------------------


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
