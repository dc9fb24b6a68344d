"""The consultation layer's share of a point's life: what a suspension or revocation does to
the questions waiting at the point, and the point's yearly figures for its annual summary.

Both are connected from ServicesConfig.ready() to the directory's extension points
(directory/lifecycle/signals.py, directory/yearly/figures.py).
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory.models import ServicePoint

from . import handling
from .models import OPEN_STATUSES, ConsultationRequest, RoutingRule
from .routing import RoutingDecision, route
from .statistics import in_year, point_year_statistics


def reroute_open_requests(point: ServicePoint, reason_status: str) -> list[ConsultationRequest]:
    """Pass every open request of `point` to the point the routing rules choose without it.

    Recorded and told like a manual transfer (handling.transfer): a history line from the
    point to the new one, and the asker's e-mail. Run for a point that is no longer active.
    """
    moved = []
    ids = list(
        ConsultationRequest.objects.filter(point=point, status__in=OPEN_STATUSES)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for request_obj in ConsultationRequest.objects.filter(pk__in=ids).select_related(
        "service", "city"
    ):
        with transaction.atomic():
            decision = _decision(request_obj)
            with translation.override(settings.LANGUAGE_CODE):
                note = _("%(point)s is %(status)s and no longer answers questions. %(reason)s") % {
                    "point": point.title,
                    "status": ServicePoint.Status(reason_status).label,
                    "reason": decision.reason,
                }
            handling.transfer(request_obj, decision.point, None, note)
        moved.append(request_obj)
    return moved


def _decision(request_obj: ConsultationRequest) -> RoutingDecision:
    # The point has already left "active", so the routing rules pass it over by themselves.
    if request_obj.city is None:  # erased or never known: the office decides
        with translation.override(settings.LANGUAGE_CODE):
            reason = _("Sent to the IP office's central inbox.")
        return RoutingDecision(None, RoutingRule.CENTRAL, reason)
    return route(service=request_obj.service, city=request_obj.city)


def on_point_status_changed(sender, point, old_status, new_status, **kwargs):
    """point_status_changed: a point that stops being active hands its open questions on."""
    if old_status == new_status or new_status == ServicePoint.Status.ACTIVE:
        return
    point = ServicePoint.objects.get(pk=point.pk)  # the committed status, which routing reads
    reroute_open_requests(point, new_status)


# --- figures for the annual work summary (directory/yearly/figures.py) -----------------------

FIGURE_LABELS = {
    "consultations_total": gettext_lazy("Consultation requests received"),
    "consultations_by_tier": gettext_lazy("Consultation requests by service tier"),
    "consultations_by_service": gettext_lazy("Consultation requests by service"),
    "answered_on_time": gettext_lazy("Requests answered on time"),
    "answered_on_time_rate": gettext_lazy("Share answered on time"),
    "mean_rating": gettext_lazy("Mean satisfaction rating (1–5)"),
    "ratings_count": gettext_lazy("Satisfaction ratings received"),
}


def summary_figures(point, year: int) -> dict:
    """The point's consultation figures of `year` (services/statistics.py's definitions)."""
    requests = ConsultationRequest.objects.filter(point_id=point.pk)
    stats = point_year_statistics(requests, year)
    by_tier: dict[str, int] = {}
    by_service: dict[str, int] = {}
    for row in stats.by_service:
        key = row.tier or "none"
        by_tier[key] = by_tier.get(key, 0) + row.count
        by_service[row.service_name] = by_service.get(row.service_name, 0) + row.count
    year_requests = in_year(requests, year).order_by()
    counts = year_requests.aggregate(
        on_time=Count("pk", filter=Q(first_response_at__lte=F("due_at"))),
        rated=Count("pk", filter=Q(rating__isnull=False)),
    )
    return {
        "consultations_total": stats.total,
        "consultations_by_tier": by_tier,
        "consultations_by_service": by_service,
        "answered_on_time": counts["on_time"],
        "answered_on_time_rate": stats.on_time_share,
        "mean_rating": float(stats.mean_rating) if stats.mean_rating is not None else None,
        "ratings_count": counts["rated"],
    }
