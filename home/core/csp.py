"""Content-Security-Policy: one strict policy for the public site, one for Wagtail's admin.

django-csp builds the header from settings (CONTENT_SECURITY_POLICY, the public policy, and
CONTENT_SECURITY_POLICY_ADMIN); this middleware picks the policy by path and adds what only the
request knows:

- **The map's tile host.** Editors may change the tile URL in the site settings at any time
  (SiteSettings.map_tile_url, else the MAP_TILE_URL setting), so its origin is added to
  `img-src` per response, not frozen in the settings.
- **The admin's policy.** Wagtail's admin still renders inline scripts and style attributes
  (inline panels, date pickers, the workflow modal; wagtail/wagtail#1288), so it needs
  `'unsafe-inline'` there; the public site allows neither.
- **Previews.** Wagtail runs a page preview through the middleware as a request for the page's
  URL: it keeps the public policy (the same templates), framed by the admin's preview panel.

It sits inside the page cache's UpdateCacheMiddleware (settings.MIDDLEWARE): a cached page is
stored with the header it was rendered with, so a nonce in its HTML always matches its header.
The page cache is emptied when the site settings change, so a stored tile host cannot go stale.
"""

import re
from functools import cache
from urllib.parse import urlsplit

from csp.constants import HEADER, SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponseBase
from django.urls import NoReverseMatch, reverse

# A host as CSP takes it: letters, digits, dots and hyphens, or a leading "*." wildcard.
HOST = re.compile(r"^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$")


def tile_origin(url: str) -> str | None:
    """The CSP source (scheme://host[:port]) of a Leaflet tile URL template, or None.

    Leaflet's `{s}` subdomain placeholder becomes CSP's leading wildcard. A relative URL is
    covered by 'self'; anything that is not a plain http(s) host is refused rather than let
    into the header.
    """
    url = url.strip()
    if not url:
        return None
    parts = urlsplit(url.replace("{s}", "subdomain-placeholder"))
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    host = parts.hostname.replace("subdomain-placeholder", "*")
    if "*" in host and not host.startswith("*."):
        return None
    try:
        host = host.encode("idna").decode("ascii") if "*" not in host else host
        port = parts.port
    except (UnicodeError, ValueError):
        return None
    if not HOST.match(host):
        return None
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


def map_tile_url(request: HttpRequest) -> str:
    """The tile URL the request's pages use: the site's setting, else the server's.

    The same rule as the templates' MAP_TILE_URL (home/homepage/context_processors.py).
    """
    from wagtail.models import Site

    from .models import SiteSettings

    try:
        site = Site.find_for_request(request)
        if site is not None:
            return SiteSettings.for_request(request).map_tile_url or settings.MAP_TILE_URL
    except DatabaseError:
        # The friendly 503 of a locked database must not become a 500 here.
        pass
    return settings.MAP_TILE_URL


@cache
def admin_prefix() -> str:
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return "/admin/"


def is_admin(request: HttpRequest) -> bool:
    return request.path_info.startswith(admin_prefix())


def is_html(response: HttpResponseBase) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # A page from the page cache was stored with the header it was rendered with (see the
        # module's docstring); building it again would read the site settings on every hit.
        if HEADER in response:
            return response
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin(request):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
            # Wagtail renders a preview through the middleware with a request for the page's
            # own URL: the public policy, except that the admin's preview panel may frame it.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        # Only a page can show the map (the admin's previews included); other responses skip
        # the site-settings look-up.
        if is_html(response):
            origin = tile_origin(map_tile_url(request))
            if origin:
                update = dict(parts.update or {})
                update["img-src"] = [*update.get("img-src", ()), origin]
                parts.update = update
        return parts
