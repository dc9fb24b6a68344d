"""The sitemap: an index (`/sitemap.xml`) over sections of at most 5,000 URLs a page.

Sections, each served at `/sitemap-<section>.xml?p=N`:

- `pages`: every live, public page of the site in both languages except service points (home,
  directory, notices, cases, events, standard pages);
- `landing`: the directory's province and category landing pages (directory/landing.py);
- `points`: the profiles of active points (live, neither suspended nor revoked).

Wagtail's own sitemap loads every page as its specific model and asks each for its URLs: 10,000
points cost 3 s of CPU. Here a page of a section is one query for the rows (url_path and dates,
no specific model) and its URLs are made from the site's root paths the way
`Page.get_full_url` makes them, so queries per sitemap page do not grow with the number of
points. The price: a page model's own `get_sitemap_urls` is not consulted; the one this site had
(the directory's landing pages) is the `landing` section.

The English tree is a translation of the site's root page, not under it, so Wagtail's sitemap
listed the Chinese pages only; these sections list both.
"""

from functools import reduce
from operator import or_
from urllib.parse import quote

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import RFC3986_SUBDELIMS
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from directory.landing import landing_sitemap_urls
from directory.models import DirectoryIndexPage, ServicePoint

# Search engines take up to 50,000 URLs a file; smaller pages keep each response cheap.
URLS_PER_PAGE = 5000
# Crawlers may keep a sitemap page an hour; the page cache keeps it until the next publish.
MAX_AGE = 3600


def request_site(request) -> Site:
    """The Wagtail site of the request, or the default site (as Wagtail's sitemap does)."""
    site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.select_related("root_page").get(is_default_site=True)
    return site


class SiteTree:
    """A site's pages in both languages, and their absolute URLs from their `url_path` as
    `Page.get_full_url` makes them (root URL, the language's prefix, the path below the
    language's root page) without a page instance: `wagtail_serve` is reversed once per
    language instead of once per page."""

    def __init__(self, site: Site):
        self.site = site
        self.append_slash = getattr(settings, "WAGTAIL_APPEND_SLASH", True)
        self.roots = []
        for root in Site.get_site_root_paths():
            if root.site_id == site.pk:
                with translation.override(root.language_code):
                    prefix = reverse("wagtail_serve", args=("",))
                self.roots.append((root.root_path, root.root_url, prefix))
        # The site's root page and its translations (the English tree is beside the Chinese
        # one, not under it), with everything below them.
        root_pages = Page.objects.filter(
            translation_key__in=Page.objects.filter(pk=site.root_page_id).values("translation_key")
        )
        self.pages = reduce(
            or_,
            (Q(path__startswith=path) for path in root_pages.values_list("path", flat=True)),
            Q(pk__in=[]),
        )

    def url(self, url_path: str) -> str | None:
        for root_path, root_url, prefix in self.roots:
            if url_path.startswith(root_path):
                # reverse() quotes its result with these safe characters.
                path = prefix + quote(url_path[len(root_path) :], safe=RFC3986_SUBDELIMS + "/~:@")
                if not self.append_slash and path != "/":
                    path = path.rstrip("/")
                return root_url + path
        return None


class SectionSitemap(Sitemap):
    limit = URLS_PER_PAGE

    def __init__(self, tree: SiteTree):
        self.tree = tree

    def get_urls(self, page=1, site=None, protocol=None):
        rows = list(self.paginator.page(page).object_list)
        moments = [self.moment(row) for row in rows]
        # The view's Last-Modified header, when every URL has a date.
        if moments and None not in moments:
            self.latest_lastmod = max(moments)
        return [url for row in rows if (url := self.url(row))]

    def url(self, row) -> dict | None:
        return row

    def moment(self, row):
        return None


class PageRowsSitemap(SectionSitemap):
    """A section of pages, read as rows (url_path and dates) in tree order."""

    def pages(self):
        raise NotImplementedError

    def items(self):
        return (
            self.pages()
            .live()
            .public()
            .filter(self.tree.pages)
            .order_by("path")
            # Wagtail's lastmod: the last publication, else the latest revision.
            .values("url_path", moment=Coalesce("last_published_at", "latest_revision_created_at"))
        )

    def get_latest_lastmod(self):
        # One aggregate, not Django's default of evaluating lastmod() on every item.
        return self.items().order_by().aggregate(latest=Max("moment"))["latest"]

    def url(self, row) -> dict | None:
        location = self.tree.url(row["url_path"])
        if location is None:
            return None
        # The template shows the local date; a date renders faster than a datetime.
        moment = row["moment"]
        return {"location": location, "lastmod": moment and timezone.localdate(moment)}

    def moment(self, row):
        return row["moment"]


class EditorialSitemap(PageRowsSitemap):
    def pages(self):
        return Page.objects.not_type(ServicePoint)


class PointSitemap(PageRowsSitemap):
    def pages(self):
        # Suspended and revoked points keep their profile (with its status and noindex) for
        # people who have the link, but search engines are not invited to them.
        return ServicePoint.objects.listed().filter(status=ServicePoint.Status.ACTIVE)


class LandingSitemap(SectionSitemap):
    """The province and category landing pages of each language's directory: a few per
    directory page, whatever the number of points."""

    def items(self):
        directories = DirectoryIndexPage.objects.live().public().filter(self.tree.pages)
        return [
            url
            for directory in directories.order_by("path")
            for url in landing_sitemap_urls(directory)
        ]

    def get_latest_lastmod(self):
        return None


SECTIONS = {"pages": EditorialSitemap, "landing": LandingSitemap, "points": PointSitemap}


def sections_for(request) -> dict[str, Sitemap]:
    tree = SiteTree(request_site(request))
    return {name: section(tree) for name, section in SECTIONS.items()}


@require_GET
@cache_control(public=True, max_age=MAX_AGE)
def index(request):
    return sitemap_views.index(request, sections_for(request), sitemap_url_name="sitemap_section")


@require_GET
@cache_control(public=True, max_age=MAX_AGE)
def section(request, section: str):
    return sitemap_views.sitemap(request, sections_for(request), section=section)
