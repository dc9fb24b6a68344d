"""The events' share of a point's annual work summary (directory/yearly/figures.py)."""

from django.utils.translation import gettext_lazy as _

from directory.yearly.figures import register_summary_figures

from .models import EventPage, Registration

LABELS = {
    "events_held": _("Events held"),
    "event_participants": _("Event participants"),
}


def point_events(point, year: int):
    """The published events `point` organised that took place (started) in `year`: the pages
    of the point's own language and no aliases, since a translation is the same event again."""
    return EventPage.objects.live().filter(
        organisers=point, locale_id=point.locale_id, alias_of__isnull=True, start__year=year
    )


def event_figures(point, year: int) -> dict:
    events = point_events(point, year)
    participants = (
        Registration.objects.filter(event__in=events.values("pk"))
        .exclude(status=Registration.Status.CANCELLED)
        .count()
    )
    return {"events_held": events.count(), "event_participants": participants}


def register() -> None:
    register_summary_figures("events", event_figures, labels=LABELS, order=30)
