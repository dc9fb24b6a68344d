"""The daily job that reminds a point's staff of their annual summary.

Two stages per point and year: ANNUAL_SUMMARY_REMINDER_DAYS before the due date, and once
after it if still not handed in. Each stage is recorded under a unique (point, year, stage)
before its mail is queued, in one transaction, so a second run (or a second worker) sends
nothing; the outbox sends the mail only after that transaction commits.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from home.core.mail import queue_mail

from .dates import due_date, reminder_date
from .models import AnnualSummary, ReminderSent
from .population import summary_points

JOB_NAME = "annual-summary-reminders"


def stage_for(year: int, today: datetime.date) -> str | None:
    if reminder_date(year) <= today <= due_date(year):
        return ReminderSent.Stage.BEFORE
    if today > due_date(year):
        return ReminderSent.Stage.LATE
    return None


def recipients(point) -> list[str]:
    """The e-mail addresses of the point's active staff, else the point's own address."""
    if point.staff_group_id:
        emails = (
            get_user_model()
            .objects.filter(groups=point.staff_group_id, is_active=True)
            .exclude(email="")
            .order_by("email")
            .values_list("email", flat=True)
            .distinct()
        )
        if emails:
            return list(emails)
    return [point.email] if point.email else []


def _mail(point, year: int, stage: str, to: list[str]) -> None:
    # The staff work in Chinese: the site's default language, not the worker's.
    with translation.override("zh-hans"):
        context = {"point": point, "year": year, "due": due_date(year), "late": stage == "late"}
        if stage == ReminderSent.Stage.LATE:
            subject = _("Your annual work summary for %(year)s is late") % {"year": year}
        else:
            subject = _("Your annual work summary for %(year)s is due on %(due)s") % {
                "year": year,
                "due": due_date(year).isoformat(),
            }
        body = render_to_string("yearly/email/reminder.txt", context)
    for address in to:
        queue_mail(kind="reminder", to=address, subject=subject, body=body)


def send_reminders(today: datetime.date) -> int:
    """Queue the reminders due `today`; returns how many points were reminded."""
    reminded = 0
    # The year just ended too: its "late" reminder goes out in January.
    for year in (today.year - 1, today.year):
        stage = stage_for(year, today)
        if stage is None:
            continue
        handed_in = AnnualSummary.objects.for_year(year).handed_in().values("point_id")
        done = ReminderSent.objects.filter(year=year, stage=stage).values("point_id")
        points = summary_points(year).exclude(pk__in=handed_in).exclude(pk__in=done)
        for point in points:
            to = recipients(point)
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(
                        point=point, year=year, stage=stage, recipients=len(to)
                    )
                    _mail(point, year, stage, to)
            except IntegrityError:  # another run got there first
                continue
            reminded += 1
    return reminded
