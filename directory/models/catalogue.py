from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Tier(models.TextChoices):
    """Every offering belongs to one tier (seed 003 annex 2)."""

    BASIC = "basic", _("basic (free)")
    PROFESSIONAL = "professional", _("low-cost professional")
    VALUE_ADDED = "value_added", _("value-added")


class ServiceItem(TranslatableMixin, index.Indexed, models.Model):
    """An item of the reference service catalogue (服务事项参考清单)."""

    code = models.SlugField(_("code"), max_length=40)
    tier = models.CharField(_("tier"), max_length=20, choices=Tier.choices, db_index=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    categories = models.ManyToManyField(
        "directory.PointCategory",
        verbose_name=_("typical for point categories"),
        blank=True,
        related_name="typical_services",
        help_text=_("The per-category lists of the catalogue in which this service appears."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("tier"),
        index.FilterField("code"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("catalogue service")
        verbose_name_plural = _("service catalogue")
        ordering = ["sort_order", "code"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        """The name in the visitor's language (its translation's, else this row's)."""
        from ..names import label

        return label(self)

    @property
    def description_label(self) -> str:
        from ..names import label

        return label(self, "description")

    @property
    def is_free_tier(self) -> bool:
        return self.tier == Tier.BASIC
