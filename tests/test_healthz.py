"""`/healthz` (site/health.py): database, cache, search backend, the worker's queue."""

import datetime
import json
import socket
from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.test import override_settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

# Imported at start-up by search/apps.py when the settings name a cluster; this test configures
# one later, so it imports it here, as a server process would have.
import search.backends.elasticsearch  # noqa: F401
from search import fallback

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def health(client, status_code=200) -> dict:
    response = client.get("/healthz")
    assert response.status_code == status_code
    assert response["Content-Type"] == "application/json"
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    return json.loads(response.content)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_everything_ok(client):
    body = health(client)
    assert body["status"] == "ok"
    checks = body["checks"]
    assert checks["database"]["status"] == "ok"
    assert checks["cache"]["status"] == "ok" and checks["cache"]["aliases"]["default"] == "ok"
    assert checks["search"] == {"status": "ok", "backend": "database", "ms": mock.ANY}
    assert checks["worker"]["status"] == "ok"


def test_never_served_from_the_page_cache(client):
    health(client)
    with mock.patch("config.health.check_database", return_value={"status": "ok", "x": 1}):
        assert health(client)["checks"]["database"]["x"] == 1


def test_a_search_cluster_that_is_down_degrades_search(client):
    port = closed_port()
    backends = {
        "default": {
            "BACKEND": "search.backends.fallback",
            "PRIMARY": {
                "BACKEND": "search.backends.elasticsearch",
                "URLS": [f"http://elastic:s3cret@127.0.0.1:{port}"],
                "INDEX_PREFIX": "test_healthz_",
            },
            "FALLBACK": "database",
            "SEARCH_TIMEOUT": 1,
            "COOLDOWN": 30,
        },
        "database": {"BACKEND": "search.backends.database"},
    }
    fallback.reset()
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            response = client.get("/healthz")
            again = json.loads(client.get("/healthz").content)  # the breaker is open now
    finally:
        fallback.reset()
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["status"] == "degraded"
    assert body["checks"]["search"]["backend"] == "elasticsearch"
    assert body["checks"]["search"]["answering"] == "database"
    assert again["checks"]["search"]["status"] == "degraded"
    text = response.content.decode()
    assert "s3cret" not in text and str(port) not in text and "127.0.0.1" not in text


def enqueue(*, waited: datetime.timedelta, run_after=None) -> DBTaskResult:
    task = DBTaskResult.objects.create(
        status=TaskResultStatus.READY,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="search.tasks.update_search_index",
        backend_name="background",
        run_after=run_after or get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - waited)
    return task


@override_settings(TASKS=DATABASE_TASKS, HEALTHZ_QUEUE_MAX_AGE=600)
def test_an_old_ready_task_means_no_worker_is_running(client):
    enqueue(waited=datetime.timedelta(seconds=30))
    # A retry that is not due yet is not waiting for a worker.
    enqueue(waited=datetime.timedelta(hours=5), run_after=timezone.now() + datetime.timedelta(1))
    worker = health(client)["checks"]["worker"]
    assert worker["status"] == "ok" and worker["ready"] == 1 and worker["oldest_seconds"] < 600

    enqueue(waited=datetime.timedelta(minutes=11))
    body = health(client)
    assert body["status"] == "degraded"
    worker = body["checks"]["worker"]
    assert worker["status"] == "degraded"
    assert worker["ready"] == 2 and worker["oldest_seconds"] >= 660


@override_settings(TASKS=DATABASE_TASKS, HEALTHZ_QUEUE_MAX_AGE=600)
def test_a_retry_waits_from_when_it_became_due(client):
    enqueue(waited=datetime.timedelta(hours=1), run_after=timezone.now())
    worker = health(client)["checks"]["worker"]
    assert worker["status"] == "ok" and worker["ready"] == 1


def test_a_database_failure_answers_503_without_details(client):
    error = OperationalError('could not connect to server "db.internal" password=hunter2')
    with mock.patch.object(connections["default"], "cursor", side_effect=error):
        body = health(client, status_code=503)
    assert body["status"] == "fail"
    assert body["checks"]["database"]["status"] == "fail"
    assert body["checks"]["database"]["aliases"]["default"] == "fail: OperationalError"
    assert body["checks"]["worker"]["status"] == "fail"
    assert "db.internal" not in json.dumps(body) and "hunter2" not in json.dumps(body)


def test_a_cache_that_fails_its_round_trip(client):
    with mock.patch("django.core.cache.backends.locmem.LocMemCache.get", return_value=None):
        body = health(client)
    assert body["checks"]["cache"]["status"] == "fail"
    assert body["status"] == "fail"
