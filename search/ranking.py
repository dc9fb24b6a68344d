"""Relevance-ranked keys for a model, through whatever search backend is configured."""

from wagtail.search.backends import get_search_backend


def rank(model, query: str, limit: int | None = None) -> list[tuple[int, float]]:
    """(pk, score) of the model's objects matching `query`, best first.

    Scores are the backend's, higher is better. Callers apply their own filters to the keys
    (pk__in), so only the keyword is ranked here.
    """
    providers = service_providers(model, query)
    ranked = keyword_rank(model, query, None if providers else limit)
    if providers:
        # A query that names a catalogue service lists the points offering it first.
        ranked = sorted(ranked, key=lambda row: row[0] not in providers)[:limit]
    return ranked


def keyword_rank(model, query: str, limit: int | None = None) -> list[tuple[int, float]]:
    backend = get_search_backend()
    if hasattr(backend, "rank"):
        # The SQLite backend answers from one FTS5 query with the limit applied in SQL.
        return backend.rank(model, query, limit=limit)
    results = backend.search(query, model.objects.all()).annotate_score("_score")
    if limit:
        results = results[:limit]
    return [(obj.pk, obj._score or 0.0) for obj in results]


def service_providers(model, query: str) -> set[int]:
    """Points offering the catalogue service the query names, if it names exactly one.

    The query names a service when it is the service's name (专利导航) or a part of no other
    service's name (质押融资 of 知识产权质押融资; not 专利, which is in eleven). Text ranking
    cannot tell a point offering 知识产权保护维权 from one offering 知识产权保护维权援助, or
    from one whose description merely mentions it; the published service lists can.
    """
    from directory.models import ServicePoint

    spaced = " ".join(query.split()).lower()
    if len(spaced) < 2 or not issubclass(model, ServicePoint):
        return set()
    from django.db.models import Q

    from services.models import PointOffering, ServiceItem

    forms = {spaced, spaced.replace(" ", "")}
    containing = ServiceItem.objects.filter(
        Q(name__icontains=spaced) | Q(name__icontains=spaced.replace(" ", ""))
    )
    services = list(containing.values_list("pk", "name", "translation_key"))
    exact = [pk for pk, name, _key in services if name.lower() in forms]
    # Translations of one service count as one service.
    named = exact or (
        [pk for pk, _n, _k in services] if len({k for *_, k in services}) == 1 else []
    )
    if not named:
        return set()
    return set(PointOffering.objects.filter(service__in=named).values_list("point_id", flat=True))
