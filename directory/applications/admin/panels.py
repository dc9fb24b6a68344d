"""The office's dashboard panel: applications waiting, by state, each linking to the queue."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from ..models import ApplicationStatus
from ..review import queue_counts
from .views.base import URL_NAMESPACE

# What the office has to act on, plus "returned" (with the applicant, expected back).
PANEL_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.UNDER_REVIEW,
    ApplicationStatus.SITE_VISIT,
    ApplicationStatus.RETURNED,
)


class ApplicationsPanel(Component):
    name = "recognition_applications"
    order = 120
    template_name = "applications/admin/panel.html"

    def get_context_data(self, parent_context=None):
        counts = queue_counts()
        index = reverse(f"{URL_NAMESPACE}:index")
        return {
            "rows": [
                {
                    "status": status,
                    "label": status.label,
                    "count": counts.get(status, 0),
                    "url": f"{index}?status={status.value}",
                }
                for status in PANEL_STATUSES
            ],
            "index_url": index,
            "draft_count": counts.get(ApplicationStatus.DRAFT, 0),
        }
