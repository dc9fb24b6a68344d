"""The directory's filters, their combinations, facets and nearby ordering (no HTTP).

The six points are built once for the module (see tests/directory/once.py); tests only read them.
"""

import pytest

from directory.filters import parse_directory_query
from directory.listing import run_directory_query
from directory.models import ServicePoint
from tests.factories import create_point, region

from .once import built_once, site_directory

# Every test sees the shared rows, whether or not it asks for them: none depends on the order.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("point_pks")]

GUANGZHOU = (23.129, 113.264)
NEAR_GUANGZHOU = "23.129,113.264"
BASIC_B03 = ("B03", "basic", "free")


def build_points() -> dict[str, int]:
    directory = site_directory()
    specs = {
        "gz_lib": {
            "title": "广州测试图书馆",
            "category": "library",
            "city": "440100",
            "offerings": (BASIC_B03, ("P03", "professional", "negotiable")),
            "qualifications": ("tisc",),
        },
        "gz_firm": {
            "title": "广州测试知识产权代理有限公司",
            "category": "market_agency",
            "city": "440100",
            "offerings": (BASIC_B03, ("P14", "professional", "negotiable")),
        },
        "sz_uni": {
            "title": "深圳测试大学",
            "category": "university",
            "city": "440300",
            "offerings": (
                ("P03", "professional", "negotiable"),
                ("V04", "value_added", "negotiable"),
            ),
            "qualifications": ("university_center",),
        },
        "bj_uni": {
            "title": "北京测试大学",
            "category": "university",
            "city": "110100",
            "offerings": (BASIC_B03,),
            "qualifications": ("tisc", "university_center"),
        },
        "revoked": {
            "title": "已撤销网点",
            "city": "440100",
            "offerings": (BASIC_B03,),
            "status": "revoked",
        },
        "draft": {
            "title": "未发布网点",
            "city": "440100",
            "offerings": (BASIC_B03,),
            "live": False,
        },
    }
    return {name: create_point(directory, **spec).pk for name, spec in specs.items()}


@pytest.fixture(scope="module")
def point_pks(django_db_setup, django_db_blocker):
    """Six points built once for the module; its tests only read them."""
    with built_once(django_db_blocker, build_points) as pks:
        yield pks


@pytest.fixture
def points(point_pks):
    return {name: ServicePoint.objects.get(pk=pk) for name, pk in point_pks.items()}


def titles(params: dict) -> list[str]:
    result = run_directory_query(parse_directory_query(params))
    return [p.title for p in result.points]


def test_unfiltered_lists_live_unrevoked_points_only(points):
    assert set(titles({})) == {
        "广州测试图书馆",
        "广州测试知识产权代理有限公司",
        "深圳测试大学",
        "北京测试大学",
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"province": "guangdong"},
            {"广州测试图书馆", "广州测试知识产权代理有限公司", "深圳测试大学"},
        ),
        ({"city": "440300"}, {"深圳测试大学"}),
        ({"category": "university"}, {"深圳测试大学", "北京测试大学"}),
        # a top-level category includes its sub-kinds
        ({"category": "market_firm"}, {"广州测试知识产权代理有限公司"}),
        ({"qualification": "tisc"}, {"广州测试图书馆", "北京测试大学"}),
        ({"service": "P03"}, {"广州测试图书馆", "深圳测试大学"}),
        ({"tier": "value_added"}, {"深圳测试大学"}),
        (
            {"province": "guangdong", "service": "B03"},
            {"广州测试图书馆", "广州测试知识产权代理有限公司"},
        ),
        (
            {"province": "guangdong", "qualification": "university_center", "service": "P03"},
            {"深圳测试大学"},
        ),
        ({"category": "university", "tier": "basic"}, {"北京测试大学"}),
        ({"province": "beijing", "service": "P03"}, set()),
    ],
)
def test_filters_and_their_combinations(points, params, expected):
    assert set(titles(params)) == expected


def test_near_orders_by_distance_and_reports_it(points):
    result = run_directory_query(parse_directory_query({"near": NEAR_GUANGZHOU}))
    names = [p.title for p in result.points]
    assert names[-1] == "北京测试大学"
    assert names.index("深圳测试大学") == 2
    distances = [p.distance_km for p in result.points]
    assert distances == sorted(distances)
    assert distances[0] < 5
    assert 1800 < distances[-1] < 2000  # Guangzhou to Beijing


def test_radius_limits_the_results(points):
    assert set(titles({"near": NEAR_GUANGZHOU, "radius_km": "50"})) == {
        "广州测试图书馆",
        "广州测试知识产权代理有限公司",
    }


def test_chosen_city_orders_nearby_first(points):
    result = run_directory_query(parse_directory_query({"city": "440300"}))
    assert result.points[0].distance_km is not None


def test_facets_count_other_filters_and_mark_the_selection(points):
    result = run_directory_query(parse_directory_query({"province": "guangdong"}))
    provinces = {o.value: (o.count, o.selected) for o in result.facets["province"]}
    # the province facet ignores its own filter so that other provinces stay choosable
    assert provinces["guangdong"] == (3, True)
    assert provinces["beijing"] == (1, False)
    categories = {o.value: o.count for o in result.facets["category"]}
    assert categories == {"library": 1, "market_firm": 1, "market_agency": 1, "university": 1}
    services = {o.value: o.count for o in result.facets["service"]}
    assert services["B03"] == 2 and services["P03"] == 2
    tiers = {o.value: o.count for o in result.facets["tier"]}
    assert tiers == {"basic": 2, "professional": 3, "value_added": 1}


def test_unknown_values_are_reported_per_parameter():
    query = parse_directory_query(
        {
            "province": "atlantis",
            "service": "X99",
            "tier": "gold",
            "near": "abc",
            "page": "-1",
            "radius_km": "-5",
            "page_size": "1000",
            "q": "专" * 500,
        }
    )
    assert set(query.errors) == {
        "province",
        "service",
        "tier",
        "near",
        "page",
        "radius_km",
        "page_size",
        "q",
    }
    assert len(query.q) == 100


def test_pagination(points):
    result = run_directory_query(parse_directory_query({"page_size": "3", "page": "2"}))
    assert result.num_pages == 2 and result.page == 2 and len(result.points) == 1


def test_page_past_the_end_shows_the_last_page(points):
    result = run_directory_query(parse_directory_query({"page": "99"}))
    assert result.page == 1 and result.points


def test_chosen_district_orders_nearest_its_centre_without_narrowing(points):
    tianhe = region("440106")
    result = run_directory_query(parse_directory_query({"district": "440106"}))
    assert result.total == 4  # every listed point, not only those in 天河区
    first = result.points[0]
    assert first.city_id == tianhe.parent_id
    assert result.points[-1].title == "北京测试大学"


def test_district_must_be_in_the_chosen_city():
    query = parse_directory_query({"city": "440300", "district": "440106"})
    assert "district" in query.errors
