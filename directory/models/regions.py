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
    # One English name on the one row, not a row per language: 3,231 regions would otherwise
    # need 3,231 translations kept in step with every reload of the dataset.
    name_en = models.CharField(
        _("English name"),
        max_length=80,
        blank=True,
        help_text=_("E.g. Guangdong, Guangzhou, Yuexiu District; shown on the English site."),
    )
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

    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_en"),
        index.FilterField("level"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["adcode"]
        unique_together = [("translation_key", "locale"), ("adcode", "locale")]

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        """The name in the visitor's language: `name_en` on the English site, when filled."""
        from ..names import label

        return label(self)

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None
