"""RSS and Atom feeds of a notice index, narrowed by the same query string as the list."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from home.core.feeds import FeedSource, FilteredFeed, filtered_feed_response

from .listing import (
    feed_title,
    filter_notices,
    live_notices,
    parse_notice_query,
)
from .models import NoticeIndexPage, NoticeKind

FEED_SIZE = 50


# --- Feeds -----------------------------------------------------------------------------------


class NoticeRssFeed(FilteredFeed):
    """The index's latest notices (at most FEED_SIZE) for the filters in the query string."""

    def title(self, obj):
        return feed_title(obj.index, obj.query)

    def description(self, obj):
        return obj.index.intro or obj.index.get_meta_description()

    subtitle = description

    def items(self, obj):
        return list(filter_notices(live_notices(obj.index), obj.query)[:FEED_SIZE])

    def item_description(self, item):
        return item.summary

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
    source = FeedSource(index=index, query=query, request=request, route=f"notice_feed_{kind}")
    return filtered_feed_response(FEEDS[kind], source)
