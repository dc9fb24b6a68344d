from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.core.models import BasePage


class DirectoryIndexPage(RoutablePageMixin, BasePage):
    """The directory (名录): search, filters, nearby ordering, and province/category landing pages."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    template = "directory/directory_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.ServicePoint"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("directory")

    def get_fallback_description(self) -> str:
        return self.intro or str(
            _("Find a nearby IP information public service point and the services it offers.")
        )

    def route(self, request, path_components):
        # Profiles first: a point's slug wins over the province/category routes below.
        if path_components:
            try:
                return Page.route(self, request, path_components)
            except Http404:
                pass
        return super().route(request, path_components)

    @path("")
    def index(self, request):
        from ..views import directory_view

        return directory_view(request, self)

    @path("feed/rss/", name="points_feed_rss")
    def feed_rss(self, request):
        from ..feeds import feed_view

        return feed_view(self, request, "rss")

    @path("feed/atom/", name="points_feed_atom")
    def feed_atom(self, request):
        from ..feeds import feed_view

        return feed_view(self, request, "atom")

    @path("<slug:province_slug>/")
    def province(self, request, province_slug):
        from ..views import landing_view

        return landing_view(request, self, province_slug=province_slug)

    @path("category/<slug:category_slug>/")
    def category(self, request, category_slug):
        from ..views import landing_view

        return landing_view(request, self, category_slug=category_slug)

    def get_sitemap_urls(self, request=None):
        from ..landing import landing_sitemap_urls

        return [*super().get_sitemap_urls(request), *landing_sitemap_urls(self, request)]

    def serve_preview(self, request, mode_name):
        return self.index(request)
