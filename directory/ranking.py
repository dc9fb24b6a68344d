"""Keyword ranking of points: the search backend's text ranking, plus the published service lists.

A query that names a catalogue service lists the points offering it, then those named after it.
"""

from django.db.models import Q

from search.ranking import keyword_rank

from .models import PointOffering, ServiceItem, ServicePoint


def rank(model, query: str, limit: int | None = None) -> list[tuple[int, float]]:
    """(pk, score) of the model's objects matching `query`, best first.

    Scores are the backend's, higher is better. Callers apply their own filters to the keys
    (pk__in), so only the keyword is ranked here.
    """
    providers = service_providers(model, query)
    ranked = keyword_rank(model, query, None if providers else limit)
    if providers:
        # A query that names a catalogue service lists the points offering it, then the points
        # named after it; a point whose description merely mentions it does not offer it.
        named = named_after(model, query, [pk for pk, _score in ranked if pk not in providers])
        ranked = [row for row in ranked if row[0] in providers] + [
            row for row in ranked if row[0] in named
        ]
        ranked = ranked[:limit]
    return ranked


def named_after(model, query: str, pks: list[int]) -> set[int]:
    """Those of `pks` whose name holds the query's words in a row."""
    words = "".join(query.split())
    if not pks or not words:
        return set()
    return set(
        model.objects.filter(pk__in=pks, title__icontains=words).values_list("pk", flat=True)
    )


def service_providers(model, query: str) -> set[int]:
    """Points offering the catalogue service the query names, if it names exactly one.

    The query names a service when it is the service's name (专利导航) or a part of no other
    service's name (质押融资 of 知识产权质押融资; not 专利, which is in eleven). Text ranking
    cannot tell a point offering 知识产权保护维权 from one offering 知识产权保护维权援助, or
    from one whose description merely mentions it; the published service lists can.
    """
    # NUL is dropped: PostgreSQL refuses it in a string.
    spaced = " ".join(query.replace("\x00", " ").split()).lower()
    if len(spaced) < 2 or not issubclass(model, ServicePoint):
        return set()
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
