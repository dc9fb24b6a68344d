"""The RSS and Atom feeds of upcoming events, in both languages."""

import pytest

from .helpers import parse_xml

pytestmark = pytest.mark.django_db


def test_rss_feed_lists_upcoming_events(client, event_factory):
    event_factory(title="下周培训", days=7)
    event_factory(title="明天讲座", days=1)
    event_factory(title="上月沙龙", days=-30)
    response = client.get("/events/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = parse_xml(response.content)
    items = root.findall("./channel/item")
    assert [item.findtext("title") for item in items] == ["明天讲座", "下周培训"]
    assert items[0].findtext("link").startswith("http://testserver/events/")


def test_atom_feed(client, event_factory):
    event_factory(title="下周培训", days=7)
    response = client.get("/events/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    root = parse_xml(response.content)
    entries = root.findall("atom:entry", ns)
    assert [entry.findtext("atom:title", namespaces=ns) for entry in entries] == ["下周培训"]


def test_english_feed_links_english_pages(client, event_factory):
    from home.core.locales import ensure_locale_trees

    event = event_factory(title="下周培训")
    ensure_locale_trees()
    response = client.get("/en/events/feed/rss/")
    assert response.status_code == 200
    root = parse_xml(response.content)
    links = [item.findtext("link") for item in root.findall("./channel/item")]
    assert links == [f"http://testserver/en/events/{event.slug}/"]
    assert '<link rel="alternate"' in client.get("/en/events/").text
