"""Queue e-mail in the database; the background worker sends it and retries what failed.

Nothing waits on a mail server: a request only writes its row here. Once the transaction has
committed, a task on the "background" backend (services/tasks.py, run by `manage.py db_worker
--backend background`) sends that row and, while the server fails, puts itself back after a
pause that doubles on each attempt, up to OUTBOX_MAX_ATTEMPTS. `send_outbox` (cron) is the
catch-up for rows whose task was lost. Whoever sends a row first claims it with a conditional
UPDATE, so the worker's task, a second worker and cron never send it twice.

At rest: a link to set a password is removed from the stored body once the mail is sent, and
sent rows are deleted after OUTBOX_RETENTION_DAYS (`prune_sent`).
"""

import datetime
import logging
import re
from functools import cache

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import OutboxEmail

logger = logging.getLogger(__name__)

# A claimed row is left alone by other senders this long: far longer than one SMTP exchange
# (EMAIL_TIMEOUT), short enough that a sender killed mid-send delays the mail only minutes.
CLAIM_LEASE = datetime.timedelta(minutes=10)


def enqueue(*, kind: str, to: str, subject: str, body: str, request=None) -> OutboxEmail:
    """Store an e-mail; once the current transaction has committed the worker sends it."""
    # Header injection: a subject never carries a line break, whatever text it was built from.
    subject = " ".join(subject.split())[:200]
    email = OutboxEmail.objects.create(
        kind=kind, to_address=to, subject=subject, body=body, request=request
    )
    # robust: a failure here must not turn the asker's saved request into an error page; the
    # row is queued whatever happens to the task, and `send_outbox` sends it then.
    transaction.on_commit(lambda: _start_sending(email.pk), robust=True)
    return email


def _start_sending(email_id: int) -> None:
    from .tasks import send_queued_email  # the task module imports this one

    send_queued_email.enqueue(email_id)


def _backoff(attempts: int) -> datetime.timedelta:
    return datetime.timedelta(minutes=min(2**attempts, 24 * 60))


@cache
def _password_link() -> re.Pattern:
    """A link to set a password (services/staff_admin.py), with the site address before it."""
    path = reverse("wagtailadmin_password_reset_confirm", args=["UID", "TOKEN"])
    return re.compile(r"\S*" + re.escape(path.split("UID", 1)[0]) + r"\S+")


def redacted(body: str) -> str:
    """`body` without the secrets it must not keep once sent (a link to set a password)."""
    return _password_link().sub(_("[link removed after sending]"), body)


def claim(email_id: int, now: datetime.datetime | None = None) -> OutboxEmail | None:
    """Take the row for sending if it is still unsent, due and not taken by another sender.

    The conditional UPDATE is the lock: of two senders only one matches the row (the other
    finds it leased), on SQLite and PostgreSQL alike.
    """
    now = now or timezone.now()
    taken = OutboxEmail.objects.filter(
        pk=email_id,
        sent_at__isnull=True,
        attempts__lt=settings.OUTBOX_MAX_ATTEMPTS,
        next_attempt_at__lte=now,
    ).update(next_attempt_at=now + CLAIM_LEASE)
    return OutboxEmail.objects.filter(pk=email_id).first() if taken else None


def send_one(email: OutboxEmail) -> bool:
    """Send a claimed row; record the result on it."""
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to_address],
    )
    try:
        message.send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - any failure of any backend must leave it queued
        logger.warning("Outbox e-mail %s not sent: %s", email.pk, error)
        OutboxEmail.objects.filter(pk=email.pk).update(
            attempts=email.attempts + 1,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            next_attempt_at=timezone.now() + _backoff(email.attempts + 1),
        )
        return False
    OutboxEmail.objects.filter(pk=email.pk).update(
        attempts=email.attempts + 1,
        sent_at=timezone.now(),
        last_error="",
        body=redacted(email.body),
    )
    return True


def send_pending(ids=None, *, limit: int = 500, now=None) -> tuple[int, int]:
    """Send due e-mails (or just `ids`); returns (sent, failed)."""
    now = now or timezone.now()
    queryset = OutboxEmail.objects.filter(
        sent_at__isnull=True, attempts__lt=settings.OUTBOX_MAX_ATTEMPTS, next_attempt_at__lte=now
    )
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    # Ids first: writing to the table while a cursor reads it is unsafe on SQLite.
    due = list(queryset.order_by("created_at", "pk").values_list("pk", flat=True)[:limit])
    sent = failed = 0
    for email_id in due:
        email = claim(email_id, now)
        if email is None:
            continue  # sent or taken by another sender meanwhile
        if send_one(email):
            sent += 1
        else:
            failed += 1
    return sent, failed


def prune_sent(now: datetime.datetime | None = None, days: int | None = None) -> int:
    """Delete the e-mails sent more than `days` (OUTBOX_RETENTION_DAYS) days ago."""
    days = settings.OUTBOX_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _counts = OutboxEmail.objects.filter(sent_at__lt=cutoff).delete()
    return deleted
