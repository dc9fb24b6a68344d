from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from home.core.page_cache import cache_until
from home.core.querystring import query_url
from search.fallback import search_status

from .filters import FILTER_PARAMS, DirectoryQuery, parse_directory_query
from .landing import landing_for
from .listing import run_directory_query
from .models import Region
from .opening import Hours, current_calendar, next_change, opening_status


def active_filter_count(query: DirectoryQuery) -> int:
    """What "Filters (n)" counts: every condition but the keyword, which stays in view."""
    return sum(1 for name in FILTER_PARAMS if name != "q" and getattr(query, name))


def render_directory(request, page, query: DirectoryQuery, *, base_url: str, landing=None):
    with search_status() as search:
        result = run_directory_query(query)
    now, calendar = timezone.now(), current_calendar()
    for point in result.points:
        point.opening = opening_status(Hours.of(point), now, calendar)
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
            # A landing page's own parameter would override the form's choice: the form always
            # searches the whole directory, with the landing's filter as a preselected value.
            "form_action": page.url,
            "active_filter_count": active_filter_count(query),
            "opening_now": now,
            "opening_calendar": calendar,
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
                "near": query_url(base_url, query.without("near", "radius_km").params()),
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
    response = TemplateResponse(request, page.get_template(request), context)
    # Open now / closed: js/open-now.js keeps it right on a cached page; without JavaScript the
    # text is right until the first point opens or closes, so the page is not kept longer.
    return cache_until(response, next_change(p.opening for p in result.points))


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
