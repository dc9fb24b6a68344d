"""The points API: fields, distance, paging and bad parameters.

Its two points are built once for the module (see tests/directory/once.py); tests only read them.
"""

import pytest

from tests.factories import create_point

from .once import built_once, site_directory

pytestmark = pytest.mark.django_db

URL = "/api/v1/points/"


def build_points() -> None:
    directory = site_directory()
    create_point(
        directory,
        title="广州测试图书馆",
        city="440100",
        offerings=(("B03", "basic", "free"), ("P03", "professional", "negotiable")),
        qualifications=("tisc",),
        address="广州市越秀区演示路1号",
    )
    create_point(
        directory,
        title="北京测试大学",
        category="university",
        city="110100",
        offerings=(("B03", "basic", "free"),),
    )


@pytest.fixture(scope="module")
def points(django_db_setup, django_db_blocker):
    """Two points built once for the module; its tests only read them."""
    with built_once(django_db_blocker, build_points):
        yield


def test_lists_points_with_documented_fields(client, points):
    data = client.get(URL, {"province": "guangdong"}).json()
    assert data["count"] == 1
    item = data["results"][0]
    assert set(item) >= {
        "id",
        "name",
        "category",
        "qualifications",
        "province",
        "city",
        "address",
        "latitude",
        "longitude",
        "coordinates_approximate",
        "services",
        "url",
    }
    assert item["name"] == "广州测试图书馆"
    assert item["province"] == "广东省" and item["city"] == "广州市"
    assert {"code": "P03", "name": "专利导航", "tier": "professional"} in item["services"]
    assert item["qualifications"][0]["code"] == "tisc"
    assert item["url"].startswith("http") and item["url"].endswith(
        "/directory/" + item["url"].split("/directory/")[1]
    )
    assert "distance_km" not in item


def test_city_centre_coordinates_are_flagged_approximate(client, points):
    """Neither test point was given coordinates: both stand at their city's centre, so a
    consumer must not read `distance_km` as the distance to the point itself."""
    data = client.get(URL, {"near": "23.13,113.26"}).json()
    assert [r["coordinates_approximate"] for r in data["results"]] == [True, True]


def test_near_adds_distance_and_orders(client, points):
    data = client.get(URL, {"near": "39.9,116.4"}).json()
    assert [r["name"] for r in data["results"]] == ["北京测试大学", "广州测试图书馆"]
    assert data["results"][0]["distance_km"] < 5


def test_page_size_and_paging(client, points):
    data = client.get(URL, {"page_size": "1", "page": "2"}).json()
    assert data["count"] == 2 and data["num_pages"] == 2 and len(data["results"]) == 1


@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({"page": "-1"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"near": "91,200"}, "near"),
        ({"near": "23.1"}, "near"),
        ({"radius_km": "many"}, "radius_km"),
        ({"service": "nope"}, "service"),
        ({"tier": "gold"}, "tier"),
        ({"province": "nowhere"}, "province"),
        ({"q": "x" * 10000}, "q"),
    ],
)
def test_bad_parameters_answer_400_naming_the_parameter(client, points, params, bad):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert bad in response.json()["parameters"]


def test_page_beyond_the_last_is_400(client, points):
    response = client.get(URL, {"page": "5"})
    assert response.status_code == 400
    assert "page" in response.json()["parameters"]


def test_only_get_is_allowed(client, points):
    assert client.post(URL).status_code == 405
