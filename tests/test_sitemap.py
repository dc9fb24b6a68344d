"""The sitemap index and its sections (site/sitemaps.py): what is listed, paging, queries."""

import re

import pytest
from config import sitemaps
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import localtime
from wagtail.models import Locale, PageViewRestriction

from directory.facts import forget_checks
from directory.models import ServicePoint

pytestmark = pytest.mark.django_db

SECTIONS = ("pages", "landing", "points")
# Entries name the Wagtail site's root URL (ensure_home_page takes it from SITE_BASE_URL); the
# index names the sections on the host asked.
SITE = settings.SITE_BASE_URL


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    # Each request here must run the view: the page cache would answer from the first one.
    settings.WAGTAIL_CACHE = False


def entries(client, url: str) -> dict[str, str | None]:
    """{location: lastmod or None} of a sitemap page."""
    response = client.get(url)
    assert response.status_code == 200, url
    xml = response.content.decode()
    return dict(re.findall(r"<url><loc>([^<]+)</loc>(?:<lastmod>([^<]+)</lastmod>)?", xml))


def listed(client) -> dict[str, str | None]:
    found = {}
    for section in SECTIONS:
        found |= entries(client, f"/sitemap-{section}.xml")
    return found


def index_locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return re.findall(r"<sitemap><loc>([^<]+)</loc>", response.content.decode())


def test_index_lists_the_sections_and_may_be_cached(client, make_point):
    make_point(title="广州测试图书馆", slug="gz-lib")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "<sitemapindex" in response.content.decode()
    assert index_locations(client) == [
        f"http://testserver/sitemap-{section}.xml" for section in SECTIONS
    ]
    for url in ("/sitemap.xml", "/sitemap-points.xml"):
        cache_control = client.get(url)["Cache-Control"]
        assert "public" in cache_control and "max-age=3600" in cache_control
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_entries_keep_wagtails_location_and_lastmod(client, make_point, directory_page):
    point = make_point(title="广州测试图书馆", slug="gz-lib")
    english = point.copy_for_translation(
        Locale.objects.get_or_create(language_code="en")[0], copy_parents=True
    )
    english.save_revision().publish()
    english.refresh_from_db()
    found = listed(client)
    for page in (point, english, directory_page, directory_page.get_parent()):
        page = page.specific
        moment = page.last_published_at or page.latest_revision_created_at
        assert found[page.get_full_url()] == (moment and f"{localtime(moment):%Y-%m-%d}")
    assert f"{SITE}/en/directory/gz-lib/" in found
    # The directory's landing pages, as DirectoryIndexPage.get_sitemap_urls lists them.
    assert f"{SITE}/directory/guangdong/" in found
    assert f"{SITE}/directory/category/library/" in found


def test_drafts_private_and_revoked_points_are_absent(client, make_point):
    make_point(title="公开网点", slug="shown")
    make_point(title="草稿网点", slug="draft", live=False)
    make_point(title="撤销网点", slug="revoked", status=ServicePoint.Status.REVOKED)
    private = make_point(title="私密网点", slug="private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    locations = set(listed(client))
    assert f"{SITE}/directory/shown/" in locations
    for slug in ("draft", "revoked", "private"):
        assert f"{SITE}/directory/{slug}/" not in locations, slug


def test_a_section_longer_than_the_limit_is_paged(client, make_point, monkeypatch):
    monkeypatch.setattr(sitemaps.PointSitemap, "limit", 2)
    points = [make_point(title=f"测试网点{n}") for n in range(5)]
    assert [url for url in index_locations(client) if "points" in url] == [
        "http://testserver/sitemap-points.xml",
        "http://testserver/sitemap-points.xml?p=2",
        "http://testserver/sitemap-points.xml?p=3",
    ]
    pages = [entries(client, f"/sitemap-points.xml?p={n}") for n in (1, 2, 3)]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert {url for page in pages for url in page} == {point.get_full_url() for point in points}
    assert client.get("/sitemap-points.xml?p=4").status_code == 404
    assert client.get("/sitemap-points.xml?p=x").status_code == 404


def queries_per_page(client) -> dict[str, int]:
    counts = {}
    for url in ["/sitemap.xml", *(f"/sitemap-{section}.xml" for section in SECTIONS)]:
        client.get(url)  # warm: the directory's facts, the site's root paths
        forget_checks()  # the facts' once-a-second freshness check runs in every count
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


def test_queries_per_sitemap_page_do_not_grow_with_the_points(client, make_point):
    cities = ["440100", "110100", "310100"]
    for n in range(3):
        make_point(city=cities[n % 3])
    few = queries_per_page(client)
    for n in range(27):
        make_point(city=cities[n % 3])
    assert len(entries(client, "/sitemap-points.xml")) == 30
    assert queries_per_page(client) == few
