"""Dashboard panels (construct_homepage_panels): what waits for the user in a point's life."""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from ..models import ServicePoint
from .access import is_office, user_point_ids
from .models import ChangeReport
from .verification import overdue_points, verification_due


class LifecyclePanel(Component):
    name = "lifecycle"
    order = 90
    template_name = "lifecycle/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        reports_url = reverse("lifecycle_change_reports:index")
        if is_office(self.user):
            return {
                "office": True,
                "waiting": ChangeReport.objects.pending().count(),
                "waiting_url": f"{reports_url}?status=pending",
                "overdue": len(overdue_points(today)),
                "overdue_url": reverse("lifecycle_overdue"),
            }
        ids = user_point_ids(self.user)
        points = []
        for point in ServicePoint.objects.filter(pk__in=ids).order_by("title"):
            due = verification_due(point)
            points.append(
                {
                    "point": point,
                    "due": due,
                    "overdue": due is not None and due < today,
                    "confirm_url": reverse("lifecycle_confirm", args=[point.pk]),
                }
            )
        return {
            "office": False,
            "waiting": ChangeReport.objects.pending().filter(point_id__in=ids).count(),
            "waiting_url": f"{reports_url}?status=pending",
            "points": points,
        }


def homepage_panels(request, panels) -> None:
    if is_office(request.user) or user_point_ids(request.user):
        panels.append(LifecyclePanel(request.user))
