"""GET /api/v1/points/: the directory as read-only JSON, with the directory's filters."""

from collections import defaultdict

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from search.fallback import SearchUnavailable, search_status

from .filters import parse_directory_query
from .listing import run_directory_query
from .models import PointOffering, ServicePoint

POINT_FIELDS = (
    "pk",
    "title",
    "slug",
    "category__code",
    "category__name",
    "province__name",
    "city__name",
    "address",
    "latitude",
    "longitude",
    "coordinates_approximate",
)


def serialize_page(pks: list[int], distances: dict[int, float], request) -> list[dict]:
    """The page's items from three flat queries (no model instances: a 100-item page would
    otherwise build over a thousand offering objects per request)."""
    rows = {row["pk"]: row for row in ServicePoint.objects.filter(pk__in=pks).values(*POINT_FIELDS)}
    qualifications = defaultdict(list)
    for point_id, code, name in (
        ServicePoint.qualifications.through.objects.filter(servicepoint_id__in=pks)
        .order_by("qualification__sort_order")
        .values_list("servicepoint_id", "qualification__code", "qualification__name")
    ):
        qualifications[point_id].append({"code": code, "name": name})
    services = defaultdict(list)
    for point_id, code, name, tier in (
        PointOffering.objects.filter(point_id__in=pks)
        .order_by("point_id", "sort_order")
        .values_list("point_id", "service__code", "service__name", "tier")
    ):
        services[point_id].append({"code": code, "name": name, "tier": tier})
    # Every point of a page is a child of the one directory page of the visitor's language.
    base = ""
    if pks:
        base = ServicePoint.objects.get(pk=pks[0]).get_parent().get_full_url(request)

    items = []
    for pk in pks:
        row = rows[pk]
        item = {
            "id": pk,
            "name": row["title"],
            "category": {"code": row["category__code"], "name": row["category__name"]},
            "qualifications": qualifications[pk],
            "province": row["province__name"],
            "city": row["city__name"],
            "address": row["address"],
            "latitude": row["latitude"],
            "longitude": row["longitude"],
            # City- or district-centre coordinates: a distance to them is not the point's.
            "coordinates_approximate": row["coordinates_approximate"],
            "services": services[pk],
            "url": f"{base}{row['slug']}/",
        }
        if pk in distances:
            item["distance_km"] = round(distances[pk], 2)
        items.append(item)
    return items


def bad_request(errors: dict[str, str]) -> JsonResponse:
    return JsonResponse(
        {"error": "invalid_parameters", "parameters": errors},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def points(request):
    query = parse_directory_query(
        request.GET,
        max_page_size=settings.API_MAX_PAGE_SIZE,
        default_page_size=settings.DIRECTORY_PAGE_SIZE,
    )
    if query.errors:
        return bad_request(query.errors)
    try:
        with search_status() as search:
            result = run_directory_query(query, with_facets=False, load_points=False)
    except SearchUnavailable:
        # Neither the search cluster nor the database fallback answered.
        response = JsonResponse({"error": "search_unavailable"}, status=503)
        response["Retry-After"] = "30"
        return response
    if result.total and query.page > result.num_pages:
        return bad_request({"page": _("There are only %(n)d pages.") % {"n": result.num_pages}})
    body = {
        "count": result.total,
        "page": result.page,
        "page_size": query.page_size,
        "num_pages": result.num_pages,
        "results": serialize_page(result.page_pks, result.distances, request),
    }
    if search.degraded:
        # The search cluster is down: the keyword was matched by the database fallback.
        body["degraded"] = True
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})
