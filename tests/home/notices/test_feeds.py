"""The RSS and Atom feeds of the notice index, filtered like the list, over six notices."""

import pytest

from home.notices import feeds as notices_feeds

from .helpers import ATOM, html_of, listed_ids, parse_feed

# Every test reads the same six notices, built once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("assorted")]


def test_the_rss_feed_lists_the_filtered_notices_with_absolute_links(
    client, notice_index, assorted
):
    response = client.get(notice_index.url + "feed/rss/", {"region": "440000", "year": "2024"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = parse_feed(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("link") == "http://testserver/notices/?year=2024&region=440000"
    items = channel.findall("item")
    expected = [assorted["national_2024"], assorted["guangdong_2024"], assorted["guangzhou_2024"]]
    assert [item.findtext("title") for item in items] == [n.title for n in expected]
    for item, notice in zip(items, expected, strict=True):
        assert item.findtext("link") == f"http://testserver{notice.url}"
        assert item.findtext("guid") == f"http://testserver{notice.url}"
        assert item.findtext("description") == notice.summary
        assert item.findtext("pubDate")
    assert "广东省" in channel.findtext("title")


def test_the_atom_feed_lists_the_filtered_notices_with_absolute_links(
    client, notice_index, assorted
):
    response = client.get(notice_index.url + "feed/atom/", {"kind": "policy"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = parse_feed(response.content)
    assert root.tag == f"{ATOM}feed"
    self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"][0]
    assert self_link.get("href") == "http://testserver/notices/feed/atom/?kind=policy"
    entries = root.findall(f"{ATOM}entry")
    expected = [assorted["guangdong_2024"], assorted["national_policy_2023"]]
    assert [e.findtext(f"{ATOM}title") for e in entries] == [n.title for n in expected]
    for entry, notice in zip(entries, expected, strict=True):
        assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{notice.url}"
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == notice.issuing_authority
        assert entry.findtext(f"{ATOM}published").startswith(notice.publication_date.isoformat())


def test_the_feeds_hold_the_latest_items_only(client, notice_index, assorted, monkeypatch):
    monkeypatch.setattr(notices_feeds, "FEED_SIZE", 2)
    root = parse_feed(client.get(notice_index.url + "feed/rss/").content)
    titles = [item.findtext("title") for item in root.find("channel").findall("item")]
    assert titles == [assorted["beijing_2024"].title, assorted["national_2024"].title]


def test_a_feed_with_an_invalid_filter_answers_400(client, notice_index, assorted):
    response = client.get(notice_index.url + "feed/rss/", {"kind": "memo"})
    assert response.status_code == 400
    assert "memo" in response.content.decode()
    assert client.get(notice_index.url + "feed/atom/", {"region": "1"}).status_code == 400


def test_the_english_site_serves_the_index_and_its_feed(client, notice_index, assorted):
    from home.core.locales import ensure_locale_trees

    ensure_locale_trees()
    html = html_of(client.get("/en/notices/", {"kind": "policy"}))
    assert len(listed_ids(html)) == 2
    assert 'href="/en/notices/feed/rss/?kind=policy"' in html
    root = parse_feed(client.get("/en/notices/feed/rss/", {"kind": "policy"}).content)
    links = [item.findtext("link") for item in root.find("channel").findall("item")]
    assert links and all(link.startswith("http://testserver/en/notices/") for link in links)
