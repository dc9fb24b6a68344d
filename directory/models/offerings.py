from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .catalogue import Tier
from .channels import ChannelsMixin
from .reference import in_default_language


class FeeKind(models.TextChoices):
    FREE = "free", _("free")
    LOW_COST = "low_cost", _("low cost")
    NEGOTIABLE = "negotiable", _("negotiable")


class OfferingQuerySet(models.QuerySet):
    def counts_by_point(self, field: str) -> dict:
        """How many distinct points have an offering per value of `field`."""
        rows = (
            self.order_by().values_list(field).annotate(n=models.Count("point_id", distinct=True))
        )
        return dict(rows)


class PointOffering(ChannelsMixin, Orderable):
    """One line of a point's published service list (服务事项清单)."""

    point = ParentalKey(
        "directory.ServicePoint", on_delete=models.CASCADE, related_name="offerings"
    )
    service = models.ForeignKey(
        "directory.ServiceItem",
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        limit_choices_to=in_default_language,
        related_name="offerings",
    )
    tier = models.CharField(
        _("tier"),
        max_length=20,
        choices=Tier.choices,
        blank=True,
        help_text=_("Leave empty to use the catalogue's tier for this service."),
    )
    fee = models.CharField(_("fee"), max_length=12, choices=FeeKind.choices, default=FeeKind.FREE)
    price_note = models.CharField(
        _("price note"),
        max_length=200,
        blank=True,
        help_text=_("For low-cost services: the price or how it is calculated."),
    )
    description = models.TextField(_("description"), blank=True)

    objects = OfferingQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("service"), FieldPanel("tier")]),
        FieldRowPanel([FieldPanel("fee"), FieldPanel("price_note")]),
        FieldRowPanel(
            [
                FieldPanel("channel_phone"),
                FieldPanel("channel_online"),
                FieldPanel("channel_window"),
            ]
        ),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("offered service")
        verbose_name_plural = _("offered services")
        indexes = [
            models.Index(fields=["service", "point"]),
            models.Index(fields=["tier", "point"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(tier=Tier.BASIC) | models.Q(fee=FeeKind.FREE),
                name="basic_tier_offering_is_free",
            )
        ]

    def __str__(self):
        return str(self.service)

    def clean(self):
        super().clean()
        if not self.tier and self.service_id:
            self.tier = self.service.tier
        if self.tier == Tier.BASIC and self.fee != FeeKind.FREE:
            raise ValidationError(
                {"fee": _("Basic-tier services are free: choose “free” or another tier.")}
            )
        if self.fee == FeeKind.LOW_COST and not self.price_note.strip():
            raise ValidationError({"price_note": _("Say what a low-cost service costs.")})

    def save(self, *args, **kwargs):
        if not self.tier:
            self.tier = self.service.tier
        # The rule holds for every write path (admin, importer, shell), not only forms.
        if self.tier == Tier.BASIC and self.fee != FeeKind.FREE:
            raise ValidationError(_("Basic-tier services are free."))
        super().save(*args, **kwargs)

    # Values the search index reads through ServicePoint.search_fields.
    def service_name(self) -> str:
        return self.service.name

    def service_description(self) -> str:
        return f"{self.description} {self.service.description}".strip()
