"""RSS and Atom feeds of upcoming events."""

import logging

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .listing import for_cards, upcoming_events
from .models import EventIndexPage
from .pages import format_range, place_text

logger = logging.getLogger(__name__)


# --- Feeds of upcoming events -------------------------------------------------------------------


FEED_SIZE = 50


class UpcomingEventsRss(Feed):
    """The upcoming events of one index page (RSS 2.0)."""

    feed_type = Rss201rev2Feed

    def __init__(self, index: EventIndexPage):
        super().__init__()
        self.index = index
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index

    def title(self, obj):
        return _("%(title)s: upcoming events") % {"title": obj.title}

    def link(self, obj):
        return obj.get_url(self.request)

    def description(self, obj):
        return obj.intro or obj.get_meta_description()

    def items(self, obj):
        return list(for_cards(upcoming_events(obj))[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_description(self, item):
        place = place_text(item)
        return "\n".join(
            [
                f"{item.get_kind_display()} · {format_range(item.start, item.end)} · {place}",
                strip_tags(item.summary),
            ]
        )

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_kind_display()]


class UpcomingEventsAtom(UpcomingEventsRss):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


def feed_view(request, index: EventIndexPage, kind: str):
    if kind not in ("rss", "atom"):
        raise Http404
    feed = UpcomingEventsAtom(index) if kind == "atom" else UpcomingEventsRss(index)
    return feed(request)
