import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index

from home.core.models import BasePage

from ..lifecycle.forms import ServicePointForm
from ..queryset import ServicePointQuerySet
from .channels import LATITUDE_VALIDATORS, LONGITUDE_VALIDATORS, ChannelsMixin
from .reference import in_default_language


class ServicePoint(ChannelsMixin, BasePage):  # noqa: DJ008 - Page provides __str__
    """A service point or node: its profile page in the directory (名录)."""

    class Kind(models.TextChoices):
        POINT = "point", _("service point")
        NODE = "node", _("node")

    class Nature(models.TextChoices):
        PUBLIC_INSTITUTION = "public_institution", _("public institution")
        GOVERNMENT = "government", _("government body")
        ENTERPRISE = "enterprise", _("enterprise")
        SOCIAL_ORGANISATION = "social_organisation", _("social organisation")
        UNIVERSITY = "university", _("university")
        OTHER = "other", _("other")

    class RecognitionLevel(models.TextChoices):
        NATIONAL = "national", pgettext_lazy("recognition level", "national")
        PROVINCIAL = "provincial", pgettext_lazy("recognition level", "provincial")
        CITY = "city", pgettext_lazy("recognition level", "city")
        DISTRICT = "district", pgettext_lazy("recognition level", "district")
        OTHER = "other", pgettext_lazy("recognition level", "other")

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        SUSPENDED = "suspended", _("suspended")
        REVOKED = "revoked", _("revoked")

    class OpenDays(models.TextChoices):
        WEEKDAYS = "Mo-Fr", _("Monday to Friday")
        WEEKDAYS_SATURDAY = "Mo-Sa", _("Monday to Saturday")
        DAILY = "Mo-Su", _("every day")

    nature = models.CharField(_("nature"), max_length=30, choices=Nature.choices, blank=True)
    category = models.ForeignKey(
        "directory.PointCategory",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        limit_choices_to=in_default_language,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.POINT)
    node_level = models.ForeignKey(
        "directory.NodeLevel",
        verbose_name=_("node level"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to=in_default_language,
        related_name="+",
    )
    qualifications = ParentalManyToManyField(
        "directory.Qualification",
        verbose_name=_("qualifications"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_language,
    )
    recognition_level = models.CharField(
        _("recognition level"), max_length=20, choices=RecognitionLevel.choices, blank=True
    )
    recognition_date = models.DateField(_("recognition date"), null=True, blank=True)
    recognition_note = models.CharField(
        _("recognition note"),
        max_length=255,
        blank=True,
        help_text=_("Batch or programme as the recognising document states it."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )

    province = models.ForeignKey(
        "directory.Region",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": 1},
    )
    city = models.ForeignKey(
        "directory.Region",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": 2},
    )
    district = models.ForeignKey(
        "directory.Region",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": 3},
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=LATITUDE_VALIDATORS
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=LONGITUDE_VALIDATORS
    )
    coordinates_approximate = models.BooleanField(
        _("coordinates are approximate"),
        default=False,
        editable=False,
        help_text=_("Set when the coordinates were taken from the district or city centre."),
    )

    head_name = models.CharField(
        _("head of the point"),
        max_length=60,
        blank=True,
        help_text=_("The person in charge of the point, as filed with the IP office."),
    )
    contact_person = models.CharField(_("contact person"), max_length=60, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    wechat_account = models.CharField(_("WeChat official account"), max_length=80, blank=True)

    open_days = models.CharField(
        _("service days"), max_length=5, choices=OpenDays.choices, default=OpenDays.WEEKDAYS
    )
    opens = models.TimeField(_("opens at"), default=datetime.time(9, 0))
    closes = models.TimeField(_("closes at"), default=datetime.time(17, 0))
    hours_note = models.CharField(
        _("service hours note"),
        max_length=255,
        blank=True,
        help_text=_("E.g. closed on public holidays; lunch break 12:00–13:30."),
    )

    audiences = ParentalManyToManyField(
        "directory.Audience",
        verbose_name=_("audiences"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_language,
    )
    staff_total = models.PositiveIntegerField(_("staff in total"), null=True, blank=True)
    staff_full_time = models.PositiveIntegerField(_("full-time staff"), null=True, blank=True)
    staff_part_time = models.PositiveIntegerField(_("part-time staff"), null=True, blank=True)
    service_area_m2 = models.PositiveIntegerField(_("service area (m²)"), null=True, blank=True)
    databases = models.TextField(
        _("databases used"),
        blank=True,
        help_text=_("Patent and literature databases, one per line."),
    )
    description = RichTextField(_("description"), blank=True)
    logo = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("logo or photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The point's own staff: created with the point (services/staff.py). Aliases copy the
    # key, so the English page resolves to the same staff.
    staff_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("staff group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="service_points",
    )
    # When the point's staff last confirmed the profile (directory/lifecycle/verification.py):
    # not content, set with update() so that confirming makes no revision.
    last_verified_at = models.DateTimeField(
        _("last confirmed by the point"), null=True, blank=True, editable=False
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Made-up details for demonstration; shown as such on the page."),
    )

    objects = PageManager.from_queryset(ServicePointQuerySet)()

    template = "directory/service_point_page.html"
    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types: list[str] = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("recognition_note"),
        index.SearchField("address"),
        index.SearchField("description"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("province", [index.SearchField("name")]),
        index.RelatedFields("city", [index.SearchField("name")]),
        index.RelatedFields("qualifications", [index.SearchField("name")]),
        # English vocabulary, service and place names, so /en/ finds points by English words.
        index.SearchField("translated_names"),
        index.RelatedFields(
            "offerings",
            [index.SearchField("service_name"), index.SearchField("service_description")],
        ),
        index.FilterField("status"),
        index.FilterField("category_id"),
        index.FilterField("province_id"),
        index.FilterField("city_id"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("node_level")]),
                FieldRowPanel([FieldPanel("category"), FieldPanel("nature")]),
                FieldPanel("qualifications", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel(
                    [
                        FieldPanel("recognition_level"),
                        FieldPanel("recognition_date"),
                        FieldPanel("status"),
                    ]
                ),
                FieldPanel("recognition_note"),
            ],
            heading=_("Recognition"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("province"), FieldPanel("city"), FieldPanel("district")]),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("head_name"), FieldPanel("contact_person")]),
                FieldPanel("phone"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
                FieldPanel("wechat_account"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("open_days"), FieldPanel("opens"), FieldPanel("closes")]),
                FieldPanel("hours_note"),
                FieldRowPanel(
                    [
                        FieldPanel("channel_phone"),
                        FieldPanel("channel_online"),
                        FieldPanel("channel_window"),
                    ]
                ),
            ],
            heading=_("Service hours and channels"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel(
                    [
                        FieldPanel("staff_total"),
                        FieldPanel("staff_full_time"),
                        FieldPanel("staff_part_time"),
                    ]
                ),
                FieldPanel("service_area_m2"),
                FieldPanel("databases"),
            ],
            heading=_("Capacity"),
        ),
        FieldPanel("description"),
        FieldPanel("logo"),
        InlinePanel("offerings", heading=_("Published service list"), label=_("service")),
        InlinePanel("locations", heading=_("Other service locations"), label=_("location")),
        FieldPanel("is_demo"),
        # A form-only field (ServicePointForm): why a key fact changes, for the office.
        FieldPanel("change_reason", heading=_("Reason for the change")),
    ]

    # Asks point staff for the reason when a key fact changes (变更报备).
    base_form_class = ServicePointForm

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")

    def save(self, *args, **kwargs):
        from ..geo import fill_default_coordinates

        fill_default_coordinates(self)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        parent = self.get_parent() if self.pk else None
        siblings = (
            ServicePoint.objects.sibling_of(self, inclusive=False)
            if parent
            else ServicePoint.objects.none()
        )
        if siblings.filter(title=self.title).exists():
            # The importer and the public match points by name: two of one name are ambiguous.
            errors["title"] = _("Another point in this directory already has this name.")
        if self.kind == self.Kind.NODE and not self.node_level_id:
            errors["node_level"] = _("A node needs its level.")
        if self.kind == self.Kind.POINT and self.node_level_id:
            errors["node_level"] = _("Only nodes have a node level.")
        if self.city_id and self.province_id and self.city.parent_id != self.province_id:
            errors["city"] = _("This city is not in the chosen province.")
        if self.district_id and self.city_id and self.district.parent_id != self.city_id:
            errors["district"] = _("This district is not in the chosen city.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both latitude and longitude, or neither.")
        if (
            self.staff_total is not None
            and (self.staff_full_time or 0) + (self.staff_part_time or 0) > self.staff_total
        ):
            errors["staff_total"] = _(
                "Full-time plus part-time staff cannot exceed the total number of staff."
            )
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        # The staff group is not content: publishing an old revision must not detach it.
        obj = super().with_content_json(content)
        obj.staff_group_id = self.staff_group_id
        # Nor is the point's last confirmation: an older revision must not undo it.
        obj.last_verified_at = self.last_verified_at
        return obj

    def get_fallback_description(self) -> str:
        from ..profile import profile_summary

        return profile_summary(self)

    def get_context(self, request, *args, **kwargs):
        from ..profile import profile_context

        context = super().get_context(request, *args, **kwargs)
        context.update(profile_context(self, request))
        return context

    def translated_names(self) -> str:
        from ..names import index_text

        return index_text(self)

    def serve(self, request, *args, **kwargs):
        # The profile says "open now / closed": a cached copy must not outlive that text.
        from home.core.page_cache import cache_until

        from ..opening import status_changes_at

        return cache_until(super().serve(request, *args, **kwargs), status_changes_at(self))

    @classmethod
    def get_indexed_objects(cls):
        # The index reads each offering's service; fetched with the offerings, indexing takes
        # one query per batch instead of one per offering (measured: 14 queries a point).
        from django.db.models import Prefetch

        from ..models import PointOffering

        return (
            super()
            .get_indexed_objects()
            .select_related("category", "province", "city")
            .prefetch_related(None)  # replace the plain "offerings" prefetch modelsearch adds
            .prefetch_related(
                "qualifications",
                Prefetch("offerings", queryset=PointOffering.objects.select_related("service")),
            )
        )

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None
