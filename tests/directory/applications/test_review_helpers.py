"""Helpers of the review tests (no tests here): an application as the applicant's submit leaves it."""

from django.contrib.auth.models import Group
from django.utils import timezone

from directory.applications.models import Application, ApplicationStatus
from home.core.models import User


def submit(application: Application, *, round: int = 1) -> Application:
    """What the apply side's submit does to the row (status, round, date), without its checks."""
    application.status = ApplicationStatus.SUBMITTED
    application.round = round
    application.submitted_at = timezone.now()
    application.save()
    return application


def in_state(application: Application, status: str, reviewer=None) -> Application:
    submit(application)
    application.status = status
    application.reviewer = reviewer
    application.save()
    return application


def make_reviewer(username: str = "reviewer", groups=("Editors", "Moderators")) -> User:
    user = User.objects.create_user(
        username=username, password="pw-for-tests-only-123", email=f"{username}@example.com"
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user
