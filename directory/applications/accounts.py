"""Applicant accounts: registration, e-mail confirmation, and who counts as an applicant.

The e-mail address is the username. An account works only once its address is confirmed by a
signed, expiring link (django.core.signing: no outside service, nothing stored to forget).
Registering an address that already has an account sends that address a note instead of a
second account, so the form does not tell strangers who is registered.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.core.mail import queue_mail

from .models import Applicant

CONFIRM_SALT = "applications.confirm-email"
DEFAULT_CONFIRM_MAX_AGE = 3 * 24 * 3600
DEFAULT_CONSENT_VERSION = "2026-12-01"


class ConfirmationError(Exception):
    """The link cannot confirm an address; `expired` tells whether a new link helps."""

    def __init__(self, expired: bool = False):
        super().__init__()
        self.expired = expired


@dataclass
class Registration:
    organisation: str
    contact_name: str
    email: str
    password: str


def confirm_max_age() -> int:
    return getattr(settings, "APPLICATION_CONFIRM_MAX_AGE", DEFAULT_CONFIRM_MAX_AGE)


def consent_version() -> str:
    return getattr(settings, "APPLICATION_CONSENT_VERSION", DEFAULT_CONSENT_VERSION)


def site_url(path: str) -> str:
    return settings.SITE_BASE_URL.rstrip("/") + path


def applicant_of(user) -> Applicant | None:
    if not user.is_authenticated:
        return None
    try:
        return user.applicant
    except Applicant.DoesNotExist:
        return None


def is_confirmed_applicant(user) -> bool:
    applicant = applicant_of(user)
    return bool(applicant and applicant.is_confirmed and user.is_active)


def make_token(user) -> str:
    # The address is signed too: a link sent before the address changed confirms nothing.
    return signing.dumps({"u": user.pk, "e": user.email}, salt=CONFIRM_SALT)


def register(data: Registration) -> Applicant | None:
    """A new applicant and its confirmation mail; None when the address has an account."""
    User = get_user_model()
    email = data.email.strip().lower()
    existing = User.objects.filter(username__iexact=email).first()
    if existing is not None:
        _mail(
            existing.email or email,
            _("You already have an account"),
            "applications/public/email/already_registered.txt",
            {"sign_in_url": site_url(reverse("applications:sign_in"))},
        )
        return None
    with transaction.atomic():
        user = User.objects.create_user(
            username=email, email=email, password=data.password, first_name=data.contact_name
        )
        applicant = Applicant.objects.create(
            user=user,
            organisation=data.organisation,
            consented_at=timezone.now(),
            consent_version=consent_version(),
        )
    send_confirmation(user)
    return applicant


def send_confirmation(user) -> None:
    link = site_url(reverse("applications:confirm", args=[make_token(user)]))
    _mail(
        user.email,
        _("Confirm your e-mail address"),
        "applications/public/email/confirm.txt",
        {"user": user, "link": link, "days": confirm_max_age() // 86400},
    )


def confirm(token: str) -> Applicant:
    """Confirm the address the token was made for; ConfirmationError when it cannot."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_max_age())
    except signing.SignatureExpired as error:
        raise ConfirmationError(expired=True) from error
    except signing.BadSignature as error:
        raise ConfirmationError from error
    applicant = (
        Applicant.objects.select_related("user").filter(user_id=data.get("u")).first()
        if isinstance(data, dict)
        else None
    )
    if applicant is None or applicant.user.email != data.get("e"):
        raise ConfirmationError
    if applicant.email_confirmed_at is None:
        applicant.email_confirmed_at = timezone.now()
        applicant.save(update_fields=["email_confirmed_at"])
    return applicant


def _mail(to: str, subject: str, template: str, context: dict) -> None:
    queue_mail(
        kind="application",
        to=to,
        subject=subject,
        body=render_to_string(template, context),
    )
