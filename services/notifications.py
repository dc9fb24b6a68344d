"""The e-mails an asker receives, rendered in the language they asked in."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import OutboxEmail
from .outbox import enqueue


def tracking_url(language: str) -> str:
    with translation.override(language):
        return settings.SITE_BASE_URL + reverse("consultation_track")


def _send(kind, request_obj, subject, template, **context):
    if not request_obj.email:
        return None
    with translation.override(request_obj.language):
        body = render_to_string(
            template,
            {
                "request_obj": request_obj,
                "tracking_url": tracking_url(request_obj.language),
                "site_name": settings.WAGTAIL_SITE_NAME,
                **context,
            },
        )
        return enqueue(
            kind=kind,
            to=request_obj.email,
            subject=str(subject()) + f" [{request_obj.formatted_code}]",
            body=body,
            request=request_obj,
        )


def send_confirmation(request_obj):
    return _send(
        OutboxEmail.Kind.CONFIRMATION,
        request_obj,
        lambda: _("Your question was received"),
        "services/email/confirmation.txt",
    )


def send_reply(request_obj, reply):
    return _send(
        OutboxEmail.Kind.REPLY,
        request_obj,
        lambda: _("Your question has been answered"),
        "services/email/reply.txt",
        reply=reply,
    )


def send_transfer(request_obj, from_point, to_point, note):
    return _send(
        OutboxEmail.Kind.TRANSFER,
        request_obj,
        lambda: _("Your question was passed to another point"),
        "services/email/transfer.txt",
        from_point=from_point,
        to_point=to_point,
        note=note,
    )
