from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from home.core.models import BasePage


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
        from .home_page import home_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self))
        return context


class StandardPage(BasePage):
    template = "home/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "home.FAQPage"]

    body = RichTextField(_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")

    def get_fallback_description(self) -> str:
        return self.body


class FAQPage(BasePage):
    """常见问题: questions and answers, described for search engines as a FAQPage."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("questions", heading=_("Questions"), label=_("question"), min_num=1),
    ]

    template = "home/faq_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("FAQ page")

    def get_fallback_description(self) -> str:
        return self.intro or " ".join(item.question for item in self.questions.all()[:3])

    def get_context(self, request, *args, **kwargs):
        from .faq import faq_json_ld

        context = super().get_context(request, *args, **kwargs)
        context["faq_json_ld"] = faq_json_ld(self)
        return context


class FAQItem(Orderable):
    page = ParentalKey(FAQPage, on_delete=models.CASCADE, related_name="questions")
    question = models.CharField(_("question"), max_length=200)
    answer = RichTextField(_("answer"), features=["bold", "italic", "link", "ol", "ul"])

    panels = [FieldPanel("question"), FieldPanel("answer")]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.question
