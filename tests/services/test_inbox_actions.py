"""The consultation inbox in the admin: reply, status, transfer, edit and bulk actions."""

import re

import pytest
from django.utils import timezone

from directory.models import ServiceItem
from services.models import OutboxEmail, RequestEvent, Status

from ..factories import reference
from .helpers import admin_client_for, refreshed, url

pytestmark = pytest.mark.django_db


# --- reply --------------------------------------------------------------------------------


def test_reply_answers_the_asker(points, make_request, client_a, staff_a):
    request_obj = make_request(points[0])
    response = client_a.post(url("reply", request_obj.pk), {"body": "您好，检索结果如下。"})
    assert response.status_code == 302
    assert response["Location"] == url("detail", request_obj.pk)

    request_obj = refreshed(request_obj)
    assert request_obj.status == Status.ANSWERED
    assert request_obj.first_response_at is not None
    email = OutboxEmail.objects.get(request=request_obj, kind=OutboxEmail.Kind.REPLY)
    assert email.to_address == "asker@example.com"
    assert "您好，检索结果如下。" in email.body
    event = request_obj.events.get(kind=RequestEvent.Kind.REPLIED)
    assert event.actor == staff_a

    html = client_a.get(url("detail", request_obj.pk)).content.decode()
    assert "Reply sent." in html
    assert "您好，检索结果如下。" in html
    assert "staff_a" in html  # the history and the reply name who answered


def test_reply_and_close(points, make_request, client_a):
    request_obj = make_request(points[0])
    client_a.post(url("reply", request_obj.pk), {"body": "已答复。", "close": "on"})
    request_obj = refreshed(request_obj)
    assert request_obj.status == Status.CLOSED
    assert request_obj.closed_at is not None


def test_empty_reply_is_refused_with_the_input_kept(points, make_request, client_a):
    request_obj = make_request(points[0])
    response = client_a.post(url("reply", request_obj.pk), {"body": "   ", "close": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    assert "The reply was not sent." in html
    assert 'name="close" id="reply-close" checked' in html
    assert refreshed(request_obj).status == Status.NEW
    assert not OutboxEmail.objects.filter(kind=OutboxEmail.Kind.REPLY).exists()


# --- status -------------------------------------------------------------------------------


def test_status_change_is_logged_with_who_and_when(points, make_request, client_a, staff_a):
    request_obj = make_request(points[0])
    before = timezone.now()
    response = client_a.post(
        url("status", request_obj.pk), {"status": "in_progress", "note": "正在检索"}
    )
    assert response.status_code == 302
    assert refreshed(request_obj).status == Status.IN_PROGRESS
    event = RequestEvent.objects.get(request=request_obj, kind=RequestEvent.Kind.STATUS)
    assert (event.actor, event.from_status, event.to_status, event.note) == (
        staff_a,
        Status.NEW,
        Status.IN_PROGRESS,
        "正在检索",
    )
    assert event.created_at >= before
    html = client_a.get(url("detail", request_obj.pk)).content.decode()
    assert "staff_a" in html
    assert timezone.localtime(event.created_at).strftime("%Y-%m-%d %H:%M") in html


def test_status_unchanged_or_unknown_is_an_error(points, make_request, client_a):
    request_obj = make_request(points[0])
    html = client_a.post(url("status", request_obj.pk), {"status": "new"}).content.decode()
    assert "The request already has this status." in html
    html = client_a.post(url("status", request_obj.pk), {"status": "transferred"}).content.decode()
    assert "Select a valid choice." in html
    assert not request_obj.events.filter(kind=RequestEvent.Kind.STATUS).exists()


# --- transfer -----------------------------------------------------------------------------


def test_transfer_moves_the_request_to_the_other_points_inbox(
    points, make_request, client_a, make_staff, staff_a
):
    request_obj = make_request(points[0])
    response = client_a.post(
        url("transfer", request_obj.pk), {"to_point": points[1].pk, "note": "乙网点更合适"}
    )
    # The first point no longer sees it: back to its list.
    assert response.status_code == 302
    assert response["Location"] == url("index")
    request_obj = refreshed(request_obj)
    assert (request_obj.point, request_obj.status) == (points[1], Status.TRANSFERRED)
    event = request_obj.events.get(kind=RequestEvent.Kind.TRANSFERRED)
    assert (event.actor, event.from_point, event.to_point) == (staff_a, points[0], points[1])
    assert OutboxEmail.objects.filter(request=request_obj, kind=OutboxEmail.Kind.TRANSFER).exists()

    assert request_obj.formatted_code not in client_a.get(url("index")).content.decode()
    assert client_a.get(url("detail", request_obj.pk)).status_code == 404
    client_b = admin_client_for(make_staff(points[1]))
    assert request_obj.formatted_code in client_b.get(url("index")).content.decode()


def test_transfer_needs_a_note_and_another_point(points, make_request, client_a):
    request_obj = make_request(points[0])
    response = client_a.post(url("transfer", request_obj.pk), {"to_point": points[1].pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    # Input kept: the point chooser's hidden value and the chosen point's name.
    assert re.search(rf'name="to_point" value="{points[1].pk}"', html)
    assert "乙网点" in html

    html = client_a.post(
        url("transfer", request_obj.pk), {"to_point": points[0].pk, "note": "x"}
    ).content.decode()
    assert "The request is already there." in html
    html = client_a.post(
        url("transfer", request_obj.pk), {"to_point": "central", "note": "x"}
    ).content.decode()
    assert "Choose an active point from the list." in html  # only the office may
    assert refreshed(request_obj).point == points[0]
    assert not request_obj.events.filter(kind=RequestEvent.Kind.TRANSFERRED).exists()


def test_office_may_transfer_to_the_central_inbox(points, make_request, office_user):
    request_obj = make_request(points[0])
    client = admin_client_for(office_user)
    response = client.post(
        url("transfer", request_obj.pk), {"to_point": "central", "note": "由局处理"}
    )
    assert response["Location"] == url("detail", request_obj.pk)
    assert refreshed(request_obj).point is None


# --- edit ---------------------------------------------------------------------------------


def test_edit_corrects_the_service_and_logs_it(points, make_request, client_a, staff_a):
    request_obj = make_request(points[0])
    other = (
        ServiceItem.objects.exclude(pk=request_obj.service_id)
        .filter(locale=request_obj.service.locale)
        .first()
    )
    response = client_a.post(
        url("edit", request_obj.pk),
        {"service": other.pk, "status": request_obj.status, "note": "提问人选错了服务"},
    )
    assert response.status_code == 302
    request_obj = refreshed(request_obj)
    assert request_obj.service == other
    assert request_obj.tier == other.tier  # the point does not offer it: the catalogue's tier
    event = request_obj.events.get(kind=RequestEvent.Kind.EDITED)
    assert event.actor == staff_a
    assert request_obj.status == Status.NEW
    assert other.name in event.note and "提问人选错了服务" in event.note


def test_edit_changes_the_status_through_handling(points, make_request, client_a, staff_a):
    request_obj = make_request(points[0])
    response = client_a.post(
        url("edit", request_obj.pk), {"service": request_obj.service_id, "status": "closed"}
    )
    assert response.status_code == 302
    request_obj = refreshed(request_obj)
    assert request_obj.status == Status.CLOSED and request_obj.closed_at is not None
    event = request_obj.events.get(kind=RequestEvent.Kind.STATUS)
    assert (event.actor, event.from_status, event.to_status) == (staff_a, "new", "closed")
    assert request_obj.service_id == reference(ServiceItem, "B03").pk


# --- bulk ---------------------------------------------------------------------------------


def test_bulk_close(points, make_request, client_a, staff_a):
    first, second, untouched = (make_request(points[0]) for _ in range(3))
    response = client_a.post(
        url("bulk"),
        {"action": "close", "ids": [first.pk, second.pk], "next": url("index") + "?status=new"},
    )
    assert response.status_code == 302
    assert response["Location"] == url("index") + "?status=new"
    for obj in (first, second):
        obj = refreshed(obj)
        assert obj.status == Status.CLOSED
        assert obj.events.get(kind=RequestEvent.Kind.STATUS).actor == staff_a
    assert refreshed(untouched).status == Status.NEW
    assert "2 requests set to" in client_a.get(url("index")).content.decode()


def test_bulk_without_selection_changes_nothing(points, make_request, client_a):
    request_obj = make_request(points[0])
    response = client_a.post(url("bulk"), {"action": "close"}, follow=True)
    assert "Select at least one request." in response.content.decode()
    assert refreshed(request_obj).status == Status.NEW


def test_bulk_ignores_outside_next_urls(points, make_request, client_a):
    request_obj = make_request(points[0])
    response = client_a.post(
        url("bulk"),
        {"action": "in_progress", "ids": [request_obj.pk], "next": "https://evil.example/"},
    )
    assert response["Location"] == url("index")
    assert refreshed(request_obj).status == Status.IN_PROGRESS
