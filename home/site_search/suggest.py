"""As-you-type suggestions: listed points and catalogue services whose names hold the text.

A fixed number of queries whatever is typed (the catalogue, the directory page, the points),
and only what the search itself would show: active, live, public points of the visitor's
language.
"""

from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Length

from directory.models import ServicePoint

from .catalogue import catalogue, services_starting
from .kinds import Kind
from .normalise import canonical_query

MAX_SUGGESTIONS = 8
MAX_SERVICE_SUGGESTIONS = 3


def suggestions(typed: str, locale, request=None) -> list[dict]:
    text = canonical_query(typed)
    if not text:
        return []
    services = services_starting(catalogue(locale, request), text, MAX_SERVICE_SUGGESTIONS)
    points = (
        ServicePoint.objects.listed()
        .public()
        .filter(locale=locale, status=ServicePoint.Status.ACTIVE)
    )
    for word in text.split():
        points = points.filter(title__icontains=word)
    points = points.annotate(
        starts=Case(
            When(title__istartswith=text, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("starts", Length("title"), "pk")[: MAX_SUGGESTIONS - len(services)]
    items = []
    for point in points:
        url = point.get_url(request)
        if url:
            items.append({"label": point.title, "type": Kind.POINT.value, "url": url})
    items += [
        {"label": service.name, "type": Kind.SERVICE.value, "url": service.url}
        for service in services
    ]
    for item in items:
        item["type_label"] = str(Kind(item["type"]).label)
    return items[:MAX_SUGGESTIONS]
