"""Events: the listing and its filters, an event's page, .ics and feeds, registering, the CSV."""

import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.core import abuse
from home.events import registrations
from home.events.ics import ics_escape, ics_fold
from home.events.listing import parse_event_query
from home.events.models import EventIndexPage, EventPage, Registration
from home.homepage.models import HomePage
from services.models import OutboxEmail

from ..services.helpers import admin_client_for

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")


def beijing(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def form_data(**overrides) -> dict:
    data = {
        "name": "李四",
        "organisation": "广州某科技有限公司",
        "phone": "138 0013 8000",
        "email": "",
        "consent": "on",
        "website": "",
        "form_token": abuse.issue_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def person(name="王五", **fields) -> dict:
    return {"name": name, "organisation": "", "phone": "13800138000", "email": "", **fields}


_nonces = iter(range(1, 10_000))


def nonce() -> str:
    return f"test-nonce-{next(_nonces)}"


# --- Page types and their rules ------------------------------------------------------------------


def test_events_live_only_under_their_index(home_page, event_index):
    assert EventPage.can_create_at(event_index)
    assert not EventPage.can_create_at(home_page)
    assert EventIndexPage.allowed_parent_page_models() == [HomePage]
    # One index per home page, and it already exists.
    assert not EventIndexPage.can_create_at(home_page)
    assert EventPage.allowed_subpage_models() == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": beijing("2030-05-01 09:00")}, "end"),  # ends before it starts
        ({"end": beijing("2030-05-01 10:00")}, "end"),  # ends when it starts
        ({"online": True, "online_url": ""}, "online_url"),
        ({"venue": "", "address": ""}, "address"),
        ({"registration_deadline": beijing("2030-05-01 11:00")}, "registration_deadline"),
    ],
)
def test_clean_rules(event_factory, changes, field):
    event = event_factory(start=beijing("2030-05-01 10:00"), end=beijing("2030-05-01 12:00"))
    for name, value in changes.items():
        setattr(event, name, value)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert field in error.value.message_dict


def test_a_complete_event_is_clean(event_factory):
    event = event_factory(
        start=beijing("2030-05-01 10:00"),
        end=beijing("2030-05-01 12:00"),
        registration_deadline=beijing("2030-04-30 18:00"),
    )
    event.clean()
    online = event_factory(online=True)
    online.clean()


# --- The listing ---------------------------------------------------------------------------------


def titles(response) -> list[str]:
    return [event.title for event in response.context["events"]]


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


@pytest.mark.parametrize(
    "query",
    [
        "kind=party",
        "city=999999",
        "province=nowhere",
        "service=ZZZ",
        "audience=aliens",
        "online=maybe",
        "when=tomorrow",
        "page=abc",
        "page=0",
        "city=330100&province=440000",
        "kind=%00%ff",
    ],
)
def test_bad_filters_show_a_message_not_an_error(client, event_factory, query):
    event_factory(title="广州培训")
    response = client.get(f"/events/?{query}")
    assert response.status_code == 200
    assert 'id="filter-errors"' in response.text
    assert response.context["query"].errors


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


def _count_queries(client, url) -> int:
    client.get(url)  # warm caches (site root paths, settings)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


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
    few = _count_queries(client, "/events/?service=B03")
    few_past = _count_queries(client, "/events/?when=past")
    add(22)
    many = _count_queries(client, "/events/?service=B03")
    many_past = _count_queries(client, "/events/?when=past")
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


# --- An event's page -----------------------------------------------------------------------------


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


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


# --- iCalendar ------------------------------------------------------------------------------------


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", ""), "bare LF in the calendar"
    physical = text.split("\r\n")[:-1]
    for line in physical:
        assert len(line.encode("utf-8")) <= 75, f"line longer than 75 octets: {line!r}"
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def prop(lines: list[str], name: str) -> str:
    values = [line.split(":", 1)[1] for line in lines if line.split(":", 1)[0] == name]
    assert len(values) == 1, f"{name}: {values}"
    return values[0]


def test_ics(client, event_factory, make_point):
    point = make_point(title="广州市知识产权信息中心")
    event = event_factory(
        title="专利检索, 分析; 与布局\n培训",
        start=beijing("2030-05-01 14:00"),
        end=beijing("2030-05-01 16:30"),
        organisers=[point],
        venue="报告厅, 二楼",
        address="珠江东路4号; 天河区",
        summary="第一行\n第二行，" + "很长的说明" * 30,
    )
    response = client.get(f"{event.url}ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == f'attachment; filename="event-{event.pk}.ics"'
    lines = unfold(response.content.decode("utf-8"))
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and "BEGIN:VEVENT" in lines and "END:VEVENT" in lines
    assert prop(lines, "DTSTART") == "20300501T060000Z"
    assert prop(lines, "DTEND") == "20300501T083000Z"
    assert re.fullmatch(r"\d{8}T\d{6}Z", prop(lines, "DTSTAMP"))
    assert prop(lines, "UID") == f"event-{event.pk}@127.0.0.1"
    assert prop(lines, "SUMMARY") == "专利检索\\, 分析\\; 与布局\\n培训"
    assert prop(lines, "LOCATION") == "报告厅\\, 二楼\\, 珠江东路4号\\; 天河区"
    description = prop(lines, "DESCRIPTION")
    assert description.startswith("第一行\\n第二行，很长的说明")
    assert "广州市知识产权信息中心" in description
    assert prop(lines, "URL") == event.full_url


def test_ics_uid_is_the_same_in_english(client, event_factory):
    from home.core.locales import ensure_locale_trees

    event = event_factory()
    ensure_locale_trees()
    zh = unfold(client.get(f"{event.url}ics/").content.decode())
    en = unfold(client.get(f"/en/events/{event.slug}/ics/").content.decode())
    assert prop(zh, "UID") == prop(en, "UID")
    assert prop(en, "URL").endswith(f"/en/events/{event.slug}/")


def test_ics_helpers():
    assert ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = ics_fold("DESCRIPTION:" + "汉" * 60)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == (
        "DESCRIPTION:" + "汉" * 60
    )
    assert ics_fold("SHORT:x") == "SHORT:x"


def parse_xml(content: bytes):
    return ET.fromstring(content)  # noqa: S314 - the site's own feed, not untrusted input


# --- Feeds ----------------------------------------------------------------------------------------


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


# --- Registering ----------------------------------------------------------------------------------


def test_confirmed_until_capacity_then_waiting_list(event_factory):
    event = event_factory(capacity=2)
    first, created = registrations.register(event, person("甲"), nonce())
    second, _ = registrations.register(event, person("乙"), nonce())
    third, _ = registrations.register(event, person("丙"), nonce())
    fourth, _ = registrations.register(event, person("丁"), nonce())
    assert created
    assert [r.status for r in (first, second, third, fourth)] == [
        "confirmed",
        "confirmed",
        "waiting",
        "waiting",
    ]
    assert registrations.waiting_position(third) == 1
    assert registrations.waiting_position(fourth) == 2
    assert registrations.waiting_position(first) is None
    assert registrations.availability(event).is_full


def test_no_capacity_means_no_limit(event_factory):
    event = event_factory(capacity=None)
    for n in range(5):
        registration, _ = registrations.register(event, person(f"人{n}"), nonce())
        assert registration.status == "confirmed"


def test_cancelled_registrations_free_their_place(event_factory):
    event = event_factory(capacity=1)
    first, _ = registrations.register(event, person("甲"), nonce())
    first.status = Registration.Status.CANCELLED
    first.save()
    second, _ = registrations.register(event, person("乙"), nonce())
    assert second.status == "confirmed"


@pytest.mark.parametrize(
    ("fields", "reason", "state"),
    [
        ({"registration_deadline": "past"}, "deadline", "closed"),
        ({"start": "past"}, "started", "closed"),
        ({"registration_open": False}, "", "not_on_site"),
    ],
)
def test_refusals(event_factory, fields, reason, state):
    now = timezone.now()
    values = dict(fields)
    if values.get("registration_deadline") == "past":
        values["registration_deadline"] = now - datetime.timedelta(minutes=1)
    if values.get("start") == "past":
        values["start"] = now - datetime.timedelta(minutes=30)
    event = event_factory(**values)
    with pytest.raises(registrations.RegistrationClosed) as refused:
        registrations.register(event, person(), nonce())
    assert refused.value.availability.state == state
    assert refused.value.availability.reason == reason
    assert not Registration.objects.exists()


def test_deadline_is_exclusive(event_factory):
    deadline = beijing("2030-04-30 18:00")
    event = event_factory(start=beijing("2030-05-01 09:00"), registration_deadline=deadline)
    before = deadline - datetime.timedelta(seconds=1)
    registration, _ = registrations.register(event, person(), nonce(), now=before)
    assert registration.status == "confirmed"
    with pytest.raises(registrations.RegistrationClosed):
        registrations.register(event, person(), nonce(), now=deadline)


def test_the_same_nonce_twice_is_one_registration(event_factory):
    event = event_factory(capacity=5)
    first, created = registrations.register(event, person(), "same-nonce")
    again, created_again = registrations.register(event, person(), "same-nonce")
    assert created and not created_again
    assert first.pk == again.pk
    assert Registration.objects.count() == 1


def test_english_registrations_count_against_the_chinese_event(event_factory):
    from home.core.locales import ensure_locale_trees

    event = event_factory(capacity=1)
    ensure_locale_trees()
    english = EventPage.objects.get(alias_of=event)
    first, _ = registrations.register(english, person(), nonce(), language="en")
    second, _ = registrations.register(event, person(), nonce())
    assert first.event_id == event.pk == second.event_id
    assert (first.status, second.status) == ("confirmed", "waiting")


def test_registration_through_the_page(client, event_factory, make_point):
    point = make_point(title="广州市知识产权信息中心")
    event = event_factory(organisers=[point], capacity=1)
    response = client.post(f"{event.url}register/", form_data())
    assert response.status_code == 302
    assert response["Location"] == f"{event.url}registered/"
    registration = Registration.objects.get()
    assert registration.name == "李四"
    assert registration.phone == "13800138000"
    assert registration.status == "confirmed"
    assert registration.consent_version
    receipt = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert receipt.status_code == 200
    assert 'data-status="confirmed"' in receipt.text

    # The next visitor joins the waiting list and is told their position.
    other = client.__class__()
    response = other.post(f"{event.url}register/", form_data(name="赵六"))
    assert response.status_code == 302
    receipt = other.get(response["Location"])
    assert 'data-status="waiting"' in receipt.text
    assert receipt.context["position"] == 1


def test_receipt_without_a_registration_goes_back_to_the_event(client, event_factory):
    event = event_factory()
    response = client.get(f"{event.url}registered/")
    assert response.status_code == 302
    assert response["Location"] == event.url


def test_get_on_register_goes_back_to_the_event(client, event_factory):
    event = event_factory()
    response = client.get(f"{event.url}register/")
    assert response.status_code == 302


def test_double_submit_is_one_registration(client, event_factory):
    event = event_factory(capacity=5)
    data = form_data()
    first = client.post(f"{event.url}register/", data)
    second = client.post(f"{event.url}register/", data)
    assert first.status_code == second.status_code == 302
    assert Registration.objects.count() == 1


def test_consent_is_required_and_input_kept(client, event_factory):
    event = event_factory()
    response = client.post(f"{event.url}register/", form_data(consent=None))
    assert response.status_code == 400
    assert not Registration.objects.exists()
    form = response.context["form"]
    assert "consent" in form.errors
    assert 'id="form-errors"' in response.text
    assert 'value="李四"' in response.text
    assert 'value="广州某科技有限公司"' in response.text


def test_consent_text_names_the_organisers_and_links_the_privacy_policy(
    client, event_factory, make_point
):
    point = make_point(title="广州市知识产权信息中心")
    event = event_factory(organisers=[point])
    html = client.get(event.url, HTTP_ACCEPT_LANGUAGE="en").text
    label = re.search(r'<label[^>]*for="id_consent"[^>]*>(.*?)</label>', html, re.S).group(1)
    assert "广州市知识产权信息中心" in label
    assert 'href="/privacy/"' in label
    assert "checked" not in re.search(r'<input[^>]*id="id_consent"[^>]*>', html).group(0)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"phone": "12345"}, "phone"),
        ({"phone": "", "email": "not-an-address"}, "email"),
        ({"phone": "", "email": ""}, "phone"),
        ({"name": ""}, "name"),
    ],
)
def test_field_errors_keep_the_input(client, event_factory, overrides, field):
    event = event_factory()
    response = client.post(f"{event.url}register/", form_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert 'value="广州某科技有限公司"' in response.text
    if overrides.get("phone"):
        assert f'value="{overrides["phone"]}"' in response.text
    if overrides.get("email"):
        assert f'value="{overrides["email"]}"' in response.text
    assert not Registration.objects.exists()


def test_field_errors_are_translated(client, event_factory):
    from home.core.locales import ensure_locale_trees

    event = event_factory()
    ensure_locale_trees()
    zh = client.post(f"{event.url}register/", form_data(phone="12345"))
    en = client.post(f"/en/events/{event.slug}/register/", form_data(phone="12345"))
    assert "请填写 11 位手机号" in zh.text
    assert "Enter a mobile number" in en.text


def test_honeypot_and_bad_token_are_refused(client, event_factory):
    event = event_factory()
    assert client.post(f"{event.url}register/", form_data(website="x")).status_code == 400
    assert client.post(f"{event.url}register/", form_data(form_token="bad")).status_code == 400
    assert not Registration.objects.exists()


def test_a_closed_event_explains_why_instead_of_the_form(client, event_factory):
    event = event_factory(registration_deadline=timezone.now() - datetime.timedelta(minutes=1))
    html = client.get(event.url, HTTP_ACCEPT_LANGUAGE="en").text
    assert 'id="registration-form"' not in html
    assert 'id="registration-state"' in html
    response = client.post(f"{event.url}register/", form_data())
    assert response.status_code == 409
    assert not Registration.objects.exists()


def test_a_full_event_offers_the_waiting_list(client, event_factory):
    event = event_factory(capacity=1)
    registrations.register(event, person(), nonce())
    html = client.get(event.url).text
    assert 'id="registration-state"' in html
    assert 'id="registration-form"' in html
    assert "alert-warning" in html


def test_email_is_queued_in_the_registrants_language(
    client, event_factory, django_capture_on_commit_callbacks, mailoutbox
):
    from home.core.locales import ensure_locale_trees

    event = event_factory(title="专利检索实务培训", capacity=1)
    ensure_locale_trees()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/events/{event.slug}/register/", form_data(email="Li.Si@Example.com")
        )
    assert response.status_code == 302
    email = OutboxEmail.objects.get()
    assert email.kind == OutboxEmail.Kind.REGISTRATION
    assert email.to_address == "li.si@example.com"
    assert email.subject.startswith("Registration confirmed")
    assert "专利检索实务培训" in email.body
    assert f"/en/events/{event.slug}/" in email.body
    assert len(mailoutbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{event.url}register/", form_data(email="wang@example.com"))
        client.post(f"/en/events/{event.slug}/register/", form_data(email="zhao@example.com"))
    assert Registration.objects.get(email="wang@example.com").status == "waiting"
    waiting = OutboxEmail.objects.get(to_address="zhao@example.com")
    assert waiting.subject.startswith("On the waiting list")
    assert "position 2" in waiting.body
    assert len(mailoutbox) == 3


def test_no_email_without_an_address(client, event_factory, django_capture_on_commit_callbacks):
    event = event_factory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{event.url}register/", form_data(email=""))
    assert Registration.objects.count() == 1
    assert not OutboxEmail.objects.exists()


def test_erase_expired_registrations(event_factory):
    event = event_factory()
    registrations.register(event, person(), nonce())
    later = event.end + datetime.timedelta(days=registrations.retention_days() + 1)
    assert registrations.erase_expired_registrations(now=event.end) == 0
    assert registrations.erase_expired_registrations(now=later) == 1


def test_query_parser_keeps_good_values():
    query = parse_event_query({"kind": "lecture", "online": "1", "when": "past"})
    assert query.kind == "lecture" and query.online and query.is_past
    assert query.params() == {"when": "past", "kind": "lecture", "online": "1"}
    assert not query.errors


# --- The organisers' CSV --------------------------------------------------------------------------


def csv_url(event) -> str:
    return f"/admin/events/{event.pk}/registrations.csv"


@pytest.fixture
def event_with_registrations(event_factory, make_point):
    organiser = make_point(title="主办网点")
    event = event_factory(organisers=[organiser])
    registrations.register(event, person('=HYPERLINK("http://x")', organisation="+danger"), nonce())
    registrations.register(event, person("张三", organisation="广州某公司"), nonce())
    return event, organiser


def test_csv_for_organiser_staff(client, event_with_registrations, make_staff):
    event, organiser = event_with_registrations
    admin_client_for(make_staff(organiser), client)
    response = client.get(csv_url(event))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 3
    assert rows[1][1] == '\'=HYPERLINK("http://x")'
    assert rows[1][2] == "'+danger"
    assert rows[2][1] == "张三"
    assert rows[2][3] == "13800138000"


def test_csv_refused_to_other_points_staff(
    client, event_with_registrations, make_staff, make_point
):
    event, _organiser = event_with_registrations
    admin_client_for(make_staff(make_point(title="别的网点")), client)
    assert client.get(csv_url(event)).status_code == 404


def test_csv_for_the_office(client, event_with_registrations, office_user):
    event, _organiser = event_with_registrations
    admin_client_for(office_user, client)
    assert client.get(csv_url(event)).status_code == 200


def test_csv_anonymous_goes_to_login(client, event_with_registrations):
    event, _organiser = event_with_registrations
    response = client.get(csv_url(event))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_csv_of_an_english_alias_is_the_chinese_list(client, event_with_registrations, make_staff):
    from home.core.locales import ensure_locale_trees

    event, organiser = event_with_registrations
    ensure_locale_trees()
    alias = EventPage.objects.get(alias_of=event)
    admin_client_for(make_staff(organiser), client)
    response = client.get(csv_url(alias))
    assert response.status_code == 200
    assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) == 3


def test_edit_view_links_the_csv(client, event_with_registrations, office_user):
    event, _organiser = event_with_registrations
    admin_client_for(office_user, client)
    response = client.get(f"/admin/pages/{event.pk}/edit/")
    assert response.status_code == 200
    assert csv_url(event) in response.text
    listing = client.get(f"/admin/pages/{event.get_parent().pk}/")
    assert listing.status_code == 200
    assert csv_url(event) in listing.text


def test_point_staff_find_their_events_on_the_dashboard(
    client, event_with_registrations, make_staff, make_point
):
    event, organiser = event_with_registrations
    admin_client_for(make_staff(organiser), client)
    dashboard = client.get("/admin/")
    assert 'id="organised-events"' in dashboard.text
    assert csv_url(event) in dashboard.text
    admin_client_for(make_staff(make_point(title="别的网点")), client)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert csv_url(event) not in dashboard.text


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


def test_the_erase_command_deletes_registrations_of_long_past_events(event_factory):
    import datetime
    import io

    from django.core.management import call_command
    from django.utils import timezone

    from home.events.models import Registration
    from home.events.registrations import retention_days

    old = event_factory(start=timezone.now() - datetime.timedelta(days=retention_days() + 30))
    Registration.objects.create(
        event=old,
        name="张三",
        status="confirmed",
        consent_version="t",
        consented_at=timezone.now(),
        submission_nonce="erase-test",
    )
    out = io.StringIO()
    call_command("erase_registrations", stdout=out)
    assert "1 registrations deleted" in out.getvalue()
    assert not Registration.objects.exists()
