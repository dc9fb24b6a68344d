"""Who may reach which consultation request in the admin inbox.

A point's staff reach their own point's requests and nothing else: every URL of another
point's request answers 404 (its existence is not revealed) and changes nothing.
"""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from home.core.models import User
from services.models import ConsultationReply, ConsultationRequest, OutboxEmail, Status

from .helpers import admin_client_for, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_b(points, make_request):
    return make_request(
        points[1],
        subject="乙的问题",
        attachment=ContentFile(b"%PDF-1.4 test", name="b.pdf"),
        attachment_name="乙的附件.pdf",
    )


@pytest.fixture
def request_a(points, make_request):
    return make_request(points[0], subject="甲的问题")


def snapshot(request_obj):
    fresh = ConsultationRequest.objects.get(pk=request_obj.pk)
    return (
        fresh.status,
        fresh.point_id,
        fresh.service_id,
        fresh.tier,
        fresh.closed_at,
        fresh.first_response_at,
        fresh.events.count(),
        ConsultationReply.objects.filter(request=fresh).count(),
        OutboxEmail.objects.filter(request=fresh).count(),
    )


def every_url_of(request_obj, point):
    """(method, url, data) for each route that touches `request_obj` or its point."""
    pk = request_obj.pk
    return [
        ("get", url("detail", pk), None),
        ("get", url("edit", pk), None),
        ("post", url("edit", pk), {"service": "", "status": "closed", "note": "x"}),
        ("post", url("reply", pk), {"body": "答复", "close": "on"}),
        ("post", url("status", pk), {"status": "closed"}),
        ("post", url("transfer", pk), {"to_point": "central", "note": "转办"}),
        ("get", url("attachment", pk), None),
        (
            "get",
            url("export"),
            {
                "date_from": "2000-01-01",
                "date_to": "2100-01-01",
                "format": "csv",
                "point": point.pk,
            },
        ),
        ("post", url("bulk"), {"action": "close", "ids": [pk]}),
        ("get", url("statistics"), {"year": "2025", "point": point.pk}),
    ]


def test_other_points_staff_get_404_on_every_url_and_nothing_changes(points, request_b, make_staff):
    staff_a = admin_client_for(make_staff(points[0]))
    before = snapshot(request_b)
    for method, address, data in every_url_of(request_b, points[1]):
        response = getattr(staff_a, method)(address, data)
        assert response.status_code == 404, (method, address, response.status_code)
    assert snapshot(request_b) == before


def test_bulk_with_one_foreign_id_changes_none(points, request_a, request_b, make_staff):
    staff_a = admin_client_for(make_staff(points[0]))
    before_a, before_b = snapshot(request_a), snapshot(request_b)
    response = staff_a.post(url("bulk"), {"action": "close", "ids": [request_a.pk, request_b.pk]})
    assert response.status_code == 404
    assert snapshot(request_a) == before_a
    assert snapshot(request_b) == before_b


def test_unknown_or_malformed_ids_answer_404(points, request_a, make_staff):
    staff_a = admin_client_for(make_staff(points[0]))
    for ids in ([request_a.pk, 999_999], ["abc"]):
        assert staff_a.post(url("bulk"), {"action": "close", "ids": ids}).status_code == 404
    assert ConsultationRequest.objects.get(pk=request_a.pk).status == Status.NEW


def test_own_points_staff_reach_every_url(points, request_b, make_staff):
    staff_b = admin_client_for(make_staff(points[1]))
    pk = request_b.pk
    year = timezone.localdate().year
    today = timezone.localdate().isoformat()
    period = {"date_from": today, "date_to": today, "format": "csv"}
    for address, data in (
        (url("index"), None),
        (url("detail", pk), None),
        (url("edit", pk), None),
        (url("attachment", pk), None),
        (url("export"), {**period, "point": points[1].pk}),
        (url("statistics"), {"year": year, "point": points[1].pk}),
    ):
        assert staff_b.get(address, data).status_code == 200, address

    def post(name, data):
        response = staff_b.post(url(name, pk), data)
        assert response.status_code == 302, name
        return ConsultationRequest.objects.get(pk=pk)

    assert post("status", {"status": "in_progress"}).status == Status.IN_PROGRESS
    assert post("reply", {"body": "这是答复。"}).status == Status.ANSWERED
    assert post("edit", {"service": "", "status": "in_progress"}).service_id is None
    assert post("transfer", {"to_point": points[0].pk, "note": "转给甲"}).point == points[0]
    # Now at point A: B's staff have lost it, A's staff can close it in bulk.
    assert staff_b.get(url("detail", pk)).status_code == 404
    staff_a = admin_client_for(make_staff(points[0]))
    assert staff_a.post(url("bulk"), {"action": "close", "ids": [pk]}).status_code == 302
    assert ConsultationRequest.objects.get(pk=pk).status == Status.CLOSED


def test_user_serving_two_points_sees_both(points, request_a, request_b, make_staff):
    both = admin_client_for(make_staff(*points))
    html = both.get(url("index")).content.decode()
    assert request_a.formatted_code in html
    assert request_b.formatted_code in html
    for obj in (request_a, request_b):
        assert both.get(url("detail", obj.pk)).status_code == 200


def test_point_staff_do_not_see_the_central_inbox(points, make_request, make_staff):
    central = make_request(None, service=None)
    assert central.point_id is None
    staff_a = admin_client_for(make_staff(points[0]))
    assert central.formatted_code not in staff_a.get(url("index")).content.decode()
    assert staff_a.get(url("detail", central.pk)).status_code == 404
    assert staff_a.get(url("index"), {"point": "central"}).status_code == 200  # filter ignored
    export = {"date_from": "2000-01-01", "date_to": "2100-01-01", "format": "csv"}
    assert staff_a.get(url("export"), {**export, "point": "central"}).status_code == 404


def test_office_sees_everything_including_the_central_inbox(
    points, request_a, request_b, make_request, office_user
):
    central = make_request(None, service=None)
    office = admin_client_for(office_user)
    html = office.get(url("index")).content.decode()
    for obj in (request_a, request_b, central):
        assert obj.formatted_code in html
        assert office.get(url("detail", obj.pk)).status_code == 200
    html = office.get(url("index"), {"point": "null"}).content.decode()
    assert central.formatted_code in html
    assert request_a.formatted_code not in html
    html = office.get(url("index"), {"point": points[1].pk}).content.decode()
    assert request_b.formatted_code in html
    assert request_a.formatted_code not in html


def test_anonymous_users_go_to_the_login(request_b):
    client = Client()
    for address in (url("index"), url("detail", request_b.pk), url("attachment", request_b.pk)):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    response = client.post(url("bulk"), {"action": "close", "ids": [request_b.pk]})
    assert response.status_code == 302
    assert ConsultationRequest.objects.get(pk=request_b.pk).status == Status.NEW


def test_user_without_staff_group_is_refused(request_b):
    plain = User.objects.create_user("plain", password="pw-for-tests-only-123")
    response = admin_client_for(plain).get(url("index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))

    # Admin access but no inbox permission: Wagtail's permission-denied redirect.
    admin_only = User.objects.create_user("adminonly", password="pw-for-tests-only-123")
    admin_only.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client = admin_client_for(admin_only)
    for address in (url("index"), url("detail", request_b.pk), url("export"), url("statistics")):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"] == reverse("wagtailadmin_home")
    assert "/admin/consultations/" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_menu_item_is_shown_to_point_staff(points, make_staff):
    html = (
        admin_client_for(make_staff(points[0])).get(reverse("wagtailadmin_home")).content.decode()
    )
    assert "/admin/consultations/" in html


def test_no_create_or_delete_routes():
    from django.urls import NoReverseMatch

    for name in ("add", "delete", "copy", "history", "usage", "inspect"):
        with pytest.raises(NoReverseMatch):
            reverse(f"consultations:{name}", args=[1])
        with pytest.raises(NoReverseMatch):
            reverse(f"consultations:{name}")
