"""Registering for an event: who may register when, the capacity and its waiting list.

`register()` is the one place that decides; the page's views and the tests call it. A
registration always belongs to the event's default-locale page (the source of the English
alias), so both languages count against the same capacity and the organisers see one list.

One live registration per phone and per e-mail address and event (`AlreadyRegistered`); a
registrant cancels through the private link of their e-mail and receipt (`cancel()`), an editor
in the admin (the same function); the place that frees up goes to the first person on the
waiting list, who is told by e-mail (`promote_waiting()`).
"""

import contextlib
import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from home.core.locales import source_page
from home.core.validation import normalise_phone
from services.models import OutboxEmail
from services.outbox import enqueue

from .models import EventPage, Registration

Status = Registration.Status

# How long the organisers keep the registrations once the event is over; the consent text
# says so, and `erase_expired_registrations` enforces it.
DEFAULT_RETENTION_DAYS = 180

SESSION_KEY = "event_registrations"

DEFAULT_RATE_LIMIT = "10/3600"


def rate_limit() -> tuple[int, int]:
    """(registrations, window in seconds) per client IP: EVENT_REGISTRATION_RATE_LIMIT."""
    value = str(getattr(settings, "EVENT_REGISTRATION_RATE_LIMIT", DEFAULT_RATE_LIMIT))
    count, window = value.split("/", 1)
    return int(count), int(window)


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
                "All places are taken. You can join the waiting list: when a place becomes free, "
                "it goes to the first person on the list, who is told by e-mail."
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


class AlreadyRegistered(Exception):
    """A live registration of the event has the same phone or e-mail; `field` says which."""

    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


def normalised_contact(data: Mapping) -> tuple[str, str]:
    """(phone, e-mail) as stored and compared: the form's normal forms, whoever calls."""
    phone = (data.get("phone") or "").strip()
    if phone:
        # A number the form would not take is compared as it is.
        with contextlib.suppress(ValidationError):
            phone = normalise_phone(phone)
    return phone, (data.get("email") or "").strip().lower()


def live_registrations(event: EventPage):
    """The confirmed and waiting registrations of `event` (its source page)."""
    return Registration.objects.filter(event=event).exclude(status=Status.CANCELLED)


def duplicate_field(event: EventPage, phone: str, email: str) -> str | None:
    """`"phone"` or `"email"` if a live registration of `event` (source page) already has it."""
    live = live_registrations(event)
    if phone and live.filter(phone=phone).exists():
        return "phone"
    if email and live.filter(email=email).exists():
        return "email"
    return None


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
    gives one registration. Raises RegistrationClosed when the event does not take any, and
    AlreadyRegistered when a live registration of the event has the same phone or e-mail.
    Confirmed while confirmed registrations are below the capacity, waiting list after that.
    """
    existing = Registration.objects.filter(submission_nonce=nonce).first()
    if existing is not None:
        return existing, False
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    moment = now or timezone.now()
    source = source_event(event)
    phone, email = normalised_contact(data)
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
            # Checked under the same lock, so of two people racing with one phone the second
            # is told; the partial unique indexes (models.py) back it up.
            if field := duplicate_field(locked, phone, email):
                raise AlreadyRegistered(field)
            registration = Registration.objects.create(
                event=locked,
                name=data["name"],
                organisation=data.get("organisation", ""),
                phone=phone,
                email=email,
                status=Status.WAITING if state.is_full else Status.CONFIRMED,
                language=language,
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
        if existing is not None:
            return existing, False
        # The same person twice at once (a constraint the lock did not serialise).
        if field := duplicate_field(source, phone, email):
            raise AlreadyRegistered(field) from None
        raise
    return registration, True


# --- Cancelling and the waiting list -------------------------------------------------------------


def registration_for_token(event: EventPage, token: str) -> Registration | None:
    """The registration of `event` (any locale) whose cancellation link carries `token`."""
    if not token or len(token) > 64:
        return None
    return Registration.objects.filter(event=source_event(event), cancel_token=token).first()


def cancel(
    registration: Registration, *, now: datetime.datetime | None = None
) -> tuple[bool, list[Registration]]:
    """Cancel `registration`; (whether it was live until now, the people promoted).

    Cancelling twice (two clicks, an editor and the registrant at once) cancels once and
    promotes once: the status is read again under the event's lock.
    """
    moment = now or timezone.now()
    with transaction.atomic():
        locked = lock_event(registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Status.CANCELLED:
            return False, []
        current.status = Status.CANCELLED
        current.cancelled_at = moment
        current.save(update_fields=["status", "cancelled_at"])
        registration.status, registration.cancelled_at = current.status, current.cancelled_at
        promoted = promote_waiting(locked, now=moment)
    return True, promoted


def lock_event(event_id: int) -> EventPage:
    """The event row, locked until the transaction ends.

    PostgreSQL: a row lock that queues every other registration, cancellation and promotion of
    the event. SQLite ignores select_for_update, but its transactions are IMMEDIATE (settings:
    transaction_mode), so the whole database is locked for writing from the start: the same
    order, coarser.
    """
    return EventPage.objects.select_for_update().get(pk=event_id)


def promote_waiting(event: EventPage, *, now: datetime.datetime | None = None) -> list:
    """Confirm the first people on the waiting list while places are free; e-mail each one.

    Call inside a transaction holding `lock_event(event)`: the count and the updates then see
    no one else's, so the event is never over-filled. Nobody is promoted once the event has
    started (a place that late helps no one, and the e-mail would come too late).
    """
    moment = now or timezone.now()
    if moment >= event.start:
        return []
    waiting = Registration.objects.filter(event=event, status=Status.WAITING).order_by(
        "created_at", "pk"
    )
    if event.capacity is not None:
        free = event.capacity - confirmed_count(event)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = Status.CONFIRMED
        registration.save(update_fields=["status"])
        if registration.email:
            send_confirmation(registration, event, registration.language, promoted=True)
    return promoted


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


# The subjects of the registration e-mails, by occasion. The retention purge recognises an
# event's e-mails by them (OutboxEmail has no link to a registration).
SUBJECTS = {
    "confirmed": gettext_lazy("Registration confirmed: %(title)s"),
    "waiting": gettext_lazy("On the waiting list: %(title)s"),
    "promoted": gettext_lazy("A place became free: you are registered for %(title)s"),
}


def email_subject(occasion: str, title: str) -> str:
    """The subject as the outbox stores it (services/outbox.py: one line, 200 characters)."""
    return " ".join((str(SUBJECTS[occasion]) % {"title": title}).split())[:200]


def cancel_url(page: EventPage, registration: Registration, request=None) -> str:
    """The private link that cancels `registration`, on `page` (the registrant's language)."""
    base = (page.get_full_url(request) or "").rstrip("/") + "/"
    return base + page.reverse_subpage("cancel", args=[registration.cancel_token])


def send_confirmation(
    registration: Registration, event: EventPage, language: str, *, promoted: bool = False
):
    """Queue the confirmation, waiting-list or "a place became free" e-mail, in the
    registrant's language, with the private cancellation link."""

    page = localized_event(event, language)
    with translation.override(language):
        position = None if promoted else waiting_position(registration)
        occasion = "confirmed" if position is None else "waiting"
        if promoted:
            occasion = "promoted"
        subject = email_subject(occasion, page.title)
        body = render_to_string(
            "home/email/registration.txt",
            {
                "registration": registration,
                "event": page,
                "event_url": page.get_full_url(),
                "cancel_url": cancel_url(page, registration),
                "organisers": list(event.organisers.all()),
                "position": position,
                "promoted": promoted,
                "retention_days": retention_days(),
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )
    return enqueue(
        kind=OutboxEmail.Kind.REGISTRATION, to=registration.email, subject=subject, body=body
    )


def registration_emails(event: EventPage, registration: Registration):
    """The outbox rows of the e-mails sent to `registration` about `event`, sent or not.

    OutboxEmail has no link to a registration, so they are recognised by recipient and either
    the cancellation link (unique to the registration) in the body or a subject
    `send_confirmation` writes for one of the event's pages (any locale's title, any language;
    e-mails from before the links existed).
    """
    titles = set(
        EventPage.objects.filter(translation_key=event.translation_key).values_list(
            "title", flat=True
        )
    )
    subjects = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            subjects |= {email_subject(o, t) for o in SUBJECTS for t in titles}
    marker = f"/cancel/{registration.cancel_token}/"
    return OutboxEmail.objects.filter(
        Q(subject__in=subjects) | Q(body__contains=marker),
        kind=OutboxEmail.Kind.REGISTRATION,
        to_address=registration.email,
    )


def erase_expired_registrations(now: datetime.datetime | None = None) -> int:
    """Delete the registrations of events that ended more than the retention period ago, and
    the e-mails about them still in the outbox (sent or not)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=retention_days())
    expired = Registration.objects.filter(event__end__lt=cutoff)
    deleted = 0
    with transaction.atomic():
        for event in EventPage.objects.filter(pk__in=expired.values("event_id")):
            rows = Registration.objects.filter(event=event)
            for registration in rows.exclude(email=""):
                registration_emails(event, registration).delete()
            count, _counts = rows.delete()
            deleted += count
    return deleted
