"""Relevance-ranked keys for a model, through whatever search backend is configured."""

from wagtail.search.backends import get_search_backend


def keyword_rank(model, query: str, limit: int | None = None) -> list[tuple[int, float]]:
    backend = get_search_backend()
    if hasattr(backend, "rank"):
        # The SQLite backend answers from one FTS5 query with the limit applied in SQL.
        return backend.rank(model, query, limit=limit)
    results = backend.search(query, model.objects.all()).annotate_score("_score")
    if limit:
        results = results[:limit]
    return [(obj.pk, obj._score or 0.0) for obj in results]
