"""The daily reminder job: before the due date, once when late, never twice."""

import datetime

import pytest
from django.utils import timezone

from directory.yearly import reminders
from directory.yearly.models import AnnualSummary, ReminderSent
from home.core.schedule import daily_jobs

pytestmark = pytest.mark.django_db

# The points are created today, so the year under test is this one.
Y = timezone.localdate().year


@pytest.fixture
def sent(monkeypatch):
    mails = []
    monkeypatch.setattr(reminders, "queue_mail", lambda **mail: mails.append(mail))
    return mails


@pytest.fixture
def dates(settings):
    settings.ANNUAL_SUMMARY_DUE = "12-31"
    settings.ANNUAL_SUMMARY_REMINDER_DAYS = 30


def test_the_job_is_registered():
    assert daily_jobs()[reminders.JOB_NAME] is reminders.send_reminders


def test_reminder_before_the_due_date_is_sent_once(dates, sent, make_point, make_staff):
    point = make_point(title="提醒网点")
    make_staff(point)
    today = datetime.date(Y, 12, 1)
    assert reminders.send_reminders(today) == 1
    assert reminders.send_reminders(today) == 0
    assert reminders.send_reminders(today + datetime.timedelta(days=3)) == 0
    assert len(sent) == 1
    assert sent[0]["kind"] == "reminder"
    assert sent[0]["to"] == "staff@example.com"
    assert str(Y) in sent[0]["subject"] and "提醒网点" in sent[0]["body"]
    assert ReminderSent.objects.filter(point=point, year=Y, stage="before").count() == 1


def test_no_reminder_too_early_or_when_submitted(dates, sent, make_point, make_staff):
    early = make_point(title="早")
    done = make_point(title="已交")
    make_staff(early, done)
    AnnualSummary.objects.create(point=done, year=Y, status=AnnualSummary.Status.SUBMITTED)
    assert reminders.send_reminders(datetime.date(Y, 11, 30)) == 0
    assert reminders.send_reminders(datetime.date(Y, 12, 2)) == 1
    assert [m["body"] for m in sent if "已交" in m["body"]] == []


def test_late_reminder_is_sent_once_after_the_due_date(dates, sent, make_point, make_staff):
    point = make_point(title="逾期网点")
    make_staff(point)
    AnnualSummary.objects.create(point=point, year=Y)  # a draft is not handed in
    assert reminders.send_reminders(datetime.date(Y + 1, 1, 1)) == 1
    assert reminders.send_reminders(datetime.date(Y + 1, 1, 2)) == 0
    assert len(sent) == 1
    assert ReminderSent.objects.get(point=point).stage == "late"


def test_without_staff_the_point_address_is_used(dates, sent, make_point):
    point = make_point(title="无人网点")
    point.staff_group.user_set.clear()
    type(point).objects.filter(pk=point.pk).update(email="point@example.com")
    reminders.send_reminders(datetime.date(Y, 12, 15))
    assert [m["to"] for m in sent] == ["point@example.com"]
