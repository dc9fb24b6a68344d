"""The base page of the site: a canonical URL and a meta description that is never empty."""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
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
