"""Verification: confirming a profile, its due date, the reminders and the overdue report."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from directory.lifecycle.models import Reminder, Verification
from directory.lifecycle.verification import (
    add_months,
    points_due_for_verification,
    send_verification_reminders,
    verification_due,
)
from directory.models import ServicePoint
from home.core import mail
from tests.services.helpers import admin_client_for

from .helpers import make_moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def outbox(monkeypatch):
    sent = []
    monkeypatch.setattr(mail, "_sender", lambda **kw: sent.append(kw))
    return sent


def test_add_months_keeps_the_end_of_month():
    assert add_months(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2026, 1, 15), 6) == datetime.date(2026, 7, 15)


def test_due_date_from_recognition_then_from_the_last_confirmation(make_point, settings):
    settings.POINT_VERIFICATION_MONTHS = 6
    point = make_point(recognition_date=datetime.date(2026, 1, 10))
    assert verification_due(point) == datetime.date(2026, 7, 10)
    point.last_verified_at = timezone.make_aware(datetime.datetime(2026, 3, 1, 10))
    assert verification_due(point) == datetime.date(2026, 9, 1)


def test_staff_confirm_their_profile_without_a_revision(client, make_point, make_staff):
    point = make_point()
    revisions = point.revisions.count()
    staff = make_staff(point)
    staff_client = admin_client_for(staff)
    url = reverse("lifecycle_confirm", args=[point.pk])
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url)
    assert response.status_code == 302
    fresh = ServicePoint.objects.get(pk=point.pk)
    assert fresh.last_verified_at is not None
    assert fresh.revisions.count() == revisions
    assert Verification.objects.get().user == staff
    assert PageLogEntry.objects.filter(page=point, action="lifecycle.verify").exists()
    html = client.get("/en" + fresh.url).content.decode()
    assert 'id="last-verified"' in html
    assert (
        fresh.last_verified_at.astimezone(timezone.get_current_timezone()).strftime("%Y-%m-%d")
        in html.split('id="last-verified"')[1]
    )


def test_confirmation_survives_publishing_an_older_revision(make_point, make_staff):
    point = make_point()
    old_revision = point.latest_revision
    from directory.lifecycle.verification import confirm_profile

    confirm_profile(point, make_staff(point))
    old_revision.publish()
    assert ServicePoint.objects.get(pk=point.pk).last_verified_at is not None


def test_reminders_before_and_overdue_once_each(make_point, make_staff, settings, outbox):
    settings.POINT_VERIFICATION_MONTHS = 6
    settings.POINT_VERIFICATION_REMINDER_DAYS = 14
    point = make_point(recognition_date=datetime.date(2026, 1, 10), email="point@example.com")
    due = datetime.date(2026, 7, 10)
    assert send_verification_reminders(due - datetime.timedelta(days=15)) == 0
    assert send_verification_reminders(due - datetime.timedelta(days=14)) == 1
    assert send_verification_reminders(due - datetime.timedelta(days=13)) == 0  # same stage
    assert send_verification_reminders(due - datetime.timedelta(days=14)) == 0  # run twice
    assert [m["to"] for m in outbox] == ["point@example.com"]  # no staff: the point's address
    assert outbox[0]["kind"] == "reminder"
    make_staff(point)  # staff@example.com
    assert send_verification_reminders(due + datetime.timedelta(days=1)) == 1
    assert send_verification_reminders(due + datetime.timedelta(days=2)) == 0
    assert [m["to"] for m in outbox] == ["point@example.com", "staff@example.com"]
    assert Reminder.objects.filter(point=point).count() == 2


def test_the_reminder_key_is_unique_in_the_database(make_point):
    point = make_point()
    values = {"point": point, "kind": "verification", "due_date": datetime.date(2026, 7, 1)}
    Reminder.objects.create(stage="before", **values)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.create(stage="before", **values)


def test_a_second_worker_that_lost_the_race_sends_nothing(make_point, settings, outbox):
    """The row another worker wrote first (between our read and our insert) wins."""
    settings.POINT_VERIFICATION_MONTHS = 6
    point = make_point(recognition_date=datetime.date(2026, 1, 10), email="p@example.com")
    Reminder.objects.create(
        point=point, kind="verification", due_date=datetime.date(2026, 7, 10), stage="overdue"
    )
    assert send_verification_reminders(datetime.date(2026, 7, 20)) == 0
    assert outbox == []


def test_points_due_and_the_overdue_report(make_point, settings):
    settings.POINT_VERIFICATION_MONTHS = 6
    late = make_point(title="迟到网点", recognition_date=datetime.date(2020, 1, 1))
    make_point(title="新网点", recognition_date=timezone.localdate())
    due = points_due_for_verification(timezone.localdate())
    assert [p.pk for p, _ in due] == [late.pk]
    client = admin_client_for(make_moderator())
    html = client.get(reverse("lifecycle_overdue")).content.decode()
    assert "迟到网点" in html and "新网点" not in html


def test_staff_cannot_see_the_overdue_report(make_point, make_staff):
    point = make_point()
    response = admin_client_for(make_staff(point)).get(reverse("lifecycle_overdue"))
    assert response.status_code in (302, 403)


def test_the_daily_job_is_registered():
    from home.core.schedule import daily_jobs

    assert daily_jobs()["point-verification-reminders"] is send_verification_reminders
