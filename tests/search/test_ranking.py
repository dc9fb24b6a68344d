"""directory.ranking.rank(): the directory's keyword ranking."""

import pytest
from django.db import connection
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

from directory.models import ServiceItem, ServicePoint
from directory.ranking import rank
from search import ranking
from search.backends.sqlite_fts import ranked_entries_sql

pytestmark = pytest.mark.django_db


@pytest.fixture
def points(make_point):
    return [
        make_point("某大学图书馆", description="提供专利检索服务。"),
        make_point(
            "专利信息服务中心",
            description="专利分析、专利导航与专利预警。",
            services=("P03", "P04"),
        ),
        make_point("专利代理事务所", description="代理商标与专利申请。"),
        make_point("科技情报研究所", description="科技查新。"),
    ]


def test_best_match_first_with_higher_scores_better(points):
    ranked = rank(ServicePoint, "专利")
    # 专利 in the title counts more than 专利 in the text only.
    assert {pk for pk, _ in ranked[:2]} == {points[1].pk, points[2].pk}
    assert ranked[-1][0] == points[0].pk
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)
    assert points[3].pk not in {pk for pk, _ in ranked}


def test_limit_is_applied(points):
    assert len(rank(ServicePoint, "专利", limit=2)) == 2
    assert rank(ServicePoint, "专利", limit=1) == rank(ServicePoint, "专利")[:1]


def test_no_words_no_results(points):
    assert rank(ServicePoint, "") == []
    assert rank(ServicePoint, "！？") == []
    assert rank(ServicePoint, "不存在的词") == []


def test_only_the_models_objects(points, directory):
    assert directory.pk not in {pk for pk, _ in rank(ServicePoint, "名录")}


def test_generic_fallback_for_backends_without_rank(points, monkeypatch):
    monkeypatch.setattr(ranking, "get_search_backend", lambda: SQLiteSearchBackend({}))
    fallback = [pk for pk, _ in rank(ServicePoint, "专利")]
    assert set(fallback) == {points[0].pk, points[1].pk, points[2].pk}
    assert len(rank(ServicePoint, "专利", limit=1)) == 1


def test_a_full_name_puts_that_point_first(make_point):
    # 中国, 专利信息 and 中心 are in most pages, so BM25 alone barely tells these apart.
    for title in ("中国科学技术大学", "中国（福建）知识产权保护中心", "中国科学院文献情报中心"):
        make_point(title, description="专利信息检索服务，专利信息分析。")
    wanted = make_point("中国专利信息中心", description="面向社会公众服务。")
    assert rank(ServicePoint, "中国专利信息中心")[0][0] == wanted.pk


def test_a_service_name_puts_its_providers_first(make_point):
    named = make_point("某专利导航研究会", description="研究专利导航方法。", services=("B01",))
    provider = make_point("某大学图书馆", services=("B03", "P03"))
    ranked = [pk for pk, _ in rank(ServicePoint, "专利导航")]
    assert ranked == [provider.pk, named.pk]


def test_part_of_a_service_name_puts_its_providers_first(make_point):
    pledge = ServiceItem.objects.get(name="知识产权质押融资", locale__language_code="zh-hans")
    mentions = make_point("某质押融资研究会", description="研究质押融资。", services=("B01",))
    provider = make_point("某科技园", services=(pledge.code,))
    ranked = [pk for pk, _ in rank(ServicePoint, "质押融资")]
    assert ranked == [provider.pk, mentions.pk]


def test_plans_do_not_depend_on_statistics(points):
    """Stale statistics once made SQLite probe the FTS5 match once per entry: 100× slower."""
    with connection.cursor() as cursor:
        # Statistics of a nearly empty index, as after a fresh deploy (ANALYZE loads them).
        cursor.execute("ANALYZE")
    sql, params = ranked_entries_sql(["title", "body"], '"专利"', [1, 2], "default")
    queryset = ServicePoint.objects.search("专利")[:20].get_queryset()
    for statement, values in ((sql, params), queryset.query.sql_with_params()):
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + statement, values)
            plan = [row[-1] for row in cursor.fetchall()]
        # The match is run once, not handed a rowid to test per row ("INDEX 0:=M…").
        assert not [line for line in plan if "VIRTUAL TABLE" in line and ":=" in line], plan
        # Entries are read by rowid, never walked by content type for each match.
        assert not [
            line for line in plan if line.startswith("SEARCH e ") and "PRIMARY KEY" not in line
        ], plan
