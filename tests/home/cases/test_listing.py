"""The public case list: live cases newest first, twenty a page, a query count that does not
grow."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .helpers import titles

pytestmark = pytest.mark.django_db


def test_the_index_lists_live_cases_newest_first(client, case_index, case_factory, points):
    case_factory(points["gz"], title="旧案例", period_start=datetime.date(2021, 1, 1))
    case_factory(points["gz"], title="新案例", period_start=datetime.date(2024, 1, 1))
    case_factory(points["bj"], title="中间案例", period_start=datetime.date(2022, 1, 1))
    case_factory(points["bj"], title="草稿案例", live=False)
    response = client.get(case_index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert titles(html) == ["新案例", "中间案例", "旧案例"]
    assert 'class="result-count"' in html
    card = re.search(r'<article class="case-card.*?</article>', html, re.S).group(0)
    assert "广州案例图书馆" in card and '<time datetime="2024-01-01">' in card
    assert "为企业开展专利检索分析" in card
    # Every control of the filter form has a label.
    form = re.search(r'<form class="case-filters.*?</form>', html, re.S).group(0)
    for control_id in re.findall(r'<(?:select|input)[^>]* id="([^"]+)"', form):
        assert f'for="{control_id}"' in form, control_id


def test_pagination_20_a_page(client, case_index, case_factory, points):
    for day in range(1, 26):
        case_factory(points["gz"], title=f"案例{day:02d}", period_start=datetime.date(2024, 1, day))
    first = client.get(case_index.url).content.decode()
    assert len(titles(first)) == 20 and titles(first)[0] == "案例25"
    assert 'rel="next"' in first and "?page=2" in first
    second = client.get(f"{case_index.url}?page=2").content.decode()
    assert titles(second) == ["案例05", "案例04", "案例03", "案例02", "案例01"]
    assert 'rel="prev"' in second
    # Past the end: the last page, not an error.
    assert titles(client.get(f"{case_index.url}?page=9").content.decode())[0] == "案例05"
    filtered = client.get(f"{case_index.url}?province=guangdong").content.decode()
    assert "?province=guangdong&amp;page=2" in filtered


def test_the_number_of_queries_does_not_grow_with_the_cases(
    client, case_index, case_factory, points, settings
):
    settings.WAGTAIL_CACHE = False  # what rendering costs, not what the page cache answers

    def count(url):
        client.get(url)  # warm caches (site, locale) shared by every request
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    for point in (points["gz"], points["bj"], points["sz"]):
        case_factory(point, services=["B03", "P01"], featured=True, partners=[points["gz"]])
    url = case_index.url
    filtered = f"{url}?service=B03&tier=basic&category=library&province=guangdong&year=2024"
    few, few_filtered = count(url), count(filtered)
    for index in range(22):
        case_factory(
            (points["gz"], points["bj"], points["sz"])[index % 3],
            services=["B03", "P01", "V03"],
            partners=[points["bj"]],
            period_start=datetime.date(2020 + index % 5, 1, 1),
        )
    assert count(url) == few
    assert count(filtered) == few_filtered
