"""What the home page shows, computed from the directory, the requests and the editorial pages.

The figures (counts, map, most asked services) come from home/homepage/figures.py, computed
once per version of the directory and kept in the shared cache; only the editorial lists and
the directory page's address are read per request, in a fixed number of queries.
"""

from django.utils import timezone

from directory.models import Tier
from directory.selectors import directory_page
from home.cases.models import CasePage
from home.events.models import EventPage
from home.notices.models import NoticePage

from .figures import home_figures
from .sections import SECTIONS

LATEST_NOTICES = 5
FEATURED_CASES = 3
UPCOMING_EVENTS = 3


def editorial(page) -> dict:

    locale = page.locale
    now = timezone.now()
    sections = {}
    for model, slug, _title, _intro in SECTIONS:
        sections[slug] = model.objects.live().filter(locale=locale).first()
    return {
        "sections": sections,
        "latest_notices": NoticePage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("-publication_date", "-pk")[:LATEST_NOTICES],
        "featured_cases": CasePage.objects.live()
        .filter(locale=locale, featured=True)
        .select_related("point")
        .order_by("-period_start", "-pk")[:FEATURED_CASES],
        "upcoming_events": EventPage.objects.live()
        .filter(locale=locale, end__gte=now)
        .order_by("start", "pk")[:UPCOMING_EVENTS],
    }


def home_page_context(page) -> dict:
    directory = directory_page(getattr(page, "locale", None))
    # One organisation per point: the figures count the default language's tree, whose
    # translations are aliases of the same points.
    context = {"directory": directory, "tiers": Tier.choices}
    context.update(home_figures(directory_url=directory.url if directory else None))
    context.update(editorial(page))
    return context
