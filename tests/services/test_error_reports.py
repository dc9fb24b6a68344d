"""The public error report (报告信息有误): the form on every profile, what it stores and who
hears of it, the scoped admin list and the handling with a reply."""

import datetime
import time

import pytest
from django.utils import timezone

from home.core import abuse
from services.error_reports import handling
from services.models import ErrorReport, OutboxEmail

from .helpers import admin_client_for

pytestmark = pytest.mark.django_db


def report_url(point):
    return f"/en/consult/report-error/{point.pk}/"


def report_data(**overrides) -> dict:
    data = {
        "part": "contact",
        "text": "电话已改为 020-12345678。",
        "name": "",
        "email": "",
        "phone": "",
        "website": "",
        "form_token": abuse.issue_token(time.time() - 10),
    }
    data.update(overrides)
    return data


def make_report(point, **fields) -> ErrorReport:
    values = {"part": "address", "text": "地址已搬迁", "email": "r@example.com", "name": "王五"}
    values.update(fields)
    report, _ = handling.submit(
        point,
        handling.ErrorReportSubmission(**values),
        nonce=f"nonce-{time.monotonic_ns()}",
        consent_version="test",
        language="en",
    )
    return report


# --- the public form ------------------------------------------------------------------------


def test_every_profile_links_to_the_report_form(points, client):
    html = client.get(points[0].url).content.decode()
    assert f'href="/consult/report-error/{points[0].pk}/"' in html


def test_an_anonymous_report_is_stored_and_reaches_the_points_staff(points, client, make_staff):
    make_staff(points[0], username="staff_mail")
    response = client.post(report_url(points[0]), report_data())
    assert response.status_code == 302
    assert response["Location"].endswith(f"/report-error/{points[0].pk}/sent/")
    report = ErrorReport.objects.get()
    assert report.point == points[0]
    assert report.part == "contact" and report.status == ErrorReport.Status.OPEN
    assert not report.has_contact and report.consented_at is None
    mail = OutboxEmail.objects.get(kind=OutboxEmail.Kind.ERROR_REPORT)
    assert mail.to_address == "staff@example.com"
    assert "020-12345678" in mail.body
    assert f"/admin/error-reports/edit/{report.pk}/" in mail.body
    assert client.get(response["Location"]).status_code == 200


def test_contact_details_need_consent_and_nothing_typed_is_lost(points, client):
    data = report_data(name="王五", email="wang@example.com", text="开放时间有误")
    response = client.post(report_url(points[0]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "tick the box to agree" in html
    assert "开放时间有误" in html and "wang@example.com" in html and "王五" in html
    assert not ErrorReport.objects.exists()

    response = client.post(report_url(points[0]), {**data, "consent": "on"})
    assert response.status_code == 302
    report = ErrorReport.objects.get()
    assert report.email == "wang@example.com" and report.consented_at is not None


def test_bad_input_is_answered_with_clear_errors(points, client):
    response = client.post(report_url(points[0]), report_data(part="", text="  ", phone="12"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose which part of the profile is wrong." in html
    assert "Say what is wrong." in html
    assert not ErrorReport.objects.exists()


def test_bots_are_refused(points, client):
    assert client.post(report_url(points[0]), report_data(website="x")).status_code == 400
    too_fast = report_data(form_token=abuse.issue_token(time.time() + 5))
    assert client.post(report_url(points[0]), too_fast).status_code == 400
    assert not ErrorReport.objects.exists()


def test_a_double_click_stores_one_report(points, client):
    data = report_data()
    client.post(report_url(points[0]), data)
    client.post(report_url(points[0]), data)
    assert ErrorReport.objects.count() == 1


def test_the_form_is_never_cached(points, client):
    response = client.get(report_url(points[0]))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_network_limit_applies(points, client, settings):
    settings.CONSULTATION_RATE_LIMIT_COUNT = 1
    assert client.post(report_url(points[0]), report_data()).status_code == 302
    response = client.post(report_url(points[0]), report_data(text="第二条"))
    assert response.status_code == 429
    assert "第二条" in response.content.decode()


# --- the admin ------------------------------------------------------------------------------


def test_staff_handle_their_points_report_and_the_reporter_hears(points, staff_a, client_a):
    report = make_report(points[0])
    listing = client_a.get("/admin/error-reports/", {"status": "open"}).content.decode()
    assert f"/admin/error-reports/edit/{report.pk}/" in listing
    page = client_a.get(f"/admin/error-reports/edit/{report.pk}/")
    assert page.status_code == 200 and "地址已搬迁" in page.content.decode()

    response = client_a.post(
        f"/admin/error-reports/edit/{report.pk}/", {"status": "fixed", "reply": ""}
    )
    assert response.status_code == 200
    assert "Write a reply" in response.content.decode()
    assert ErrorReport.objects.get(pk=report.pk).is_open

    response = client_a.post(
        f"/admin/error-reports/edit/{report.pk}/", {"status": "fixed", "reply": "已更新地址。"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.FIXED
    assert report.handled_by == staff_a and report.handled_at is not None
    reply = OutboxEmail.objects.get(kind=OutboxEmail.Kind.ERROR_REPORT, to_address="r@example.com")
    assert "已更新地址。" in reply.body
    assert "The profile has been corrected." in reply.body
    client_a.get("/admin/error-reports/")  # shows (and uses up) the success message
    closed = client_a.get("/admin/error-reports/", {"status": "open"}).content.decode()
    assert f"/admin/error-reports/edit/{report.pk}/" not in closed


def test_staff_of_a_cannot_reach_bs_reports_anywhere(points, client_a):
    theirs = make_report(points[1], text="乙-SECRET")
    mine = make_report(points[0], text="甲的报告")
    listing = client_a.get("/admin/error-reports/").content.decode()
    assert f"/edit/{mine.pk}/" in listing and f"/edit/{theirs.pk}/" not in listing
    assert (
        "乙-SECRET" not in client_a.get("/admin/error-reports/", {"q": "SECRET"}).content.decode()
    )
    for path in (
        f"/admin/error-reports/edit/{theirs.pk}/",
        f"/admin/error-reports/delete/{theirs.pk}/",
        f"/admin/error-reports/history/{theirs.pk}/",
        f"/admin/error-reports/usage/{theirs.pk}/",
    ):
        assert client_a.get(path).status_code in (302, 403, 404), path
        assert client_a.post(path, {"status": "fixed", "reply": "x"}).status_code in (
            302,
            403,
            404,
        ), path
    assert ErrorReport.objects.get(pk=theirs.pk).is_open
    export = client_a.get("/admin/error-reports/", {"export": "csv"})
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content
    assert "甲的报告" in str(body) and "乙-SECRET" not in str(body)


def test_the_office_sees_every_report(points, office_user):
    reports = [make_report(points[0]), make_report(points[1])]
    listing = admin_client_for(office_user).get("/admin/error-reports/").content.decode()
    for report in reports:
        assert f"/admin/error-reports/edit/{report.pk}/" in listing


def test_users_without_a_point_see_no_reports(points, make_staff):
    make_report(points[0])
    nobody = admin_client_for(make_staff())
    assert nobody.get("/admin/error-reports/").status_code in (302, 403)


def test_contact_details_are_erased_after_the_retention(points, staff_a, settings):
    settings.ERROR_REPORT_CONTACT_DAYS = 30
    old = make_report(points[0])
    handling.handle(old, ErrorReport.Status.REJECTED, "无误", staff_a)
    ErrorReport.objects.filter(pk=old.pk).update(
        handled_at=timezone.now() - datetime.timedelta(days=31)
    )
    recent = make_report(points[0])
    handling.handle(recent, ErrorReport.Status.FIXED, "已改", staff_a)
    still_open = make_report(points[0])
    ErrorReport.objects.filter(pk=still_open.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=90)
    )
    assert handling.erase_closed_contacts() == 1
    old.refresh_from_db()
    assert (old.name, old.email, old.phone) == ("", "", "")
    assert old.contact_erased_at is not None and old.text == "地址已搬迁"
    assert ErrorReport.objects.get(pk=recent.pk).email == "r@example.com"
    assert ErrorReport.objects.get(pk=still_open.pk).email == "r@example.com"
    assert handling.erase_closed_contacts() == 0  # idempotent: a daily job


def test_the_erasure_is_a_daily_job():
    from home.core.schedule import daily_jobs

    assert daily_jobs()["services.erase_error_report_contacts"] is handling.erase_closed_contacts
