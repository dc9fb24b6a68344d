"""Change reports (变更报备): the reason, the report, and the moderation it follows."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from directory.lifecycle.changes import key_fact_changes
from directory.lifecycle.models import ChangeReport
from directory.lifecycle.reports import ReportActionError, approve_report, reject_report
from directory.models import ServicePoint
from tests.services.helpers import admin_client_for

from .helpers import edit_data, make_moderator

pytestmark = pytest.mark.django_db


def test_key_fact_changes_lists_each_changed_fact_with_old_and_new(make_point):
    point = make_point(title="甲网点", phone="020-1111", offerings=(("B03", "basic", "free"),))
    new = ServicePoint.objects.get(pk=point.pk)
    new.phone = "020-2222"
    new.address = "新地址1号"
    changes = key_fact_changes(point, new)
    assert [(c["field"], c["old"], c["new"]) for c in changes] == [
        ("address", "", "新地址1号"),
        ("phone", "020-1111", "020-2222"),
    ]
    assert key_fact_changes(point, ServicePoint.objects.get(pk=point.pk)) == []


def test_key_fact_changes_sees_the_services(make_point):
    point = make_point(offerings=(("B03", "basic", "free"),))
    changes = key_fact_changes(point, point, new_services=["专利导航"])
    assert [c["field"] for c in changes] == ["services"]


def test_staff_must_give_a_reason_and_lose_nothing(make_point, make_staff):
    point = make_point(title="甲网点", phone="020-1111")
    staff = make_staff(point)
    client = admin_client_for(staff)
    url = f"/admin/pages/{point.pk}/edit/"
    response = client.post(url, edit_data(point, phone="020-9999", **{"action-submit": "1"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "please give the reason for the change" in html
    assert 'value="020-9999"' in html  # what was typed is still there
    assert not ChangeReport.objects.exists()

    response = client.post(
        url,
        edit_data(point, phone="020-9999", change_reason="换了新号码", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    report = ChangeReport.objects.get()
    assert report.point_id == point.pk
    assert report.submitted_by == staff
    assert report.reason == "换了新号码"
    assert report.status == ChangeReport.Status.PENDING
    assert report.changes == [
        {"field": "phone", "label": "phone", "old": "020-1111", "new": "020-9999"}
    ]
    assert report.revision_id == Page.objects.get(pk=point.pk).latest_revision_id
    # Not published: staff cannot publish, the office approves.
    assert ServicePoint.objects.get(pk=point.pk).phone == "020-1111"


def test_no_reason_needed_without_key_change_nor_for_the_office(make_point, make_staff):
    point = make_point(phone="020-1111")
    staff_client = admin_client_for(make_staff(point))
    url = f"/admin/pages/{point.pk}/edit/"
    response = staff_client.post(url, edit_data(point, hours_note="午休12:00–13:30"))
    assert response.status_code == 302
    office_client = admin_client_for(make_moderator())
    response = office_client.post(url, edit_data(point, phone="020-3333"))
    assert response.status_code == 302
    assert not ChangeReport.objects.exists()


def _submitted(point, staff, phone="020-9999"):
    client = admin_client_for(staff)
    client.post(
        f"/admin/pages/{point.pk}/edit/",
        edit_data(point, phone=phone, change_reason="新号码", **{"action-submit": "1"}),
    )
    return ChangeReport.objects.get(point=point, status="pending")


def test_publishing_through_the_workflow_approves_the_report(make_point, make_staff):
    point = make_point(phone="020-1111")
    report = _submitted(point, make_staff(point))
    moderator = make_moderator()
    page = ServicePoint.objects.get(pk=point.pk)
    task_state = page.current_workflow_state.current_task_state
    task_state.approve(user=moderator)
    report.refresh_from_db()
    assert ServicePoint.objects.get(pk=point.pk).phone == "020-9999"
    assert report.status == ChangeReport.Status.APPROVED
    assert report.decided_by == moderator


def test_the_workflow_rejection_rejects_the_report_with_its_comment(make_point, make_staff):
    point = make_point(phone="020-1111")
    report = _submitted(point, make_staff(point))
    moderator = make_moderator()
    task_state = ServicePoint.objects.get(pk=point.pk).current_workflow_state.current_task_state
    task_state.reject(user=moderator, comment="号码无法接通")
    report.refresh_from_db()
    assert report.status == ChangeReport.Status.REJECTED
    assert report.comment == "号码无法接通"
    assert report.decided_by == moderator


def test_office_screen_approves_and_rejects(make_point, make_staff):
    point = make_point(phone="020-1111")
    staff = make_staff(point)
    report = _submitted(point, staff)
    moderator = make_moderator()
    client = admin_client_for(moderator)
    detail = client.get(reverse("lifecycle_change_reports:inspect", args=[report.pk]))
    assert detail.status_code == 200
    assert "020-1111" in detail.content.decode() and "020-9999" in detail.content.decode()
    response = client.post(reverse("lifecycle_change_reports:approve", args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "approved" and report.decided_by == moderator
    assert ServicePoint.objects.get(pk=point.pk).phone == "020-9999"
    assert ServicePoint.objects.get(pk=point.pk).current_workflow_state is None

    second = _submitted(ServicePoint.objects.get(pk=point.pk), staff, phone="020-7777")
    empty = client.post(reverse("lifecycle_change_reports:reject", args=[second.pk]), {})
    assert empty.status_code == 302
    second.refresh_from_db()
    assert second.status == "pending"  # a rejection needs its comment
    client.post(reverse("lifecycle_change_reports:reject", args=[second.pk]), {"comment": "不对"})
    second.refresh_from_db()
    assert second.status == "rejected" and second.comment == "不对"


def test_approved_reports_are_listed_on_the_profile(client, make_point, make_staff):
    point = make_point(phone="020-1111")
    report = _submitted(point, make_staff(point))
    approve_report(report, make_moderator())
    html = client.get("/en" + ServicePoint.objects.get(pk=point.pk).url).content.decode()
    assert 'id="changes-on-record"' in html
    assert "phone" in html.split('id="changes-on-record"')[1]


def test_status_decision_revision_does_not_approve_a_pending_report(make_point, make_staff):
    from directory.lifecycle.decisions import apply_decision

    point = make_point(phone="020-1111")
    report = _submitted(point, make_staff(point))
    office = make_moderator()
    apply_decision(point, action="suspend", reason="other", text="整改", user=office)
    report.refresh_from_db()
    assert report.status == "pending"
    # Approving it now would publish the old status with it: refused.
    with pytest.raises(ReportActionError):
        approve_report(report, office)
    assert ServicePoint.objects.get(pk=point.pk).status == "suspended"


def test_staff_cannot_change_the_status_in_the_form(make_point, make_staff):
    point = make_point()
    client = admin_client_for(make_staff(point))
    revisions = point.revisions.count()
    response = client.post(
        f"/admin/pages/{point.pk}/edit/",
        edit_data(point, status="revoked", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    assert point.revisions.count() == revisions + 1
    revision = ServicePoint.objects.get(pk=point.pk).latest_revision
    assert revision.content["status"] == "active"


def test_reject_report_without_workflow(make_point, make_staff):
    point = make_point(phone="020-1111")
    report = _submitted(point, make_staff(point))
    reject_report(report, make_moderator(), "请补充材料")
    report.refresh_from_db()
    assert report.status == "rejected"


def test_an_office_edit_keeps_the_staff_report_pending(make_point, make_staff):
    point = make_point(phone="020-1111")
    report = _submitted(point, make_staff(point))
    office_client = admin_client_for(make_moderator())
    response = office_client.post(
        f"/admin/pages/{point.pk}/edit/",
        edit_data(ServicePoint.objects.get(pk=point.pk), hours_note="午休"),
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "pending"


def test_the_edit_page_offers_confirm_and_decision(make_point, make_staff):
    point = make_point()
    url = f"/admin/pages/{point.pk}/edit/"
    confirm = reverse("lifecycle_confirm", args=[point.pk])
    decision = reverse("lifecycle_point_decision", args=[point.pk])
    staff_html = admin_client_for(make_staff(point)).get(url).content.decode()
    assert confirm in staff_html and decision not in staff_html
    office_html = admin_client_for(make_moderator()).get(url).content.decode()
    assert confirm in office_html and decision in office_html
