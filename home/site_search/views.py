from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from directory.filters import MAX_QUERY_LENGTH
from search.fallback import search_status

from .matching import site_search


def search(request):
    """Site-wide search over every live page, in the visitor's language."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    # The search runs here, not in the template, so the page knows whether the search cluster
    # answered or the fallback backend did (search/fallback.py).
    with search_status() as status:
        match = None
        results = Page.objects.none()
        if query:
            pages = Page.objects.live().public().filter(locale=Locale.get_active())
            match = site_search(pages, query)
            results = match.results
        paginator = Paginator(results, 20)
        try:
            page = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            page = paginator.page(1)
        page.object_list = list(page.object_list)
    return TemplateResponse(
        request,
        "site_search/search.html",
        {
            "search_query": query,
            "search_results": page,
            "search_match": match,
            "search_degraded": status.degraded,
        },
    )
