"""directory.ranking.rank(): the directory's keyword ranking, on four points.

The points are built once for the module (see tests/directory/once.py); tests that make points
of their own are in test_ranking_order.py.
"""

import pytest
from django.db import connection

from directory.models import ServicePoint
from directory.ranking import rank
from search import ranking
from tests.directory.once import built_once, site_directory
from tests.factories import create_point

pytestmark = pytest.mark.django_db


def build_points() -> list[int]:
    directory = site_directory()
    specs = [
        {"title": "某大学图书馆", "description": "<p>提供专利检索服务。</p>"},
        {
            "title": "专利信息服务中心",
            "description": "<p>专利分析、专利导航与专利预警。</p>",
            "offerings": (
                ("P03", "professional", "negotiable"),
                ("P04", "professional", "negotiable"),
            ),
        },
        {"title": "专利代理事务所", "description": "<p>代理商标与专利申请。</p>"},
        {"title": "科技情报研究所", "description": "<p>科技查新。</p>"},
    ]
    return [create_point(directory, **{"offerings": (), **spec}).pk for spec in specs]


@pytest.fixture(scope="module")
def point_pks(django_db_setup, django_db_blocker):
    """Four points built and indexed once for the module; its tests only read them."""
    with built_once(django_db_blocker, build_points) as pks:
        yield pks


@pytest.fixture
def points(point_pks):
    return [ServicePoint.objects.get(pk=pk) for pk in point_pks]


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


def test_only_the_models_objects(points, directory_page):
    assert directory_page.pk not in {pk for pk, _ in rank(ServicePoint, "名录")}


def stock_backend():
    """modelsearch's own backend for this database, which has no rank()."""
    # Imported here: each module needs its own database's modelsearch models.
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        return PostgresSearchBackend({})
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return SQLiteSearchBackend({})


def test_generic_fallback_for_backends_without_rank(points, monkeypatch):
    backend = stock_backend()
    assert not hasattr(backend, "rank")
    monkeypatch.setattr(ranking, "get_search_backend", lambda: backend)
    fallback = [pk for pk, _ in rank(ServicePoint, "专利")]
    assert set(fallback) == {points[0].pk, points[1].pk, points[2].pk}
    assert len(rank(ServicePoint, "专利", limit=1)) == 1


@pytest.mark.only_on("sqlite", reason="SQLite query plans of the FTS5 ranking SQL")
def test_plans_do_not_depend_on_statistics(points):
    """Stale statistics once made SQLite probe the FTS5 match once per entry: 100× slower."""
    from search.backends.sqlite_fts import ranked_entries_sql

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
