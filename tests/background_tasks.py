"""Run django-tasks' database queue in a test, as `db_worker --backend background` does."""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def queued(task_path: str) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.ready().filter(task_path=task_path).order_by("enqueued_at"))


def run_worker(task_path: str) -> list:
    """Run the tasks of `task_path` that are due now; their return values. Retries they enqueue
    wait for the next call."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="background",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    returned = []
    for result in queued(task_path):
        result.claim(worker.worker_id)
        worker.run_task(result)
        result.refresh_from_db()
        returned.append(result.return_value)
    return returned
