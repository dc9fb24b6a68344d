"""The consultation inbox in the admin: a request's detail page and its attachment."""

import pytest
from django.core.files.base import ContentFile

from services import handling

from .helpers import url

pytestmark = pytest.mark.django_db


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
    # Transfer targets come from the searchable point chooser, limited to active points.
    assert 'name="to_point"' in html
    assert "/admin/point-chooser/?active=1" in html


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
