"""The event listing: its query string, filters and the upcoming and past lists."""

import datetime
import logging
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Audience, Region, ServiceItem
from home.core.querystring import parse_int, query_url, unknown_value_message

from . import registrations
from .models import EventIndexPage, EventKind, EventPage

logger = logging.getLogger(__name__)


PAGE_SIZE = 20
UPCOMING, PAST = "upcoming", "past"
FILTER_PARAMS = ("kind", "province", "city", "service", "audience", "online")


# --- The listing's query string ----------------------------------------------------------------


@dataclass(frozen=True)
class EventQuery:
    when: str = UPCOMING
    kind: str = ""
    province: Region | None = None
    city: Region | None = None
    service: ServiceItem | None = None
    audience: Audience | None = None
    online: bool = False
    page: int = 1
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def is_past(self) -> bool:
        return self.when == PAST

    def is_filtered(self) -> bool:
        return any(getattr(self, name) for name in FILTER_PARAMS)

    def params(self) -> dict[str, str]:
        """The query string that reproduces this query (links, canonical URL, pagination)."""
        values = {
            "when": PAST if self.is_past else "",
            "kind": self.kind,
            "province": (self.province.slug or self.province.adcode) if self.province else "",
            "city": self.city.adcode if self.city else "",
            "service": self.service.code if self.service else "",
            "audience": self.audience.code if self.audience else "",
            "online": "1" if self.online else "",
        }
        return {key: value for key, value in values.items() if value}

    def url(self, base_url: str, **changes) -> str:
        params = replace(self, **changes).params() if changes else self.params()
        page = changes.get("page", self.page)
        return query_url(base_url, params, page)


def _reference(model, code: str):
    return model.objects.filter(code=code, locale__language_code=settings.LANGUAGE_CODE).first()


def _region(value: str, level: int) -> Region | None:
    regions = Region.objects.filter(level=level, locale__language_code=settings.LANGUAGE_CODE)
    if value.isdigit():
        return regions.filter(adcode=value).first()
    return regions.filter(slug=value).first() or regions.filter(name=value).first()


def parse_event_query(data) -> EventQuery:
    """A QueryDict (or any mapping of str) as an EventQuery; bad values become messages."""
    errors: dict[str, str] = {}
    get = lambda name: str(data.get(name, "") or "").strip()  # noqa: E731
    values: dict = {}

    when = get("when")
    if when == PAST:
        values["when"] = PAST
    elif when not in ("", UPCOMING):
        errors["when"] = _("“when” must be “upcoming” or “past”; upcoming events are shown.")

    if kind := get("kind"):
        if kind in EventKind.values:
            values["kind"] = kind
        else:
            errors["kind"] = _("There is no event kind “%(value)s”.") % {"value": kind[:40]}

    if raw := get("city"):
        values["city"] = _region(raw[:60], Region.Level.CITY)
        if values["city"] is None:
            errors["city"] = unknown_value_message("city", raw[:60])
    if raw := get("province"):
        values["province"] = _region(raw[:60], Region.Level.PROVINCE)
        if values["province"] is None:
            errors["province"] = unknown_value_message("province", raw[:60])

    for name, model in (("service", ServiceItem), ("audience", Audience)):
        if raw := get(name):
            values[name] = _reference(model, raw[:40])
            if values[name] is None:
                errors[name] = unknown_value_message(name, raw[:40])

    online = get("online")
    if online in ("1", "true", "on"):
        values["online"] = True
    elif online not in ("", "0"):
        errors["online"] = _("“online” must be 1 (online events only) or left out.")

    page = parse_int(get("page"), 1)
    if page is None or page < 1:
        errors["page"] = _("The page must be a whole number from 1.")
        page = 1

    city, province = values.get("city"), values.get("province")
    if city and province and city.parent_id != province.pk:
        errors["city"] = _("This city is not in the chosen province.")
        values["city"] = None

    return EventQuery(**values, page=page, errors=errors)


# --- The listing ---------------------------------------------------------------------------------


def live_events(index: EventIndexPage):
    """The published, public events of an index (so of its locale)."""
    return EventPage.objects.child_of(index).live().public()


def upcoming_events(index: EventIndexPage, now: datetime.datetime | None = None):
    now = now or timezone.now()
    return live_events(index).filter(end__gte=now).order_by("start", "pk")


def filtered_events(index: EventIndexPage, query: EventQuery, now=None, events=None):
    now = now or timezone.now()
    events = live_events(index) if events is None else events
    if query.is_past:
        events = events.filter(end__lt=now).order_by("-start", "-pk")
    else:
        events = events.filter(end__gte=now).order_by("start", "pk")
    if query.kind:
        events = events.filter(kind=query.kind)
    if query.city:
        events = events.filter(region=query.city)
    elif query.province:
        events = events.filter(region__parent=query.province)
    # One service and one audience match at most one row each: no duplicates, no DISTINCT.
    if query.service:
        events = events.filter(services=query.service)
    if query.audience:
        events = events.filter(audiences=query.audience)
    if query.online:
        events = events.filter(online=True)
    return events


def for_cards(events):
    """Everything an event card shows, in a fixed number of queries."""
    return events.select_related("region", "region__parent").prefetch_related("organisers")


def with_availability(events: list[EventPage], now=None) -> list[EventPage]:
    """Set `availability` on each event (confirmed counts in one query)."""
    counts = registrations.confirmed_counts(events)
    for event in events:
        event.availability = registrations.availability(
            event, confirmed=counts.get(event.translation_key, 0), now=now
        )
    return events


@dataclass
class EventListing:
    query: EventQuery
    events: list
    total: int
    page: int
    num_pages: int

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def run_event_query(index: EventIndexPage, query: EventQuery, now=None, events=None):
    now = now or timezone.now()
    events = filtered_events(index, query, now, events)
    total = events.count()
    num_pages = max(1, -(-total // PAGE_SIZE))
    page = min(query.page, num_pages)
    rows = list(for_cards(events)[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
    if not query.is_past:
        with_availability(rows, now)
    return EventListing(query=query, events=rows, total=total, page=page, num_pages=num_pages)


def filter_options(index: EventIndexPage, events=None) -> dict:
    """Choices of the filter form: only values some event of this index has."""
    events = (live_events(index) if events is None else events).order_by()
    default = {"locale__language_code": settings.LANGUAGE_CODE}
    return {
        "kinds": EventKind.choices,
        "provinces": list(
            Region.objects.filter(
                level=Region.Level.PROVINCE, pk__in=events.values("region__parent"), **default
            ).order_by("adcode")
        ),
        "services": list(
            ServiceItem.objects.filter(pk__in=events.values("services"), **default).order_by(
                "sort_order", "code"
            )
        ),
        "audiences": list(
            Audience.objects.filter(pk__in=events.values("audiences"), **default).order_by(
                "sort_order", "code"
            )
        ),
    }


def index_context(request, index: EventIndexPage) -> dict:
    query = parse_event_query(request.GET)
    events = live_events(index)  # one look-up of view restrictions for both uses
    listing = run_event_query(index, query, events=events)
    base_url = index.get_url(request) or ""
    canonical = query.url(base_url, page=listing.page)
    feed_base = base_url.rstrip("/") + "/"
    return {
        "query": query,
        "result": listing,
        "events": listing.events,
        "base_url": base_url,
        "options": filter_options(index, events),
        "upcoming_url": query.url(base_url, when=UPCOMING, page=1),
        "past_url": query.url(base_url, when=PAST, page=1),
        "clear_url": EventQuery(when=query.when).url(base_url),
        "canonical_url": request.build_absolute_uri(canonical),
        "previous_url": query.url(base_url, page=listing.page - 1) if listing.has_previous else "",
        "next_url": query.url(base_url, page=listing.page + 1) if listing.has_next else "",
        "rss_url": feed_base + index.reverse_subpage("feed_rss"),
        "atom_url": feed_base + index.reverse_subpage("feed_atom"),
        # Filter mixes and bad values stay out of search engines' indexes.
        "noindex": bool(query.is_filtered() or query.errors),
    }
