"""Yearly figures of a point's requests, for its report and its public profile."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from services.models import ConsultationRequest, Status
from services.statistics import (
    PublicFigures,
    current_year,
    point_year_statistics,
    public_figures,
)

from .helpers import at

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=SHANGHAI)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def point(make_point):
    return make_point(title="广州网点")


@pytest.fixture
def make(make_request, point):
    """A request to `point` whose dates, status and rating are set as given."""

    def make_one(service="B03", *, submitted, due=None, replied=None, **fields):
        request_obj = make_request(point=fields.pop("point", point), service=service)
        submitted = at(submitted)
        ConsultationRequest.objects.filter(pk=request_obj.pk).update(
            submitted_at=submitted,
            due_at=at(due) if due else submitted + datetime.timedelta(days=7),
            first_response_at=at(replied) if replied else None,
            status=fields.pop("status", Status.ANSWERED if replied else Status.NEW),
            **fields,
        )
        return request_obj

    return make_one


@pytest.fixture
def year_2026(make, make_point):
    """Six requests of 2026 for `point` (March has no holidays), and some that must not count."""
    # Answered on time in 10.5 and 2 working hours, rated 5 and 3.
    make(submitted="2026-03-02 10:00", replied="2026-03-03 12:30", rating=5)
    make(submitted="2026-03-02 10:00", replied="2026-03-02 12:00", rating=3)
    make(submitted="2026-04-20 10:00", due="2026-06-08 10:00")  # not due yet on 1 June
    # Answered an hour late (41 working hours); not rated.
    make("P01", submitted="2026-03-10 10:00", due="2026-03-17 10:00", replied="2026-03-17 11:00")
    # Never answered and overdue.
    make("P01", submitted="2026-03-11 10:00", due="2026-03-18 10:00")
    # Closed without a reply (the asker withdrew it): neither on time nor late.
    make("V01", submitted="2026-12-31 23:30", due="2026-03-01 10:00", status=Status.CLOSED)

    # Beijing's 1 January 2027 00:30 is still 2026 in UTC: it belongs to 2027.
    make(submitted="2027-01-01 00:30", replied="2027-01-04 10:00", rating=1)
    make(submitted="2025-12-31 23:59", replied="2026-01-05 10:00", rating=2)
    # Another point's request of the same year.
    make(submitted="2026-03-02 10:00", replied="2026-03-20 10:00", rating=1, point=make_point())


def test_counts_by_service_and_tier(year_2026, point):
    stats = point_year_statistics(ConsultationRequest.objects.filter(point=point), 2026, now=NOW)

    assert stats.total == 6
    assert [(row.service_code, row.tier, row.count) for row in stats.by_service] == [
        ("B03", "basic", 3),
        ("P01", "professional", 2),
        ("V01", "value_added", 1),
    ]
    assert stats.by_service[0].service_name == "知识产权基础检索"
    assert stats.by_service[0].tier_label == "basic (free)"
    assert stats.by_tier == [
        ("basic (free)", 3),
        ("low-cost professional", 2),
        ("value-added", 1),
    ]


def test_response_time_on_time_share_rating_and_overdue(year_2026, point):
    stats = point_year_statistics(ConsultationRequest.objects.filter(point=point), 2026, now=NOW)

    # Replies took 2, 10.5 and 41 working hours.
    assert stats.median_first_response_hours == pytest.approx(10.5)
    # Judged: three replied (two in time) and one overdue; not the one still within its time,
    # nor the one closed without a reply.
    assert stats.on_time_share == pytest.approx(2 / 4)
    assert stats.mean_rating == pytest.approx(4.0)
    assert stats.overdue_open == 1


def test_a_year_is_a_beijing_calendar_year(year_2026, point):
    requests = ConsultationRequest.objects.filter(point=point)

    for year, rating in ((2025, 2.0), (2027, 1.0)):
        stats = point_year_statistics(requests, year, now=NOW)
        assert stats.total == 1
        assert stats.mean_rating == rating
        assert stats.on_time_share == 1.0
    assert point_year_statistics(requests, 2024, now=NOW).total == 0


def test_a_year_without_requests_has_no_figures(point):
    stats = point_year_statistics(ConsultationRequest.objects.filter(point=point), 2026)

    assert stats.total == 0 and stats.by_service == [] and stats.overdue_open == 0
    assert [count for _, count in stats.by_tier] == [0, 0, 0]
    assert stats.median_first_response_hours is None
    assert stats.on_time_share is None
    assert stats.mean_rating is None


def test_questions_without_a_service_are_counted_apart(make_request):
    make_request(point=None, service=None, city="110100")

    stats = point_year_statistics(ConsultationRequest.objects.all(), current_year())

    assert [(row.service_code, row.count) for row in stats.by_service] == [("", 1)]
    assert stats.by_service[0].service_name == "no service chosen"
    assert stats.by_tier[-1] == ("not specified", 1)


def test_public_figures_of_a_year(year_2026, point, django_assert_num_queries):
    with django_assert_num_queries(1):
        figures = public_figures(point, 2026, now=NOW)

    assert figures == PublicFigures(count=6, on_time_share=0.5, mean_rating=4.0, year=2026)
    assert figures.on_time_percent == 50


def test_public_figures_default_to_the_current_beijing_year(year_2026, point):
    # 16:30 UTC on New Year's Eve is already 2027 in Beijing.
    now = datetime.datetime(2026, 12, 31, 16, 30, tzinfo=datetime.UTC)

    figures = public_figures(point, now=now)

    assert figures.year == 2027
    assert (figures.count, figures.mean_rating) == (1, 1.0)


def render(figures: PublicFigures) -> str:
    return render_to_string("services/includes/public_figures.html", {"figures": figures})


def test_the_profile_component_shows_the_figures_in_words():
    html = render(PublicFigures(count=12, on_time_share=0.916, mean_rating=4.24, year=2026))

    assert "<dl" in html
    assert "12" in html
    assert "92%" in html
    assert "4.2 out of 5" in html
    assert "2026" in html


def test_the_profile_component_says_when_nothing_is_known_yet():
    empty = render(PublicFigures(count=0, on_time_share=None, mean_rating=None, year=2026))
    assert "No questions have been asked through this site in 2026 yet." in empty
    assert "<dl" not in empty

    early = render(PublicFigures(count=2, on_time_share=None, mean_rating=None, year=2026))
    assert "no reply due yet" in early
    assert "not rated yet" in early
    assert "%" not in early


def test_the_profile_component_of_a_real_point(year_2026, point):
    html = render(public_figures(point, 2026, now=NOW))

    assert "50%" in html
    assert "4.0 out of 5" in html
