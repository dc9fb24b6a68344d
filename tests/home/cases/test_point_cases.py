"""A point's cases: its own and its partnerships, featured first, as its profile shows them."""

import datetime
import re

import pytest
from django.template.loader import render_to_string

from home.cases.models import CasePage
from home.cases.pages import cases_of_point

pytestmark = pytest.mark.django_db


def test_cases_of_a_point_include_partnerships_featured_first(case_factory, points):
    own = case_factory(points["gz"], title="自己的", period_start=datetime.date(2024, 1, 1))
    partner = case_factory(
        points["bj"],
        title="合作的",
        partners=[points["gz"]],
        period_start=datetime.date(2024, 6, 1),
    )
    featured = case_factory(
        points["gz"], title="优秀的", featured=True, period_start=datetime.date(2020, 1, 1)
    )
    case_factory(points["bj"], title="别人的")
    case_factory(points["gz"], title="草稿", live=False)
    assert cases_of_point(points["gz"]) == [featured, partner, own]
    assert cases_of_point(points["gz"], limit=2) == [featured, partner]
    assert cases_of_point(points["bj"]) == [partner, CasePage.objects.get(title="别人的")]
    assert cases_of_point(points["sz"]) == []


def test_cases_of_a_point_cost_one_query(case_factory, points, django_assert_num_queries):
    for _ in range(3):
        case_factory(points["gz"], partners=[points["bj"]])
    with django_assert_num_queries(1):
        cases = cases_of_point(points["gz"])
        [case.point.title for case in cases]


def test_the_profile_component_lists_the_cases(case_factory, points):
    case_factory(points["gz"], title="图书馆的案例", featured=True)
    html = render_to_string(
        "home/includes/point_cases.html", {"point_cases": cases_of_point(points["gz"])}
    )
    assert 'id="point-cases-title"' in html
    assert re.search(r'<h3 class="h5 card-title mb-1" id="case-\d+"><a href="/cases/', html)
    assert "图书馆的案例" in html and "case-featured" in html
    assert render_to_string("home/includes/point_cases.html", {"point_cases": []}).strip() == ""
