"""The annual summary's lifecycle figures, and the demo data."""

import datetime

import pytest
from django.utils import timezone

from directory.lifecycle.demo import load_lifecycle_demo
from directory.lifecycle.models import ChangeReport, Filing, Verification
from directory.lifecycle.verification import confirm_profile
from directory.yearly.figures import figure_labels, gather_figures

pytestmark = pytest.mark.django_db


def test_figures_count_the_year(make_point, make_staff, settings):
    settings.POINT_VERIFICATION_MONTHS = 6
    point = make_point(recognition_date=datetime.date(2020, 1, 1))
    ChangeReport.objects.create(point=point, reason="r", changes=[], status="approved")
    ChangeReport.objects.create(point=point, reason="r", changes=[])
    year = timezone.localdate().year
    figures = gather_figures(point, year)
    assert figures["change_reports"] == 2
    assert figures["change_reports_approved"] == 1
    assert figures["verifications"] == 0
    assert figures["verification_overdue_days"] > 0
    confirm_profile(point, make_staff(point))
    figures = gather_figures(point, year)
    assert figures["verifications"] == 1
    assert figures["verification_overdue_days"] == 0
    assert "verification_overdue_days" in figure_labels()


def test_demo_is_idempotent(make_point):
    make_point(title="演示网点", is_demo=True)
    load_lifecycle_demo()
    load_lifecycle_demo()
    assert ChangeReport.objects.filter(is_demo=True, status="pending").count() == 1
    assert Verification.objects.filter(is_demo=True).count() == 1
    assert Filing.objects.filter(is_demo=True).count() == 1
