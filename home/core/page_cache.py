"""The full-page cache for anonymous visitors: wagtail-cache's middleware, kept correct.

wagtail-cache (settings: MIDDLEWARE, WAGTAIL_CACHE_*) stores whole responses of anonymous GETs
and serves them before any view runs. This module adds what makes that safe here:

- **Invalidation by generation.** The "pages" cache alias is a `GenerationalCache`: every key it
  stores carries a generation number kept in the store itself (Redis when REDIS_URL is set, so
  every worker sees it). `clear_page_cache()` starts a new generation once the change is
  committed; older entries are never read again and expire by their timeout. A bump is one
  atomic increment, so it is cheap enough to run on every publish, and a response rendered
  before the change but stored after it lands in the old generation, unread, instead of
  outliving the change (a plain `clear()` would race there).
- **What is never stored.** wagtail-cache already skips logged-in users, previews and
  non-GETs. `PageCachePolicyMiddleware` also keeps out every response that sets a cookie (a
  CSRF token, a message, a session), every request that carries a session with data in it or
  a pending message, and anything the view marked private or no-store (the tracking pages, the
  question form, registrations). So a form with a CSRF token or a page with personal data is
  never shared between visitors.
- **What browsers are told.** `CacheHeadersMiddleware` gives shared pages a short public
  lifetime (PAGE_CACHE_BROWSER_SECONDS): the server-side copy is cleared on change, a browser's
  is not, so browsers keep it only briefly; everything else is private.

Pages whose content changes with the clock bound their own lifetime with `cache_until()`.
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.db import transaction
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control

logger = logging.getLogger(__name__)

PAGE_CACHE_ALIAS = "pages"
GENERATION_KEY = "page-cache:generation"


class GenerationalCache(BaseCache):
    """A cache alias whose entries belong to one generation; `clear()` starts the next one.

    LOCATION names the cache alias that holds the entries and the generation counter.
    """

    def __init__(self, location, params):
        super().__init__(params)
        self._store_alias = location
        # Where the generation number lives; the entries' store unless OPTIONS says otherwise
        # (settings: without Redis the entries stay in each worker's memory, the number in a
        # file every worker reads, so a publish in one worker reaches them all).
        self._generations_alias = params.get("OPTIONS", {}).get("GENERATIONS", location)

    @property
    def store(self) -> BaseCache:
        return caches[self._store_alias]

    @property
    def generations(self) -> BaseCache:
        return caches[self._generations_alias]

    def generation(self) -> int:
        generation = self.generations.get(GENERATION_KEY)
        if generation is None:
            # add() is atomic: of two workers starting together, one sets it.
            self.generations.add(GENERATION_KEY, 1, timeout=None)
            generation = self.generations.get(GENERATION_KEY, 1)
        return generation

    def _key(self, key) -> str:
        return f"page:{self.generation()}:{key}"

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.store.add(self._key(key), value, self._timeout(timeout))

    def get(self, key, default=None, version=None):
        return self.store.get(self._key(key), default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.store.set(self._key(key), value, self._timeout(timeout))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.store.touch(self._key(key), self._timeout(timeout))

    def delete(self, key, version=None):
        return self.store.delete(self._key(key))

    def has_key(self, key, version=None):
        return self.store.has_key(self._key(key))

    def clear(self):
        # Atomic in Redis; a file store may lose one of two simultaneous increments, which
        # still leaves a generation no entry was stored under.
        try:
            self.generations.incr(GENERATION_KEY)
        except ValueError:  # no generation yet (a new store): the next one starts at 1 anyway
            self.generations.add(GENERATION_KEY, 2, timeout=None)

    def _timeout(self, timeout):
        return self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout


def page_cache() -> GenerationalCache:
    return caches[PAGE_CACHE_ALIAS]


def _bump() -> None:
    try:
        page_cache().clear()
    except Exception:
        # A cache outage must not fail an editor's publish; the entries expire anyway.
        logger.exception("Could not clear the page cache")


def clear_page_cache(**_signal_kwargs) -> None:
    """Forget every cached page: now, and again once the current transaction commits.

    Now, so this process's next request misses; again after the commit, because a request of
    another worker may render the old rows between the two and store them in the new
    generation. Two increments cost nothing.

    Connected to publish, unpublish, move and delete of any page and to every reference-data
    change (directory/changes.py, site settings, redirects, view restrictions), so it takes
    signal arguments and ignores them.
    """
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def cache_until(response, moment: datetime.datetime | None):
    """Keep `response` in the page cache no longer than until `moment` (a clock-driven change).

    For parts that change with time alone (an event ending, registration closing): the page is
    re-rendered at that moment instead of showing the old state until the next publish.
    """
    if moment is None:
        return response
    seconds = int((moment - timezone.now()).total_seconds())
    default = settings.CACHES[PAGE_CACHE_ALIAS].get("TIMEOUT", 300)
    current = get_max_age(response)
    limit = min(x for x in (seconds, default, current) if x is not None)
    if limit <= 0:
        patch_cache_control(response, no_cache=True)
    else:
        patch_cache_control(response, max_age=limit)
    return response


def _holds_personal_state(request) -> bool:
    session = getattr(request, "session", None)
    if session is not None and session.session_key and not session.is_empty():
        return True
    return "messages" in request.COOKIES


def is_request_cacheable(request, is_cacheable: bool):
    """wagtail-cache hook: a request carrying a session with data or a message is answered fresh."""
    if is_cacheable and _holds_personal_state(request):
        return False
    return None


def is_response_cacheable(response, is_cacheable: bool):
    """wagtail-cache hook: a response setting any cookie (CSRF, message, session) is not shared."""
    if is_cacheable and response.cookies:
        return False
    return None


class PageCachePolicyMiddleware:
    """Just inside wagtail-cache's UpdateCacheMiddleware: marks what must not be stored.

    Sits below the session, CSRF and message middleware in MIDDLEWARE, so it sees the cookies
    they set, and above UpdateCacheMiddleware's decision, which reads the Cache-Control set here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            response.cookies
            or _holds_personal_state(request)
            or (user is not None and user.is_authenticated)
        ):
            patch_cache_control(response, private=True)
        return response


class CacheHeadersMiddleware:
    """Outermost: what browsers and proxies may keep.

    A page the site cache shares (wagtail-cache's header says hit or miss) is public for a
    short time; a response no one else may see is private and revalidated.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = getattr(settings, "WAGTAIL_CACHE_HEADER", "X-Wagtail-Cache")

    def __call__(self, request):
        response = self.get_response(request)
        if response.get(self.header) in ("hit", "miss"):
            # wagtail-cache wrote the server-side lifetime into max-age and Expires; a browser
            # is not told when an editor publishes, so it gets the short one, unless the view
            # said "public" itself and chose its own (the sitemaps: an hour).
            if "Expires" in response:
                del response["Expires"]
            if "public" not in response.get("Cache-Control", ""):
                seconds = settings.PAGE_CACHE_BROWSER_SECONDS
                response["Cache-Control"] = f"public, max-age={seconds}"
        elif "private" in response.get("Cache-Control", ""):
            patch_cache_control(response, no_cache=True)
        return response


def _page_deleted(sender, instance, **_kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        clear_page_cache()


def connect_invalidation() -> None:
    """What changes a page a visitor sees, apart from the directory's reference data.

    That one is connected by the directory (it owns those models: directory/apps.py).
    Saving a draft changes nothing public, so it keeps the cache.
    """
    from django.db.models.signals import post_delete, post_save
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import SiteSettings
    from .models.settings import FooterLink

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear_page_cache, dispatch_uid=f"page-cache-{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="page-cache-page-deleted")
    # Site settings fill the header and footer of every page; a view restriction makes a page
    # private (its public copy must go at once); a redirect replaces a cached 404.
    # The footer's links are saved after the settings row, outside any transaction.
    for model in (SiteSettings, FooterLink, PageViewRestriction, Redirect, Site):
        for signal in (post_save, post_delete):
            signal.connect(
                clear_page_cache,
                sender=model,
                dispatch_uid=f"page-cache-{model.__name__}-{id(signal)}",
            )
