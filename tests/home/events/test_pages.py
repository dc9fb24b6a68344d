"""An event's page: what it shows, its JSON-LD, its English version and its preview."""

import pytest

from home.events.models import EventPage

from .helpers import beijing, json_ld

pytestmark = pytest.mark.django_db


def test_event_page_shows_everything(client, event_factory, make_point):
    point = make_point(title="广州市知识产权信息中心")
    event = event_factory(
        title="专利检索实务培训",
        start=beijing("2030-05-01 14:00"),
        end=beijing("2030-05-01 16:30"),
        organisers=[point],
        audiences=["enterprise"],
        services=["B03"],
        capacity=30,
        registration_deadline=beijing("2030-04-30 17:00"),
    )
    response = client.get(event.url)
    assert response.status_code == 200
    html = response.text
    for text in ("专利检索实务培训", "广州图书馆报告厅", "广州市天河区珠江东路4号", "企事业单位"):
        assert text in html
    assert f'href="{point.url}"' in html
    assert f'href="{event.url}ics/"' in html
    assert 'id="registration-form"' in html
    assert f'action="{event.url}register/"' in html
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2030-05-01T14:00:00+08:00"
    assert data["endDate"] == "2030-05-01T16:30:00+08:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "广州市"
    assert data["organizer"][0]["name"] == "广州市知识产权信息中心"
    assert data["maximumAttendeeCapacity"] == 30


def test_online_event_json_ld(client, event_factory):
    event = event_factory(online=True, online_url="https://meeting.example.com/j/9")
    data = json_ld(client.get(event.url).text)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meeting.example.com/j/9",
    }


def test_english_event_links_to_english_profiles(client, event_factory, make_point):
    from home.core.locales import ensure_locale_trees

    point = make_point(title="广州市知识产权信息中心")
    event = event_factory(organisers=[point])
    ensure_locale_trees()
    response = client.get(f"/en/events/{event.slug}/")
    assert response.status_code == 200
    assert f'href="/en/directory/{point.slug}/"' in response.text
    assert 'action="/en/events/' in response.text


def test_preview_of_a_new_event(rf, event_index, admin_user):
    from django.contrib.sessions.middleware import SessionMiddleware

    event = EventPage(
        title="预览活动",
        slug="preview",
        kind="lecture",
        start=beijing("2030-05-01 14:00"),
        end=beijing("2030-05-01 16:00"),
        venue="报告厅",
        address="某路1号",
        summary="预览。",
        capacity=10,
        locale=event_index.locale,
    )
    request = rf.get("/")
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = admin_user
    response = event.serve_preview(request, event.default_preview_mode)
    response.render()
    assert response.status_code == 200
    assert "预览活动" in response.content.decode()
