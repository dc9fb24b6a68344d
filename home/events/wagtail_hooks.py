from django.urls import path
from wagtail import hooks

from services.admin_scope import register_point_pages

from .admin_views import (
    OrganisedEventsPanel,
    RegistrationsView,
    organised_events,
    registration_cancel_view,
    registrations_buttons,
    registrations_csv_view,
)
from .models import EventPage


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [
        path(
            "events/<int:event_id>/registrations.csv",
            registrations_csv_view,
            name="event_registrations_csv",
        ),
        path(
            "events/<int:event_id>/registrations/",
            RegistrationsView.as_view(),
            name="event_registrations",
        ),
        path(
            "events/<int:event_id>/registrations/<int:registration_id>/cancel/",
            registration_cancel_view,
            name="event_registration_cancel",
        ),
    ]


@hooks.register("register_page_header_buttons")
def event_header_buttons(page, user, view_name, next_url=None):
    yield from registrations_buttons(page, user, priority=90)


@hooks.register("register_page_listing_more_buttons")
def event_listing_more_buttons(page, user, next_url=None):
    yield from registrations_buttons(page, user, priority=90)


@hooks.register("construct_homepage_panels")
def add_organised_events_panel(request, panels):
    events = organised_events(request.user)
    if events:
        panels.append(OrganisedEventsPanel(events))


@register_point_pages
def point_events(point_ids):
    """An event belongs to each of its organising points."""
    return EventPage.objects.filter(organisers__in=point_ids)
