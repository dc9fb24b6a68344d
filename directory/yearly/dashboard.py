"""The yearly panels of the admin dashboard (construct_homepage_panels)."""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from ..lifecycle.access import is_office, user_point_ids
from ..models import ServicePoint
from .board import board_rows, evaluations_to_do, state_counts
from .dates import State, due_date, state_of
from .models import AnnualSummary
from .scoring import flagged_for_revocation


class PointSummaryPanel(Component):
    """Point staff: "Annual summary <year>: due <date> / submitted / late" per own point."""

    name = "yearly_point_summary"
    order = 120
    template_name = "yearly/admin/panels/point_summary.html"

    def __init__(self, rows, year):
        self.rows = rows
        self.year = year

    def get_context_data(self, parent_context=None):
        return {"rows": self.rows, "year": self.year, "due": due_date(self.year)}


class OfficeSummaryPanel(Component):
    """The office: late and missing summaries, evaluations to do, points flagged."""

    name = "yearly_office"
    order = 130
    template_name = "yearly/admin/panels/office.html"

    def __init__(self, context):
        self.context = context

    def get_context_data(self, parent_context=None):
        return self.context


def point_panel(user):
    point_ids = user_point_ids(user)
    if not point_ids:
        return None
    year = timezone.localdate().year
    today = timezone.localdate()
    summaries = {
        s.point_id: s for s in AnnualSummary.objects.filter(point_id__in=point_ids, year=year)
    }
    rows = [
        {
            "point": point,
            "summary": summaries.get(point.pk),
            "state": state_of(summaries.get(point.pk), year, today),
            "url": reverse("yearly_open", args=[point.pk]),
        }
        for point in ServicePoint.objects.filter(pk__in=point_ids).order_by("title")
    ]
    return PointSummaryPanel(rows, year)


def office_panel(user):
    if not is_office(user):
        return None
    today = timezone.localdate()
    year = today.year
    # In January the year just ended is the one being collected and evaluated.
    if today.month == 1:
        year -= 1
    counts = state_counts(board_rows(year, today))
    board = reverse("yearly_board")
    return OfficeSummaryPanel(
        {
            "year": year,
            "due": due_date(year),
            "late": counts[State.LATE],
            "missing": counts[State.MISSING],
            "submitted": counts[State.SUBMITTED],
            "late_url": f"{board}?year={year}&state=late",
            "missing_url": f"{board}?year={year}&state=missing",
            "submitted_url": f"{board}?year={year}&state=submitted",
            "to_evaluate": evaluations_to_do(year),
            "to_evaluate_url": f"{board}?year={year}&evaluated=no",
            "flagged": flagged_for_revocation(year).count(),
            "flagged_url": f"{reverse('yearly_flagged')}?year={year}",
        }
    )
