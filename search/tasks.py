"""Index updates for the search cluster, delivered by the background worker.

A save enqueues `update_search_index` (search.fallback.FallbackSearchBackend.add) on the
"background" task backend (TASKS in the settings; `manage.py db_worker --backend background`
runs it). The task makes the cluster's documents for the keys match the database at the time it
runs, so it is idempotent and the order of tasks does not matter. When the cluster refuses it,
the task enqueues itself again to run after a pause that doubles on each attempt (5 s, 10 s,
… at most 5 min, the backend's RETRY_BASE and RETRY_MAX), and so on until the cluster is back:
the task table is the durable list of what is still to send, and no periodic job is needed.
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# The task backend for work that talks to outside services and may wait or be retried
# (search cluster now, mail later); the settings' TASKS define it.
BACKGROUND = "background"


def enqueue_index_update(backend_alias: str, model_label: str, pks: list[str]) -> None:
    update_search_index.enqueue(backend_alias, model_label, pks)


@task(backend=BACKGROUND)
def update_search_index(backend_alias: str, model_label: str, pks: list[str], attempt: int = 0):
    from modelsearch.backends import get_search_backend

    backend = get_search_backend(backend_alias)
    model = apps.get_model(model_label)
    try:
        backend.deliver(model, pks)
    except Exception as exc:
        cause = exc.__cause__ or exc
        delay = backend.retry_delay(attempt)
        retry = update_search_index.using(run_after=timezone.now() + timedelta(seconds=delay))
        if not retry.get_backend().supports_defer:
            # The immediate backend (tests, or no worker configured): nothing to retry with.
            logger.warning("Search index update of %s %s failed: %s", model_label, pks, cause)
            return "failed"
        retry.enqueue(backend_alias, model_label, pks, attempt + 1)
        logger.info(
            "Search index update of %s %s failed (%s: %s); retry %d in %.0f s",
            model_label,
            pks,
            type(cause).__name__,
            cause,
            attempt + 1,
            delay,
        )
        return f"retry {attempt + 1} in {delay:.0f} s"
    return "delivered"
