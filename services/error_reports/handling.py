"""What happens to an error report (报告信息有误), as plain functions tested without HTTP.

`submit` stores the report and tells the point's staff and the office; `handle` closes it as
fixed or rejected with a reply, which goes to the reporter when they left an e-mail address;
`erase_closed_contacts` (a daily job) removes the reporter's contact details once a closed
report is ERROR_REPORT_CONTACT_DAYS old (default: OUTBOX_RETENTION_DAYS, 30 days), long enough
for a follow-up question about the reply, short enough that the list holds no old contacts.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from home.core.mail import queue_mail

from ..models import ErrorReport, OutboxEmail
from ..staff import is_office_staff

FIXED_ACTION = "services.error_report.fixed"
REJECTED_ACTION = "services.error_report.rejected"
REPORTED_ACTION = "services.error_report.reported"


@dataclass
class ErrorReportSubmission:
    """What the reporter entered, validated by the form."""

    part: str
    text: str
    name: str = ""
    email: str = ""
    phone: str = ""


def contact_retention_days() -> int:
    return getattr(
        settings, "ERROR_REPORT_CONTACT_DAYS", getattr(settings, "OUTBOX_RETENTION_DAYS", 30)
    )


def submit(
    point, submission: ErrorReportSubmission, *, nonce: str, consent_version: str, language: str
) -> tuple[ErrorReport, bool]:
    """Store a report; (report, created). The same nonce twice gives one report."""
    existing = ErrorReport.objects.filter(submission_nonce=nonce).first()
    if existing:
        return existing, False
    has_contact = bool(submission.name or submission.email or submission.phone)
    try:
        with transaction.atomic():
            report = ErrorReport.objects.create(
                point=point,
                part=submission.part,
                text=submission.text,
                name=submission.name,
                email=submission.email,
                phone=submission.phone,
                consent_version=consent_version if has_contact else "",
                consented_at=timezone.now() if has_contact else None,
                language=language,
                submission_nonce=nonce,
            )
            log(instance=report, action=REPORTED_ACTION)
            notify_handlers(report)
    except IntegrityError:
        existing = ErrorReport.objects.filter(submission_nonce=nonce).first()
        if existing is None:
            raise
        return existing, False
    return report, True


def handler_addresses(point) -> list[str]:
    """The e-mail addresses of the point's staff, and of the office when nobody serves it."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    addresses = set()
    if point.staff_group_id:
        addresses |= set(users.filter(groups=point.staff_group_id).values_list("email", flat=True))
    office_address = getattr(settings, "ERROR_REPORT_OFFICE_EMAIL", "")
    if office_address:
        addresses.add(office_address)
    return sorted(addresses)


def notify_handlers(report: ErrorReport) -> None:
    # Staff mail is in the site's language: staff are Chinese-speaking whatever the reporter.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Error reported on the profile of %(point)s") % {"point": report.point.title}
        body = render_to_string(
            "services/email/error_report_staff.txt",
            {
                "report": report,
                "admin_url": settings.WAGTAILADMIN_BASE_URL
                + reverse("error_reports:edit", args=[report.pk]),
            },
        )
    for address in handler_addresses(report.point):
        queue_mail(kind=OutboxEmail.Kind.ERROR_REPORT, to=address, subject=subject, body=body)


def may_handle(user, report: ErrorReport) -> bool:
    from ..staff import staff_point_ids

    return is_office_staff(user) or report.point_id in staff_point_ids(user)


@transaction.atomic
def handle(report: ErrorReport, status: str, reply: str, actor) -> ErrorReport:
    """Close `report` as fixed or rejected with `reply`; the reporter is told by e-mail."""
    if status not in (ErrorReport.Status.FIXED, ErrorReport.Status.REJECTED):
        raise ValueError(status)
    report.status = status
    report.reply = reply
    report.handled_by = actor
    report.handled_at = timezone.now()
    report.save(update_fields=["status", "reply", "handled_by", "handled_at"])
    log(
        instance=report,
        action=FIXED_ACTION if status == ErrorReport.Status.FIXED else REJECTED_ACTION,
        user=actor,
    )
    if report.email:
        with translation.override(report.language):
            queue_mail(
                kind=OutboxEmail.Kind.ERROR_REPORT,
                to=report.email,
                subject=_("Your report about %(point)s") % {"point": report.point.title},
                body=render_to_string(
                    "services/email/error_report_reply.txt",
                    {"report": report, "site_name": settings.WAGTAIL_SITE_NAME},
                ),
            )
    return report


def erase_closed_contacts(today: datetime.date | None = None) -> int:
    """Remove the contact details of reports closed more than the retention period ago."""
    now = timezone.now()
    cutoff = now - datetime.timedelta(days=contact_retention_days())
    return (
        ErrorReport.objects.exclude(status=ErrorReport.Status.OPEN)
        .filter(handled_at__lt=cutoff, contact_erased_at__isnull=True)
        .update(name="", email="", phone="", contact_erased_at=now)
    )
