"""Yearly figures of consultation requests: for a point's report and for its public profile.

A year is a calendar year of `submitted_at` in Beijing time, so a question asked at 00:30 on
1 January (Beijing) counts for the new year whatever the server's clock says.

"Answered on time" share: among the year's requests that can be judged, those whose first
reply came no later than `due_at`. A request can be judged once it has a first reply, or once
it is overdue (no first reply, not closed, `due_at` passed: it can no longer be on time).
Requests still within their time, and requests closed without a reply (e.g. withdrawn or
deleted at the asker's wish), are left out of both counts. No request to judge: None.
"""

import datetime
import statistics
from dataclasses import dataclass

from django.db.models import Avg, Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Tier

from .models import OPEN_STATUSES, ConsultationRequest, Status
from .working_hours import SHANGHAI, calendar_from_db, working_hours_between


@dataclass(frozen=True)
class ServiceCount:
    service_code: str
    service_name: str
    tier: str
    tier_label: str
    count: int


@dataclass(frozen=True)
class YearStatistics:
    year: int
    total: int
    by_service: list[ServiceCount]
    by_tier: list[tuple[str, int]]
    median_first_response_hours: float | None
    on_time_share: float | None
    mean_rating: float | None
    overdue_open: int


@dataclass(frozen=True)
class PublicFigures:
    count: int
    on_time_share: float | None
    mean_rating: float | None
    year: int

    @property
    def on_time_percent(self) -> int | None:
        return None if self.on_time_share is None else round(self.on_time_share * 100)


def current_year(now: datetime.datetime | None = None) -> int:
    return (now or timezone.now()).astimezone(SHANGHAI).year


def year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime(year, 1, 1, tzinfo=SHANGHAI)
    return start, start.replace(year=year + 1)


def in_year(queryset, year: int):
    start, end = year_bounds(year)
    return queryset.filter(submitted_at__gte=start, submitted_at__lt=end)


def _tier_label(tier: str) -> str:
    return str(Tier(tier).label) if tier in Tier.values else _("not specified")


def _overdue(now: datetime.datetime) -> Q:
    # The same test as ConsultationRequest.is_overdue, in SQL.
    return Q(first_response_at__isnull=True, due_at__lt=now) & ~Q(status=Status.CLOSED)


def _headline_aggregates(queryset, now: datetime.datetime) -> dict:
    replied = Q(first_response_at__isnull=False)
    return queryset.aggregate(
        total=Count("pk"),
        on_time=Count("pk", filter=replied & Q(first_response_at__lte=F("due_at"))),
        judged=Count("pk", filter=replied | _overdue(now)),
        overdue_open=Count("pk", filter=_overdue(now) & Q(status__in=OPEN_STATUSES)),
        mean_rating=Avg("rating"),
    )


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def point_year_statistics(
    queryset, year: int, *, now: datetime.datetime | None = None
) -> YearStatistics:
    """Figures of the requests of `queryset` submitted in `year` (see the module docstring).

    `by_service` is grouped by catalogue service and the tier recorded on each request, most
    asked first; `by_tier` lists every catalogue tier (zero included) in catalogue order, then
    requests without a tier if there are any. Working hours follow the working calendar.
    """
    now = now or timezone.now()
    requests = in_year(queryset, year).order_by()
    headline = _headline_aggregates(requests, now)

    groups = (
        requests.values("service__code", "service__name", "tier")
        .annotate(count=Count("pk"))
        .order_by("-count", "service__code", "tier")
    )
    by_service = [
        ServiceCount(
            service_code=row["service__code"] or "",
            service_name=row["service__name"] or _("no service chosen"),
            tier=row["tier"],
            tier_label=_tier_label(row["tier"]),
            count=row["count"],
        )
        for row in groups
    ]
    tier_counts = dict.fromkeys(Tier.values, 0)
    for row in by_service:
        tier_counts[row.tier] = tier_counts.get(row.tier, 0) + row.count
    by_tier = [
        (_tier_label(tier), count)
        for tier, count in tier_counts.items()
        if tier in Tier.values or count
    ]

    replied = list(
        requests.filter(first_response_at__isnull=False).values_list(
            "submitted_at", "first_response_at"
        )
    )
    median_hours = None
    if replied:
        calendar = calendar_from_db()
        median_hours = statistics.median(
            working_hours_between(submitted, answered, calendar) for submitted, answered in replied
        )

    return YearStatistics(
        year=year,
        total=headline["total"],
        by_service=by_service,
        by_tier=by_tier,
        median_first_response_hours=median_hours,
        on_time_share=_share(headline["on_time"], headline["judged"]),
        mean_rating=headline["mean_rating"],
        overdue_open=headline["overdue_open"],
    )


def public_figures(
    point, year: int | None = None, *, now: datetime.datetime | None = None
) -> PublicFigures:
    """A point's headline figures for its profile: one aggregate query."""
    now = now or timezone.now()
    year = year or current_year(now)
    headline = _headline_aggregates(
        in_year(ConsultationRequest.objects.filter(point=point), year).order_by(), now
    )
    return PublicFigures(
        count=headline["total"],
        on_time_share=_share(headline["on_time"], headline["judged"]),
        mean_rating=headline["mean_rating"],
        year=year,
    )
