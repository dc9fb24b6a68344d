"""The Chinese-aware PostgreSQL backend (search/backends/postgres_fts.py), on a real server.

`make test` runs the suite a second time on a throw-away PostgreSQL (scripts/with-postgres.sh);
on SQLite these tests are skipped, with the reason shown by `pytest -rs`. The backend-neutral
tests of test_backend.py, test_ranking.py and test_ranking_order.py run on both databases.
"""

import pytest
from django.db import connection
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from directory.models import ServicePoint
from directory.precision import evaluate, load_queries, precision
from directory.ranking import rank

from .test_analysis import HOSTILE_QUERIES

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.only_on("postgresql", reason="tests the PostgreSQL full-text search backend"),
]

# Everything tsquery reads as syntax, and the quote and backslash escapes themselves.
TSQUERY_SYNTAX = ["'&|!():*<->\\", "'", "''", "\\", "\\'", "a:*", "a <-> b", "!a", "a:A", "<2>"]


def titles(results) -> list[str]:
    return [obj.title for obj in results]


def tsquery(text: str, **kwargs) -> str:
    from search.backends.postgres_fts import render_tsquery
    from search.expressions import Word

    return render_tsquery(Word(text, **kwargs))


def matches(text: str, query: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('simple', %s) @@ to_tsquery('simple', %s)", [text, query]
        )
        return cursor.fetchone()[0]


def has_words(text: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT length(to_tsvector('simple', %s)) > 0", [text])
        return cursor.fetchone()[0]


def test_the_postgres_backend_is_selected():
    from search.backends.postgres_fts import ChinesePostgresSearchBackend

    assert isinstance(get_search_backend(), ChinesePostgresSearchBackend)


@pytest.mark.parametrize("text", [*TSQUERY_SYNTAX, *HOSTILE_QUERIES])
def test_a_quoted_word_is_never_tsquery_syntax(text):
    """Whatever a word holds, to_tsquery reads it as text: it matches that text, or is empty."""
    text = text.replace("\x00", "")  # no PostgreSQL string holds NUL (the renderer drops it)
    expected = has_words(text)
    assert matches(text, tsquery(text)) == expected
    assert matches(text, tsquery(text, prefix=True)) == expected
    # A phrase of the words typed (a word of punctuation only leaves a gap): no error.
    matches(text, tsquery(f"专利 {text}", phrase=True))


def test_tsquery_of_a_query():
    from search.analysis import query_terms
    from search.backends.postgres_fts import render_tsquery
    from search.expressions import query_expression

    expr = query_expression(query_terms("深圳 商标"), prefix_last=True, characters=True)
    assert render_tsquery(expr) == "(('深圳' | ('深' <-> '圳')) & ('商标':* | ('商' <-> '标')))"
    assert tsquery("it's \\ a:*") == "'it''s \\\\ a:*'"


@pytest.fixture
def four_points(make_point):
    make_point(
        title="广州专利导航服务中心",
        description="<p>为园区企业开展专利导航。</p>",
        offerings=(("P03", "professional", "negotiable"),),
    )
    make_point(
        title="深圳商标代理所",
        description="<p>提供商标注册与维权。</p>",
        city="440300",
        offerings=(),
    )
    make_point(
        title="某市图书馆",
        description="<p>开展知识产权质押融资对接活动。</p>",
        city="110100",
        offerings=(),
    )
    make_point(
        title="北京检索中心",
        description="<p>专利检索与分析。</p>",
        city="110100",
        offerings=(("B03", "basic", "free"),),
    )


def test_chinese_words_are_found_inside_longer_text(four_points):
    words = {
        "专利": {"广州专利导航服务中心", "北京检索中心"},
        "导航": {"广州专利导航服务中心"},
        "商标": {"深圳商标代理所"},
        "质押": {"某市图书馆"},
        "融资": {"某市图书馆"},
        "知识产权": {"某市图书馆", "北京检索中心"},  # 知识产权基础检索 is B03's name
        "专利检索": {"北京检索中心"},
        "深圳 商标": {"深圳商标代理所"},
        "著作权": set(),
    }
    found = {query: set(titles(ServicePoint.objects.search(query))) for query in words}
    assert found == words
    ranked = {query: {pk for pk, _ in rank(ServicePoint, query)} for query in words}
    by_search = {
        query: {p.pk for p in ServicePoint.objects.search(query, order_by_relevance=False)}
        for query in words
    }
    assert ranked == by_search


def test_names_rank_above_descriptions(make_point):
    text_only = make_point(
        title="某大学图书馆",
        description="<p>本馆提供商标检索服务，服务商标申请人。商标、商标、商标。</p>",
        offerings=(),
    )
    named = make_point(title="商标信息中心", description="<p>面向企业提供咨询。</p>", offerings=())
    results = ServicePoint.objects.search("商标").annotate_score("score")
    assert titles(results) == ["商标信息中心", "某大学图书馆"]
    assert results[0].score > results[1].score > 0
    ranked = rank(ServicePoint, "商标")
    assert [pk for pk, _ in ranked] == [named.pk, text_only.pk]
    assert ranked[0][1] > ranked[1][1] > 0


def test_a_title_holding_the_whole_query_comes_first(make_point):
    for title in ("中国科学技术大学", "中国（福建）知识产权保护中心", "中国科学院文献情报中心"):
        make_point(title=title, description="<p>专利信息检索服务，专利信息分析。</p>", offerings=())
    wanted = make_point(
        title="中国专利信息中心", description="<p>面向社会公众服务。</p>", offerings=()
    )
    assert rank(ServicePoint, "中国专利信息中心")[0][0] == wanted.pk
    assert ServicePoint.objects.search("中国专利信息中心")[0].pk == wanted.pk


def test_hostile_queries_never_raise(four_points):
    for query in [*TSQUERY_SYNTAX, *HOSTILE_QUERIES, *(f"专利 {q}" for q in TSQUERY_SYNTAX)]:
        list(Page.objects.live().specific().search(query))
        list(ServicePoint.objects.search(query, operator="or").annotate_score("s"))
        list(ServicePoint.objects.autocomplete(query))
        ServicePoint.objects.search(query, fields=["title"]).count()
        rank(ServicePoint, query, limit=5)


def test_hostile_text_around_a_word_still_finds_it(four_points):
    assert titles(ServicePoint.objects.search("'商标' & !")) == ["深圳商标代理所"]
    assert titles(ServicePoint.objects.search("商标:* | 深圳")) == ["深圳商标代理所"]
    assert titles(ServicePoint.objects.autocomplete("深圳\\'商")) == ["深圳商标代理所"]


def test_autocomplete_matches_as_you_type(four_points):
    assert titles(Page.objects.autocomplete("广州专")) == ["广州专利导航服务中心"]
    assert titles(ServicePoint.objects.autocomplete("商")) == ["深圳商标代理所"]
    # Typing can start inside a word (某市|图书馆 → 市图书).
    assert titles(ServicePoint.objects.autocomplete("市图书")) == ["某市图书馆"]
    assert titles(ServicePoint.objects.autocomplete("质押")) == []  # titles only


def test_nul_in_a_parameter_is_no_server_error(client, four_points):
    """PostgreSQL refuses NUL in a string; the directory drops it rather than answering 500."""
    response = client.get("/api/v1/points/", {"q": "专利\x00", "province": "\x00"})
    assert response.status_code == 200
    assert response.json()["count"] == 2
    assert rank(ServicePoint, "\x00专利") == rank(ServicePoint, "专利")


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo directory, loaded once for the module as tests/directory/test_demo_site.py does."""
    from home.homepage.demo import load_demo
    from tests.directory.once import built_once

    with built_once(django_db_blocker, load_demo):
        yield


def test_precision_on_the_public_query_set_is_100_percent(demo_site):
    outcomes = evaluate(load_queries())
    failed = [(o.case.query, o.titles) for o in outcomes if not o.passed]
    assert precision(outcomes) == 1.0, failed
