"""The lifecycle's figures for a point's annual work summary (directory/yearly/figures.py)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ChangeReport, Verification
from .verification import days_overdue

LABELS = {
    "change_reports": _("Change reports submitted"),
    "change_reports_approved": _("Change reports approved"),
    "verifications": _("Profile confirmations"),
    "verification_overdue_days": _("Days the profile confirmation was overdue"),
}


def lifecycle_figures(point, year: int) -> dict:
    reports = ChangeReport.objects.filter(point_id=point.pk, submitted_at__year=year)
    # At the year's end, or today while the year is still running.
    end = min(datetime.date(year, 12, 31), timezone.localdate())
    return {
        "change_reports": reports.count(),
        "change_reports_approved": reports.filter(status=ChangeReport.Status.APPROVED).count(),
        "verifications": Verification.objects.filter(point_id=point.pk, at__year=year).count(),
        "verification_overdue_days": days_overdue(point, end) if point.first_published_at else 0,
    }
