"""Dashboard panels (construct_homepage_panels) of the consultation layer.

Point staff: their points' open and overdue questions and open error reports. The office: open
error reports and the network's figures. Each count links to the list it counts, filtered the
same way, so the number and the list never disagree.
"""

import datetime
from urllib.parse import urlencode

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from directory.models import DirectoryIndexPage, ServicePoint

from .admin.access import source_points
from .error_reports.permissions import is_report_office, visible_reports
from .models import ErrorReport
from .staff import is_office_staff, staff_point_ids, visible_requests
from .statistics import SHANGHAI


def _url(name: str, **query) -> str:
    return reverse(name) + (f"?{urlencode(query)}" if query else "")


class CountsPanel(Component):
    template_name = "services/admin/dashboard_panel.html"
    name = ""
    heading = ""
    order = 120

    def __init__(self, rows: list[dict]):
        self.rows = rows

    def get_context_data(self, parent_context=None):
        return {"panel_id": self.name, "heading": self.heading, "rows": self.rows}


class PointQuestionsPanel(CountsPanel):
    name = "point-questions"
    heading = _("Your point's questions and reports")
    order = 90


class OfficeNetworkPanel(CountsPanel):
    name = "network-figures"
    heading = _("The network")
    order = 95


def point_staff_rows(user, now=None) -> list[dict]:
    now = now or timezone.now()
    requests = visible_requests(user)
    return [
        {
            "id": "open-questions",
            "label": _("Open questions"),
            "count": requests.open().count(),
            "url": _url("consultations:index", open="true"),
        },
        {
            "id": "overdue-questions",
            "label": _("Overdue questions"),
            "count": requests.overdue(now).count(),
            "url": _url("consultations:index", overdue="true"),
            "warn": True,
        },
        {
            "id": "open-error-reports",
            "label": _("Open error reports"),
            "count": visible_reports(user).open().count(),
            "url": _url("error_reports:index", status=ErrorReport.Status.OPEN),
        },
    ]


def month_start(now: datetime.datetime) -> datetime.datetime:
    local = now.astimezone(SHANGHAI)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def office_rows(user, now=None) -> list[dict]:
    now = now or timezone.now()
    points = (
        source_points()
        .live()
        .aggregate(
            **{
                status: Count("pk", filter=Q(status=status))
                for status in ServicePoint.Status.values
            }
        )
    )
    directory = DirectoryIndexPage.objects.first()
    explore = reverse("wagtailadmin_explore", args=[directory.pk]) if directory else ""
    start = month_start(now)
    month = visible_requests(user).filter(submitted_at__gte=start).order_by()
    figures = month.aggregate(
        total=Count("pk"),
        replied=Count("pk", filter=Q(first_response_at__isnull=False)),
        on_time=Count("pk", filter=Q(first_response_at__lte=F("due_at"))),
    )
    inbox_month = _url("consultations:index", submitted_at_after=start.date().isoformat())
    rows = [
        {
            "id": "office-open-error-reports",
            "label": _("Open error reports"),
            "count": visible_reports(user).open().count(),
            "url": _url("error_reports:index", status=ErrorReport.Status.OPEN),
        },
    ]
    for status in ServicePoint.Status:
        rows.append(
            {
                "id": f"points-{status.value}",
                "label": _("Points %(status)s") % {"status": status.label},
                "count": points[status.value],
                "url": explore,
            }
        )
    rows += [
        {
            "id": "questions-this-month",
            "label": _("Questions this month"),
            "count": figures["total"],
            "url": inbox_month,
        },
        {
            "id": "answered-on-time-this-month",
            "label": _("Answered on time this month"),
            "count": figures["on_time"],
            "detail": _("of %(replied)s answered") % {"replied": figures["replied"]},
            "url": inbox_month,
        },
    ]
    return rows


def add_panels(request, panels) -> None:
    user = request.user
    if is_office_staff(user) or is_report_office(user):
        panels.append(OfficeNetworkPanel(office_rows(user)))
    elif staff_point_ids(user):
        panels.append(PointQuestionsPanel(point_staff_rows(user)))
