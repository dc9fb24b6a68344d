"""Queue e-mail in the database, send it after the transaction commits, retry what failed.

Nothing waits on a mail server: a request is saved and visible to its point whether or not
the confirmation could be sent. `send_outbox` (a management command) retries failures with
growing pauses.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import OutboxEmail

logger = logging.getLogger(__name__)


def enqueue(*, kind: str, to: str, subject: str, body: str, request=None) -> OutboxEmail:
    """Store an e-mail and send it once the current transaction has committed."""
    # Header injection: a subject never carries a line break, whatever text it was built from.
    subject = " ".join(subject.split())[:200]
    email = OutboxEmail.objects.create(
        kind=kind, to_address=to, subject=subject, body=body, request=request
    )
    # robust: a failure here must not turn the asker's saved request into an error page.
    transaction.on_commit(lambda: send_pending(ids=[email.pk]), robust=True)
    return email


def _backoff(attempts: int) -> datetime.timedelta:
    return datetime.timedelta(minutes=min(2**attempts, 24 * 60))


def send_one(email: OutboxEmail) -> bool:
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to_address],
    )
    now = timezone.now()
    try:
        message.send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - any failure of any backend must leave it queued
        logger.warning("Outbox e-mail %s not sent: %s", email.pk, error)
        OutboxEmail.objects.filter(pk=email.pk).update(
            attempts=email.attempts + 1,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            next_attempt_at=now + _backoff(email.attempts + 1),
        )
        return False
    OutboxEmail.objects.filter(pk=email.pk).update(
        attempts=email.attempts + 1, sent_at=now, last_error=""
    )
    return True


def send_pending(ids=None, *, limit: int = 500, now=None) -> tuple[int, int]:
    """Send due e-mails (or just `ids`); returns (sent, failed)."""
    queryset = OutboxEmail.objects.filter(
        sent_at__isnull=True, attempts__lt=settings.OUTBOX_MAX_ATTEMPTS
    )
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    else:
        queryset = queryset.filter(next_attempt_at__lte=now or timezone.now())
    sent = failed = 0
    for email in queryset.order_by("created_at", "pk")[:limit]:
        # Claim the row first, so two senders running at once never send it twice.
        claimed = OutboxEmail.objects.filter(
            pk=email.pk,
            sent_at__isnull=True,
            attempts=email.attempts,
            next_attempt_at=email.next_attempt_at,
        ).update(next_attempt_at=timezone.now() + datetime.timedelta(minutes=10))
        if not claimed:
            continue
        if send_one(email):
            sent += 1
        else:
            failed += 1
    return sent, failed
