from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .channels import LATITUDE_VALIDATORS, LONGITUDE_VALIDATORS
from .points import ServicePoint


class PointLocation(Orderable):
    """An extra service location of a point, e.g. a workstation in a park (seed 001 art. 9)."""

    point = ParentalKey(ServicePoint, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("name"), max_length=120)
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("city or district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=255)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=LATITUDE_VALIDATORS
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=LONGITUDE_VALIDATORS
    )
    hours = models.CharField(_("service hours"), max_length=120, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("region"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("hours"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("service location")
        verbose_name_plural = _("service locations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.latitude is None and self.region_id and self.region.has_coordinates:
            self.latitude, self.longitude = self.region.latitude, self.region.longitude
        super().save(*args, **kwargs)

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})
