"""Daily jobs of the background worker, registered by the apps that own them.

An app registers `fn(today: datetime.date) -> str | int | None` under a name from its
AppConfig.ready(). The worker runs every registered job once a day (home/core/schedule_tasks.py
and `manage.py run_daily_jobs` for cron). A job must be idempotent: it may run twice on one day
(two workers, cron beside the worker) and must then do nothing the second time, e.g. by
recording what it sent under a unique key (the reminders record point, kind and due date).
"""

import datetime
import logging
from collections.abc import Callable

from django.utils import timezone

logger = logging.getLogger(__name__)

_jobs: dict[str, Callable[[datetime.date], object]] = {}


def register_daily_job(name: str, fn: Callable[[datetime.date], object]) -> None:
    """Add (or replace, by name) a daily job; safe to call again."""
    _jobs[name] = fn


def daily_jobs() -> dict[str, Callable[[datetime.date], object]]:
    return dict(_jobs)


def run_daily_jobs(today: datetime.date | None = None) -> dict[str, object]:
    """Run every job for `today`; one job's failure does not stop the others."""
    today = today or timezone.localdate()
    results: dict[str, object] = {}
    for name, fn in sorted(_jobs.items()):
        try:
            results[name] = fn(today)
        except Exception:  # logged; the next day's run tries again
            logger.exception("Daily job %s failed", name)
            results[name] = "failed"
    return results
