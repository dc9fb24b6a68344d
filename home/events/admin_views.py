"""Admin for events: the organisers' list and CSV of an event's registrations.

`/admin/events/<event_id>/registrations.csv` and the list `/admin/events/<event_id>/registrations/`
(where a registration is cancelled, POST `…/registrations/<id>/cancel/`, and the freed place goes
to the first person on the waiting list) are for the IP office and for the staff of the
event's organising points; anybody else with admin access gets a 404 (the event's list is not
theirs to know of), people without it Wagtail's login or refusal. The edit view of an event
and its listing row carry a link to it for those who may edit events (the office); point
staff, who cannot edit events, find their points' events with the links on the dashboard.
"""

import csv
import datetime
import io

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.models import Locale

from directory.models import ServicePoint
from home.core.spreadsheets import neutralise
from services.staff import is_office_staff, staff_point_ids

from .models import EventPage, Registration
from .registrations import cancel, source_event


def organiser_point_ids(event: EventPage) -> set[int]:
    """The default-locale pages of the event's organisers (the ones staff groups belong to)."""
    keys = list(event.organisers.values_list("translation_key", flat=True))
    return set(
        ServicePoint.objects.filter(
            translation_key__in=keys, locale=Locale.get_default(), alias_of__isnull=True
        ).values_list("pk", flat=True)
    )


def can_download_registrations(user, event: EventPage) -> bool:
    if not user.is_authenticated:
        return False
    if is_office_staff(user):
        return True
    points = staff_point_ids(user)
    return bool(points and points & organiser_point_ids(source_event(event)))


def registrations_csv(event: EventPage) -> bytes:
    header = [
        _("Registered at (Beijing time)"),
        _("Name"),
        _("Organisation"),
        _("Phone"),
        _("E-mail"),
        _("Status"),
        _("Privacy notice version"),
        _("Consent given at (Beijing time)"),
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for registration in Registration.objects.filter(event=event).order_by("created_at", "pk"):
        row = [
            timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M:%S"),
            registration.name,
            registration.organisation,
            registration.phone,
            registration.email,
            str(registration.get_status_display()),
            registration.consent_version,
            timezone.localtime(registration.consented_at).strftime("%Y-%m-%d %H:%M:%S"),
        ]
        writer.writerow([neutralise(str(cell)) for cell in row])
    # The BOM tells Excel the file is UTF-8; without it Chinese comes out garbled.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def registrations_csv_view(request, event_id: int):
    event = get_object_or_404(EventPage, pk=event_id)
    if not can_download_registrations(request.user, event):
        raise Http404
    source = source_event(event)
    response = HttpResponse(registrations_csv(source), content_type="text/csv; charset=utf-8")
    filename = f"event-{source.pk}-registrations-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def registrations_buttons(page, user, priority):
    if page.specific_class is not EventPage:
        return
    event = page.specific_deferred if not isinstance(page, EventPage) else page
    if can_download_registrations(user, event):
        yield Button(
            gettext_lazy("Registrations"),
            reverse("event_registrations", args=[page.pk]),
            icon_name="group",
            priority=priority,
        )
        yield Button(
            gettext_lazy("Registrations (CSV)"),
            reverse("event_registrations_csv", args=[page.pk]),
            icon_name="download",
            priority=priority,
        )


# --- The list, where organisers cancel a registration -----------------------------------------


def event_for_organisers(user, event_id: int) -> EventPage:
    """The event's default-locale page, if `user` may see its registrations; else 404."""
    event = get_object_or_404(EventPage, pk=event_id)
    if not can_download_registrations(user, event):
        raise Http404
    return source_event(event)


class RegistrationsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/event_registrations_admin.html"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.event = event_for_organisers(request.user, kwargs["event_id"])
        return never_cache(super().dispatch)(request, *args, **kwargs)

    def get_page_title(self):
        return _("Registrations")

    def get_page_subtitle(self):
        return self.event.title

    def get_context_data(self, **kwargs):
        rows = Registration.objects.filter(event=self.event).order_by("created_at", "pk")
        return super().get_context_data(
            event=self.event,
            registrations=list(rows),
            csv_url=reverse("event_registrations_csv", args=[self.event.pk]),
            **kwargs,
        )


@require_POST
def registration_cancel_view(request, event_id: int, registration_id: int):
    """Cancel one registration (someone who told the organisers they cannot come, or a
    registration the organisers refuse); the first person waiting gets the place."""
    event = event_for_organisers(request.user, event_id)
    registration = get_object_or_404(Registration, pk=registration_id, event=event)
    cancelled, promoted = cancel(registration)
    if cancelled:
        messages.success(
            request,
            _("Registration of %(name)s cancelled.") % {"name": registration.name},
        )
    for person in promoted:
        messages.success(
            request,
            _("%(name)s moved up from the waiting list and is now confirmed.")
            % {"name": person.name},
        )
    return redirect("event_registrations", event_id)


# --- The dashboard of point staff: their points' events ---------------------------------------

DASHBOARD_DAYS_BACK = 30
DASHBOARD_SIZE = 20


def organised_events(user):
    """Events of the user's points, from a month ago on, with their registration counts."""
    points = staff_point_ids(user)
    if not points:
        return []
    since = timezone.now() - datetime.timedelta(days=DASHBOARD_DAYS_BACK)
    ids = (
        EventPage.objects.filter(
            organisers__in=points,
            locale=Locale.get_default(),
            alias_of__isnull=True,
            end__gte=since,
        )
        .values("pk")
        .distinct()
    )
    return list(
        EventPage.objects.filter(pk__in=ids)
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
            waiting=Count("registrations", filter=Q(registrations__status="waiting")),
        )
        .order_by("start", "pk")[:DASHBOARD_SIZE]
    )


class OrganisedEventsPanel(Component):
    name = "organised_events"
    order = 160

    def __init__(self, events):
        self.events = events

    def render_html(self, parent_context=None):
        rows = format_html_join(
            "",
            '<tr><td class="title">{}</td><td>{}</td><td>{}</td><td>{}</td>'
            '<td><a href="{}">{}</a> · <a href="{}" download>{}</a></td></tr>',
            (
                (
                    event.title,
                    timezone.localtime(event.start).strftime("%Y-%m-%d %H:%M"),
                    event.confirmed,
                    event.waiting,
                    reverse("event_registrations", args=[event.pk]),
                    _("List"),
                    reverse("event_registrations_csv", args=[event.pk]),
                    _("CSV"),
                )
                for event in self.events
            ),
        )
        return format_html(
            '<section class="w-panel w-panel--dashboard" id="organised-events" '
            'aria-labelledby="organised-events-heading">'
            '<h2 class="w-panel__heading w-h2" id="organised-events-heading">{}</h2>'
            '<table class="listing listing--dashboard"><thead><tr>'
            "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
            "</tr></thead><tbody>{}</tbody></table></section>",
            _("Your points' events"),
            _("Event"),
            _("Starts (Beijing time)"),
            _("Confirmed"),
            _("Waiting list"),
            _("Registrations"),
            rows,
        )
