"""The case library's figure for a point's annual work summary: cases first published that year."""

import datetime

import pytest
from django.utils import timezone

from directory.yearly.figures import figure_labels, gather_figures
from home.cases.figures import case_figures
from home.cases.models import CasePage

pytestmark = pytest.mark.django_db


def _first_published(case, year):
    moment = timezone.make_aware(datetime.datetime(year, 6, 1, 9, 0))
    CasePage.objects.filter(pk=case.pk).update(first_published_at=moment)


def test_cases_published_counts_the_points_live_cases_first_published_in_the_year(
    case_factory, points
):
    gz, bj = points["gz"], points["bj"]
    for title in ("今年一", "今年二"):
        _first_published(case_factory(gz, title=title), 2025)
    _first_published(case_factory(gz, title="去年"), 2024)
    _first_published(case_factory(bj, title="北京的", partners=[gz]), 2025)  # gz only a partner
    case_factory(gz, title="草稿", live=False)
    withdrawn = case_factory(gz, title="撤下")
    _first_published(withdrawn, 2025)
    withdrawn.unpublish()

    assert case_figures(gz, 2025) == {"cases_published": 2}
    assert case_figures(gz, 2024) == {"cases_published": 1}
    assert case_figures(bj, 2025) == {"cases_published": 1}
    assert gather_figures(gz, 2025)["cases_published"] == 2
    assert "cases_published" in figure_labels()
