"""The events' figures for a point's annual work summary: events held and their participants."""

import datetime

import pytest
from django.utils import timezone

from directory.yearly.figures import figure_labels, gather_figures
from home.events.figures import event_figures
from home.events.models import Registration

pytestmark = pytest.mark.django_db


def _at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


def _register(event, name, status, n):
    return Registration.objects.create(
        event=event,
        name=name,
        phone=f"1380013{n:04d}",
        status=status,
        consent_version="test",
        consented_at=timezone.now(),
        submission_nonce=f"figures-{event.pk}-{n}",
    )


def test_events_held_and_participants_count_the_points_published_events_of_the_year(
    event_factory, make_point
):
    point, other = make_point(title="活动网点"), make_point(title="别的网点")
    held = event_factory(organisers=[point, other], start=_at(2025, 3, 1), end=_at(2025, 3, 2))
    also = event_factory(
        organisers=[point],
        start=_at(2025, 11, 5),
        end=_at(2025, 11, 5) + datetime.timedelta(hours=2),
    )
    event_factory(organisers=[point], start=_at(2024, 12, 30), end=_at(2024, 12, 31))  # last year
    event_factory(organisers=[other], start=_at(2025, 6, 1), end=_at(2025, 6, 2))  # not ours
    event_factory(organisers=[point], start=_at(2025, 7, 1), end=_at(2025, 7, 2), live=False)
    _register(held, "甲", Registration.Status.CONFIRMED, 1)
    _register(held, "乙", Registration.Status.WAITING, 2)
    _register(held, "丙", Registration.Status.CANCELLED, 3)
    _register(also, "丁", Registration.Status.CONFIRMED, 4)

    assert event_figures(point, 2025) == {"events_held": 2, "event_participants": 3}
    assert event_figures(point, 2024) == {"events_held": 1, "event_participants": 0}
    assert event_figures(other, 2025) == {"events_held": 2, "event_participants": 2}
    # Registered with the annual summary's registry, with labels.
    figures = gather_figures(point, 2025)
    assert figures["events_held"] == 2 and figures["event_participants"] == 3
    assert {"events_held", "event_participants"} <= set(figure_labels())


def test_an_unpublished_event_no_longer_counts(event_factory, make_point):
    point = make_point(title="活动网点")
    event = event_factory(organisers=[point], start=_at(2025, 3, 1), end=_at(2025, 3, 2))
    _register(event, "甲", Registration.Status.CONFIRMED, 1)
    assert event_figures(point, 2025)["events_held"] == 1
    event.unpublish()
    assert event_figures(point, 2025) == {"events_held": 0, "event_participants": 0}
