"""`/healthz`: whether this app server can serve, for a load balancer and a monitor.

    {"status": "ok" | "degraded" | "fail",
     "checks": {"database": {...}, "cache": {...}, "search": {...}, "worker": {...}}}

Each check has a `status` of its own; the overall one is the worst of them. The answer is HTTP
503 only when the database fails: nothing can be served, take the server out of the pool. The
others answer 200 and the monitor reads the body: a search cluster that is down or a worker that
is not running degrade the site; a cache that fails its round trip fails the pages that use it,
but it is shared by every app server, so taking them all out of the pool would help no one. Cheap enough to be asked every few seconds: one trivial query, a cache round
trip per alias, a ping of the search cluster (skipped while its circuit breaker is open), two
queries on the worker's queue that read only the tasks waiting in it. It names backends, never
hosts, URLs or passwords, and error classes, never messages (which may hold them).
"""

import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.db.models import Min, Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtailcache.cache import nocache_page

OK, DEGRADED, FAIL = "ok", "degraded", "fail"
_ORDER = [OK, DEGRADED, FAIL]
# Ready tasks are counted up to this: the count says "a backlog", not how big (no long scans).
QUEUE_COUNT_CAP = 1000
DB_TASK_BACKEND = "django_tasks_db.DatabaseBackend"


def worst(statuses) -> str:
    return max(statuses, key=_ORDER.index, default=OK)


def _timed(check: Callable[[], dict]) -> dict:
    start = time.perf_counter()
    try:
        result = check()
    except Exception as exc:
        result = {"status": FAIL, "error": type(exc).__name__}
    result["ms"] = round((time.perf_counter() - start) * 1000, 1)
    return result


def check_database() -> dict:
    """A trivial query on every configured database; the default one decides the 503."""
    aliases = {}
    for alias in settings.DATABASES:
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
            aliases[alias] = OK
        except Exception as exc:
            aliases[alias] = f"{FAIL}: {type(exc).__name__}"
    others_ok = all(value == OK for alias, value in aliases.items() if alias != "default")
    if aliases.get("default", OK) != OK:
        status = FAIL
    elif not others_ok:  # a second database (a replica): the site still serves
        status = DEGRADED
    else:
        status = OK
    return {"status": status, "vendor": connections["default"].vendor, "aliases": aliases}


def check_cache() -> dict:
    """A set/get round trip on the default cache and on the page cache ("pages") if any."""
    aliases = {}
    for alias in [name for name in ("default", "pages") if name in settings.CACHES]:
        key = f"healthz:{uuid.uuid4().hex}"
        try:
            cache = caches[alias]
            cache.set(key, "1", timeout=10)
            answered = cache.get(key) == "1"
            cache.delete(key)
            aliases[alias] = OK if answered else f"{FAIL}: no round trip"
        except Exception as exc:
            aliases[alias] = f"{FAIL}: {type(exc).__name__}"
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    status = OK if all(value == OK for value in aliases.values()) else FAIL
    return {"status": status, "backend": backend, "aliases": aliases}


def _engine(path: str) -> str:
    return path.rstrip(".").rsplit(".", 1)[-1]


def _ping(backend) -> None:
    if not backend.es.ping():
        raise ConnectionError("the search cluster did not answer")


def check_search(database_ok: bool = True) -> dict:
    """Which backend searches; with a cluster behind search.backends.fallback, whether it
    answers, through the fallback's own circuit breaker (so a health check never waits for a
    cluster the searches already skip, and a failed ping makes them skip it too)."""
    from modelsearch.backends import get_search_backend

    from search.fallback import ClusterUnavailable, FallbackSearchBackend

    backend = get_search_backend("default")
    if isinstance(backend, FallbackSearchBackend):
        engine = _engine(backend.primary_params["BACKEND"])
        try:
            backend.on_cluster(lambda: _ping(backend.searcher))
        except ClusterUnavailable:
            # Searches are answered by the database backend, if the database answers.
            return {
                "status": DEGRADED if database_ok else FAIL,
                "backend": engine,
                "cluster": "down",
                "answering": backend.fallback_alias,
            }
        return {"status": OK, "backend": engine, "cluster": "up"}
    engine = _engine(settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"])
    if hasattr(backend, "es"):  # a cluster without the fallback: down means no search
        _ping(backend)
        return {"status": OK, "backend": engine, "cluster": "up"}
    return {"status": OK if database_ok else FAIL, "backend": engine}


def check_worker() -> dict:
    """The background worker's queue: tasks ready to run and how long the oldest has waited.
    A task waiting longer than HEALTHZ_QUEUE_MAX_AGE seconds means no worker is running."""
    backend = settings.TASKS.get("background", {}).get("BACKEND", "")
    if backend != DB_TASK_BACKEND:
        # Run in the request (tests, a site without a worker): there is no queue to watch.
        return {"status": OK, "backend": _engine(backend) or "none"}

    from django_tasks_db.models import DBTaskResult, get_date_max

    ready = DBTaskResult.objects.ready().filter(backend_name="background").order_by()
    ready_count = ready[:QUEUE_COUNT_CAP].count()
    # Waiting since it was enqueued, or since its retry became due (run_after).
    no_date = get_date_max()
    since = ready.aggregate(
        enqueued=Min("enqueued_at", filter=Q(run_after=no_date)),
        due=Min("run_after", filter=~Q(run_after=no_date)),
    )
    waiting = [moment for moment in since.values() if moment is not None]
    age = (timezone.now() - min(waiting)).total_seconds() if waiting else 0.0
    max_age = settings.HEALTHZ_QUEUE_MAX_AGE
    return {
        "status": DEGRADED if age > max_age else OK,
        "backend": "database",
        "ready": ready_count if ready_count < QUEUE_COUNT_CAP else f"{QUEUE_COUNT_CAP}+",
        "oldest_seconds": round(max(age, 0.0)),
        "max_seconds": max_age,
    }


@require_GET
@never_cache
@nocache_page
def healthz(request):
    database = _timed(check_database)
    database_ok = database["status"] != FAIL
    checks = {
        "database": database,
        "cache": _timed(check_cache),
        "search": _timed(lambda: check_search(database_ok)),
        "worker": _timed(check_worker) if database_ok else {"status": FAIL, "error": "database"},
    }
    status = worst(check["status"] for check in checks.values())
    return JsonResponse(
        {"status": status, "checks": checks},
        status=200 if database_ok else 503,
        json_dumps_params={"ensure_ascii": False},
    )
