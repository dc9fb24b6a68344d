from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


class RegionQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def provinces(self):
        return self.filter(level=Region.Level.PROVINCE)

    def cities(self):
        return self.filter(level=Region.Level.CITY)


class Region(TranslatableMixin, index.Indexed, models.Model):
    """A province, city or district, loaded from the offline `cpca` dataset."""

    class Level(models.IntegerChoices):
        PROVINCE = 1, _("province")
        CITY = 2, _("city")
        DISTRICT = 3, _("district")

    adcode = models.CharField(_("administrative code"), max_length=6, db_index=True)
    name = models.CharField(_("name"), max_length=60)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    slug = models.SlugField(_("URL slug"), max_length=60, blank=True, db_index=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    objects = RegionQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.FilterField("level")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["adcode"]
        unique_together = [("translation_key", "locale"), ("adcode", "locale")]

    def __str__(self):
        return self.name

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None
