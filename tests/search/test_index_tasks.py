"""Index updates for the search cluster go through the background worker (search/tasks.py):
a publish never waits for the cluster, and what it could not take is delivered once it is back.

The tasks are stored by django-tasks' database backend, as in production, and run by the
worker's own code (`db_worker`'s Worker.run_task; the command itself would open an exclusive
transaction, which a test's transaction cannot hold). The cluster that comes back is
osmem-server, an in-memory OpenSearch, started on the port that was closed before.
"""

import socket
from contextlib import contextmanager

import pytest
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from modelsearch.index import get_indexed_models
from osmem_server import OsmemServer
from wagtail.search.backends import get_search_backend

from directory.models import ServicePoint
from search import fallback
from search.fallback import search_status

from .. import background_tasks

pytestmark = pytest.mark.django_db

TASK = "search.tasks.update_search_index"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
STARTUP_SECONDS = 120


def cluster_config(url: str) -> dict:
    return {
        "default": {
            "BACKEND": "search.backends.fallback",
            "PRIMARY": {
                "BACKEND": "search.backends.opensearch",
                "URLS": [url],
                "VERSION": 3,
                "INDEX_PREFIX": "test_tasks_",
                "TIMEOUT": 5,
            },
            "FALLBACK": "database",
            "SEARCH_TIMEOUT": 1,
            # Retries are due at once and the breaker never holds them back, so that the test
            # decides when the worker runs; in production they wait 5 s, 10 s, … up to 5 min.
            "COOLDOWN": 0,
            "RETRY_BASE": 0,
            "RETRY_MAX": 0,
        },
        "database": {"BACKEND": "search.backends.database"},
    }


@contextmanager
def cluster_at(url: str):
    fallback.reset()
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=cluster_config(url), TASKS=TASKS):
            yield
    finally:
        fallback.reset()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def queued() -> list[DBTaskResult]:
    return background_tasks.queued(TASK)


def run_worker() -> list:
    return background_tasks.run_worker(TASK)


def create_index() -> None:
    """The points' index with its mappings, empty (update_index --schema-only does the same)."""
    backend = get_search_backend()
    index = backend.get_index_for_model(ServicePoint)
    index.reset()
    for model in get_indexed_models():
        if backend.get_index_for_model(model).name == index.name:
            index.add_model(model)


def cluster_titles(query: str) -> list[str]:
    """Titles the cluster itself finds (the fallback must not answer)."""
    get_search_backend().get_index_for_model(ServicePoint).refresh()
    with search_status() as status:
        titles = [point.title for point in ServicePoint.objects.search(query)]
    assert not status.degraded, "the cluster did not answer"
    return titles


def test_a_publish_does_not_wait_for_a_silent_cluster(make_point):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        server.setblocking(False)
        with cluster_at(f"http://127.0.0.1:{server.getsockname()[1]}"):
            point = make_point(title="甘棠知识产权服务站")

            with pytest.raises(BlockingIOError):
                server.accept()  # nobody connected to the cluster: the publish did not wait
            tasks = queued()
            assert tasks, "the publish enqueued no index update"
            assert all(
                task.args_kwargs["args"][1:3] == ["directory.servicepoint", [str(point.pk)]]
                for task in tasks
            )
            # The database index is up to date already: the fallback finds the point.
            with search_status() as status:
                found = [p.title for p in ServicePoint.objects.search("甘棠")]
            assert status.degraded and found == ["甘棠知识产权服务站"]


def test_the_worker_delivers_once_the_cluster_is_back(make_point):
    port = free_port()
    with cluster_at(f"http://127.0.0.1:{port}"):
        point = make_point(title="甘棠专利导航中心")
        assert queued()

        # The cluster is down: each update is put back to be retried, nothing is lost.
        attempts = run_worker()
        assert attempts and all(value.startswith("retry 1") for value in attempts)
        assert len(queued()) == len(attempts)

        server = OsmemServer.start(
            addr=f"127.0.0.1:{port}", japanese=False, startup_timeout=STARTUP_SECONDS
        )
        try:
            create_index()
            assert cluster_titles("甘棠") == []  # not delivered yet

            assert set(run_worker()) == {"delivered"}
            assert queued() == []
            assert cluster_titles("甘棠") == ["甘棠专利导航中心"]

            # A deletion goes the same way.
            point.delete()
            assert set(run_worker()) == {"delivered"}
            assert cluster_titles("甘棠") == []
        finally:
            server.close()
