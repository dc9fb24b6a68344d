"""The permission matrix: point staff see only their own; the office sees and decides all."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from directory.lifecycle.access import is_office
from directory.lifecycle.models import ChangeReport, Filing
from tests.services.helpers import admin_client_for

from .helpers import make_moderator

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """403, or Wagtail's refusal: a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"].split("?")[0] == "/admin/"
    )


@pytest.fixture
def two_points(make_point, make_staff):
    a, b = make_point(title="甲网点"), make_point(title="乙网点")
    report_b = ChangeReport.objects.create(
        point=b,
        reason="乙的理由-SECRET",
        changes=[{"field": "phone", "label": "phone", "old": "1", "new": "2"}],
    )
    return a, b, make_staff(a), report_b


def test_office_groups_hold_the_lifecycle_permission(db):
    permission = Permission.objects.get(
        content_type__app_label="lifecycle", codename="manage_points"
    )
    for name in ("Editors", "Moderators"):
        assert permission in Group.objects.get(name=name).permissions.all()


def test_staff_of_a_cannot_see_or_decide_b(two_points):
    a, b, staff_a, report_b = two_points
    assert not is_office(staff_a)
    client = admin_client_for(staff_a)
    listing = client.get(reverse("lifecycle_change_reports:index"))
    assert listing.status_code == 200
    assert "SECRET" not in listing.content.decode() and "乙网点" not in listing.content.decode()
    assert (
        client.get(reverse("lifecycle_change_reports:inspect", args=[report_b.pk])).status_code
        == 404
    )
    assert refused(client.post(reverse("lifecycle_change_reports:approve", args=[report_b.pk])))
    assert refused(
        client.post(
            reverse("lifecycle_change_reports:reject", args=[report_b.pk]), {"comment": "x"}
        )
    )
    assert refused(client.get(reverse("lifecycle_point_decision", args=[a.pk])))
    assert refused(client.get(reverse("lifecycle_point_decision", args=[b.pk])))
    assert client.post(reverse("lifecycle_confirm", args=[b.pk])).status_code == 404
    assert client.get(reverse("lifecycle_point", args=[b.pk])).status_code == 404
    assert refused(client.get(reverse("lifecycle_filings:index")))
    report_b.refresh_from_db()
    assert report_b.status == "pending"
    assert b.verifications.count() == 0


def test_staff_see_their_own_reports_read_only(two_points):
    a, b, staff_a, report_b = two_points
    own = ChangeReport.objects.create(point=a, reason="甲的理由", changes=[])
    client = admin_client_for(staff_a)
    detail = client.get(reverse("lifecycle_change_reports:inspect", args=[own.pk]))
    assert detail.status_code == 200
    assert 'id="approve-form"' not in detail.content.decode()
    assert client.get(reverse("lifecycle_point", args=[a.pk])).status_code == 200
    assert client.post(reverse("lifecycle_confirm", args=[a.pk])).status_code == 302


def test_office_sees_every_point(two_points):
    a, b, staff_a, report_b = two_points
    client = admin_client_for(make_moderator())
    listing = client.get(reverse("lifecycle_change_reports:index"))
    assert "乙网点" in listing.content.decode()
    assert (
        client.get(reverse("lifecycle_change_reports:inspect", args=[report_b.pk])).status_code
        == 200
    )
    assert client.get(reverse("lifecycle_point_decision", args=[b.pk])).status_code == 200
    response = client.post(
        reverse("lifecycle_filings:add"),
        {
            "point": b.pk,
            "level": "city",
            "filed_by": "广州市知识产权局",
            "filed_with": "广东省知识产权局",
            "filed_on": "2026-05-01",
            "number": "穗备2026-01",
        },
    )
    assert response.status_code == 302
    assert Filing.objects.get().point_id == b.pk
    summary = client.get(reverse("lifecycle_point", args=[b.pk])).content.decode()
    assert "穗备2026-01" in summary


def test_dashboard_panels(two_points):
    a, b, staff_a, report_b = two_points
    staff_html = admin_client_for(staff_a).get("/admin/").content.decode()
    assert 'id="lifecycle-panel"' in staff_html
    assert reverse("lifecycle_confirm", args=[a.pk]) in staff_html
    assert reverse("lifecycle_confirm", args=[b.pk]) not in staff_html
    office_html = admin_client_for(make_moderator()).get("/admin/").content.decode()
    assert reverse("lifecycle_overdue") in office_html
    assert "1 change report waiting approval" in office_html
