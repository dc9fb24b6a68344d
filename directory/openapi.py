"""The OpenAPI 3.1 description of /api/v1/, served at /api/v1/openapi.json.

Built from the constants the API itself reads (the filter names, the tiers, the length and
radius limits, the page-size ceiling), so a new filter or a changed limit shows up here, and
tests/directory/test_openapi.py fails when a filter has no description. The document is a
technical contract, like the JSON keys it describes: it is English in every language and holds
no reference data, so it needs no database and never changes between requests.
"""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .filters import FILTER_PARAMS, MAX_QUERY_LENGTH, MAX_RADIUS_KM
from .models import Tier

API_VERSION = "1.0.0"
# parse_int (home/core/querystring.py) takes at most six digits.
MAX_PAGE = 999_999

# One entry per parameter of parse_directory_query: (JSON schema, description, example).
FILTERS: dict[str, tuple[dict, str, str]] = {
    "q": (
        {"type": "string", "maxLength": MAX_QUERY_LENGTH},
        "Keyword, Chinese-aware (segmented with jieba); names rank above descriptions. "
        f"Longer than {MAX_QUERY_LENGTH} characters answers 400.",
        "专利导航",
    ),
    "province": (
        {"type": "string"},
        "Province slug (`guangdong`), name (`广东省`) or adcode (`440000`).",
        "guangdong",
    ),
    "city": (
        {"type": "string"},
        "City adcode (`440100`); results are ordered by distance from its centre. "
        "With `province`, the city must be in it.",
        "440100",
    ),
    "district": (
        {"type": "string"},
        "District adcode (`440106`): orders by distance from the district's centre, "
        "without narrowing. With `city`, the district must be in it.",
        "440106",
    ),
    "category": (
        {"type": "string"},
        "Point category code: `university`, `research`, `library`, `park`, `association`, "
        "`market_firm` (and its sub-kinds), `rights_aid`, `other`.",
        "library",
    ),
    "qualification": (
        {"type": "string"},
        "Qualification code: `tisc`, `university_center`, `national_point`, "
        "`provincial_point`, `city_point`, `patent_doc_point`, `patent_info_base`, `other`.",
        "tisc",
    ),
    "service": (
        {"type": "string"},
        "Catalogue service code (`B03` basic IP search, `P03` patent navigation, …).",
        "P03",
    ),
    "tier": (
        {"type": "string", "enum": list(Tier.values)},
        "Service tier of the offering (with `service`) or of any offering.",
        "basic",
    ),
    "audience": (
        {"type": "string"},
        "Audience code: `government`, `research`, `university`, `enterprise`, `public`.",
        "enterprise",
    ),
    "near": (
        {"type": "string"},
        "`latitude,longitude` in decimal degrees: results are ordered by distance from it "
        "and carry `distance_km`.",
        "23.13,113.26",
    ),
    "radius_km": (
        {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_RADIUS_KM},
        "With `near` (or a city or district): only points within this many kilometres.",
        "20",
    ),
}


def _paging() -> dict[str, tuple[dict, str, str]]:
    max_size = settings.API_MAX_PAGE_SIZE
    return {
        "page": (
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
            "Page number. A page past the last one answers 400.",
            "1",
        ),
        "page_size": (
            {
                "type": "integer",
                "minimum": 1,
                "maximum": max_size,
                "default": settings.DIRECTORY_PAGE_SIZE,
            },
            f"Points per page, at most {max_size}.",
            "20",
        ),
    }


def _parameter(name: str, schema: dict, description: str, example: str) -> dict:
    typed = {"integer": int, "number": float}.get(schema["type"], str)
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        "example": typed(example),
    }


def _object(properties: dict, required: list[str] | None = None) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        # Strict: a field added to the API without being described here fails the tests.
        "additionalProperties": False,
    }


STRING = {"type": "string"}
CODE_NAME = _object({"code": STRING, "name": STRING})
ERROR_MESSAGE = {"type": "string", "description": "A message in the request's language."}

SCHEMAS = {
    "CodeName": CODE_NAME,
    "Service": _object(
        {
            "code": {**STRING, "description": "Catalogue code."},
            "name": STRING,
            "tier": {"type": "string", "enum": list(Tier.values)},
        }
    ),
    "Point": _object(
        {
            "id": {"type": "integer"},
            "name": STRING,
            "category": {"$ref": "#/components/schemas/CodeName"},
            "qualifications": {"type": "array", "items": {"$ref": "#/components/schemas/CodeName"}},
            "province": STRING,
            "city": {"type": ["string", "null"]},
            "address": STRING,
            "latitude": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
            "longitude": {"type": ["number", "null"], "minimum": -180, "maximum": 180},
            "coordinates_approximate": {
                "type": "boolean",
                "description": "The coordinates are the district's or city's centre, not the "
                "point's address: `distance_km` is then the distance to that centre.",
            },
            "distance_km": {
                "type": "number",
                "minimum": 0,
                "description": "Only with `near`, a city or a district: kilometres from there.",
            },
            "services": {"type": "array", "items": {"$ref": "#/components/schemas/Service"}},
            "url": {"type": "string", "format": "uri", "description": "The public profile."},
        },
        required=[
            "id",
            "name",
            "category",
            "qualifications",
            "province",
            "city",
            "address",
            "latitude",
            "longitude",
            "coordinates_approximate",
            "services",
            "url",
        ],
    ),
    "PointList": _object(
        {
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1},
            "num_pages": {"type": "integer", "minimum": 1},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Point"}},
            "degraded": {
                "const": True,
                "description": "Present when the search cluster is down and the keyword was "
                "matched by the database fallback (results may be less complete).",
            },
        },
        required=["count", "page", "page_size", "num_pages", "results"],
    ),
    "InvalidParameters": _object(
        {
            "error": {"const": "invalid_parameters"},
            "parameters": {
                "type": "object",
                "description": "One message per bad parameter, by parameter name.",
                "propertyNames": {"enum": [*FILTER_PARAMS, "page", "page_size"]},
                "additionalProperties": ERROR_MESSAGE,
                "minProperties": 1,
            },
        }
    ),
    "SearchUnavailable": _object({"error": {"const": "search_unavailable"}}),
}


def _json(schema_name: str, description: str, headers: dict | None = None) -> dict:
    response = {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
        },
    }
    if headers:
        response["headers"] = headers
    return response


def openapi_document() -> dict:
    parameters = [_parameter(name, *spec) for name, spec in {**FILTERS, **_paging()}.items()]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "IP Service Network directory API",
            "version": API_VERSION,
            "description": (
                "Read-only JSON of the public directory of IP information service points "
                "(知识产权信息公共服务网点), with the directory's filters. Holds no personal data."
            ),
        },
        "paths": {
            "/api/v1/points/": {
                "get": {
                    "operationId": "listPoints",
                    "summary": "List live service points, filtered and paged",
                    "parameters": parameters,
                    "responses": {
                        "200": _json("PointList", "A page of points."),
                        "400": _json(
                            "InvalidParameters",
                            "A parameter is invalid (or the page is past the last one).",
                        ),
                        "503": _json(
                            "SearchUnavailable",
                            "Neither the search cluster nor its database fallback answered.",
                            headers={
                                "Retry-After": {
                                    "description": "Seconds to wait before trying again.",
                                    "schema": {"type": "string", "pattern": "^[0-9]+$"},
                                }
                            },
                        ),
                    },
                }
            }
        },
        "components": {"schemas": SCHEMAS},
    }


@require_GET
@cache_control(public=True, max_age=3600)
def openapi_view(request):
    response = JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
    # Lets clients (and Swagger UI or Redoc pointed at it from another origin) read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response
