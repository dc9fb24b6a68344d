"""The index and its feeds at their sizes: pages of twenty, query counts that do not grow, an
empty feed."""

import pytest

from .helpers import count_queries, html_of, listed_ids, make_many, parse_feed

pytestmark = pytest.mark.django_db


def test_the_index_pages_by_twenty_and_the_query_count_does_not_grow(
    client, notice_index, notice_factory, django_assert_max_num_queries, settings
):
    settings.WAGTAIL_CACHE = False  # what rendering costs, not what the page cache answers
    make_many(notice_factory, 3)
    client.get(notice_index.url)  # warm the caches (site root paths, locales)
    few = count_queries(client, notice_index.url)

    make_many(notice_factory, 22, start=3)
    client.get(notice_index.url)
    with django_assert_max_num_queries(few):
        html = html_of(client.get(notice_index.url))
    assert len(listed_ids(html)) == 20
    assert "找到 25 条通知" in html
    assert 'href="/notices/?page=2" rel="next"' in html
    assert '<link rel="next" href="/notices/?page=2">' in html

    page_two = html_of(client.get(notice_index.url, {"page": "2"}))
    assert len(listed_ids(page_two)) == 5
    assert 'href="/notices/" rel="prev"' in page_two
    # A page past the end shows the last one.
    assert listed_ids(html_of(client.get(notice_index.url, {"page": "9"}))) == listed_ids(page_two)

    # The feed's cost does not grow with its length either.
    feed_url = notice_index.url + "feed/rss/"
    with django_assert_max_num_queries(few):
        assert client.get(feed_url).status_code == 200


def test_pagination_keeps_the_filters(client, notice_index, notice_factory):
    make_many(notice_factory, 21)
    html = html_of(client.get(notice_index.url, {"year": "2024"}))
    assert 'href="/notices/?year=2024&amp;page=2" rel="next"' in html


def test_an_empty_feed_is_valid(client, notice_index):
    root = parse_feed(client.get(notice_index.url + "feed/rss/").content)
    assert root.find("channel").findall("item") == []
