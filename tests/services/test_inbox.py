"""The consultation inbox in the admin: list, detail and the actions on a request."""

import csv
import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from directory.models import ServiceItem
from services import handling
from services.admin.columns import OVERDUE_CLASS
from services.models import ConsultationRequest, OutboxEmail, RequestEvent, Status

from ..factories import reference
from .helpers import admin_client_for

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"consultations:{name}", args=args)


def refreshed(request_obj):
    return ConsultationRequest.objects.get(pk=request_obj.pk)


@pytest.fixture
def points(make_point):
    return make_point(title="甲网点"), make_point(title="乙网点")


@pytest.fixture
def staff_a(points, make_staff):
    return make_staff(points[0], username="staff_a")


@pytest.fixture
def client_a(staff_a):
    return admin_client_for(staff_a)


def make_overdue(request_obj):
    ConsultationRequest.objects.filter(pk=request_obj.pk).update(
        due_at=timezone.now() - datetime.timedelta(hours=2)
    )


# --- list ---------------------------------------------------------------------------------


def test_list_marks_and_counts_overdue_requests(points, make_request, client_a):
    late, other_late = make_request(points[0]), make_request(points[0])
    fresh = make_request(points[0])
    answered_late = make_request(points[0])
    make_overdue(late)
    make_overdue(other_late)
    make_overdue(answered_late)
    ConsultationRequest.objects.filter(pk=answered_late.pk).update(first_response_at=timezone.now())

    html = client_a.get(url("index")).content.decode()
    assert "2 overdue requests" in html
    assert html.count(f'class="{OVERDUE_CLASS}"') == 2
    assert html.count(">Overdue</span>") == 2
    # Newest first.
    assert html.index(answered_late.formatted_code) < html.index(fresh.formatted_code)
    assert html.index(fresh.formatted_code) < html.index(late.formatted_code)

    html = client_a.get(url("index"), {"overdue": "true"}).content.decode()
    assert late.formatted_code in html and other_late.formatted_code in html
    assert fresh.formatted_code not in html and answered_late.formatted_code not in html


def test_list_filters_and_search(points, make_request, client_a):
    first = make_request(points[0], subject="商标检索问题")
    second = make_request(points[0], subject="专利导航")
    handling.change_status(second, Status.IN_PROGRESS, None)
    ConsultationRequest.objects.filter(pk=first.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=40)
    )

    def codes(**params):
        html = client_a.get(url("index"), params).content.decode()
        return {obj.formatted_code for obj in (first, second) if obj.formatted_code in html}

    assert codes(status="in_progress") == {second.formatted_code}
    assert codes(q="商标") == {first.formatted_code}
    assert codes(q=second.formatted_code.lower()) == {second.formatted_code}
    assert codes(q=second.tracking_code[:6]) == {second.formatted_code}
    recent = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    assert codes(submitted_at_from=recent) == {second.formatted_code}
    assert codes(submitted_at_to=recent) == {first.formatted_code}
    # The results fragment (used by the live search) is scoped and filtered the same way.
    html = client_a.get(url("index_results"), {"q": "商标"}).content.decode()
    assert first.formatted_code in html and second.formatted_code not in html


def test_list_paginates(points, make_request, client_a):
    for _ in range(26):
        make_request(points[0])
    html = client_a.get(url("index")).content.decode()
    assert html.count('name="ids"') == 25
    assert "Page 1 of 2" in html
    assert client_a.get(url("index"), {"p": 2}).content.decode().count('name="ids"') == 1


def test_list_query_count_does_not_grow_with_rows(points, make_request, office_user):
    client = admin_client_for(office_user)
    for index in range(5):
        make_request(points[index % 2])
    client.get(url("index"))  # warm caches (content types, site, user profile)
    with CaptureQueriesContext(connection) as five:
        assert client.get(url("index")).status_code == 200
    for index in range(20):
        make_request(points[index % 2], service="B03" if index % 3 else None)
    with CaptureQueriesContext(connection) as twenty_five:
        html = client.get(url("index")).content.decode()
    assert html.count('name="ids"') == 25
    assert len(twenty_five) == len(five), [q["sql"] for q in twenty_five]


# --- detail -------------------------------------------------------------------------------


def test_detail_shows_every_field_history_and_forms(points, make_request, client_a):
    request_obj = make_request(
        points[0],
        organisation="某科技公司",
        attachment=ContentFile(b"%PDF-1.4 test", name="report.pdf"),
        attachment_name="检索报告.pdf",
    )
    html = client_a.get(url("detail", request_obj.pk)).content.decode()
    for text in (
        request_obj.formatted_code,
        request_obj.subject,
        request_obj.question,
        "张三",
        "某科技公司",
        "13800138000",
        "asker@example.com",
        "甲网点",
        request_obj.service.name,
        request_obj.routing_reason,
        "asked on the point&#x27;s profile",
        "检索报告.pdf",
        url("attachment", request_obj.pk),
        'action="' + url("reply", request_obj.pk),
        'action="' + url("status", request_obj.pk),
        'action="' + url("transfer", request_obj.pk),
        "submitted",  # the history's first line
    ):
        assert text in html, text
    # Transfer targets: the other active point, not this one.
    assert f'value="{points[1].pk}"' in html
    assert f'<option value="{points[0].pk}"' not in html


def test_detail_of_an_anonymised_request_says_so(points, make_request, client_a):
    request_obj = make_request(points[0])
    handling.anonymise(request_obj)
    html = client_a.get(url("detail", request_obj.pk)).content.decode()
    assert "personal data was erased" in html
    assert "asker@example.com" not in html and "13800138000" not in html


def test_transfer_targets_exclude_inactive_and_draft_points(
    points, make_point, make_request, client_a
):
    suspended = make_point(title="暂停网点", status="suspended")
    draft = make_point(title="草稿网点", live=False)
    html = client_a.get(url("detail", make_request(points[0]).pk)).content.decode()
    assert "暂停网点" not in html and "草稿网点" not in html
    assert f'value="{suspended.pk}"' not in html and f'value="{draft.pk}"' not in html
    assert 'value="central"' not in html  # only the office may send to its central inbox


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
    assert f'<option value="{points[1].pk}" selected>' in html  # input kept

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


# --- attachment ---------------------------------------------------------------------------


def test_attachment_is_streamed_as_a_download(points, make_request, client_a):
    request_obj = make_request(
        points[0],
        attachment=ContentFile(b"%PDF-1.4 test", name="report.pdf"),
        attachment_name="检索报告.pdf",
    )
    response = client_a.get(url("attachment", request_obj.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "%E6%A3%80%E7%B4%A2%E6%8A%A5%E5%91%8A.pdf" in response["Content-Disposition"]


def test_no_attachment_is_404(points, make_request, client_a):
    assert client_a.get(url("attachment", make_request(points[0]).pk)).status_code == 404


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
