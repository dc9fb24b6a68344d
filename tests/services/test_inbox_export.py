"""The consultation inbox in the admin: the ledger export and the statistics page."""

import csv
import io

import pytest
from django.utils import timezone

from services import handling

from .helpers import admin_client_for, url

pytestmark = pytest.mark.django_db


# --- export and statistics ----------------------------------------------------------------


def ledger_codes(response) -> set[str]:
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return {row[0] for row in rows[1:]}


def test_export_contains_only_the_scoped_requests(points, make_request, make_staff, office_user):
    mine, theirs = make_request(points[0]), make_request(points[1])
    central = make_request(None, service=None)
    today = timezone.localdate().isoformat()
    period = {"date_from": today, "date_to": today, "format": "csv"}

    response = admin_client_for(make_staff(points[0])).get(url("export"), period)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert ledger_codes(response) == {mine.formatted_code}

    office = admin_client_for(office_user)
    everything = {mine.formatted_code, theirs.formatted_code, central.formatted_code}
    assert ledger_codes(office.get(url("export"), period)) == everything
    assert ledger_codes(office.get(url("export"), {**period, "point": points[1].pk})) == {
        theirs.formatted_code
    }
    assert ledger_codes(office.get(url("export"), {**period, "point": "central"})) == {
        central.formatted_code
    }


def test_export_for_staff_of_two_points_may_pick_one(points, make_request, make_staff):
    mine, other = make_request(points[0]), make_request(points[1])
    client = admin_client_for(make_staff(*points))
    today = timezone.localdate().isoformat()
    period = {"date_from": today, "date_to": today, "format": "xlsx"}
    response = client.get(url("export"), {**period, "point": points[1].pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    csv_response = client.get(url("export"), {**period, "format": "csv"})
    assert ledger_codes(csv_response) == {mine.formatted_code, other.formatted_code}


def test_export_form_validates_the_period(points, client_a):
    assert client_a.get(url("export")).status_code == 200
    response = client_a.get(
        url("export"), {"date_from": "2025-02-01", "date_to": "2025-01-01", "format": "csv"}
    )
    assert response.status_code == 200
    assert "The end date is before the start date." in response.content.decode()


def test_statistics_of_a_point_and_a_year(points, make_request, client_a, staff_a):
    answered = make_request(points[0])
    make_request(points[0])
    make_request(points[1])
    handling.reply(answered, "答复", staff_a)
    year = timezone.localdate().year
    response = client_a.get(url("statistics"), {"year": year, "point": points[0].pk})
    assert response.status_code == 200
    stats = response.context["stats"]
    assert stats.total == 2
    assert stats.on_time_share == 1.0
    html = response.content.decode()
    assert f"Consultations in {year}: 甲网点" in html
    assert answered.service.name in html
    # Without parameters: the current year over every point the user serves.
    assert client_a.get(url("statistics")).context["stats"].total == 2
