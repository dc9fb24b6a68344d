from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

DEFAULT_DESCRIPTION = _(
    "IP Information Public Service Network: find a nearby IP information public service point "
    "and the services it offers."
)


class BasePage(Page):
    """Every page of the site: canonical URL and a meta description are never empty."""

    is_creatable = False

    class Meta:
        abstract = True

    def get_meta_description(self) -> str:
        if self.search_description:
            return self.search_description
        text = strip_tags(self.get_fallback_description()).strip()
        return Truncator(text or str(DEFAULT_DESCRIPTION)).chars(150)

    def get_fallback_description(self) -> str:
        return ""


class HomePage(BasePage):
    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_fallback_description(self) -> str:
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from directory.selectors import home_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self))
        return context


class StandardPage(BasePage):
    template = "home/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    body = RichTextField(_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")

    def get_fallback_description(self) -> str:
        return self.body
