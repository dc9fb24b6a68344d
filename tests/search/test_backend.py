"""The Chinese-aware database backend through Wagtail's and modelsearch's public API.

Every test but the first runs on SQLite (sqlite_fts) and on PostgreSQL (postgres_fts) alike.

The four points are built once for the module (see tests/directory/once.py); tests that make
points of their own are in test_ranking_order.py.
"""

import pytest
from django.db import connection
from modelsearch.backends import get_search_backend
from modelsearch.query import MATCH_ALL, Not, Phrase, PlainText
from wagtail.models import Page

from directory.models import ServiceItem, ServicePoint
from tests.directory.once import built_once, site_directory
from tests.factories import create_point

from .test_analysis import HOSTILE_QUERIES

# Every test sees the shared rows, whether or not it asks for them: none depends on the order.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("point_pks")]


def titles(results) -> list[str]:
    return [obj.title for obj in results]


def build_points() -> dict[str, int]:
    directory = site_directory()
    specs = {
        "nav": {
            "title": "广州专利导航服务中心",
            "description": "<p>为园区企业开展专利导航。</p>",
            "offerings": (("P03", "professional", "negotiable"),),
        },
        "mark": {
            "title": "深圳商标代理所",
            "description": "<p>提供商标注册与维权。</p>",
            "city": "440300",
            "offerings": (),
        },
        "pledge": {
            "title": "某市图书馆",
            "description": "<p>开展知识产权质押融资对接活动。</p>",
            "city": "110100",
            "offerings": (),
        },
        "search": {
            "title": "北京检索中心",
            "description": "<p>专利检索与分析。</p>",
            "city": "110100",
            "offerings": (("B03", "basic", "free"),),
        },
    }
    return {name: create_point(directory, **spec).pk for name, spec in specs.items()}


@pytest.fixture(scope="module")
def point_pks(django_db_setup, django_db_blocker):
    """Four points built and indexed once for the module; a test's own changes are undone."""
    with built_once(django_db_blocker, build_points) as pks:
        yield pks


@pytest.fixture
def points(point_pks):
    return {name: ServicePoint.objects.get(pk=pk) for name, pk in point_pks.items()}


def test_settings_select_the_chinese_backend():
    # Imported here: each module needs its own database's modelsearch models.
    if connection.vendor == "postgresql":
        from search.backends.postgres_fts import ChinesePostgresSearchBackend as expected
    else:
        from search.backends.sqlite_fts import ChineseSQLiteSearchBackend as expected
    assert isinstance(get_search_backend(), expected)


def test_modelsearch_is_the_version_the_backend_extends():
    from importlib.metadata import version

    from search.backends.database import MODELSEARCH_VERSION

    assert version("modelsearch") == MODELSEARCH_VERSION


WORDS = {
    "专利": {"广州专利导航服务中心", "北京检索中心"},
    "导航": {"广州专利导航服务中心"},
    "专利导航": {"广州专利导航服务中心"},
    "商标": {"深圳商标代理所"},
    "广州": {"广州专利导航服务中心"},
    "质押": {"某市图书馆"},
    "质押融资": {"某市图书馆"},
    "专利检索": {"北京检索中心"},
    "深圳 商标": {"深圳商标代理所"},
    "著作权": set(),
}


def test_chinese_words_are_found_inside_longer_text(points):
    # One test for all words: building the pages costs seconds, searching milliseconds.
    found = {query: set(titles(ServicePoint.objects.search(query))) for query in WORDS}
    assert found == WORDS


def test_service_names_from_offerings_are_searchable(points):
    # 知识产权基础检索 is only in the offering (B03), not in the title or description.
    assert titles(ServicePoint.objects.search("知识产权基础检索")) == ["北京检索中心"]


def test_hostile_queries_never_raise(points):
    for query in HOSTILE_QUERIES:
        list(Page.objects.live().specific().search(query))
        list(ServicePoint.objects.search(query, operator="or").annotate_score("s"))
        list(Page.objects.autocomplete(query))
        ServicePoint.objects.search(query).count()
        ServicePoint.objects.search(query, fields=["title"]).count()


def test_admin_style_page_search(points):
    results = Page.objects.all().search("专利导航")
    assert titles(results) == ["广州专利导航服务中心"]
    assert results.count() == 1
    specific = Page.objects.live().public().specific().search("商标")
    assert [type(page) for page in specific] == [ServicePoint]


def test_admin_page_search_view(admin_client, points):
    # The admin searches as you type: autocomplete over titles, the last word a prefix.
    response = admin_client.get("/admin/pages/search/", {"q": "市图书"})
    assert response.status_code == 200
    assert "某市图书馆" in response.content.decode()
    assert "深圳商标代理所" not in response.content.decode()


def test_site_search_view(client, points):
    response = client.get("/search/", {"q": "商标"})
    assert response.status_code == 200
    assert "深圳商标代理所" in response.content.decode()


def test_snippet_search(admin_client):
    backend = get_search_backend()
    backend.add_bulk(ServiceItem, ServiceItem.objects.all())
    names = [item.name for item in backend.search("预警", ServiceItem)]
    assert names[0] == "专利预警"
    response = admin_client.get("/admin/snippets/directory/serviceitem/", {"q": "质押"})
    assert response.status_code == 200
    assert "知识产权质押融资" in response.content.decode()
    assert "专利预警" not in response.content.decode()


def test_autocomplete_matches_as_you_type(points):
    assert titles(Page.objects.autocomplete("广州专")) == ["广州专利导航服务中心"]
    assert titles(ServicePoint.objects.autocomplete("商")) == ["深圳商标代理所"]
    # Typing can start inside a word (某市|图书馆 → 市图书).
    assert titles(ServicePoint.objects.autocomplete("市图书")) == ["某市图书馆"]
    assert titles(ServicePoint.objects.autocomplete("质押")) == []  # titles only


def test_search_restricted_to_the_title(points):
    assert titles(ServicePoint.objects.search("专利", fields=["title"])) == ["广州专利导航服务中心"]
    assert set(titles(ServicePoint.objects.search("专利", fields=["description"]))) == {
        "广州专利导航服务中心",
        "北京检索中心",
    }


def test_filters_on_filter_fields_combine_with_search(points):
    beijing = points["search"].city_id
    results = ServicePoint.objects.filter(city_id=beijing).search("专利")
    assert titles(results) == ["北京检索中心"]
    assert titles(ServicePoint.objects.filter(status="revoked").search("专利")) == []


def test_unordered_search_keeps_the_queryset_order(points):
    results = ServicePoint.objects.order_by("title").search("专利", order_by_relevance=False)
    assert titles(results) == sorted(["广州专利导航服务中心", "北京检索中心"])


def test_slicing_and_counting(points):
    results = ServicePoint.objects.search("服务 OR 专利", operator="or")
    assert results.count() == len(list(results))
    assert len(results[:1]) == 1


def test_query_objects(points):
    assert set(titles(ServicePoint.objects.search(MATCH_ALL))) == {p.title for p in points.values()}
    assert titles(ServicePoint.objects.search(Not(MATCH_ALL))) == []
    assert titles(ServicePoint.objects.search(Phrase("专利导航"))) == ["广州专利导航服务中心"]
    not_nav = ServicePoint.objects.search(PlainText("专利") & Not(PlainText("导航")))
    assert titles(not_nav) == ["北京检索中心"]
    everything_but = ServicePoint.objects.search(Not(PlainText("专利")))
    assert set(titles(everything_but)) == {"深圳商标代理所", "某市图书馆"}
    either = ServicePoint.objects.search(PlainText("商标") | PlainText("质押"))
    assert set(titles(either)) == {"深圳商标代理所", "某市图书馆"}


def test_facets(points):
    counts = ServicePoint.objects.search("专利").facet("city_id")
    assert sum(counts.values()) == 2


def test_reindexing_an_edited_page_updates_the_words(points):
    point = points["mark"]
    point.title = "深圳著作权登记点"
    point.save_revision().publish()
    assert titles(ServicePoint.objects.search("著作权")) == ["深圳著作权登记点"]
