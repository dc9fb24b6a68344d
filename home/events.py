"""Events on the site: the listing and its query string, an event's page, its registration
views, its iCalendar file, the feeds of upcoming events and its schema.org description.

The page models (home/models/events.py) route requests here; the rules of registering live in
home/registrations.py.
"""

import datetime
import json
import logging
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from directory.filters import parse_int, unknown_value_message
from directory.models import Audience, Region, ServicePoint
from services.models import ServiceItem

from . import registrations
from .models import EventIndexPage, EventKind, EventPage, Registration

logger = logging.getLogger(__name__)

PAGE_SIZE = 20
FEED_SIZE = 50
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
        if page > 1:
            params["page"] = str(page)
        return f"{base_url}?{urlencode(params)}" if params else base_url


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


# --- One event -----------------------------------------------------------------------------------


def localized_organisers(event: EventPage) -> list[ServicePoint]:
    """The organising points, as pages of the event's own locale where they exist.

    An English alias keeps the Chinese page's links; its visitors should land on the English
    profiles.
    """
    organisers = list(event.organisers.all())
    if not organisers or all(point.locale_id == event.locale_id for point in organisers):
        return organisers
    twins = {
        point.translation_key: point
        for point in ServicePoint.objects.live().filter(
            translation_key__in=[point.translation_key for point in organisers],
            locale_id=event.locale_id,
        )
    }
    return [twins.get(point.translation_key, point) for point in organisers]


def place_text(event: EventPage) -> str:
    if event.online:
        return _("Online")
    parts = [event.venue, event.address]
    return ", ".join(part for part in parts if part)


def format_range(start: datetime.datetime, end: datetime.datetime) -> str:
    """“2026-12-01 14:00–16:00” or “2026-12-01 09:00 – 2026-12-02 17:00”, Beijing time."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    if start.date() == end.date():
        text = f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
    else:
        text = f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}"
    return _("%(range)s (Beijing time)") % {"range": text}


def event_json_ld(event: EventPage, organisers, request=None) -> str:
    """schema.org Event, ready to place in a <script type="application/ld+json">."""
    url = event.get_full_url(request)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "name": event.title,
        "url": url,
        "description": event.summary,
        "startDate": timezone.localtime(event.start).isoformat(),
        "endDate": timezone.localtime(event.end).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"
        if event.online
        else "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": "zh-Hans",
    }
    if event.online:
        data["location"] = {"@type": "VirtualLocation", "url": event.online_url}
    else:
        address = {
            "@type": "PostalAddress",
            "addressCountry": "CN",
            "streetAddress": event.address,
        }
        if event.region_id:
            address["addressLocality"] = event.region.name
            if event.region.parent_id:
                address["addressRegion"] = event.region.parent.name
        data["location"] = {"@type": "Place", "name": event.venue, "address": address}
    if organisers:
        data["organizer"] = [
            {"@type": "Organization", "name": point.title, "url": point.get_full_url(request)}
            for point in organisers
        ]
    if event.capacity is not None:
        data["maximumAttendeeCapacity"] = event.capacity
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def subpage_url(event, request, name: str) -> str:
    base = event.get_url(request) or ""
    return base.rstrip("/") + "/" + event.reverse_subpage(name)


def event_context(request, event: EventPage, *, form=None, state=None) -> dict:
    from .forms_events import RegistrationForm

    organisers = localized_organisers(event)
    if state is None:
        state = registrations.availability(event)
    if form is None and state.accepts:
        form = RegistrationForm(
            organisers=organisers,
            action=subpage_url(event, request, "register"),
            waiting_list=state.is_full,
        )
    return {
        "organisers": organisers,
        "availability": state,
        "form": form if state.accepts else None,
        "json_ld": event_json_ld(event, organisers, request),
        "ics_url": subpage_url(event, request, "ics"),
        "audiences": list(event.audiences.all()),
        "services": list(event.services.all()),
    }


# --- Registering through the page ----------------------------------------------------------------


def register_view(request, event: EventPage):
    """POST: register and redirect to the receipt; errors re-show the page with the form."""
    from .forms_events import RegistrationForm

    if request.method != "POST":
        return redirect(event.get_url(request))
    organisers = localized_organisers(event)
    state = registrations.availability(event)
    form = RegistrationForm(
        request.POST,
        organisers=organisers,
        action=subpage_url(event, request, "register"),
        waiting_list=state.is_full,
    )
    status = 400
    if form.is_valid():
        try:
            registration, _created = registrations.register(
                event, form.cleaned_data, form.nonce, language=translation.get_language()
            )
        except registrations.RegistrationClosed as closed:
            state, status = closed.availability, 409
        except DatabaseError:
            logger.exception("Event registration could not be saved")
            form.add_error(
                None,
                _(
                    "Your registration could not be saved because of a fault on our side; "
                    "nothing was stored. Your entries are still here: please send again in a "
                    "few minutes."
                ),
            )
            status = 503
        else:
            remember(request, registration)
            return redirect(subpage_url(event, request, "registered"))
    response = event.render(request, form=form, state=state)
    response.status_code = status
    return response


def remember(request, registration: Registration) -> None:
    """The receipt is found through the session: no registration id in the URL."""
    stored = dict(request.session.get(registrations.SESSION_KEY, {}))
    stored[str(registration.event_id)] = registration.pk
    request.session[registrations.SESSION_KEY] = stored


def registered_view(request, event: EventPage):
    source = registrations.source_event(event)
    pk = request.session.get(registrations.SESSION_KEY, {}).get(str(source.pk))
    registration = Registration.objects.filter(pk=pk or 0, event=source).first()
    if registration is None:
        return redirect(event.get_url(request))
    return TemplateResponse(
        request,
        "home/event_registered.html",
        {
            "page": event,
            "self": event,
            "registration": registration,
            "position": registrations.waiting_position(registration),
            "organisers": localized_organisers(event),
            "ics_url": subpage_url(event, request, "ics"),
            "landing": {"title": _("Registration received")},
            "noindex": True,
        },
    )


# --- iCalendar (RFC 5545) ------------------------------------------------------------------------


def ics_escape(text: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and line breaks."""
    text = str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def ics_fold(line: str, limit: int = 75) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    if len(line.encode("utf-8")) <= limit:
        return line
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            # Continuation lines start with a space, which counts towards their 75 octets.
            current, size, limit = "", 1, 75
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def ics_datetime(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def ics_host() -> str:
    return urlsplit(settings.SITE_BASE_URL).hostname or "localhost"


def event_uid(event: EventPage) -> str:
    """Stable across languages and edits: the default-locale page's id and the site's host."""
    source = registrations.source_event(event)
    return f"event-{source.pk}@{ics_host()}"


def event_ics(event: EventPage, request=None, now: datetime.datetime | None = None) -> str:
    now = now or timezone.now()
    organisers = localized_organisers(event)
    url = event.get_full_url(request)
    description = [event.summary, "", format_range(event.start, event.end)]
    if organisers:
        description.append(
            _("Organisers: %(names)s") % {"names": ", ".join(p.title for p in organisers)}
        )
    if event.online and event.online_url:
        description.append(_("Online link: %(url)s") % {"url": event.online_url})
    description.append(url)
    location = f"{_('Online')}: {event.online_url}" if event.online else place_text(event)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//IP Information Public Service Network//Events//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{event_uid(event)}",
        f"DTSTAMP:{ics_datetime(now)}",
        f"DTSTART:{ics_datetime(event.start)}",
        f"DTEND:{ics_datetime(event.end)}",
        f"SUMMARY:{ics_escape(event.title)}",
        f"LOCATION:{ics_escape(location)}",
        f"DESCRIPTION:{ics_escape(chr(10).join(description))}",
        f"URL:{url}",
    ]
    if event.last_published_at:
        lines.append(f"LAST-MODIFIED:{ics_datetime(event.last_published_at)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(ics_fold(line) + "\r\n" for line in lines)


def ics_view(request, event: EventPage) -> HttpResponse:
    response = HttpResponse(
        event_ics(event, request).encode("utf-8"), content_type="text/calendar; charset=utf-8"
    )
    source = registrations.source_event(event)
    response["Content-Disposition"] = f'attachment; filename="event-{source.pk}.ics"'
    return response


# --- Feeds of upcoming events -------------------------------------------------------------------


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
