"""Outgoing e-mail, sent by the background worker (services/outbox.py queues it).

`enqueue` (outbox) starts `send_queued_email` for the row once the request's transaction has
committed; `manage.py db_worker --backend background` runs it, so no request waits on the mail
server. While the server fails, the task puts itself back to run when the row's next attempt is
due (2, 4, 8 … minutes, at most a day), until OUTBOX_MAX_ATTEMPTS; the task table is the list of
what is still to send and `send_outbox` (cron) catches up rows whose task was lost. The row is
claimed before it is sent (outbox.claim), so the task is idempotent: run twice, by two workers,
or beside cron, it sends once. Once a day a task also deletes the sent mail past its retention.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django_tasks import task

from search.tasks import BACKGROUND

from . import outbox

logger = logging.getLogger(__name__)

PRUNED_TODAY = "services:outbox-pruned"


def prune_once_a_day() -> int | None:
    """Delete the old sent mail, if no task of this cache's workers did in the last day."""
    if not cache.add(PRUNED_TODAY, True, timeout=24 * 3600):
        return None
    return outbox.prune_sent()


@task(backend=BACKGROUND)
def send_queued_email(email_id: int) -> str:
    try:
        prune_once_a_day()
    except Exception:  # a failed clean-up must not keep the mail from going out
        logger.exception("Pruning the outbox failed")
    email = outbox.claim(email_id)
    if email is None:
        return "skipped"  # sent already, taken by another sender, not due yet, or given up
    if outbox.send_one(email):
        return "sent"
    email.refresh_from_db()
    if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        logger.error("Outbox e-mail %s given up after %d attempts", email_id, email.attempts)
        return "given up"
    retry = send_queued_email.using(run_after=email.next_attempt_at)
    if not retry.get_backend().supports_defer:
        # The immediate backend (tests, or no worker configured): `send_outbox` retries it.
        return "failed"
    retry.enqueue(email_id)
    return f"retry {email.attempts} at {email.next_attempt_at:%Y-%m-%d %H:%M:%S}"
