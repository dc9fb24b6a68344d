"""English keywords on the English site: services, categories and places typed in English.

The English directory is made of aliases of the Chinese points, whose text is Chinese: an
English word is matched through its Chinese equivalents (search/dictionary/english.txt), an
English service or region name through the Chinese name it translates
(directory/understanding.py). The site and its points are built once for the module.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from directory.filters import parse_directory_query
from directory.listing import run_directory_query
from directory.models import DirectoryIndexPage, ServiceItem, ServicePoint
from directory.understanding import understand
from search.indexing import index_in_batches
from tests.factories import create_point

from .once import built_once, site_directory

pytestmark = pytest.mark.django_db

NAVIGATION = "广州专利导航中心"
UNIVERSITY = "哈尔滨测试大学"
MONGOLIA = "内蒙古测试图书馆"
TRADEMARK = "深圳商标事务所"


def build() -> int:
    from home.core.locales import ensure_locale_trees

    directory = site_directory()
    create_point(
        directory,
        title=NAVIGATION,
        city="440100",
        offerings=(("P03", "professional", "negotiable"), ("B03", "basic", "free")),
        qualifications=("tisc",),
    )
    create_point(
        directory,
        title=UNIVERSITY,
        category="university",
        city="230100",
        offerings=(("B06", "basic", "free"),),
        description="<p>面向高校师生的专利信息素养教育。</p>",
    )
    create_point(directory, title=MONGOLIA, city="150100", offerings=(("B13", "basic", "free"),))
    create_point(
        directory,
        title=TRADEMARK,
        category="market_agency",
        city="440300",
        offerings=(("P14", "professional", "negotiable"),),
        description="<p>专利导航的文章很多，但我们只做商标代理。</p>",
    )
    ensure_locale_trees()
    # An alias is indexed when it is saved, before its qualifications are copied to it: index
    # the tree again, as `update_index` does after a deployment (see the report of issue 13).
    index_in_batches(ServicePoint)
    return directory.pk


@pytest.fixture(scope="module", autouse=True)
def directory_pk(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, build) as pk:
        yield pk


def english_titles(q: str) -> list[str]:
    with translation.override("en"):
        result = run_directory_query(parse_directory_query({"q": q}), with_facets=False)
    assert all(point.locale.language_code == "en" for point in result.points)
    return [point.title for point in result.points]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("patent", {NAVIGATION, UNIVERSITY, TRADEMARK}),
        ("trademark", {TRADEMARK}),
        ("university", {UNIVERSITY}),
        ("Guangzhou", {NAVIGATION}),
        ("Harbin", {UNIVERSITY}),
        ("Inner Mongolia", {MONGOLIA}),
        ("TISC", {NAVIGATION}),
    ],
)
def test_english_keywords_find_the_points(q, expected):
    assert expected <= set(english_titles(q))
    assert MONGOLIA not in english_titles(q) or MONGOLIA in expected


def test_an_english_service_name_lists_the_points_offering_it_first():
    # 深圳商标事务所 only writes about patent navigation; the published list decides.
    titles = english_titles("patent navigation")
    assert titles[0] == NAVIGATION
    assert titles == english_titles("Patent Navigation")


def test_an_english_place_and_service_together():
    assert english_titles("patent navigation in Guangzhou")[0] == NAVIGATION
    assert UNIVERSITY not in english_titles("patent navigation Guangzhou")


def test_english_words_are_understood_as_their_chinese_names():
    understood = understand("Inner Mongolia patent navigation")
    assert understood.terms == ("内蒙古", "专利导航")
    assert [place.word for place in understood.places] == ["内蒙古"]


def test_chinese_queries_are_read_as_before():
    assert understand("广州 专利导航").terms == ("广州", "专利导航")
    with translation.override("zh-hans"):
        result = run_directory_query(parse_directory_query({"q": "专利导航"}), with_facets=False)
    assert result.points[0].title == NAVIGATION
    assert all(point.locale.language_code == "zh-hans" for point in result.points)


def test_the_english_directory_page_finds_english_keywords(client):
    html = client.get("/en/directory/", {"q": "patent navigation"}).content.decode()
    assert NAVIGATION in html and MONGOLIA not in html


def test_english_site_search_finds_points_and_catalogue_services(client):
    response = client.get("/en/search/", {"q": "patent"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Patent navigation" in html  # the English catalogue service
    assert "/en/directory/?service=P03" in html
    points = client.get("/en/search/", {"q": "patent", "type": "point"}).content.decode()
    assert NAVIGATION in points and TRADEMARK in points
    assert "/en/directory/" in points and MONGOLIA not in points


def test_english_site_search_finds_a_service_by_its_english_name(client):
    html = client.get("/en/search/", {"q": "patent navigation"}).content.decode()
    assert "/en/directory/?service=P03" in html
    assert (
        NAVIGATION
        in client.get("/en/search/", {"q": "patent navigation", "type": "point"}).content.decode()
    )


def served(client, q: str) -> str:
    """The English directory for `q`, rendered now, not read from the full-page cache."""
    caches["page_store"].clear()
    return client.get("/en/directory/", {"q": q}).content.decode()


def test_english_keyword_queries_do_not_grow_with_the_points(client):
    from home.core.locales import ensure_locale_trees

    directory = DirectoryIndexPage.objects.get(locale__language_code="zh-hans")
    served(client, "patent")  # warm the process's caches
    with CaptureQueriesContext(connection) as few:
        served(client, "patent")
    assert len(few) <= 40
    for i in range(8):
        create_point(
            directory,
            title=f"广州专利检索站{i}",
            city="440100",
            offerings=(("P03", "professional", "negotiable"), ("B01", "basic", "free")),
            qualifications=("tisc", "city_point"),
            audiences=("enterprise", "public"),
        )
    ensure_locale_trees()
    index_in_batches(ServicePoint)
    served(client, "patent")  # the new points read once
    with CaptureQueriesContext(connection) as more:
        html = served(client, "patent")
    assert len(more) <= len(few)
    assert html.count("广州专利检索站") == 8


def test_the_english_catalogue_is_in_the_search_index_language():
    assert ServiceItem.objects.filter(locale__language_code="en").count() == 49
