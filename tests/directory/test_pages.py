"""The directory and profile pages over HTTP: landing pages, SEO, bad input.

The site and its two points are built once for the module (see tests/directory/once.py); tests
only read them.
"""

import json
import re

import pytest

from directory.models import DirectoryIndexPage
from tests.factories import create_point

from .once import built_once, site_directory

pytestmark = pytest.mark.django_db


def build_directory() -> int:
    directory = site_directory()
    create_point(
        directory,
        title="广州测试图书馆",
        slug="gz-lib",
        city="440100",
        offerings=(
            ("B03", "basic", "free"),
            ("P03", "professional", "negotiable"),
            ("V04", "value_added", "negotiable"),
        ),
        qualifications=("tisc",),
        phone="020-0000-0001",
        email="lib@example.com",
        address="广州市越秀区演示路1号",
        description="<p>提供专利检索和质押融资咨询。</p>",
    )
    create_point(
        directory,
        title="北京测试大学",
        slug="bj-uni",
        category="university",
        city="110100",
        offerings=(("B03", "basic", "free"),),
    )
    return directory.pk


@pytest.fixture(scope="module")
def directory_pk(django_db_setup, django_db_blocker):
    """The site with two points, built once for the module; its tests only read it."""
    with built_once(django_db_blocker, build_directory) as pk:
        yield pk


@pytest.fixture
def directory(directory_pk):
    return DirectoryIndexPage.objects.get(pk=directory_pk)


def test_profile_shows_services_grouped_by_tier(client, directory):
    html = client.get("/directory/gz-lib/").content.decode()
    assert "<h1" in html and "广州测试图书馆" in html
    basic, professional, value_added = (
        html.index(f'id="tier-{t}"') for t in ("basic", "professional", "value_added")
    )
    assert basic < professional < value_added
    assert html.index("知识产权基础检索") < html.index("专利导航") < html.index("知识产权金融服务")
    assert "020-0000-0001" in html


def test_profile_json_ld_describes_the_organisation(client, directory):
    html = client.get("/directory/gz-lib/").content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Organization"
    assert data["name"] == "广州测试图书馆"
    assert data["address"]["addressRegion"] == "广东省"
    assert data["geo"]["latitude"] == pytest.approx(23.129, abs=0.1)
    assert data["contactPoint"]["telephone"] == "020-0000-0001"
    assert data["openingHoursSpecification"][0]["opens"] == "09:00"
    offered = [o["itemOffered"]["name"] for o in data["hasOfferCatalog"]["itemListElement"]]
    assert offered == ["知识产权基础检索", "专利导航", "知识产权金融服务"]


def test_every_page_has_canonical_and_description(client, directory):
    for url in (
        "/",
        "/directory/",
        "/directory/gz-lib/",
        "/directory/guangdong/",
        "/directory/category/university/",
    ):
        html = client.get(url).content.decode()
        assert re.search(r'<link rel="canonical" href="http[^"]+">', html), url
        description = re.search(r'<meta name="description" content="([^"]+)">', html)
        assert description and description.group(1).strip(), url


def test_province_landing_page_has_its_own_title_and_results(client, directory):
    response = client.get("/directory/guangdong/")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"<title>[^<]*广东省", html)
    assert "广州测试图书馆" in html and "北京测试大学" not in html
    assert client.get("/directory/atlantis/").status_code == 404


def test_category_landing_page(client, directory):
    html = client.get("/directory/category/university/").content.decode()
    assert "北京测试大学" in html and "广州测试图书馆" not in html


def test_sitemap_lists_profiles_and_landing_pages(client, directory):
    # /sitemap.xml is the index of the sections (tests/test_sitemap.py).
    points = client.get("/sitemap-points.xml").content.decode()
    assert "/directory/gz-lib/" in points and "/directory/bj-uni/" in points
    landing = client.get("/sitemap-landing.xml").content.decode()
    assert "/directory/guangdong/" in landing and "/directory/category/university/" in landing


def test_robots_points_to_the_sitemap(client, directory):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http" in text and "Disallow: /admin/" in text


def test_no_results_suggests_widening(client, directory):
    html = client.get("/directory/", {"province": "beijing", "service": "P03"}).content.decode()
    assert 'id="no-results-title"' in html
    assert "/directory/?province=beijing" in html  # drop the service
    assert "/directory/?service=P03" in html  # drop the province


@pytest.mark.parametrize(
    "params",
    [
        {"province": "nowhere", "category": "zzz", "qualification": "?", "audience": "<script>"},
        {"page": "-1"},
        {"page": "99999999999999999999"},
        {"q": "专" * 10000},
        {"q": 'title:foo~2 AND (bar OR "baz) NOT -x^3 *'},
        {"q": "\"'\\;--%00"},
        {"near": "abc"},
        {"near": "nan,nan"},
        {"near": "1e999,1e999"},
        {"radius_km": "inf"},
        {"tier": "basic", "service": "B03", "near": "23.1,113.2", "radius_km": "0.001"},
        {"city": "440300", "province": "beijing"},
    ],
)
def test_bad_input_never_breaks_the_directory(client, directory, params):
    response = client.get("/directory/", params)
    assert response.status_code == 200
    assert b"<main" in response.content
