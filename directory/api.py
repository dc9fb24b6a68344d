"""GET /api/v1/points/: the directory as read-only JSON, with the directory's filters."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .filters import parse_directory_query
from .listing import run_directory_query


def serialize_point(point, request) -> dict:
    item = {
        "id": point.pk,
        "name": point.title,
        "category": {"code": point.category.code, "name": point.category.name},
        "qualifications": [{"code": q.code, "name": q.name} for q in point.qualifications.all()],
        "province": point.province.name,
        "city": point.city.name if point.city_id else None,
        "address": point.address,
        "latitude": point.latitude,
        "longitude": point.longitude,
        "services": [
            {"code": o.service.code, "name": o.service.name, "tier": o.tier}
            for o in point.offerings.all()
        ],
        "url": request.build_absolute_uri(point.url),
    }
    if getattr(point, "distance_km", None) is not None:
        item["distance_km"] = round(point.distance_km, 2)
    return item


@require_GET
def points(request):
    query = parse_directory_query(
        request.GET,
        max_page_size=settings.API_MAX_PAGE_SIZE,
        default_page_size=settings.DIRECTORY_PAGE_SIZE,
    )
    if query.errors:
        return JsonResponse(
            {"error": "invalid_parameters", "parameters": query.errors},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    result = run_directory_query(query, with_facets=False)
    if result.total and query.page > result.num_pages:
        return JsonResponse(
            {
                "error": "invalid_parameters",
                "parameters": {"page": _("There are only %(n)d pages.") % {"n": result.num_pages}},
            },
            status=400,
        )
    return JsonResponse(
        {
            "count": result.total,
            "page": result.page,
            "page_size": query.page_size,
            "num_pages": result.num_pages,
            "results": [serialize_point(p, request) for p in result.points],
        },
        json_dumps_params={"ensure_ascii": False},
    )
