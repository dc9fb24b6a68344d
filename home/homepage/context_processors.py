from django.conf import settings
from django.core.cache import cache
from django.db import transaction
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


# The section index pages the header links to, in order.
NAVIGATION_MODELS = (DirectoryIndexPage, NoticeIndexPage, CaseIndexPage, EventIndexPage)


def _navigation_key(language: str) -> str:
    return f"site:navigation:{language}"


def forget_navigation(instance=None, **_kwargs) -> None:
    """A section index page was published, unpublished, moved or deleted: links are rebuilt.

    Connected in HomepageConfig.ready(). Cleared now, for this process's next page, and again
    after the commit, in case another worker rebuilt the links from the old rows meanwhile.
    """
    if not isinstance(instance, NAVIGATION_MODELS):
        return
    keys = [_navigation_key(code) for code, _name in settings.LANGUAGES]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def _navigation(language: str) -> list[tuple[str, str]]:
    """The main sections of the site in the visitor's language: (title, url)."""
    from wagtail.models import Locale

    def build():
        # Labels in the page's language: the cache key carries it.
        locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
        items = []
        labels = (_("Directory"), _("Notices"), _("Cases"), _("Events"))
        for model, label in zip(NAVIGATION_MODELS, labels, strict=True):
            page = model.objects.live().filter(locale=locale).order_by("path").first()
            if page is not None:
                items.append((str(label), page.get_url()))
        return items

    # Asked on every page; cleared when a section page changes (`forget_navigation`), so the
    # timeout only bounds what a change without a signal (a raw update) leaves stale.
    return cache.get_or_set(_navigation_key(language), build, 600)


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
