"""The case library (典型案例 / 优秀实践): what a point did, for whom, with what effect."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from directory.models.reference import in_default_language
from home.core.blocks import BodyBlock
from home.core.models.pages import BasePage

from .forms import CasePageForm


class ServedPartyKind(models.TextChoices):
    SME = "sme", _("small or medium-sized enterprise")
    LARGE_ENTERPRISE = "large_enterprise", _("large enterprise")
    UNIVERSITY = "university", _("university")
    RESEARCH = "research", _("research institute")
    GOVERNMENT = "government", _("government body")
    PARK = "park", _("industrial park")
    INDIVIDUAL = "individual", _("individual inventor")
    OTHER = "other", _("other")


class CaseIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    template = "home/case_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.CasePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("case library")

    def get_fallback_description(self) -> str:
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from .listing import case_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(case_index_context(self, request))
        return context


class CasePage(BasePage):
    period_start = models.DateField(_("implemented from"))
    period_end = models.DateField(_("implemented until"), null=True, blank=True)
    point = models.ForeignKey(
        "directory.ServicePoint",
        verbose_name=_("point"),
        on_delete=models.PROTECT,
        related_name="cases",
        help_text=_("The point that did the work."),
    )
    partner_points = ParentalManyToManyField(
        "directory.ServicePoint",
        verbose_name=_("partner points"),
        blank=True,
        related_name="partner_cases",
    )
    services = ParentalManyToManyField(
        "directory.ServiceItem",
        verbose_name=_("catalogue services"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_language,
    )
    served_party_kind = models.CharField(
        _("served party"), max_length=20, choices=ServedPartyKind.choices
    )
    industry = models.CharField(_("industry"), max_length=60, blank=True)
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("content and effect"))
    featured = models.BooleanField(
        _("excellent practice (优秀实践)"),
        default=False,
        help_text=_("Featured by the IP office."),
    )
    is_demo = models.BooleanField(_("demo content"), default=False)
    # The typical case of a recognition application this page was drafted from
    # (home/cases/from_application.py), so that it is drafted once; not copied to a copy or a
    # translation, which are not that draft.
    application_case = models.ForeignKey(
        "applications.ApplicationCase",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    exclude_fields_in_copy = ["application_case"]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("industry"),
        index.SearchField("body"),
        index.FilterField("featured"),
        index.FilterField("point_id"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                # Plain selects: the form (home/forms_cases.py) limits the points a point's
                # staff may choose, which a page chooser could not show.
                FieldPanel("point", widget=forms.Select),
                FieldPanel("partner_points", widget=forms.SelectMultiple),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldRowPanel([FieldPanel("served_party_kind"), FieldPanel("industry")]),
                FieldPanel("region", widget=forms.Select),
                FieldPanel("services", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("The case"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("figures", heading=_("Figures"), label=_("figure")),
        FieldPanel("featured", permission="cases.feature_case"),
        FieldPanel("is_demo"),
    ]

    base_form_class = CasePageForm

    template = "home/case_page.html"
    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        permissions = [("feature_case", _("Can mark a case as excellent practice"))]

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The end is before the start.")})

    def get_fallback_description(self) -> str:
        return self.summary

    def get_context(self, request, *args, **kwargs):
        from .pages import case_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(case_page_context(self, request))
        return context


class CaseFigure(Orderable):
    case = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="figures")
    label = models.CharField(_("label"), max_length=60, help_text=_("E.g. 检索报告"))
    value = models.CharField(_("value"), max_length=30, help_text=_("E.g. 120"))
    unit = models.CharField(_("unit"), max_length=20, blank=True, help_text=_("E.g. 份"))

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("value"), FieldPanel("unit")])]

    class Meta(Orderable.Meta):
        verbose_name = _("figure")
        verbose_name_plural = _("figures")

    def __str__(self):
        return f"{self.label} {self.value}{self.unit}"
