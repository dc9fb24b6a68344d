"""The admin dashboard: point staff's questions and reports; the office's network figures."""

import re

import pytest
from django.utils import timezone

from services.error_reports import handling
from services.models import ConsultationRequest

from .helpers import admin_client_for

pytestmark = pytest.mark.django_db


def row(html: str, row_id: str) -> tuple[str, int]:
    """The link and the count of one dashboard row."""
    match = re.search(
        rf'<tr id="{row_id}">\s*<td><a href="([^"]+)">.*?data-count="(\d+)"', html, re.S
    )
    assert match, row_id
    return match.group(1).replace("&amp;", "&"), int(match.group(2))


def report(point):
    return handling.submit(
        point,
        handling.ErrorReportSubmission(part="hours", text="开放时间不对"),
        nonce=f"dash-{point.pk}-{timezone.now().timestamp()}",
        consent_version="",
        language="zh-hans",
    )[0]


def test_staff_see_their_open_and_overdue_questions_and_reports(points, make_request, client_a):
    mine = make_request(points[0])
    late = make_request(points[0])
    ConsultationRequest.objects.filter(pk=late.pk).update(
        due_at=timezone.now() - timezone.timedelta(days=1)
    )
    make_request(points[1])  # another point's: not counted
    report(points[0])
    report(points[1])
    html = client_a.get("/admin/").content.decode()
    link, count = row(html, "open-questions")
    assert count == 2 and link == "/admin/consultations/?open=true"
    listing = client_a.get(link).content.decode()
    assert mine.formatted_code in listing
    link, count = row(html, "overdue-questions")
    assert count == 1 and "overdue=true" in link
    assert late.formatted_code in client_a.get(link).content.decode()
    link, count = row(html, "open-error-reports")
    assert count == 1 and link == "/admin/error-reports/?status=open"
    assert 'id="network-figures"' not in html


def test_the_office_sees_the_network(points, make_request, office_user):
    make_request(points[0])
    report(points[1])
    html = admin_client_for(office_user).get("/admin/").content.decode()
    assert row(html, "office-open-error-reports")[1] == 1
    assert row(html, "points-active")[1] >= 2
    assert row(html, "points-revoked")[1] == 0
    assert row(html, "questions-this-month")[1] >= 1
    assert 'id="open-questions"' not in html
