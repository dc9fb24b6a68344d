"""Policy notices (通知公告 / 政策文件 / 政策解读 / 工作动态) and their reposts by points."""

import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from directory.choosers import PointChooserWidget
from directory.models.reference import in_default_language
from home.core.blocks import BodyBlock
from home.core.models.pages import BasePage
from home.core.page_cache import cache_until


class NoticeKind(models.TextChoices):
    NOTICE = "notice", _("notice")  # 通知公告
    POLICY = "policy", _("policy document")  # 政策文件
    INTERPRETATION = "interpretation", _("policy interpretation")  # 政策解读
    NEWS = "news", _("work news")  # 工作动态


class RegionScope(models.TextChoices):
    NATIONAL = "national", _("national")
    PROVINCE = "province", _("a province")
    CITY = "city", _("a city")


class NoticeIndexPage(RoutablePageMixin, BasePage):
    """The list of notices, with filters in the query string and a feed per filter.

    Routes: `` (the list), `feed/rss/` and `feed/atom/` (the latest 50 notices); all three take
    the query-string filters `kind`, `year`, `authority` and `region` (a province or city
    adcode: the national notices plus those of that province and its cities, or of that city
    and its province). The rules live in `home/notices.py`.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    template = "home/notice_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["notices.NoticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("notice index")

    def get_fallback_description(self) -> str:
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from .listing import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    @path("feed/rss/", name="notice_feed_rss")
    def feed_rss(self, request):
        from .feeds import feed_view

        return feed_view(self, request, "rss")

    @path("feed/atom/", name="notice_feed_atom")
    def feed_atom(self, request):
        from .feeds import feed_view

        return feed_view(self, request, "atom")


class NoticePageForm(WagtailAdminPageForm):
    """Offers only what a notice can refer to: provinces and cities for the region; the points
    and catalogue services of the page's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import Locale

        from directory.models import Region, ServiceItem, ServicePoint

        locale_id = self.instance.locale_id or (
            self.parent_page.locale_id if self.parent_page is not None else None
        )
        locale_id = locale_id or Locale.get_default().pk
        if "region" in self.fields:
            field = self.fields["region"]
            field.queryset = (
                Region.objects.filter(level__in=[Region.Level.PROVINCE, Region.Level.CITY])
                .filter(locale=Locale.get_default())
                .select_related("parent")
                .order_by("adcode")
            )
            field.label_from_instance = _region_label
        if "related_services" in self.fields:
            self.fields["related_services"].queryset = ServiceItem.objects.filter(
                locale_id=locale_id
            ).order_by("sort_order", "code")
        if "related_points" in self.fields:
            self.fields["related_points"].queryset = ServicePoint.objects.filter(
                locale_id=locale_id, alias_of__isnull=True
            ).order_by("title")


def _region_label(region) -> str:
    if region.parent_id and region.parent.name != region.name:
        return f"{region.parent.name} · {region.name}"
    return region.name


class NoticePage(BasePage):
    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices, db_index=True)
    issuing_authority = models.CharField(_("issuing authority"), max_length=120)
    document_number = models.CharField(
        _("document number"),
        max_length=80,
        blank=True,
        help_text=_("文号, e.g. 国知办函服字〔2019〕461号"),
    )
    publication_date = models.DateField(
        _("publication date"), default=timezone.localdate, db_index=True
    )
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    scope = models.CharField(
        _("region scope"), max_length=10, choices=RegionScope.choices, default=RegionScope.NATIONAL
    )
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("province or city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For a provincial or city notice: the province or city it applies to."),
    )
    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    related_services = ParentalManyToManyField(
        "directory.ServiceItem",
        verbose_name=_("related catalogue services"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_language,
    )
    related_points = ParentalManyToManyField(
        "directory.ServicePoint",
        verbose_name=_("related points"),
        blank=True,
        related_name="related_notices",
    )
    is_demo = models.BooleanField(_("demo content"), default=False)

    # A publicity notice (公示, seed 003): points listed for the public to object to within a
    # period, through the objection channel below. Empty period: an ordinary notice.
    publicity_start = models.DateField(_("publicity period from"), null=True, blank=True)
    publicity_end = models.DateField(_("publicity period until"), null=True, blank=True)
    objection_contact = models.CharField(
        _("objections: contact"),
        max_length=120,
        blank=True,
        help_text=_("The department or person who receives objections."),
    )
    objection_email = models.EmailField(_("objections: e-mail"), blank=True)
    objection_phone = models.CharField(_("objections: phone"), max_length=40, blank=True)
    objection_address = models.CharField(_("objections: address"), max_length=255, blank=True)
    # What made this draft (e.g. "lifecycle.decision:12"), so that a signal sent twice makes
    # one notice; never copied to a copy or a translation.
    source_key = models.CharField(max_length=80, blank=True, editable=False, db_index=True)

    exclude_fields_in_copy = ["source_key"]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("issuing_authority"),
        index.SearchField("document_number"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("document_number")]),
                FieldPanel("issuing_authority"),
                FieldRowPanel([FieldPanel("publication_date"), FieldPanel("effective_date")]),
                FieldRowPanel([FieldPanel("scope"), FieldPanel("region", widget=forms.Select)]),
            ],
            heading=_("Document"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("attachment")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("publicity_start"), FieldPanel("publicity_end")]),
                FieldPanel("objection_contact"),
                FieldRowPanel([FieldPanel("objection_email"), FieldPanel("objection_phone")]),
                FieldPanel("objection_address"),
                InlinePanel("publicity_points", label=_("publicised point")),
            ],
            heading=_("Publicity (公示)"),
            classname="collapsed",
        ),
        FieldPanel("related_services", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_points", widget=forms.SelectMultiple),
        FieldPanel("is_demo"),
    ]

    base_form_class = NoticePageForm

    template = "home/notice_page.html"
    parent_page_types = ["notices.NoticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def clean(self):
        from django.core.exceptions import ValidationError

        from directory.models import Region

        super().clean()
        if self.scope == RegionScope.NATIONAL and self.region_id:
            raise ValidationError({"region": _("A national notice has no province or city.")})
        if self.scope != RegionScope.NATIONAL:
            level = (
                Region.Level.PROVINCE if self.scope == RegionScope.PROVINCE else Region.Level.CITY
            )
            if not self.region_id:
                raise ValidationError({"region": _("Choose the province or city.")})
            if self.region.level != level:
                raise ValidationError({"region": _("The region does not match the scope.")})
        if self.effective_date and self.effective_date < self.publication_date:
            raise ValidationError(
                {"effective_date": _("A notice cannot take effect before it is published.")}
            )
        self.clean_publicity()

    def clean_publicity(self):
        from django.core.exceptions import ValidationError

        start, end = self.publicity_start, self.publicity_end
        if start and not end:
            raise ValidationError({"publicity_end": _("Give the last day of the period.")})
        if end and not start:
            raise ValidationError({"publicity_start": _("Give the first day of the period.")})
        if start and end < start:
            raise ValidationError({"publicity_end": _("The period cannot end before it starts.")})

    @property
    def is_publicity(self) -> bool:
        return bool(self.publicity_start and self.publicity_end)

    @property
    def has_objection_channel(self) -> bool:
        return any(
            (
                self.objection_contact,
                self.objection_email,
                self.objection_phone,
                self.objection_address,
            )
        )

    def get_fallback_description(self) -> str:
        return self.summary

    def next_change(self):
        """When the publicity state ("open", "period over") changes by the clock alone: the
        midnight that starts the period, or the one that ends it."""
        if not self.is_publicity:
            return None
        today = timezone.localdate()
        for day in (self.publicity_start, self.publicity_end + datetime.timedelta(days=1)):
            if day > today:
                return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        return None

    def serve(self, request, *args, **kwargs):
        return cache_until(super().serve(request, *args, **kwargs), self.next_change())

    def get_context(self, request, *args, **kwargs):
        from .pages import notice_context

        context = super().get_context(request, *args, **kwargs)
        context.update(notice_context(self, request))
        return context


class NoticeAttachment(Orderable):
    notice = ParentalKey(NoticePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("link text"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title or self.document.title


class PublicityMatter(models.TextChoices):
    RECOGNISED = "recognised", pgettext_lazy("publicity matter", "to be recognised")  # 拟认定
    REVOKED = "revoked", pgettext_lazy("publicity matter", "recognition revoked")  # 撤销
    SUSPENDED = "suspended", pgettext_lazy("publicity matter", "suspended")  # 暂停
    REINSTATED = "reinstated", pgettext_lazy("publicity matter", "reinstated")  # 恢复


class PublicityPoint(Orderable):
    """A point listed on a publicity notice, and what is publicised about it."""

    notice = ParentalKey(NoticePage, on_delete=models.CASCADE, related_name="publicity_points")
    point = models.ForeignKey(
        "directory.ServicePoint",
        verbose_name=_("point"),
        on_delete=models.CASCADE,
        related_name="publicity_listings",
    )
    matter = models.CharField(
        _("matter"),
        max_length=12,
        choices=PublicityMatter.choices,
        default=PublicityMatter.RECOGNISED,
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    # The searchable point chooser (name, city, category), not the page tree: the office
    # publicises points from all over the directory.
    panels = [
        FieldPanel("point", widget=PointChooserWidget()),
        FieldRowPanel([FieldPanel("matter"), FieldPanel("note")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("publicised point")
        verbose_name_plural = _("publicised points")

    def __str__(self):
        return str(self.point)


class NoticeRepost(models.Model):
    """A point reposting an office notice (seed 003 art. 13: points must repost them)."""

    notice = models.ForeignKey(NoticePage, on_delete=models.CASCADE, related_name="reposts")
    point = models.ForeignKey(
        "directory.ServicePoint", on_delete=models.CASCADE, related_name="notice_reposts"
    )
    reposted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reposted_at = models.DateTimeField(_("reposted"), default=timezone.now)

    class Meta:
        verbose_name = _("repost")
        verbose_name_plural = _("reposts")
        ordering = ["-reposted_at"]
        constraints = [
            models.UniqueConstraint(fields=["notice", "point"], name="one_repost_per_point")
        ]

    def __str__(self):
        return f"{self.point} ← {self.notice}"
