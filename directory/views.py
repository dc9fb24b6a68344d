from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from home.core.querystring import query_url
from search.fallback import search_status

from .filters import DirectoryQuery, parse_directory_query
from .landing import landing_for
from .listing import run_directory_query
from .models import Region


def render_directory(request, page, query: DirectoryQuery, *, base_url: str, landing=None):
    with search_status() as search:
        result = run_directory_query(query)
    canonical_params = {k: v for k, v in query.params().items() if k not in ("near",)}
    if result.page > 1:
        canonical_params["page"] = str(result.page)
    context = page.get_context(request)
    context.update(
        {
            "query": query,
            "result": result,
            # The search cluster is down: the keyword's results come from the database backend.
            "search_degraded": search.degraded,
            "landing": landing,
            "base_url": base_url,
            "canonical_url": request.build_absolute_uri(
                f"{base_url}?{urlencode(canonical_params)}" if canonical_params else base_url
            ),
            "previous_url": query_url(base_url, query.params(), result.page - 1)
            if result.has_previous
            else "",
            "next_url": query_url(base_url, query.params(), result.page + 1)
            if result.has_next
            else "",
            "map_points": [
                {"lat": p.latitude, "lng": p.longitude, "title": p.title, "url": p.url}
                for p in result.points
                if p.has_coordinates
            ],
            "radius_choices": [5, 10, 20, 50, 100, 200],
            "districts": (
                Region.objects.filter(parent=query.city, level=Region.Level.DISTRICT).order_by(
                    "adcode"
                )
                if query.city
                else []
            ),
            "widen": {
                "q": query_url(base_url, query.without("q").params()),
                "radius_km": query_url(base_url, query.without("radius_km").params()),
                "city": query_url(base_url, query.without("city", "district").params()),
                "province": query_url(
                    base_url, query.without("province", "city", "district").params()
                ),
                "service": query_url(base_url, query.without("service", "tier").params()),
                "category": query_url(
                    base_url, query.without("category", "qualification", "audience").params()
                ),
            },
            # Near-duplicate result sets (page 2+, ad-hoc filter mixes) stay out of the index.
            "noindex": bool(query.q or query.near or query.errors),
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


def directory_view(request, page):
    query = parse_directory_query(
        request.GET,
        max_page_size=settings.DIRECTORY_PAGE_SIZE,
        default_page_size=settings.DIRECTORY_PAGE_SIZE,
    )
    return render_directory(request, page, query, base_url=page.url)


def landing_view(request, page, *, province_slug=None, category_slug=None):
    landing = landing_for(province_slug=province_slug, category_slug=category_slug)
    if landing is None:
        raise Http404(_("No such province or category."))
    data = request.GET.copy()
    data[landing.param] = landing.value
    query = parse_directory_query(
        data,
        max_page_size=settings.DIRECTORY_PAGE_SIZE,
        default_page_size=settings.DIRECTORY_PAGE_SIZE,
    )
    base_url = page.reverse_subpage(landing.route_name, kwargs=landing.route_kwargs)
    return render_directory(request, page, query, base_url=page.url + base_url, landing=landing)
