"""Relevance-ranked keys for a model, through whatever search backend is configured."""

from wagtail.search.backends import get_search_backend


def keyword_rank(model, query: str, limit: int | None = None) -> list[tuple[int, float]]:
    backend = get_search_backend()
    with_fallback = getattr(type(backend), "with_fallback", None)
    if with_fallback is not None:
        # The search cluster, or the database backend when it is down (search/fallback.py).
        return with_fallback(backend, lambda actual: _rank(actual, model, query, limit))
    return _rank(backend, model, query, limit)


def _rank(backend, model, query: str, limit: int | None) -> list[tuple[int, float]]:
    if hasattr(backend, "rank"):
        # The SQLite backend answers from one FTS5 query with the limit applied in SQL.
        return backend.rank(model, query, limit=limit)
    results = backend.search(query, model.objects.all()).annotate_score("_score")
    if limit:
        results = results[:limit]
    return [(obj.pk, obj._score or 0.0) for obj in results]
