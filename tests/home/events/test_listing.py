"""The event listing: upcoming and past, its filters, pages, query counts, and its cards."""

import datetime
import re

import pytest
from django.utils import timezone

from home.events import registrations

from .helpers import beijing, count_queries, nonce, person, titles

pytestmark = pytest.mark.django_db


def test_upcoming_and_past(client, event_factory):
    now = timezone.now()
    event_factory(title="三天后", days=3)
    event_factory(title="明天", days=1)
    event_factory(title="进行中", start=now - datetime.timedelta(hours=1))
    event_factory(title="上周", days=-7)
    event_factory(title="上月", days=-30)
    event_factory(title="草稿", days=2, live=False)

    upcoming = client.get("/events/")
    assert upcoming.status_code == 200
    assert titles(upcoming) == ["进行中", "明天", "三天后"]
    assert re.search(r'id="tab-upcoming"[^>]*aria-current="page"', upcoming.text)

    past = client.get("/events/?when=past")
    assert titles(past) == ["上周", "上月"]
    assert re.search(r'id="tab-past"[^>]*aria-current="page"', past.text)


def test_filters(client, event_factory, make_point):
    event_factory(title="广州培训", kind="training", city="440100", services=["B03"])
    event_factory(title="深圳讲座", kind="lecture", city="440300", audiences=["enterprise"])
    event_factory(title="杭州线上公开课", kind="open_class", city="330100", online=True)

    assert titles(client.get("/events/?kind=lecture")) == ["深圳讲座"]
    assert titles(client.get("/events/?city=440100")) == ["广州培训"]
    assert set(titles(client.get("/events/?province=440000"))) == {"广州培训", "深圳讲座"}
    assert titles(client.get("/events/?service=B03")) == ["广州培训"]
    assert titles(client.get("/events/?audience=enterprise")) == ["深圳讲座"]
    assert titles(client.get("/events/?online=1")) == ["杭州线上公开课"]
    assert titles(client.get("/events/?online=1&kind=lecture")) == []


def test_a_page_beyond_the_last_shows_the_last(client, event_factory):
    event_factory(title="唯一")
    response = client.get("/events/?page=9")
    assert response.status_code == 200
    assert titles(response) == ["唯一"]


def test_pagination(client, event_factory):
    for day in range(1, 23):
        event_factory(title=f"活动{day:02d}", days=day)
    first = client.get("/events/")
    assert len(first.context["events"]) == 20
    assert first.context["next_url"] == "/events/?page=2"
    second = client.get("/events/?page=2")
    assert titles(second) == ["活动21", "活动22"]


def test_listing_queries_do_not_grow_with_the_number_of_events(client, event_factory, make_point):
    points = [make_point(title=f"主办网点{n}") for n in range(3)]

    def add(count):
        for n in range(count):
            for days in (n + 1, -n - 1):
                event_factory(
                    organisers=points[: n % 3 + 1],
                    services=["B03"],
                    audiences=["enterprise"],
                    capacity=10,
                    days=days,
                )

    add(3)
    few = count_queries(client, "/events/?service=B03")
    few_past = count_queries(client, "/events/?when=past")
    add(22)
    many = count_queries(client, "/events/?service=B03")
    many_past = count_queries(client, "/events/?when=past")
    assert few == many
    assert few_past == many_past


def test_card_shows_kind_time_place_organisers_and_state(client, event_factory, make_point):
    point = make_point(title="广州市知识产权信息中心")
    full = event_factory(
        title="满员培训", start=beijing("2030-05-01 14:00"), organisers=[point], capacity=1
    )
    registrations.register(full, person(), nonce())
    event_factory(
        title="截止讲座",
        kind="lecture",
        start=beijing("2030-05-02 09:00"),
        registration_deadline=timezone.now() - datetime.timedelta(hours=1),
    )
    event_factory(title="线上沙龙", kind="salon", online=True, start=beijing("2030-05-03 19:30"))
    html = client.get("/events/").text
    assert '<time datetime="2030-05-01T14:00:00+08:00">2030-05-01 14:00</time>' in html
    assert '<time datetime="2030-05-01T16:00:00+08:00">16:00</time>' in html
    assert "广州市知识产权信息中心" in html
    assert "广州图书馆报告厅" in html
    assert html.count("event-state-full") == 1
    assert html.count("event-state-closed") == 1
    assert html.count('class="badge text-bg-info">') == 1  # the online salon


def test_card_states_in_english(client, event_factory):
    from home.core.locales import ensure_locale_trees

    full = event_factory(title="满员培训", capacity=0)
    event_factory(title="截止讲座", registration_deadline=timezone.now())
    event_factory(title="线上沙龙", online=True)
    ensure_locale_trees()
    response = client.get("/en/events/")
    assert response.status_code == 200
    html = response.text
    assert "Full — waiting list" in html
    assert "Registration closed" in html
    assert "Online" in html
    assert full.title in html


def test_index_links_its_feeds(client, event_index):
    html = client.get("/events/").text
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/events/feed/rss/"' in html
    assert 'href="/events/feed/atom/"' in html
