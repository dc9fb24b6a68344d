"""Under the Content-Security-Policy (home/core/csp.py), every kind of public page and the main
admin screens work without one violation, and the map still draws its tiles.

Chromium reports each blocked script, style or image as a `securitypolicyviolation` event and a
console message; an init script records the events in every frame before any page script runs.
"""

import json
import socket

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .admin import log_in
from .test_event_journey import FIND_OR_CREATE_EVENT

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
        `(${event.sourceFile}:${event.lineNumber}) ${event.sample}`
    );
});
"""

# Prints one JSON line with what the journey opens: one page of each kind, a point with a map,
# and a superuser for the admin screens.
FIND_PAGES = """
import json, secrets
from directory.models import DirectoryIndexPage, ServicePoint
from home.cases.models import CasePage
from home.core.models import User
from home.notices.models import NoticePage
from django.conf import settings

zh = {"locale__language_code": settings.LANGUAGE_CODE}
point = (
    ServicePoint.objects.live().filter(status="active", latitude__isnull=False, **zh)
    .order_by("pk").first()
)
password = secrets.token_urlsafe(18)
user, _ = User.objects.get_or_create(username="csp-admin", defaults={"email": "csp@example.com"})
user.is_superuser = user.is_staff = True
user.set_password(password)
user.save()
print(json.dumps({
    "point_url": point.url,
    "point_id": point.pk,
    "directory_id": DirectoryIndexPage.objects.filter(**zh).first().pk,
    "notice_url": NoticePage.objects.live().filter(**zh).first().url,
    "case_url": CasePage.objects.live().filter(**zh).first().url,
    "username": user.username,
    "password": password,
}))
"""

SET_TILE_URL = """
from home.core.models import SiteSettings
from wagtail.models import Site
settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
settings.map_tile_url = {url!r}
settings.save()
"""

# A 1 × 1 transparent PNG, served for every tile.
TILE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def _last_json(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def site(manage) -> dict:
    found = _last_json(manage("shell", "--no-imports", "-v", "0", "-c", FIND_PAGES))
    found["event_url"] = _last_json(
        manage("shell", "--no-imports", "-v", "0", "-c", FIND_OR_CREATE_EVENT)
    )["url"]
    return found


class Violations:
    """Every CSP violation a context's pages report: events and console messages."""

    def __init__(self, context: BrowserContext):
        self.console: list[str] = []
        context.add_init_script(RECORD_VIOLATIONS)
        context.on("console", self._on_console)

    def _on_console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.console.append(message.text)

    def of(self, page: Page) -> list[str]:
        events = []
        for frame in page.frames:
            try:
                events += frame.evaluate("window.__cspViolations || []")
            except Exception:  # noqa: S112 - a frame that navigated away reports nothing more
                continue
        found = events + self.console
        self.console = []
        return found


def _visit(page: Page, violations: Violations, path: str, expected_status: int = 200) -> str:
    """Open `path`, wait for its scripts and requests, fail on any violation; its policy."""
    response = page.goto(path)
    assert response is not None and response.status == expected_status, path
    policy = response.headers.get("content-security-policy", "")
    # Under DEBUG (the test server) django-csp leaves Django's own 404 page without a policy.
    if expected_status == 200:
        assert "default-src 'self'" in policy and "object-src 'none'" in policy, (path, policy)
    page.wait_for_load_state("networkidle")
    found = violations.of(page)
    assert not found, f"CSP violations on {path}:\n" + "\n".join(found)
    return policy


def test_public_pages_report_no_violation(new_context, site):
    context = new_context()
    violations = Violations(context)
    page = context.new_page()
    for path in (
        "/",
        "/directory/",
        "/directory/?q=广州&sort=name",
        "/notices/",
        site["notice_url"],
        "/cases/",
        site["case_url"],
        "/events/",
        "/search/?q=专利",
        "/consult/ask/",
        "/consult/track/",
        "/privacy/",
        "/en/",
    ):
        policy = _visit(page, violations, path)
        assert "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy, path

    # The event's registration form and the profile's question form (fetched by its script).
    _visit(page, violations, site["event_url"])
    expect(page.locator("form").filter(has=page.locator("input[name=name]"))).to_be_visible()
    page.goto(site["point_url"])
    expect(page.locator("[data-ask-loaded] form#consultation-form")).to_be_visible()
    page.wait_for_load_state("networkidle")
    found = violations.of(page)
    assert not found, "CSP violations on the profile:\n" + "\n".join(found)

    # The site's 404 (under DEBUG the test server shows Django's own, which django-csp skips).
    _visit(page, violations, "/no-such-page-here/", expected_status=404)


def test_admin_screens_report_no_violation(new_context, site):
    context = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False)
    violations = Violations(context)
    admin = context.new_page()
    log_in(admin, site["username"], site["password"], "/admin/")
    found = violations.of(admin)
    assert not found, "CSP violations on the login and dashboard:\n" + "\n".join(found)
    for path in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{site['directory_id']}/",
        f"/admin/pages/{site['point_id']}/edit/",
        "/admin/snippets/",
        "/admin/snippets/directory/pointcategory/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/consultations/",
        "/admin/settings/core/sitesettings/",
    ):
        policy = _visit(admin, violations, path)
        assert "frame-ancestors 'self'" in policy and "'unsafe-eval'" not in policy, path

    # The live preview of the point, the public template framed by the admin.
    admin.goto(f"/admin/pages/{site['point_id']}/edit/")
    admin.locator("[data-side-panel-toggle=preview]").click()
    expect(admin.locator("iframe#w-preview-iframe")).to_be_visible()
    admin.wait_for_load_state("networkidle")
    found = violations.of(admin)
    assert not found, "CSP violations in the preview:\n" + "\n".join(found)


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_map_draws_tiles_from_the_tile_host_of_the_site_settings(
    new_context, manage, site, server_url
):
    # Another origin than the site's (its own port), as a real tile server is: the policy must
    # name it. Chromium checks the policy before the request, so a tile that reaches the route
    # below was allowed.
    tile_host = f"http://127.0.0.1:{_unused_port()}"
    manage("shell", "-c", SET_TILE_URL.format(url=f"{tile_host}/tiles/{{z}}/{{x}}/{{y}}.png"))
    try:
        context = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False)
        served = []

        def serve_tile(route):
            served.append(route.request.url)
            route.fulfill(status=200, content_type="image/png", body=TILE)

        context.route(f"{tile_host}/**", serve_tile)
        violations = Violations(context)
        page = context.new_page()
        # A query string of its own: the server's page cache holds the page without tiles.
        for path in (f"{site['point_url']}?map=csp", "/directory/?q=广州&map=csp"):
            response = page.goto(path)
            assert tile_host in response.headers["content-security-policy"], path
            tiles = page.locator(".map img.leaflet-tile")
            expect(tiles.first).to_be_attached()
            page.wait_for_load_state("networkidle")
            assert served, f"No tile was requested on {path}"
            assert tiles.count() > 0
            found = violations.of(page)
            assert not found, f"CSP violations on {path}:\n" + "\n".join(found)
            served.clear()
    finally:
        manage("shell", "-c", SET_TILE_URL.format(url=""))
