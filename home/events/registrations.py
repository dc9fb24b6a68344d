"""Registering for an event: who may register when, the capacity and its waiting list.

`register()` is the one place that decides; the page's views and the tests call it. A
registration always belongs to the event's default-locale page (the source of the English
alias), so both languages count against the same capacity and the organisers see one list.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.core.locales import source_page
from services.models import OutboxEmail
from services.outbox import enqueue

from .models import EventPage, Registration

Status = Registration.Status

# How long the organisers keep the registrations once the event is over; the consent text
# says so, and `erase_expired_registrations` enforces it.
DEFAULT_RETENTION_DAYS = 180

SESSION_KEY = "event_registrations"


def retention_days() -> int:
    return int(getattr(settings, "EVENT_REGISTRATION_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def current_consent_version() -> str:
    """The version of the privacy notice a registrant agrees to (the site's privacy policy)."""
    return getattr(
        settings, "EVENT_REGISTRATION_CONSENT_VERSION", settings.CONSULTATION_CONSENT_VERSION
    )


# --- Which page registrations belong to -----------------------------------------------------


def source_event(event: EventPage) -> EventPage:
    """The default-locale page of an event (not an alias, not a translation)."""
    return source_page(event)


def confirmed_count(event: EventPage) -> int:
    if event.pk is None:  # a new page in the admin's preview
        return 0
    return Registration.objects.filter(event=event, status=Status.CONFIRMED).count()


def confirmed_counts(events) -> dict:
    """{translation_key: confirmed registrations} for pages of any locale, in one query."""
    keys = {event.translation_key for event in events}
    if not keys:
        return {}
    rows = (
        Registration.objects.filter(
            status=Status.CONFIRMED,
            event__translation_key__in=keys,
            event__locale__language_code=settings.LANGUAGE_CODE,
        )
        .values("event__translation_key")
        .annotate(n=Count("pk"))
        .values_list("event__translation_key", "n")
    )
    return dict(rows)


# --- Whether an event takes registrations -----------------------------------------------------


@dataclass(frozen=True)
class Availability:
    """What a visitor can do now: register, join the waiting list, or nothing (and why)."""

    OPEN = "open"
    WAITING_LIST = "waiting_list"
    CLOSED = "closed"
    NOT_ON_SITE = "not_on_site"

    state: str
    reason: str = ""  # for CLOSED: "started" or "deadline"
    confirmed: int = 0
    capacity: int | None = None

    @property
    def accepts(self) -> bool:
        return self.state in (self.OPEN, self.WAITING_LIST)

    @property
    def is_full(self) -> bool:
        return self.state == self.WAITING_LIST

    @property
    def is_closed(self) -> bool:
        return self.state == self.CLOSED

    @property
    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed, 0)

    @property
    def message(self) -> str:
        """Why the form looks the way it does, in the visitor's language."""
        if self.state == self.NOT_ON_SITE:
            return _("Registration for this event is not taken on this site.")
        if self.reason == "started":
            return _("Registration is closed: the event has started.")
        if self.reason == "deadline":
            return _("Registration is closed: the registration deadline has passed.")
        if self.state == self.WAITING_LIST:
            return _(
                "All places are taken. You can join the waiting list: if a place becomes free, "
                "the organisers contact the people on the list in order."
            )
        return ""


def availability(
    event: EventPage, *, confirmed: int | None = None, now: datetime.datetime | None = None
) -> Availability:
    """Whether `event` (any locale) takes registrations at `now`, given its confirmed count."""
    now = now or timezone.now()
    if confirmed is None:
        confirmed = confirmed_count(source_event(event))
    capacity = event.capacity
    if not event.registration_open:
        return Availability(Availability.NOT_ON_SITE, confirmed=confirmed, capacity=capacity)
    if now >= event.start:
        return Availability(Availability.CLOSED, "started", confirmed, capacity)
    if event.registration_deadline and now >= event.registration_deadline:
        return Availability(Availability.CLOSED, "deadline", confirmed, capacity)
    if capacity is not None and confirmed >= capacity:
        return Availability(Availability.WAITING_LIST, confirmed=confirmed, capacity=capacity)
    return Availability(Availability.OPEN, confirmed=confirmed, capacity=capacity)


class RegistrationClosed(Exception):
    """The event does not take registrations (any more); `availability` says why."""

    def __init__(self, availability: Availability):
        super().__init__(availability.message)
        self.availability = availability


# --- Registering -------------------------------------------------------------------------------


def register(
    event: EventPage,
    data: Mapping,
    nonce: str,
    *,
    language: str | None = None,
    consent_version: str | None = None,
    now: datetime.datetime | None = None,
) -> tuple[Registration, bool]:
    """Register someone for `event`; (registration, created).

    `data` holds name, organisation, phone and e-mail (already validated). The same nonce twice
    gives one registration. Raises RegistrationClosed when the event does not take any.
    Confirmed while confirmed registrations are below the capacity, waiting list after that.
    """
    existing = Registration.objects.filter(submission_nonce=nonce).first()
    if existing is not None:
        return existing, False
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    moment = now or timezone.now()
    source = source_event(event)
    try:
        with transaction.atomic():
            # Concurrent registrations of one event queue here. On PostgreSQL the row lock on
            # the event serialises them, so two people never both take the last place. SQLite
            # ignores select_for_update, but its transactions are IMMEDIATE (settings:
            # transaction_mode), i.e. every transaction holds the database's write lock from
            # its start, which serialises the count and the insert just as well.
            locked = EventPage.objects.select_for_update().get(pk=source.pk)
            state = availability(locked, confirmed=confirmed_count(locked), now=moment)
            if not state.accepts:
                raise RegistrationClosed(state)
            registration = Registration.objects.create(
                event=locked,
                name=data["name"],
                organisation=data.get("organisation", ""),
                phone=data.get("phone", ""),
                email=data.get("email", ""),
                status=Status.WAITING if state.is_full else Status.CONFIRMED,
                consent_version=consent_version or current_consent_version(),
                consented_at=moment,
                submission_nonce=nonce,
                created_at=moment,
            )
            if registration.email:
                send_confirmation(registration, locked, language)
    except IntegrityError:
        # Two identical posts racing: the other one won; answer with its registration.
        existing = Registration.objects.filter(submission_nonce=nonce).first()
        if existing is None:
            raise
        return existing, False
    return registration, True


def waiting_position(registration: Registration) -> int | None:
    """1 for the first person on the waiting list; None if not waiting."""
    if registration.status != Status.WAITING:
        return None
    ahead = (
        Registration.objects.filter(event_id=registration.event_id, status=Status.WAITING)
        .filter(
            Q(created_at__lt=registration.created_at)
            | Q(created_at=registration.created_at, pk__lt=registration.pk)
        )
        .count()
    )
    return ahead + 1


def localized_event(event: EventPage, language: str) -> EventPage:
    """The live page of `event` in `language`, or the event itself."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == event.locale_id:
        return event
    twin = (
        EventPage.objects.live()
        .filter(translation_key=event.translation_key, locale=locale)
        .first()
    )
    return twin or event


def send_confirmation(registration: Registration, event: EventPage, language: str):
    """Queue the confirmation (or waiting-list) e-mail, in the registrant's language."""

    page = localized_event(event, language)
    with translation.override(language):
        position = waiting_position(registration)
        if position is None:
            subject = _("Registration confirmed: %(title)s") % {"title": page.title}
        else:
            subject = _("On the waiting list: %(title)s") % {"title": page.title}
        body = render_to_string(
            "home/email/registration.txt",
            {
                "registration": registration,
                "event": page,
                "event_url": page.get_full_url(),
                "organisers": list(event.organisers.all()),
                "position": position,
                "retention_days": retention_days(),
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )
    return enqueue(
        kind=OutboxEmail.Kind.REGISTRATION, to=registration.email, subject=subject, body=body
    )


def erase_expired_registrations(now: datetime.datetime | None = None) -> int:
    """Delete the registrations of events that ended more than the retention period ago."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=retention_days())
    deleted, _counts = Registration.objects.filter(event__end__lt=cutoff).delete()
    return deleted
