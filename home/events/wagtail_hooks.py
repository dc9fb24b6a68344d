from django.urls import path
from wagtail import hooks

from .admin_views import (
    OrganisedEventsPanel,
    organised_events,
    registrations_buttons,
    registrations_csv_view,
)


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [
        path(
            "events/<int:event_id>/registrations.csv",
            registrations_csv_view,
            name="event_registrations_csv",
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
