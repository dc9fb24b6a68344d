"""Search that degrades instead of failing when the search cluster is down, slow or erring.

`FallbackSearchBackend` (configured as `search.backends.fallback`) wraps the cluster backend
(Elasticsearch or OpenSearch, the PRIMARY params) and a database backend (the FALLBACK alias,
`search.backends.database`, which every save keeps up to date as an ordinary entry of
WAGTAILSEARCH_BACKENDS):

- searches go to the cluster through a client with a short timeout (SEARCH_TIMEOUT, 1 s by
  default, connect and read) and no client retries; when it fails, the same search runs on the
  database backend, and `search_status()` tells the caller that the fallback answered;
- a circuit breaker per cluster and process skips the cluster for COOLDOWN seconds after a
  failure (then one request probes it again), so only one request per cooldown pays the
  timeout;
- index updates (`add`, `add_bulk`, `delete`) are not sent during the save: each becomes a
  background task (search.tasks.update_search_index), which the worker delivers to the cluster
  with INDEX_TIMEOUT and retries with growing pauses until the cluster takes it;
- everything else (`update_index`'s rebuilders, `get_index_for_model`, …) is the cluster
  backend's, with the indexing timeout: rebuilding an index is an operator's command and should
  fail loudly.

Nothing here imports a project app.
"""

import json
import logging
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar
from copy import deepcopy
from dataclasses import dataclass

from modelsearch.backends.base import BaseSearchResults, EmptySearchResults

logger = logging.getLogger(__name__)

# The dotted path the backend is configured by (search/backends/fallback.py).
BACKEND_PATH = "search.backends.fallback"

DEFAULT_SEARCH_TIMEOUT = 1.0
DEFAULT_INDEX_TIMEOUT = 10.0
DEFAULT_COOLDOWN = 30.0
DEFAULT_RETRY_BASE = 5.0
DEFAULT_RETRY_MAX = 300.0


class SearchUnavailable(Exception):
    """Neither the cluster nor the fallback backend could answer a search."""


class ClusterUnavailable(Exception):
    """The circuit breaker is open: the cluster failed a moment ago and is not tried now."""


# --- Telling the request that the fallback answered ---------------------------------------


@dataclass
class SearchStatus:
    degraded: bool = False


_status: ContextVar[SearchStatus | None] = ContextVar("search_status", default=None)


@contextmanager
def search_status():
    """Collect whether a search inside the block was answered by the fallback backend.

        with search_status() as status:
            result = run_directory_query(query)
        context["search_degraded"] = status.degraded

    Blocks nest: a degraded inner block marks the outer one too. Outside any block nothing is
    recorded, so nothing leaks from one request into the next.
    """
    outer = _status.get()
    status = SearchStatus()
    token = _status.set(status)
    try:
        yield status
    finally:
        _status.reset(token)
        if outer is not None and status.degraded:
            outer.degraded = True


def mark_degraded() -> None:
    status = _status.get()
    if status is not None:
        status.degraded = True


# --- Circuit breaker -------------------------------------------------------------------------


class CircuitBreaker:
    """Closed: every call tries the cluster. After a failure it is open for `cooldown` seconds
    (calls go straight to the fallback); then a single call probes the cluster while the others
    still skip it, and the probe's outcome closes or reopens the breaker."""

    def __init__(self, cooldown: float):
        self.cooldown = cooldown
        self._lock = threading.Lock()
        self._tripped = False
        self._open_until = 0.0

    def allow(self) -> bool:
        """Whether to try the cluster now; after a cooldown, True for the one probing call."""
        with self._lock:
            now = time.monotonic()
            if now < self._open_until:
                return False
            if self._tripped:
                self._open_until = now + self.cooldown  # the others wait for this probe
            return True

    @property
    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def succeeded(self) -> None:
        with self._lock:
            self._tripped = False
            self._open_until = 0.0

    def failed(self) -> bool:
        """Open the breaker; True when it was closed (the first failure of an outage)."""
        with self._lock:
            first = not self._tripped
            self._tripped = True
            self._open_until = time.monotonic() + self.cooldown
            return first


_lock = threading.Lock()
_breakers: dict[str, CircuitBreaker] = {}
_clusters: dict[tuple[str, str], object] = {}


def breaker_for(key: str, cooldown: float) -> CircuitBreaker:
    with _lock:
        breaker = _breakers.get(key)
        if breaker is None or breaker.cooldown != cooldown:
            breaker = _breakers[key] = CircuitBreaker(cooldown)
        return breaker


def reset() -> None:
    """Forget every breaker and cluster client of this process (tests, settings changes)."""
    with _lock:
        _breakers.clear()
        _clusters.clear()


# --- Results that fall back when evaluated -------------------------------------------------


class FallbackSearchResults(BaseSearchResults):
    """The cluster's lazy search results; evaluating them (count, iteration, facets) runs on
    the fallback backend if the cluster fails. Slices and clones share the choice, so a
    paginator's count and page come from the same backend once it has fallen back."""

    def __init__(self, backend, primary, make_fallback, shared=None):
        """`primary` None: the breaker is open, only the fallback is asked."""
        self.shared = shared if shared is not None else {"fallback": None}
        if primary is None and self.shared["fallback"] is None:
            self.shared["fallback"] = make_fallback()
        wrapped = self.shared["fallback"] if primary is None else primary
        # BaseSearchResults.__init__ wants a query compiler; the wrapped results have one.
        super().__init__(backend, getattr(wrapped, "query_compiler", None))
        self.model = getattr(wrapped, "model", None)
        self.primary = primary
        self.make_fallback = make_fallback

    def _clone(self):
        new = self.__class__(self.backend, self.primary, self.make_fallback, self.shared)
        new.start = self.start
        new.stop = self.stop
        new._score_field = self._score_field
        return new

    def _shaped(self, results):
        if self._score_field:
            results = results.annotate_score(self._score_field)
        if self.start or self.stop is not None:
            results = results[self.start : self.stop]
        return results

    def _run(self, operation):
        # Evaluated here, inside the caller's search_status() block, even when the breaker was
        # open already when the search was made.
        if self.shared["fallback"] is None:
            try:
                return self.backend.on_cluster(lambda: operation(self._shaped(self.primary)))
            except ClusterUnavailable:
                pass
        if self.shared["fallback"] is None:
            self.shared["fallback"] = self.make_fallback()
        return self.backend.on_fallback(lambda: operation(self._shaped(self.shared["fallback"])))

    def _do_search(self):
        return self._run(lambda results: list(results))

    def _do_count(self):
        return self._run(lambda results: results.count())

    def facet(self, field_name):
        return self._run(lambda results: results.facet(field_name))


# --- The backend -----------------------------------------------------------------------------


def _import_backend(path: str):
    from modelsearch.backends import import_backend

    return import_backend(path)


class FallbackSearchBackend:
    """See the module's docstring. Params:

    PRIMARY          the cluster backend's own params, BACKEND included
    FALLBACK         alias of the database backend in WAGTAILSEARCH_BACKENDS ("database")
    SEARCH_TIMEOUT   seconds a search may take on the cluster (connect and read), 1
    INDEX_TIMEOUT    seconds the worker's index updates may take, 10
    COOLDOWN         seconds the cluster is skipped after a failure, 30
    RETRY_BASE, RETRY_MAX   the pause before the n-th retry of an index update is
                     RETRY_BASE * 2**n seconds, at most RETRY_MAX (5 s … 5 min)
    """

    # Index updates only enqueue a task here; an error doing that is a database error and
    # must not be hidden.
    catch_indexing_errors = False

    def __init__(self, params):
        params = dict(params)
        self.primary_params = deepcopy(params["PRIMARY"])
        self.fallback_alias = params.get("FALLBACK", "database")
        self.search_timeout = float(params.get("SEARCH_TIMEOUT", DEFAULT_SEARCH_TIMEOUT))
        self.index_timeout = float(
            params.get("INDEX_TIMEOUT", self.primary_params.get("TIMEOUT", DEFAULT_INDEX_TIMEOUT))
        )
        self.retry_base = float(params.get("RETRY_BASE", DEFAULT_RETRY_BASE))
        self.retry_max = float(params.get("RETRY_MAX", DEFAULT_RETRY_MAX))
        self.key = json.dumps(self.primary_params, sort_keys=True, default=str)
        self.breaker = breaker_for(self.key, float(params.get("COOLDOWN", DEFAULT_COOLDOWN)))

    # --- the wrapped backends

    def _cluster(self, role: str, timeout: float):
        """The cluster backend for searching or indexing, one per process and params."""
        with _lock:
            backend = _clusters.get((self.key, role))
            if backend is None:
                params = deepcopy(self.primary_params)
                path = params.pop("BACKEND")
                params["TIMEOUT"] = timeout
                # The breaker (searches) and the task (updates) retry; the client must not:
                # its default of 3 retries made every publish wait ≈30 s for a dead server.
                params["OPTIONS"] = {
                    **params.get("OPTIONS", {}),
                    "max_retries": 0,
                    "retry_on_timeout": False,
                }
                backend = _clusters[(self.key, role)] = _import_backend(path)(params)
            return backend

    @property
    def searcher(self):
        return self._cluster("search", self.search_timeout)

    @property
    def indexer(self):
        return self._cluster("index", self.index_timeout)

    @property
    def fallback(self):
        from modelsearch.backends import get_search_backend

        return get_search_backend(self.fallback_alias)

    def __getattr__(self, name):
        # Rebuilding (update_index), index lookups and the rest: the cluster's own.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.indexer, name)

    # --- running on the cluster, or on the fallback

    def on_cluster(self, call):
        """call() against the cluster; ClusterUnavailable when the breaker is open or it fails."""
        if not self.breaker.allow():
            raise ClusterUnavailable
        try:
            result = call()
        except Exception as exc:
            if self.breaker.failed():
                logger.warning(
                    "Search cluster failed (%s: %s); searching the %r backend for %.0f s",
                    type(exc).__name__,
                    exc,
                    self.fallback_alias,
                    self.breaker.cooldown,
                )
            raise ClusterUnavailable from exc
        self.breaker.succeeded()
        return result

    def on_fallback(self, call):
        mark_degraded()
        try:
            return call()
        except Exception as exc:
            logger.exception("The fallback search backend %r failed too", self.fallback_alias)
            raise SearchUnavailable(str(exc)) from exc

    def with_fallback(self, search):
        """search(backend) on the cluster's search client, or on the fallback backend when the
        cluster is down; `search` must evaluate its results (return a list, a count)."""
        try:
            return self.on_cluster(lambda: search(self.searcher))
        except ClusterUnavailable:
            return self.on_fallback(lambda: search(self.fallback))

    # --- modelsearch's search API

    def _query(self, method, query, model_or_queryset, kwargs):
        def fallback_results():
            return getattr(self.fallback, method)(query, model_or_queryset, **kwargs)

        if self.breaker.is_open:
            results = None
        else:
            # Building the query compiles it locally; the cluster is asked only on evaluation.
            results = getattr(self.searcher, method)(query, model_or_queryset, **kwargs)
            if isinstance(results, EmptySearchResults):
                return results
        return FallbackSearchResults(self, results, fallback_results)

    def search(self, query, model_or_queryset, **kwargs):
        return self._query("search", query, model_or_queryset, kwargs)

    def autocomplete(self, query, model_or_queryset, **kwargs):
        return self._query("autocomplete", query, model_or_queryset, kwargs)

    # --- index updates: through the background worker

    @property
    def alias(self) -> str:
        """This backend's name in WAGTAILSEARCH_BACKENDS (the task looks it up again)."""
        from modelsearch.conf import get_app_config

        for name, conf in get_app_config().get_search_backend_config().items():
            if conf.get("BACKEND") == BACKEND_PATH and conf.get("PRIMARY") == self.primary_params:
                return name
        return "default"

    def _enqueue(self, model, pks) -> None:
        from search.tasks import enqueue_index_update

        enqueue_index_update(self.alias, model._meta.label_lower, [str(pk) for pk in pks])

    def add(self, obj):
        self._enqueue(type(obj), [obj.pk])

    def add_bulk(self, model, obj_list):
        pks = [obj.pk for obj in obj_list]
        if pks:
            self._enqueue(model, pks)

    def delete(self, obj):
        self._enqueue(type(obj), [obj.pk])

    def deliver(self, model, pks: list[str]) -> None:
        """Make the cluster's documents for these keys match the database (the worker's side):
        objects that exist and are indexed are (re)sent, the others deleted. Idempotent, so a
        retry or a late duplicate is harmless whatever the order of the tasks."""
        objs = list(model.get_indexed_objects().filter(pk__in=pks))
        found = {str(obj.pk) for obj in objs}
        gone = [pk for pk in pks if pk not in found]

        def send():
            if objs:
                self.indexer.add_bulk(model, objs)
            for pk in gone:
                self.indexer.delete(model(pk=pk))

        self.on_cluster(send)

    def retry_delay(self, attempt: int) -> float:
        return min(self.retry_max, self.retry_base * 2**attempt)
