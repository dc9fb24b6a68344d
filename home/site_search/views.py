"""The site search page and its as-you-type suggestions."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Locale
from wagtailcache.cache import nocache_page

from directory.filters import MAX_QUERY_LENGTH
from home.core.querystring import parse_int, query_url
from search.fallback import search_status

from .catalogue import related_services
from .kinds import Kind
from .matching import site_search
from .querylog import log_query, popular_queries
from .results import build_results
from .snippets import highlight_words
from .suggest import suggestions

PAGE_SIZE = 20
SUGGEST_MAX_AGE = 300


@nocache_page  # every search is logged: the full-page cache must not answer it
def search(request):
    """Site-wide search over every live public page and the catalogue, in the visitor's language."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    kind = request.GET.get("type", "")
    kind = kind if kind in Kind.values else ""
    number = parse_int(request.GET.get("page", ""), 1) or 1
    locale = Locale.get_active()
    match = None
    # The search runs here, not in the template, so the page knows whether the search cluster
    # answered or the fallback backend did (search/fallback.py).
    with search_status() as status:
        if query:
            match = site_search(query, locale, request)
    hits = match.of_kind(kind) if match else []
    paginator = Paginator(hits, PAGE_SIZE)
    page = paginator.get_page(number)
    words = highlight_words(match.understood.terms) if match else []
    results = build_results(list(page.object_list), match, words, request) if match else []

    base = reverse("search")
    params = {"q": query, **({"type": kind} if kind else {})}
    context = {
        "search_query": query,
        "search_type": kind,
        "search_match": match,
        "search_results": results,
        "search_page": page,
        "search_total": paginator.count,
        "search_degraded": status.degraded,
        "pagination": {"num_pages": paginator.num_pages, "page": page.number},
        "previous_url": query_url(base, params, page.number - 1) if page.has_previous() else "",
        "next_url": query_url(base, params, page.number + 1) if page.has_next() else "",
    }
    if match:
        counts = match.counts
        context["type_filters"] = [
            {
                "value": "",
                "label": None,
                "count": len(match.hits),
                "url": query_url(base, {"q": query}),
                "active": not kind,
            },
            *(
                {
                    "value": value,
                    "label": label,
                    "count": counts[value],
                    "url": query_url(base, {"q": query, "type": value}),
                    "active": kind == value,
                }
                for value, label in Kind.choices
                if counts[value] or kind == value
            ),
        ]
        if not match.hits:
            context["related_services"] = related_services(match.catalogue, match.understood.terms)
            context["popular_queries"] = [
                (text, query_url(base, {"q": text}))
                for text in popular_queries(locale.language_code, exclude=query)
            ]
        # A new query is logged once: not again for its other pages or type filters.
        if number == 1 and not kind:
            log_query(query, locale.language_code, found=bool(match.hits))
    return TemplateResponse(request, "site_search/search.html", context)


def suggest(request):
    """Up to eight {label, type, url} for what was typed; cacheable, the same for everybody."""
    typed = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    items = suggestions(typed, Locale.get_active(), request) if typed else []
    response = JsonResponse({"query": typed, "results": items})
    response["Cache-Control"] = f"public, max-age={SUGGEST_MAX_AGE}"
    return response
