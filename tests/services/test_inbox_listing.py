"""The consultation inbox in the admin: the list, its filters, search and pages.

The fixtures `points`, `staff_a` and `client_a` are in tests/services/conftest.py.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from services import handling
from services.admin.columns import OVERDUE_CLASS
from services.models import ConsultationRequest, Status

from .helpers import admin_client_for, url

pytestmark = pytest.mark.django_db


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
