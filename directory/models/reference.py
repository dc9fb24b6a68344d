"""Reference vocabularies of the directory, kept as translatable snippets.

Codes are stable across languages and imports; names are what people read.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


def in_default_language():
    """`limit_choices_to` of a foreign key to reference rows: the default language's only.

    Points and offerings point at the Chinese rows (the English ones are their translations),
    so an editor must not be offered both.
    """
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class ReferenceItem(TranslatableMixin, index.Indexed, models.Model):
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    search_fields = [index.SearchField("name"), index.FilterField("code")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        """The name in the visitor's language (its translation's, else this row's)."""
        from ..names import label

        return label(self)


class PointCategory(ReferenceItem):
    """网点机构类别: university, library, market firm (with sub-kinds), …"""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subkinds",
        help_text=_("Only for sub-kinds, e.g. the consulting firms among market service firms."),
    )
    description = models.TextField(_("description"), blank=True)
    slug = models.SlugField(_("URL slug"), max_length=40, blank=True)

    class Meta(ReferenceItem.Meta):
        verbose_name = _("point category")
        verbose_name_plural = _("point categories")
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    @property
    def top_level(self):
        return self.parent or self

    @property
    def description_label(self) -> str:
        from ..names import label

        return label(self, "description")


class NodeLevel(ReferenceItem):
    """节点层级: national, provincial, regional central city, municipal."""

    class Meta(ReferenceItem.Meta):
        verbose_name = _("node level")
        verbose_name_plural = _("node levels")
        unique_together = [("translation_key", "locale"), ("code", "locale")]


class Qualification(ReferenceItem):
    """已获资质: TISC, university national centre, national/provincial/city point, …"""

    short_name = models.CharField(_("short name"), max_length=40, blank=True)

    class Meta(ReferenceItem.Meta):
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    @property
    def short_label(self) -> str:
        """The short name in the visitor's language, else the full name (badges)."""
        from ..names import label

        return label(self, "short_name") or self.label


class Audience(ReferenceItem):
    """服务对象: government, research institutions, universities, enterprises, the public."""

    class Meta(ReferenceItem.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        unique_together = [("translation_key", "locale"), ("code", "locale")]
