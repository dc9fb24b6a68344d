"""The query log: counts without personal data, pruned after SEARCH_QUERY_LOG_DAYS, reported."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from home.site_search import querylog
from home.site_search.models import LoggedQuery

pytestmark = pytest.mark.django_db


def logged() -> dict[str, tuple[int, int]]:
    return {row.query_string: (row.searches, row.empty) for row in LoggedQuery.objects.all()}


def test_a_search_is_counted_with_no_personal_data(client, make_point):
    make_point(title="广州专利检索中心")
    client.get("/search/", {"q": "專利 檢索"})
    client.get("/search/", {"q": "专利检索"})
    client.get("/search/", {"q": "专利检索", "page": 2})  # the same search, paged: not again
    client.get("/search/", {"q": "量子纠缠"})
    assert logged() == {"专利检索": (2, 0), "量子纠缠": (1, 1)}
    assert LoggedQuery.objects.get(query_string="量子纠缠").language == "zh-hans"
    fields = {field.name for field in LoggedQuery._meta.get_fields()}
    assert fields == {"id", "query_string", "language", "date", "searches", "empty"}


@pytest.mark.parametrize(
    "personal",
    [
        "13800138000",
        "138 0013 8000",
        "020-8765-4321",
        "zhang.san@example.com",
        "11010519491231002X",
        "身份证 110105194912310021",
        "我的电话是13912345678",
    ],
)
def test_queries_that_look_like_personal_data_are_not_logged(client, personal):
    assert querylog.looks_personal(personal)
    client.get("/search/", {"q": personal})
    assert not LoggedQuery.objects.exists()


def test_ordinary_queries_with_numbers_are_logged():
    assert not querylog.looks_personal("2024年 专利 第3季度")
    assert querylog.log_query("2024年专利", "zh-hans", found=True)


def old_row(days: int, text="旧查询") -> LoggedQuery:
    date = timezone.localdate() - datetime.timedelta(days=days)
    return LoggedQuery.objects.create(query_string=text, language="zh-hans", date=date, searches=1)


def test_pruning_keeps_the_configured_period(settings):
    settings.SEARCH_QUERY_LOG_DAYS = 30
    kept, gone = old_row(30, "保留"), old_row(31, "删除")
    assert querylog.prune() == 1
    assert list(LoggedQuery.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not LoggedQuery.objects.filter(pk=gone.pk).exists()


def test_pruning_happens_when_a_query_is_logged_at_most_once_a_day(monkeypatch):
    monkeypatch.setattr(querylog, "_last_pruned", None)
    old_row(91, "第一条")
    querylog.log_query("专利", "zh-hans", found=True)
    assert set(logged()) == {"专利"}
    old_row(91, "第二条")  # the same day: not pruned again by this process
    querylog.log_query("专利", "zh-hans", found=True)
    assert set(logged()) == {"专利", "第二条"}


def test_the_prune_command(capsys):
    old_row(200)
    call_command("prune_search_log", "--days", "90")
    assert not LoggedQuery.objects.exists()
    assert "Deleted 1" in capsys.readouterr().out


def test_popular_and_fruitless_queries_are_reported_to_the_office(
    client, admin_client, office_user
):
    client.get("/search/", {"q": "量子纠缠"})
    client.get("/search/", {"q": "专利"})
    empty = admin_client.get("/admin/reports/searches-without-results/").content.decode()
    assert "量子纠缠" in empty and ">专利<" not in empty
    popular = admin_client.get("/admin/reports/searches/").content.decode()
    assert "量子纠缠" in popular and "专利" in popular
    client.force_login(office_user)
    assert client.get("/admin/reports/searches-without-results/").status_code == 200
    menu = client.get("/admin/reports/searches/").content.decode()
    assert "量子纠缠" in menu


def test_no_results_suggest_related_services_and_popular_queries(client, directory_page):
    for _ in range(3):
        client.get("/search/", {"q": "专利导航"})
    html = client.get("/search/", {"q": "导航量子纠缠"}).content.decode()
    assert "search-nothing" in html
    related = html.split('class="related-services"')[1].split("</ul>")[0]
    assert "/directory/?service=" in related and "导航" in related
    popular = html.split('class="list-inline popular-queries"')[1].split("</ul>")[0]
    assert "专利导航" in popular
