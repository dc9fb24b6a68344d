"""Which points owe a summary: the live, active service points of the default locale, and for
a given year only those that were points by its due date (recognised, or else first
published, by then): a point recognised in March owes nothing for the year before."""

from django.db.models import Q
from wagtail.models import Locale

from ..models import ServicePoint
from .dates import due_date


def summary_points(year: int | None = None):
    points = ServicePoint.objects.filter(
        live=True,
        status=ServicePoint.Status.ACTIVE,
        kind=ServicePoint.Kind.POINT,
        alias_of__isnull=True,
        locale=Locale.get_default(),
    )
    if year is not None:
        due = due_date(year)
        points = points.exclude(recognition_date__gt=due).exclude(
            Q(recognition_date__isnull=True) & Q(first_published_at__date__gt=due)
        )
    return points.order_by("title")
