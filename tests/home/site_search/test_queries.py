"""A page of results costs the same number of queries for 2 results as for 20."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.home.cases.factories import CasePageFactory
from tests.home.events.factories import EventPageFactory
from tests.home.notices.factories import NoticePageFactory

pytestmark = pytest.mark.django_db


def queries(client, q) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/search/", {"q": q}).content.decode()
    return len(captured), html


def make_mixed(word, n, make_point, sections, standard_page):
    """n results of each of the five kinds of page."""
    point = make_point(title=f"{word}测试网点")
    for i in range(n):
        make_point(
            title=f"{word}测试网点{i}", offerings=(("B03", "basic", "free"), ("B01", "", "free"))
        )
        NoticePageFactory(parent=sections["notices"], title=f"{word}通知{i}")
        CasePageFactory(parent=sections["cases"], title=f"{word}案例{i}", point=point)
        EventPageFactory(parent=sections["events"], title=f"{word}活动{i}")
        standard_page(f"{word}页面{i}")


def test_twenty_results_cost_the_queries_of_two(client, make_point, sections, standard_page):
    make_mixed("甘棠", 4, make_point, sections, standard_page)  # 21 results: a full page of 20
    make_mixed("东华", 1, make_point, sections, standard_page)  # 6 results
    queries(client, "预热")  # process-wide caches (content types, site roots, daily pruning)

    few, few_html = queries(client, "东华")
    many, many_html = queries(client, "甘棠")

    assert many_html.count('class="mb-3 search-result') == 20
    assert few_html.count('class="mb-3 search-result') == 6
    assert many == few
