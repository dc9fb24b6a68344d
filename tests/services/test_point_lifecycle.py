"""A suspended or revoked point hands its open questions on; its year's figures for the annual
summary."""

import pytest
from django.utils import timezone

from directory.lifecycle.signals import point_status_changed
from directory.models import ServicePoint
from directory.yearly.figures import figure_labels, gather_figures
from services.lifecycle import summary_figures
from services.models import OutboxEmail, RequestEvent, RoutingRule, Status

from .helpers import refreshed

pytestmark = pytest.mark.django_db


def change_status(point, new_status):
    old = point.status
    ServicePoint.objects.filter(pk=point.pk).update(status=new_status)
    point.status = new_status
    point_status_changed.send(
        sender=ServicePoint, point=point, old_status=old, new_status=new_status, decision=None
    )


def test_a_revoked_points_open_questions_are_rerouted_and_the_askers_told(make_point, make_request):
    leaving = make_point(title="撤销网点")
    other = make_point(title="接手网点")
    waiting = make_request(leaving)
    answered = make_request(leaving)
    answered.status = Status.CLOSED
    answered.save()
    OutboxEmail.objects.all().delete()

    change_status(leaving, ServicePoint.Status.REVOKED)

    waiting = refreshed(waiting)
    assert waiting.point == other
    assert waiting.status == Status.TRANSFERRED
    assert waiting.routing_rule == RoutingRule.TRANSFER
    event = waiting.events.get(kind=RequestEvent.Kind.TRANSFERRED)
    assert event.from_point_id == leaving.pk and event.to_point_id == other.pk
    assert "撤销网点" in event.note
    assert OutboxEmail.objects.filter(request=waiting, kind=OutboxEmail.Kind.TRANSFER).exists()
    assert refreshed(answered).point == leaving  # closed questions stay where they were


def test_without_another_point_they_go_to_the_central_inbox(make_point, make_request):
    alone = make_point(title="唯一网点")
    waiting = make_request(alone)
    change_status(alone, ServicePoint.Status.SUSPENDED)
    assert refreshed(waiting).point is None


def test_reinstating_moves_nothing(make_point, make_request):
    point = make_point(title="恢复网点")
    make_point(title="别的网点")
    waiting = make_request(point)
    point_status_changed.send(
        sender=ServicePoint,
        point=point,
        old_status=ServicePoint.Status.SUSPENDED,
        new_status=ServicePoint.Status.ACTIVE,
        decision=None,
    )
    assert refreshed(waiting).point == point


def test_figures_for_the_annual_summary(make_point, make_request):
    point = make_point(title="统计网点")
    year = timezone.localdate().year
    on_time = make_request(point)
    on_time.first_response_at = on_time.submitted_at
    on_time.rating = 4
    on_time.save()
    late = make_request(point, service="B03")
    late.first_response_at = late.due_at + timezone.timedelta(hours=1)
    late.rating = 2
    late.save()
    make_request(point)  # open, not yet due: not judged

    figures = summary_figures(point, year)
    assert figures["consultations_total"] == 3
    assert sum(figures["consultations_by_tier"].values()) == 3
    assert sum(figures["consultations_by_service"].values()) == 3
    assert figures["answered_on_time"] == 1
    assert figures["answered_on_time_rate"] == 0.5
    assert figures["mean_rating"] == 3.0
    assert figures["ratings_count"] == 2
    assert summary_figures(point, year - 1)["answered_on_time_rate"] is None
    # Registered with the directory's summary, with a label for every figure.
    assert gather_figures(point, year)["consultations_total"] == 3
    assert set(figures) <= set(figure_labels())
