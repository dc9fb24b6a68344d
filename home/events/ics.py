"""An event as an iCalendar file (RFC 5545)."""

import datetime
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import registrations
from .models import EventPage
from .pages import format_range, localized_organisers, place_text

logger = logging.getLogger(__name__)


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
