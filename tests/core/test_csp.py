"""The Content-Security-Policy headers (home/core/csp.py, settings CONTENT_SECURITY_POLICY*).

The browser test (tests/browser/test_csp.py) shows that pages work under them; these check the
headers themselves, the tile host and that no template brings back inline code.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from home.core.csp import tile_origin
from home.core.models import SiteSettings

pytestmark = pytest.mark.django_db

TEMPLATES = Path(django_settings.BASE_DIR) / "templates"


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        (
            "https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}",
            "https://webrd01.is.autonavi.com",
        ),
        ("https://{s}.tile.example.cn/{z}/{x}/{y}.png", "https://*.tile.example.cn"),
        ("http://127.0.0.1:8765/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8765"),
        ("/tiles/{z}/{x}/{y}.png", None),
        ("", None),
        ("javascript:alert(1)", None),
        ("https://tiles.example.cn; script-src *", None),
        ("https://a{s}.example.cn/{z}", None),
    ],
)
def test_the_tile_origin_of_a_url_template(url, origin):
    assert tile_origin(url) == origin


def test_public_pages_get_the_strict_policy(client, home_page, settings):
    settings.MAP_TILE_URL = ""
    for url in ("/", "/privacy/", "/consult/ask/", "/no-such-page/", "/sitemap.xml"):
        response = client.get(url)
        policy = directives(response)
        assert policy["default-src"] == ["'self'"], url
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["img-src"] == ["'self'", "data:"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert policy["base-uri"] == ["'self'"], url
        assert policy["form-action"] == ["'self'"], url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], url


def test_the_admin_gets_its_own_policy(client, home_page):
    policy = directives(client.get("/admin/login/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in sum(policy.values(), [])


def test_img_src_follows_the_server_setting_and_the_site_setting(client, home_page, settings):
    settings.MAP_TILE_URL = "https://tiles.example.cn/{z}/{x}/{y}.png"
    assert directives(client.get("/"))["img-src"] == ["'self'", "data:", "https://tiles.example.cn"]

    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.map_tile_url = "https://{s}.maps.example.org/{z}/{x}/{y}.png"
    site_settings.save()
    # The same (cached) page, after the editor's change: the new host, not the old.
    img_src = directives(client.get("/"))["img-src"]
    assert "https://*.maps.example.org" in img_src
    assert "https://tiles.example.cn" not in img_src


def test_a_cached_page_keeps_the_header_it_was_rendered_with(client, home_page, settings):
    settings.MAP_TILE_URL = "https://tiles.example.cn/{z}/{x}/{y}.png"
    first = client.get("/")
    second = client.get("/")
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


# --- no inline code in the templates ----------------------------------------------------------

SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
DATA_TYPES = re.compile(r'type="application/(ld\+)?json"')
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def test_no_template_has_inline_script_or_style_without_a_nonce():
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text()
        name = path.relative_to(TEMPLATES)
        for attributes in SCRIPT.findall(text):
            if "src=" in attributes or DATA_TYPES.search(attributes) or "csp_nonce" in attributes:
                continue
            found.append(f"{name}: inline <script{attributes}>")
        if re.search(r"<style\b(?![^>]*csp_nonce)", text, re.IGNORECASE):
            found.append(f"{name}: <style> without a nonce")
        if re.search(r"\sstyle\s*=", text, re.IGNORECASE):
            found.append(f"{name}: style attribute")
        if INLINE_HANDLER.search(text) or "javascript:" in text:
            found.append(f"{name}: inline event handler or javascript: URL")
    assert not found, "\n".join(found)


def test_a_preview_keeps_the_public_policy_and_may_be_framed_by_the_admin(home_page, rf):
    # Wagtail runs the preview through the middleware as a request for the page's own URL.
    response = home_page.make_preview_request(rf.get("/admin/"), home_page.default_preview_mode)
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
