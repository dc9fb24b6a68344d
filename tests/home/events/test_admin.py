"""The organisers' CSV of registrations, and where the admin links it."""

import csv
import io

import pytest

from home.events import registrations
from home.events.models import EventPage
from tests.services.helpers import admin_client_for

from .helpers import (
    csv_url,
    nonce,
    person,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_with_registrations(event_factory, make_point):
    organiser = make_point(title="主办网点")
    event = event_factory(organisers=[organiser])
    registrations.register(event, person('=HYPERLINK("http://x")', organisation="+danger"), nonce())
    registrations.register(
        event, person("张三", organisation="广州某公司", phone="13800138000"), nonce()
    )
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
