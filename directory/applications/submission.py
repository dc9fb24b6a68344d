"""Submitting an application (first time and after correction): the rules, without HTTP.

The office reviews the submitted application (review.py); the applicant may not edit it until
the office returns it. Each submission is a round; the comments of the rounds before are
marked resolved, since the applicant answered them by resubmitting.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from home.core.mail import queue_mail

from . import conditions
from .models import Application, ApplicationStatus

OFFICE_NOTICE_GROUP = "Editors"


class NotReady(Exception):
    """The application cannot be submitted; `problems` says why, by section."""

    def __init__(self, problems: dict):
        super().__init__()
        self.problems = problems


@transaction.atomic
def submit(application: Application, *, user) -> Application:
    """draft or returned → submitted, round + 1; mails the applicant and the office."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not application.is_editable:
        raise NotReady({})
    if found := conditions.problems(application):
        raise NotReady(found)
    resubmission = application.status == ApplicationStatus.RETURNED
    now = timezone.now()
    application.status = ApplicationStatus.SUBMITTED
    application.round += 1
    application.submitted_at = now
    application.declared_at = now
    application.priority = conditions.is_priority(application)
    application.save(
        update_fields=["status", "round", "submitted_at", "declared_at", "priority", "updated_at"]
    )
    application.comments.filter(round__lt=application.round, resolved=False).update(resolved=True)
    log(
        instance=application,
        action="applications.resubmit" if resubmission else "applications.submit",
        user=user,
        data={"round": application.round, "priority": application.priority},
    )
    _mail_receipt(application, resubmission)
    _mail_office(application, resubmission)
    return application


def _url(path: str) -> str:
    return settings.SITE_BASE_URL.rstrip("/") + path


def _mail_receipt(application: Application, resubmission: bool) -> None:
    to = application.applicant.email
    if not to:
        return
    queue_mail(
        kind="application",
        to=to,
        subject=_("We received your recognition application"),
        body=render_to_string(
            "applications/public/email/receipt.txt",
            {
                "application": application,
                "resubmission": resubmission,
                "link": _url(reverse("applications:overview", args=[application.pk])),
            },
        ),
    )


def _mail_office(application: Application, resubmission: bool) -> None:
    # The office works in the site's language, whatever the applicant's.
    recipients = (
        get_user_model()
        .objects.filter(groups__name=OFFICE_NOTICE_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = (
            _("Application resubmitted: %(organisation)s")
            if resubmission
            else _("New recognition application: %(organisation)s")
        ) % {"organisation": application.organisation}
        body = render_to_string(
            "applications/public/email/office_notice.txt",
            {
                "application": application,
                "resubmission": resubmission,
                "link": _url(reverse("wagtailadmin_home") + f"applications/{application.pk}/"),
            },
        )
    for email in recipients:
        queue_mail(kind="application", to=email, subject=subject, body=body)
