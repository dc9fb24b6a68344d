"""The notice index and its filters (kind, year, authority, region), over six notices."""

import datetime
import re

import pytest

from home.notices.listing import parse_notice_query

from .helpers import filter_errors, html_of, ids, listed_ids

# Every test reads the same six notices, built once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("assorted")]


def test_the_index_lists_live_notices_newest_first(client, notice_index, assorted, notice_factory):
    draft = notice_factory(title="草稿通知", publication_date=datetime.date(2025, 1, 1), live=False)
    html = html_of(client.get(notice_index.url))
    listed = listed_ids(html)
    expected = sorted(assorted.values(), key=lambda n: n.publication_date, reverse=True)
    assert listed == [n.pk for n in expected]
    assert draft.pk not in listed
    assert "找到 6 条通知" in html
    assert filter_errors(html) == set()


def test_filter_by_kind(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url, {"kind": "policy"}))
    assert set(listed_ids(html)) == ids(assorted, "national_policy_2023", "guangdong_2024")
    assert '<option value="policy" selected>' in html


def test_filter_by_year(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url, {"year": "2023"}))
    assert set(listed_ids(html)) == ids(assorted, "national_policy_2023", "shenzhen_2023")
    # The years offered are those of the list, newest first.
    years = re.search(r'<select[^>]*name="year"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert re.findall(r'<option value="(\d+)"', years) == ["2024", "2023"]


def test_filter_by_exact_authority(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url, {"authority": "国家知识产权局"}))
    assert set(listed_ids(html)) == ids(assorted, "national_2024", "national_policy_2023")
    # Exact: a part of a name matches nothing, and is not an error.
    html = html_of(client.get(notice_index.url, {"authority": "知识产权局"}))
    assert listed_ids(html) == []
    assert filter_errors(html) == set()
    assert 'id="no-results"' in html


def test_the_authorities_offered_are_those_of_the_list(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url))
    select = re.search(r'<select[^>]*name="authority"[^>]*>(.*?)</select>', html, re.S).group(1)
    offered = re.findall(r'<option value="([^"]+)"', select)
    assert set(offered) == {n.issuing_authority for n in assorted.values()}
    assert len(offered) == len(set(offered))


def test_a_province_filter_includes_national_and_its_cities_notices(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url, {"region": "440000"}))
    assert set(listed_ids(html)) == ids(
        assorted,
        "national_2024",
        "national_policy_2023",
        "guangdong_2024",
        "guangzhou_2024",
        "shenzhen_2023",
    )
    assert '<option value="440000" selected>' in html


def test_a_city_filter_includes_national_and_its_provinces_notices(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url, {"region": "440100"}))
    assert set(listed_ids(html)) == ids(
        assorted, "national_2024", "national_policy_2023", "guangdong_2024", "guangzhou_2024"
    )
    assert filter_errors(html) == set()


def test_filters_combine(client, notice_index, assorted):
    html = html_of(
        client.get(notice_index.url, {"region": "440000", "year": "2024", "kind": "policy"})
    )
    assert set(listed_ids(html)) == ids(assorted, "guangdong_2024")
    # The feeds in <head> carry the same filters.
    rss = re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]*href="([^"]+)"', html)
    atom = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html)
    for link in (rss, atom):
        href = link.group(1).replace("&amp;", "&")
        assert "kind=policy" in href and "year=2024" in href and "region=440000" in href
    assert rss.group(1).startswith("/notices/feed/rss/?")
    assert atom.group(1).startswith("/notices/feed/atom/?")


@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({"kind": "memo"}, {"kind"}),
        ({"year": "24"}, {"year"}),
        ({"year": "abcd"}, {"year"}),
        ({"year": "1200"}, {"year"}),
        ({"region": "999999"}, {"region"}),
        ({"region": "440103"}, {"region"}),  # a district, not a province or city
        ({"region": "广东"}, {"region"}),
        ({"authority": "局" * 121}, {"authority"}),
        ({"page": "two"}, {"page"}),
        ({"kind": "memo", "year": "x", "region": "1"}, {"kind", "year", "region"}),
    ],
)
def test_invalid_filters_show_a_message_beside_the_list(
    client, notice_index, assorted, params, bad
):
    response = client.get(notice_index.url, params)
    html = html_of(response)
    assert filter_errors(html) == bad
    # The bad parameters are ignored: every notice is listed.
    assert set(listed_ids(html)) == {n.pk for n in assorted.values()}
    assert '<meta name="robots" content="noindex, follow">' in html


def test_an_invalid_filter_does_not_drop_the_valid_ones(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url, {"kind": "policy", "year": "20x4"}))
    assert filter_errors(html) == {"year"}
    assert set(listed_ids(html)) == ids(assorted, "national_policy_2023", "guangdong_2024")


def test_parse_notice_query_round_trips(db):
    query = parse_notice_query(
        {"kind": "news", "year": " 2024 ", "authority": " 广州市  知识产权局 ", "region": "440100"}
    )
    assert query.errors == {}
    assert query.params() == {
        "kind": "news",
        "year": "2024",
        "authority": "广州市 知识产权局",
        "region": "440100",
    }
    assert parse_notice_query(query.params()).params() == query.params()
    assert parse_notice_query({}).is_filtered() is False


def test_the_filter_form_has_a_label_for_every_control(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url))
    form = re.search(r'<form class="notice-filters.*?</form>', html, re.S).group(0)
    assert 'method="get"' in form
    for control_id in re.findall(r'<select[^>]*id="([^"]+)"', form):
        assert f'<label class="form-label" for="{control_id}">' in form
    assert set(re.findall(r'name="(\w+)"', form)) == {"kind", "year", "authority", "region"}
