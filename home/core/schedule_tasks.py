"""The daily run of home/core/schedule.py's jobs, as a task of the background worker.

`run_daily` runs every registered job, then puts itself back to run at DAILY_JOBS_AT (Beijing
time, default 03:10) the next day, so the worker (`manage.py db_worker --backend background`)
runs the jobs once a day without cron. At most one future run is ever waiting: before
enqueueing, `ensure_next_run` looks for a READY row of this task in django-tasks-db's table,
so the worker's start (`manage.py run_daily_jobs --enqueue`, run by `make worker` and by the
systemd unit's ExecStartPre) and each day's run never stack a second one. The jobs themselves
are idempotent (schedule.py), so a run by cron beside the worker does no harm either.
"""

import datetime
import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from search.tasks import BACKGROUND

from . import schedule

logger = logging.getLogger(__name__)

TASK_PATH = f"{__name__}.run_daily"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def next_run_at(now: datetime.datetime | None = None) -> datetime.datetime:
    """The next DAILY_JOBS_AT ("HH:MM", Beijing time) after `now`."""
    now = (now or timezone.now()).astimezone(SHANGHAI)
    hour, minute = (int(part) for part in getattr(settings, "DAILY_JOBS_AT", "03:10").split(":"))
    moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if moment <= now:
        moment += datetime.timedelta(days=1)
    return moment


def _waiting_runs():
    from django_tasks_db.models import DBTaskResult  # the database backend's own table

    return DBTaskResult.objects.filter(task_path=TASK_PATH, status=TaskResultStatus.READY)


def ensure_next_run(now: datetime.datetime | None = None):
    """Queue the next daily run unless one is already waiting; the result, or None."""
    backend = run_daily.get_backend()
    if not backend.supports_defer:
        return None  # the immediate backend (tests, no worker): cron runs the jobs
    if _waiting_runs().exists():
        return None
    return run_daily.using(run_after=next_run_at(now)).enqueue()


@task(backend=BACKGROUND)
def run_daily() -> dict:
    results = schedule.run_daily_jobs()
    # This run's own row is RUNNING, not READY, so it does not count as the next one.
    ensure_next_run()
    logger.info("Daily jobs: %s", results)
    return {name: str(result) for name, result in results.items()}
