"""Verification: a point's staff confirm every few months that the profile is still right.

Due date = the last confirmation (or, before the first one, the recognition date or the first
publication) + POINT_VERIFICATION_MONTHS. The daily job reminds the point's staff
POINT_VERIFICATION_REMINDER_DAYS before the due date and once when it has passed; a Reminder row
under a unique key is written before the mail is queued, so a second run (or a second worker)
of the same day sends nothing.
"""

import calendar
import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from home.core.mail import queue_mail
from home.core.page_cache import clear_page_cache

from ..models import ServicePoint
from .models import Reminder, Verification

logger = logging.getLogger(__name__)


def verification_months() -> int:
    return getattr(settings, "POINT_VERIFICATION_MONTHS", 6)


def reminder_days() -> int:
    return getattr(settings, "POINT_VERIFICATION_REMINDER_DAYS", 14)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` `months` later, on the month's last day when it has fewer days (31 Aug → 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _local_date(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment is not None else None


def verification_base(point, as_of: datetime.date | None = None) -> datetime.date | None:
    """The date the current verification period started from.

    `as_of` looks back: the last confirmation made on or before that day (for year-end figures).
    """
    if as_of is None:
        confirmed = _local_date(point.last_verified_at)
    else:
        last = (
            Verification.objects.filter(point_id=point.pk, at__date__lte=as_of)
            .order_by("-at")
            .values_list("at", flat=True)
            .first()
        )
        confirmed = _local_date(last)
    return confirmed or point.recognition_date or _local_date(point.first_published_at)


def verification_due(point, as_of: datetime.date | None = None) -> datetime.date | None:
    """When the point must next confirm its profile; None for a never-published point."""
    base = verification_base(point, as_of)
    return add_months(base, verification_months()) if base else None


def days_overdue(point, today: datetime.date) -> int:
    due = verification_due(point, as_of=today)
    return max(0, (today - due).days) if due else 0


def verifiable_points():
    """Points that must confirm: live, active, in the default locale (not translations)."""
    from wagtail.models import Locale

    return ServicePoint.objects.live().filter(
        status=ServicePoint.Status.ACTIVE,
        alias_of__isnull=True,
        locale=Locale.get_default(),
    )


def points_due_for_verification(today: datetime.date) -> list[tuple[ServicePoint, datetime.date]]:
    """(point, due date) of every point whose due date is within the reminder window or past,
    the most overdue first."""
    horizon = today + datetime.timedelta(days=reminder_days())
    due = []
    for point in verifiable_points().only(
        "pk", "title", "last_verified_at", "recognition_date", "first_published_at", "email"
    ):
        date = verification_due(point)
        if date is not None and date <= horizon:
            due.append((point, date))
    return sorted(due, key=lambda item: (item[1], item[0].title))


def overdue_points(today: datetime.date) -> list[tuple[ServicePoint, datetime.date]]:
    return [(point, due) for point, due in points_due_for_verification(today) if due < today]


@transaction.atomic
def confirm_profile(point, user, *, now: datetime.datetime | None = None) -> Verification:
    """Record that `user` confirmed `point`'s profile. No revision: confirming changes no
    content; the audit log and the page's history show it instead."""
    now = now or timezone.now()
    verification = Verification.objects.create(point_id=point.pk, user=user, at=now)
    # update(): a save() would start a revision and re-index the page.
    ServicePoint.objects.filter(pk=point.pk).update(last_verified_at=now)
    point.last_verified_at = now
    log(instance=point, action="lifecycle.verify", user=user)
    clear_page_cache()
    return verification


def reminder_recipients(point) -> list[str]:
    """The point's staff with an e-mail address; the point's own address when it has none."""
    from home.core.models import User

    addresses = []
    if point.staff_group_id:
        addresses = list(
            User.objects.filter(groups__pk=point.staff_group_id, is_active=True)
            .exclude(email="")
            .order_by("pk")
            .values_list("email", flat=True)
            .distinct()
        )
    if not addresses and point.email:
        addresses = [point.email]
    return addresses


def reminder_stage(due: datetime.date, today: datetime.date) -> str | None:
    if today > due:
        return Reminder.Stage.OVERDUE
    if today >= due - datetime.timedelta(days=reminder_days()):
        return Reminder.Stage.BEFORE
    return None


def _admin_url(path: str) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return base.rstrip("/") + path


def _reminder_mail(point, due: datetime.date, stage: str) -> tuple[str, str]:
    url = _admin_url(reverse("lifecycle_confirm", args=[point.pk]))
    values = {"point": point.title, "date": due.isoformat(), "url": url}
    if stage == Reminder.Stage.OVERDUE:
        subject = _("Overdue: please confirm the profile of %(point)s") % values
        body = (
            _(
                "The profile of %(point)s was due to be confirmed on %(date)s. Please check it and "
                "confirm that it is correct, or correct it: %(url)s"
            )
            % values
        )
    else:
        subject = _("Please confirm the profile of %(point)s by %(date)s") % values
        body = (
            _(
                "Please check the profile of %(point)s in the directory and confirm by %(date)s "
                "that it is correct, or correct it: %(url)s"
            )
            % values
        )
    return subject, body


def send_verification_reminders(today: datetime.date) -> int:
    """The daily job: one reminder per point, due date and stage, ever. Returns how many sent."""
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for point, due in points_due_for_verification(today):
            stage = reminder_stage(due, today)
            if stage is None:
                continue
            recipients = reminder_recipients(point)
            with transaction.atomic():
                # The unique constraint is the lock: of two runs, one creates the row and
                # mails; the other finds it (get_or_create retries the get) and does nothing.
                _reminder, created = Reminder.objects.get_or_create(
                    point_id=point.pk,
                    kind=Reminder.Kind.VERIFICATION,
                    due_date=due,
                    stage=stage,
                    defaults={"recipients": len(recipients)},
                )
                if not created:
                    continue
                subject, body = _reminder_mail(point, due, stage)
                for address in recipients:
                    queue_mail(kind="reminder", to=address, subject=subject, body=body)
            if recipients:
                sent += 1
            else:
                logger.warning("Point %s has no address for its verification reminder", point.pk)
    return sent
