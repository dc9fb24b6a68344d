"""RSS and Atom feeds of new and changed points, per directory filter."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from directory import feeds
from directory.filters import parse_directory_query
from directory.models import ServicePoint

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEED = "/directory/feed/atom/"


def published(point, days_ago: int):
    """Pretend the point's profile last changed `days_ago` days ago."""
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    ServicePoint.objects.filter(pk=point.pk).update(last_published_at=moment)
    return point


@pytest.fixture
def points(make_point):
    return {
        "old": published(make_point(title="广州旧馆", contact_person="李四", phone="020-1"), 30),
        "new": published(
            make_point(
                title="广州新馆",
                qualifications=["tisc"],
                offerings=[("B03", "basic", "free"), ("P03", "professional", "negotiable")],
            ),
            1,
        ),
        "beijing": published(make_point(title="北京新馆", city="110100"), 0),
    }


def parsed(response):
    return ET.fromstring(response.content)  # noqa: S314 - the site's own feed, not untrusted input


def atom_entries(response) -> list[dict]:
    root = parsed(response)
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "updated": entry.findtext(f"{ATOM}updated"),
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


def test_items_are_the_filtered_points_latest_change_first(points):
    query = parse_directory_query({"province": "guangdong"})
    assert [p.title for p in feeds.feed_items(query)] == ["广州新馆", "广州旧馆"]
    everything = parse_directory_query({})
    assert [p.title for p in feeds.feed_items(everything)] == ["北京新馆", "广州新馆", "广州旧馆"]
    assert [p.title for p in feeds.feed_items(everything, limit=1)] == ["北京新馆"]


def test_the_streamed_path_gives_the_same_order(points, monkeypatch):
    monkeypatch.setattr(feeds, "IN_LIST_LIMIT", 1)
    query = parse_directory_query({"province": "guangdong"})
    assert [p.title for p in feeds.feed_items(query)] == ["广州新馆", "广州旧馆"]


def test_summary_names_category_place_qualifications_and_services_without_contacts(points):
    with translation.override("zh-hans"):
        summary = feeds.point_summary(ServicePoint.objects.get(pk=points["new"].pk))
    assert "公共图书馆类服务网点" in summary and "广东省广州市" in summary
    assert "技术与创新支持中心" in summary and "专利导航" in summary
    old = feeds.point_summary(ServicePoint.objects.get(pk=points["old"].pk))
    assert "李四" not in old and "020-1" not in old


def test_atom_feed_of_a_filter(client, points):
    response = client.get(FEED, {"province": "guangdong"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = atom_entries(response)
    assert [e["title"] for e in entries] == ["广州新馆", "广州旧馆"]
    assert entries[0]["link"] == "http://testserver" + points["new"].url
    assert entries[0]["updated"] > entries[1]["updated"]
    body = response.content.decode()
    assert "李四" not in body and "020-1" not in body
    # The feed's own link and the listing it follows keep the filter.
    root = parsed(response)
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"].endswith("/directory/feed/atom/?province=guangdong")
    assert links["alternate"].endswith("/directory/?province=guangdong")


def test_rss_feed_and_its_limit(client, points, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 2)
    response = client.get("/directory/feed/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    items = parsed(response).findall("./channel/item")
    assert [item.findtext("title") for item in items] == ["北京新馆", "广州新馆"]


def test_english_feed_speaks_english(client, points):
    from home.core.locales import ensure_locale_trees

    ensure_locale_trees()  # the English directory: aliases of the Chinese points
    response = client.get("/en" + FEED, {"province": "guangdong"})

    assert response.status_code == 200
    root = parsed(response)
    assert root.findtext(f"{ATOM}title").startswith("New and changed points: ")
    entries = atom_entries(response)
    assert {e["title"] for e in entries} == {"广州新馆", "广州旧馆"}
    assert all("/en/directory/" in e["link"] for e in entries)
    assert all(e["summary"].startswith("Public library in Guangzhou") for e in entries)


def test_a_bad_filter_answers_400(client, points):
    response = client.get(FEED, {"tier": "gold"})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_queries_do_not_grow_with_items(client, make_point, points):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(FEED).status_code == 200
        return len(queries)

    few = count()
    for number in range(6):
        make_point(
            title=f"深圳新馆{number}",
            city="440300",
            qualifications=["tisc"],
            offerings=[("B03", "basic", "free"), ("P03", "professional", "negotiable")],
        )
    from django.core.cache import caches

    caches["page_store"].clear()
    assert count() == few


def test_directory_page_advertises_the_feed_of_its_filter(client, points):
    response = client.get("/directory/", {"province": "guangdong"})
    body = response.content.decode()

    assert 'rel="alternate" type="application/atom+xml"' in body
    assert 'href="/directory/feed/atom/?province=guangdong"' in body
    assert 'id="points-feed"' in body
