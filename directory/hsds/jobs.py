"""When the export is built: daily by the background worker, on demand by `export_hsds`, and
once in the background when the download page finds no build at all (a fresh install)."""

import datetime
import logging

from django.core.cache import cache
from django.utils import timezone

from home.core.page_cache import clear_page_cache

from . import store

logger = logging.getLogger(__name__)

JOB_NAME = "directory.export_hsds"
QUEUED_KEY = "directory:hsds:first-build-queued"
QUEUED_SECONDS = 600


def build(now: datetime.datetime | None = None) -> store.Build:
    result = store.write_build(now)
    # The download page shows the build's date and sizes: pages cached before are stale.
    clear_page_cache()
    logger.info("HSDS export: %s points, %s", result.points, result.files)
    return result


def daily_export(today: datetime.date) -> str:
    """The daily job: one build a day; a second run on the same day does nothing."""
    current = store.current_build()
    if current is not None and timezone.localdate(current.created) >= today:
        return "up to date"
    return f"{build().points} points"


def ensure_first_build() -> None:
    """Queue a build when there is none yet, at most once per QUEUED_SECONDS."""
    from .tasks import build_export

    if not cache.add(QUEUED_KEY, True, QUEUED_SECONDS):
        return
    try:
        build_export.enqueue()
    except Exception:  # the page still answers ("being prepared"); the next visit tries again
        cache.delete(QUEUED_KEY)
        logger.exception("Could not queue the first HSDS export")


def register() -> None:
    """From the directory's AppConfig.ready()."""
    from home.core.schedule import register_daily_job

    register_daily_job(JOB_NAME, daily_export)
