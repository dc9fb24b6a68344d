"""The IP office's review of a recognition application (seed 003, 第八条): the rules as plain
functions, so that the admin views, tests and any future API ask the same questions.

    submitted ──start_review──▶ under_review ──site_visit──▶ site_visit
        │                          │   │                        │   │
        └──────── return_for_correction / reject ◀──────────────┘   │
                                   └──────── approve (approval.py) ◀┘

A returned application goes back to the applicant, who corrects it and resubmits (the apply
views: status submitted again, round + 1). Every action writes an audit-log entry (Wagtail's
`log`, actions registered in wagtail_hooks.py): the history of an application is its log.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from home.core.mail import queue_mail

from ..lifecycle.access import OFFICE_GROUPS, OFFICE_PERMISSION, is_office
from .models import Application, ApplicationStatus, ReviewComment, Section

REVIEW_PERMISSION = "applications.review_application"

Status = ApplicationStatus

# Which action is allowed from which states. Approval needs a review first (under review or
# after the site visit); return and reject are possible as soon as the office has it.
ACTIONS: dict[str, tuple[str, ...]] = {
    "start_review": (Status.SUBMITTED,),
    "site_visit": (Status.UNDER_REVIEW,),
    "comment": (Status.SUBMITTED, Status.UNDER_REVIEW, Status.SITE_VISIT),
    "return": (Status.SUBMITTED, Status.UNDER_REVIEW, Status.SITE_VISIT),
    "approve": (Status.UNDER_REVIEW, Status.SITE_VISIT),
    "reject": (Status.SUBMITTED, Status.UNDER_REVIEW, Status.SITE_VISIT),
}

ACTION_LABELS = {
    "start_review": gettext_lazy("Start review"),
    "site_visit": gettext_lazy("Site visit / expert review"),
    "comment": gettext_lazy("Add a comment"),
    "return": gettext_lazy("Return for correction"),
    "approve": gettext_lazy("Approve"),
    "reject": gettext_lazy("Reject"),
}

# The audit-log actions (registered in wagtail_hooks.py) and their messages.
LOG_ACTIONS = {
    "applications.submit": (gettext_lazy("Submit application"), gettext_lazy("Submitted")),
    "applications.resubmit": (
        gettext_lazy("Resubmit application"),
        gettext_lazy("Resubmitted after correction"),
    ),
    "applications.start_review": (gettext_lazy("Start review"), gettext_lazy("Review started")),
    "applications.site_visit": (
        gettext_lazy("Site visit / expert review"),
        gettext_lazy("Sent to site visit / expert review"),
    ),
    "applications.comment": (gettext_lazy("Review comment"), gettext_lazy("Comment added")),
    "applications.return": (
        gettext_lazy("Return for correction"),
        gettext_lazy("Returned for correction"),
    ),
    "applications.approve": (gettext_lazy("Approve application"), gettext_lazy("Approved")),
    "applications.reject": (gettext_lazy("Reject application"), gettext_lazy("Rejected")),
}


class ReviewError(Exception):
    """An action that the application's state (or the input) does not allow; the message is
    translated and meant for the user."""


def can_review(user) -> bool:
    """The office: lifecycle managers, or holders of the review permission (Editors, Moderators)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (is_office(user) or user.has_perm(REVIEW_PERMISSION))
    )


def reviewers():
    """Users who may be assigned an application: the office's active members."""
    User = get_user_model()
    condition = Q(is_superuser=True) | Q(groups__name__in=OFFICE_GROUPS)
    for perm in (REVIEW_PERMISSION, OFFICE_PERMISSION):
        app_label, codename = perm.split(".")
        for via in ("user_permissions", "groups__permissions"):
            condition |= Q(
                **{f"{via}__codename": codename, f"{via}__content_type__app_label": app_label}
            )
    return User.objects.filter(condition, is_active=True).distinct().order_by("username")


def allowed_actions(application: Application) -> list[str]:
    return [action for action, states in ACTIONS.items() if application.status in states]


def is_allowed(application: Application, action: str) -> bool:
    return application.status in ACTIONS[action]


def check_allowed(application: Application, action: str) -> None:
    if not is_allowed(application, action):
        raise ReviewError(
            _("“%(action)s” is not possible while the application is %(status)s.")
            % {"action": ACTION_LABELS[action], "status": application.get_status_display()}
        )


def lock_application(application: Application) -> Application:
    """Re-read the row under a lock: two reviewers acting at once must not both succeed."""
    fresh = Application.objects.select_for_update().get(pk=application.pk)
    application.status = fresh.status
    application.round = fresh.round
    return application


def _save(application: Application, *fields: str) -> None:
    application.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def start_review(application: Application, *, user, reviewer=None) -> Application:
    """submitted → under review, assigned to `reviewer` (the acting user by default)."""
    lock_application(application)
    check_allowed(application, "start_review")
    reviewer = reviewer or user
    if not reviewers().filter(pk=reviewer.pk).exists():
        raise ReviewError(_("The reviewer must be a member of the IP office."))
    application.status = Status.UNDER_REVIEW
    application.reviewer = reviewer
    _save(application, "status", "reviewer")
    log(
        application,
        "applications.start_review",
        user=user,
        data={"reviewer": reviewer.get_username(), "round": application.round},
    )
    return application


@transaction.atomic
def send_to_site_visit(application: Application, *, user, note: str = "") -> Application:
    """under review → site visit / expert review (听取汇报、现场考察、专家评议)."""
    lock_application(application)
    check_allowed(application, "site_visit")
    application.status = Status.SITE_VISIT
    _save(application, "status")
    log(application, "applications.site_visit", user=user, data={"note": note.strip()})
    return application


@transaction.atomic
def add_comment(application: Application, *, section: str, text: str, user) -> ReviewComment:
    """A reviewer's comment on one section, in the current round (shown when returned)."""
    lock_application(application)
    check_allowed(application, "comment")
    if section not in Section.values:
        raise ReviewError(_("Choose the section the comment is about."))
    text = text.strip()
    if not text:
        raise ReviewError(_("Write the comment."))
    comment = ReviewComment.objects.create(
        application=application, section=section, text=text, author=user, round=application.round
    )
    log(
        application,
        "applications.comment",
        user=user,
        data={"section": section, "round": application.round, "comment_id": comment.pk},
    )
    return comment


def open_comments(application: Application):
    """This round's unresolved comments: what the applicant is asked to correct."""
    return application.comments.filter(round=application.round, resolved=False).order_by(
        "created_at", "pk"
    )


def comments_by_round(application: Application) -> list[tuple[int, list[ReviewComment]]]:
    """Every comment, newest round first, each round's comments in section order."""
    order = {value: index for index, value in enumerate(Section.values)}
    rounds: dict[int, list[ReviewComment]] = {}
    for comment in application.comments.select_related("author"):
        rounds.setdefault(comment.round, []).append(comment)
    return [
        (number, sorted(comments, key=lambda c: (order.get(c.section, 99), c.created_at, c.pk)))
        for number, comments in sorted(rounds.items(), reverse=True)
    ]


def applicant_url(application: Application) -> str:
    return f"{settings.SITE_BASE_URL}/apply/{application.pk}/"


def _mail_applicant(application: Application, subject: str, body: str) -> None:
    email = application.applicant.email or application.email
    if email:
        queue_mail(kind="application", to=email, subject=subject, body=body)


@transaction.atomic
def return_for_correction(application: Application, *, user, note: str = "") -> Application:
    """→ returned, with this round's comments; the applicant is mailed them and the link."""
    lock_application(application)
    check_allowed(application, "return")
    comments = list(open_comments(application))
    note = note.strip()
    if not comments and not note:
        raise ReviewError(
            _("Add at least one comment on a section, or a note, to say what to correct.")
        )
    application.status = Status.RETURNED
    _save(application, "status")
    log(
        application,
        "applications.return",
        user=user,
        data={"round": application.round, "comments": len(comments), "note": note},
    )
    # The applicant's language is not known: the mail is in the site's default language.
    with translation.override(settings.LANGUAGE_CODE):
        lines = [
            _("Your recognition application “%(organisation)s” was returned for correction.")
            % {"organisation": application},
            "",
        ]
        if note:
            lines += [note, ""]
        for comment in comments:
            lines.append(f"【{comment.get_section_display()}】{comment.text}")
        lines += [
            "",
            _("Please correct the application and submit it again: %(url)s")
            % {"url": applicant_url(application)},
        ]
        subject = _("Your recognition application was returned for correction")
    _mail_applicant(application, subject, "\n".join(lines))
    return application


@transaction.atomic
def reject(application: Application, *, user, reason: str) -> Application:
    """→ rejected, with the reason (required); the applicant is mailed the reason."""
    lock_application(application)
    check_allowed(application, "reject")
    reason = (reason or "").strip()
    if not reason:
        raise ReviewError(_("Give the reason for the rejection."))
    application.status = Status.REJECTED
    application.decision_reason = reason
    application.decided_at = timezone.now()
    application.decided_by = user
    _save(application, "status", "decision_reason", "decided_at", "decided_by")
    log(application, "applications.reject", user=user, data={"reason": reason})
    with translation.override(settings.LANGUAGE_CODE):
        body = "\n".join(
            [
                _("Your recognition application “%(organisation)s” was not approved.")
                % {"organisation": application},
                "",
                _("Reason: %(reason)s") % {"reason": reason},
                "",
                _("The application: %(url)s") % {"url": applicant_url(application)},
            ]
        )
        subject = _("Decision on your recognition application")
    _mail_applicant(application, subject, body)
    return application


def queue_counts(queryset=None) -> dict[str, int]:
    """Applications per state (drafts too: counted, not shown as work)."""
    queryset = Application.objects.all() if queryset is None else queryset
    counts = dict(queryset.order_by().values_list("status").annotate(n=Count("pk")))
    return {value: counts.get(value, 0) for value in Status.values}
