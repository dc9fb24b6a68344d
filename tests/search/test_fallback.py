"""With the search cluster down or slow, keyword search answers from the database backend and
says so (search/fallback.py): the directory, a landing page, the API and site search.

"Down" is a closed port on loopback (bound, then closed: connecting fails at once); "slow" is a
socket that listens and never answers (the 1 s read timeout runs out).
"""

import socket
import time
from contextlib import contextmanager

import pytest
from django.test import override_settings

# Imported at start-up by search/apps.py when the settings name a cluster; these tests configure
# one later, so they import it here, as a server process would have.
import search.backends.elasticsearch  # noqa: F401
from directory.models import ServicePoint
from search import fallback
from search.fallback import CircuitBreaker, search_status

pytestmark = pytest.mark.django_db

NOTICE = "搜索服务暂时不可用，以下结果来自备用检索，可能不够完整。"
# The bound for an answer with the cluster down; the first request pays at most the
# 1 s connect timeout (a closed loopback port refuses at once), the next ones skip the cluster.
ANSWER_SECONDS = 2.0


def cluster_config(url: str, fallback_alias: str = "database", **options) -> dict:
    """WAGTAILSEARCH_BACKENDS as the settings make it when a cluster URL is set."""
    return {
        "default": {
            "BACKEND": "search.backends.fallback",
            "PRIMARY": {
                "BACKEND": "search.backends.elasticsearch",
                "URLS": [url],
                "INDEX_PREFIX": "test_fallback_",
                "TIMEOUT": 5,
            },
            "FALLBACK": fallback_alias,
            "SEARCH_TIMEOUT": 1,
            "COOLDOWN": 30,
            **options,
        },
        "database": {"BACKEND": "search.backends.database"},
    }


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def cluster_at(url: str, **options):
    fallback.reset()
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=cluster_config(url, **options)):
            yield
    finally:
        fallback.reset()


@pytest.fixture
def cluster_down():
    with cluster_at(f"http://127.0.0.1:{closed_port()}"):
        yield


@pytest.fixture
def silent_server():
    """A cluster that accepts connections and never answers; yields a function counting the
    connections it has received so far."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        server.setblocking(False)
        accepted = []

        def connections() -> int:
            while True:
                try:
                    accepted.append(server.accept()[0])
                except BlockingIOError:
                    return len(accepted)

        try:
            with cluster_at(f"http://127.0.0.1:{server.getsockname()[1]}"):
                yield connections
        finally:
            for conn in accepted:
                conn.close()


@pytest.fixture
def points(make_point):
    """Two points in Guangzhou and one in Beijing; only one is named 甘棠."""
    return {
        "library": make_point(title="甘棠专利信息服务中心", city="440100"),
        "other": make_point(title="广州商标事务所", city="440100"),
        "beijing": make_point(title="北京甘棠大学", category="university", city="110100"),
    }


def titles_in(html: str, *candidates: str) -> set[str]:
    return {title for title in candidates if title in html}


def test_the_directory_answers_from_the_database_and_says_so(client, points):
    # Warm up what every first request of a process pays (jieba's dictionary, templates), with
    # another keyword so that this one is ranked afresh.
    client.get("/directory/", {"q": "商标"})
    with cluster_at(f"http://127.0.0.1:{closed_port()}"):
        started = time.monotonic()
        response = client.get("/directory/", {"q": "甘棠专利"})
        elapsed = time.monotonic() - started

    assert response.status_code == 200
    html = response.content.decode()
    assert titles_in(html, "甘棠专利信息服务中心", "广州商标事务所", "北京甘棠大学") == {
        "甘棠专利信息服务中心"
    }
    assert NOTICE in html
    # The only timing assertion: the first request after the cluster went down pays the
    # connection attempt (refused at once on loopback, at most the 1 s timeout) and no more.
    assert elapsed < ANSWER_SECONDS, f"{elapsed:.2f} s"


def test_a_landing_page_with_a_keyword_answers_from_the_database(client, points, cluster_down):
    response = client.get("/directory/guangdong/", {"q": "甘棠"})

    assert response.status_code == 200
    html = response.content.decode()
    # The province holds: the Beijing point matching the keyword is not listed.
    assert titles_in(html, "甘棠专利信息服务中心", "广州商标事务所", "北京甘棠大学") == {
        "甘棠专利信息服务中心"
    }
    assert NOTICE in html


def test_the_api_answers_from_the_database_and_marks_it(client, points, cluster_down):
    response = client.get("/api/v1/points/", {"q": "甘棠"})

    assert response.status_code == 200
    data = response.json()
    assert {item["name"] for item in data["results"]} == {"甘棠专利信息服务中心", "北京甘棠大学"}
    assert data["count"] == 2
    assert data["degraded"] is True


def test_site_search_answers_from_the_database_and_says_so(client, points, cluster_down):
    response = client.get("/search/", {"q": "甘棠专利"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "甘棠专利信息服务中心" in html
    assert "广州商标事务所" not in html
    assert NOTICE in html


def test_with_the_database_backend_alone_there_is_no_notice(client, points):
    directory = client.get("/directory/", {"q": "甘棠专利"}).content.decode()
    site = client.get("/search/", {"q": "甘棠专利"}).content.decode()
    api = client.get("/api/v1/points/", {"q": "甘棠"}).json()

    assert "甘棠专利信息服务中心" in directory and NOTICE not in directory
    assert "甘棠专利信息服务中心" in site and NOTICE not in site
    assert "degraded" not in api


def test_a_silent_cluster_is_asked_once_then_skipped(client, points, silent_server):
    first = client.get("/directory/", {"q": "甘棠专利"})  # waits for the 1 s read timeout
    second = client.get("/search/", {"q": "甘棠专利"})
    third = client.get("/api/v1/points/", {"q": "甘棠"})

    for response in (first, second):
        assert response.status_code == 200
        assert "甘棠专利信息服务中心" in response.content.decode()
        assert NOTICE in response.content.decode()
    assert third.json()["degraded"] is True
    # The circuit breaker: after the first failure the cluster is not asked again.
    assert silent_server() == 1


def test_the_fallback_keeps_up_with_published_changes(client, points, cluster_down):
    """The database index is updated on every save, so the fallback is never stale."""
    point = points["other"]
    point.title = "甘棠商标事务所"
    point.save_revision().publish()

    data = client.get("/api/v1/points/", {"q": "甘棠商标"}).json()
    assert [item["name"] for item in data["results"]] == ["甘棠商标事务所"]
    assert data["degraded"] is True


class BrokenBackend:
    """A fallback backend that fails as well."""

    def __init__(self, params):
        pass

    def search(self, *args, **kwargs):
        raise RuntimeError("the fallback is broken too")

    def add(self, obj):
        pass

    def delete(self, obj):
        pass


def test_the_api_answers_503_when_the_fallback_fails_too(client, points):
    config = cluster_config(f"http://127.0.0.1:{closed_port()}", fallback_alias="broken")
    config["broken"] = {
        "BACKEND": "tests.search.test_fallback.BrokenBackend",
        "AUTO_UPDATE": False,
    }
    fallback.reset()
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=config):
            response = client.get("/api/v1/points/", {"q": "甘棠"})
    finally:
        fallback.reset()

    assert response.status_code == 503
    assert response.json() == {"error": "search_unavailable"}
    assert response["Retry-After"]


def test_search_results_fall_back_when_evaluated(points, cluster_down):
    """Lazy results (Wagtail's queryset.search) fall back when counted and sliced, and the
    block learns it; a block outside records nothing."""
    with search_status() as status:
        results = ServicePoint.objects.search("甘棠")
        count = results.count()
        first = [point.title for point in results[:1]]
    assert status.degraded
    assert count == 2
    assert first[0] in {"甘棠专利信息服务中心", "北京甘棠大学"}

    with search_status() as later:
        pass
    assert not later.degraded


def test_the_breaker_lets_one_probe_through_after_the_cooldown(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(fallback.time, "monotonic", lambda: now[0])
    breaker = CircuitBreaker(cooldown=30)

    assert breaker.allow()
    assert breaker.failed() is True
    assert not breaker.allow()
    now[0] += 31
    assert breaker.allow()  # the probe
    assert not breaker.allow()  # the others wait for it
    assert breaker.failed() is False  # still the same outage
    now[0] += 31
    assert breaker.allow()
    breaker.succeeded()
    assert breaker.allow() and breaker.allow()
