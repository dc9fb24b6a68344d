from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from directory.models import DirectoryIndexPage, ServicePoint
from home.cases.models import CaseIndexPage
from home.core.models import SiteSettings
from home.events.models import EventIndexPage
from home.notices.models import NoticeIndexPage


def _has_demo_content() -> bool:

    # Asked on every page; a minute's staleness is harmless for a footer notice.
    return cache.get_or_set(
        "site:has-demo-content", lambda: ServicePoint.objects.filter(is_demo=True).exists(), 60
    )


def _navigation(language: str) -> list[tuple[str, str]]:
    """The main sections of the site in the visitor's language: (title, url)."""
    from wagtail.models import Locale

    def build():
        # Labels in the page's language: the cache key carries it.
        locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
        items = []
        for model, label in (
            (DirectoryIndexPage, _("Directory")),
            (NoticeIndexPage, _("Notices")),
            (CaseIndexPage, _("Cases")),
            (EventIndexPage, _("Events")),
        ):
            page = model.objects.live().filter(locale=locale).order_by("path").first()
            if page is not None:
                items.append((str(label), page.get_url()))
        return items

    # Asked on every page; a minute's staleness after an editor renames a section is harmless.
    return cache.get_or_set(f"site:navigation:{language}", build, 60)


def site_context(request):

    # Editors may set the tiles in the admin; the environment's value is the fallback.
    site_settings = SiteSettings.for_request(request)
    return {
        "MAP_TILE_URL": site_settings.map_tile_url or settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": site_settings.map_tile_attribution or settings.MAP_TILE_ATTRIBUTION,
        "site_settings": site_settings,
        "navigation": _navigation(getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)),
        "demo_content": _has_demo_content(),
    }
