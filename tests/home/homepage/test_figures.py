"""The home page's figures: computed once per version of the directory, not per request."""

import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from directory.models import PointCategory, ServicePoint
from tests.factories import reference

pytestmark = pytest.mark.django_db

CITIES = ("440100", "440300", "440600", "320100", "330100")
CATEGORIES = ("library", "university", "market_consulting", "market_firm", "park")


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    # The figures' layer is measured here, not the full-page cache in front of it.
    settings.WAGTAIL_CACHE = False
    cache.clear()
    yield
    cache.clear()


def get_home(client) -> tuple[list[str], str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return [q["sql"] for q in queries], response.content.decode()


def make_points(make_point, start: int, stop: int) -> None:
    for i in range(start, stop):
        make_point(
            title=f"图书馆{i}",
            city=CITIES[i % len(CITIES)],
            category=CATEGORIES[i % len(CATEGORIES)],
        )


def point_count(html: str) -> int:
    return int(re.search(r'data-testid="point-count">(\d+)<', html).group(1))


def figures(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'class="display-6"[^>]*>(\d+)</span>', html)]


def markers(html: str) -> list[dict]:
    found = re.search(r'id="home-map-data"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(found.group(1)) if found else []


def test_home_queries_do_not_grow_with_the_number_of_points(
    client, home_page, directory_page, make_point
):
    get_home(client)  # what the first request of a process reads once (sites, content types)
    make_points(make_point, 0, 3)
    few, html = get_home(client)
    assert point_count(html) == 3
    make_points(make_point, 3, 30)
    many, html = get_home(client)
    assert point_count(html) == 30
    assert len(many) == len(few)


def test_a_second_request_reads_the_figures_from_the_cache(
    client, home_page, directory_page, make_point
):
    make_points(make_point, 0, 4)
    first, _html = get_home(client)
    second, _html = get_home(client)
    assert len(second) < len(first)
    # No aggregate over the points (or their pages) on a warm request.
    assert not [sql for sql in second if "COUNT(" in sql.upper() and "servicepoint" in sql]


def test_the_figures_match_the_listed_points(client, home_page, directory_page, make_point):
    make_points(make_point, 0, 12)
    make_point(title="草稿网点", city="350100", live=False)
    make_point(title="撤销网点", city="350200", status="revoked")
    _queries, html = get_home(client)

    points = ServicePoint.objects.listed().filter(
        locale=Locale.get_default(), alias_of__isnull=True
    )
    assert point_count(html) == points.count() == 12
    provinces = points.values("province").distinct().count()
    assert figures(html)[1] == provinces
    # Direct category, not the parent's total: market_firm counts its own points only.
    by_category = points.values("category__code", "category__name").annotate(n=Count("pk"))
    listed = re.findall(r'\?category=([\w-]+)">([^<]+)</a>: (\d+)</li>', html)
    assert listed == [
        (row["category__code"], row["category__name"], str(row["n"]))
        for row in by_category.order_by("-n", "category__code")
    ]
    by_city = dict(points.order_by().values_list("city__adcode").annotate(n=Count("pk")))
    assert {m["adcode"]: m["count"] for m in markers(html)} == by_city
    assert [m["adcode"] for m in markers(html)] == sorted(by_city)
    # The city picker offers the cities with listed points, in adcode order.
    picker = re.search(r'id="home-city".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="(\d+)">', picker) == sorted(by_city)


def test_the_figures_follow_publishing_and_unpublishing(
    client, home_page, directory_page, make_point
):
    make_points(make_point, 0, 2)
    _queries, html = get_home(client)
    assert point_count(html) == 2
    added = make_point(title="新网点", city="350100")
    _queries, html = get_home(client)
    assert point_count(html) == 3
    assert "350100" in {m["adcode"] for m in markers(html)}
    added.unpublish()
    _queries, html = get_home(client)
    assert point_count(html) == 2
    assert "350100" not in {m["adcode"] for m in markers(html)}


def test_the_figures_follow_a_renamed_category(
    client, home_page, directory_page, make_point, django_capture_on_commit_callbacks
):
    make_point(category="library")
    _queries, html = get_home(client)
    category = reference(PointCategory, "library")
    assert f">{category.name}</a>: 1<" in html
    category.name = "图书馆（改名）"
    with django_capture_on_commit_callbacks(execute=True):
        category.save()
    _queries, html = get_home(client)
    assert ">图书馆（改名）</a>: 1<" in html


def test_answered_questions_show_once_answered(
    client, home_page, directory_page, make_point, make_request
):
    from services import handling

    point = make_point()
    request_obj = make_request(point)
    _queries, html = get_home(client)
    assert figures(html)[2] == 0  # points, provinces, answered this year
    handling.reply(request_obj, "答复", None)
    _queries, html = get_home(client)
    assert figures(html)[2] == 1
