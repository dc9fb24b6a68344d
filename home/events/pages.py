"""One event's page: organisers, place, schema.org description, and the registration views."""

import datetime
import logging

from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from directory.models import ServicePoint
from home.core import limits
from home.core.abuse import client_ip, client_key
from home.core.jsonld import json_ld

from . import registrations
from .forms import RegistrationForm
from .models import EventPage, Registration

logger = logging.getLogger(__name__)


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
    return json_ld(data)


def subpage_url(event, request, name: str) -> str:
    base = event.get_url(request) or ""
    return base.rstrip("/") + "/" + event.reverse_subpage(name)


def event_context(request, event: EventPage, *, form=None, state=None, alert="") -> dict:

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
        "form_alert": alert,
        "json_ld": event_json_ld(event, organisers, request),
        "ics_url": subpage_url(event, request, "ics"),
        "audiences": list(event.audiences.all()),
        "services": list(event.services.all()),
    }


# --- Registering through the page ----------------------------------------------------------------


def within_rate_limit(request) -> bool:
    """Count one registration attempt of the client's IP; False once over the limit.

    Counted in the database (home/core/limits.py), so every worker sees the same count.
    """
    count, window = registrations.rate_limit()
    key = f"event-registration:{client_key(client_ip(request))}"
    return limits.hit(key, count, window)


def already_registered_message(field: str) -> str:
    if field == "email":
        text = _("You are already registered for this event with this e-mail address.")
    else:
        text = _("You are already registered for this event with this phone number.")
    return " ".join(
        (
            text,
            _(
                "To cancel, open the cancellation link in your confirmation e-mail or on the "
                "page shown after registering; if you no longer have it, contact the organisers."
            ),
        )
    )


# The answer has the visitor's own entries in it: no copy anywhere.
@never_cache
def register_view(request, event: EventPage):
    """POST: register and redirect to the receipt; errors re-show the page with the form."""

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
    status, alert, headers = 400, "", {}
    if form.is_valid() and not within_rate_limit(request):
        form.add_error(
            None,
            _(
                "Too many registrations have been sent from your network in a short time, so "
                "this one was not accepted. Your entries are still here: please send again "
                "later, or register with the organisers by phone."
            ),
        )
        status, headers = 429, {"Retry-After": str(registrations.rate_limit()[1])}
    elif form.is_valid():
        try:
            registration, _created = registrations.register(
                event, form.cleaned_data, form.nonce, language=translation.get_language()
            )
        except registrations.RegistrationClosed as closed:
            state, status = closed.availability, 409
        except registrations.AlreadyRegistered as duplicate:
            alert = already_registered_message(duplicate.field)
            form.add_error(duplicate.field, _("Already registered for this event."))
            status = 409
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
    response = event.render(request, form=form, state=state, alert=alert)
    response.status_code = status
    for name, value in headers.items():
        response[name] = value
    return response


def remember(request, registration: Registration) -> None:
    """The receipt is found through the session: no registration id in the URL."""
    stored = dict(request.session.get(registrations.SESSION_KEY, {}))
    stored[str(registration.event_id)] = registration.pk
    request.session[registrations.SESSION_KEY] = stored


@never_cache
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
            "cancel_url": registrations.cancel_url(event, registration, request),
            "landing": {"title": _("Registration received")},
            "noindex": True,
        },
    )


# --- Cancelling through the private link ---------------------------------------------------------


@never_cache
def cancel_view(request, event: EventPage, token: str):
    """GET: who and what, and a button; POST: cancel, then show the same page cancelled.

    Never on GET: mail scanners and link previews open links. A token of another event, or
    none, is a 404.
    """
    registration = registrations.registration_for_token(event, token)
    if registration is None:
        raise Http404
    if request.method == "POST":
        registrations.cancel(registration)
        return redirect(registrations.cancel_url(event, registration, request))
    return TemplateResponse(
        request,
        "home/event_cancel.html",
        {
            "page": event,
            "self": event,
            "registration": registration,
            "position": registrations.waiting_position(registration),
            "landing": {"title": _("Cancel your registration")},
            "noindex": True,
        },
    )
