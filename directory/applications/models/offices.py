from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import ServicePoint


class RecognisingOffice(models.Model):
    """An IP office that recognises points (认定), with its own conditions (第五条)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The province or city whose organisations apply to this office."),
    )
    level = models.CharField(
        _("recognition level"),
        max_length=20,
        choices=ServicePoint.RecognitionLevel.choices,
        default=ServicePoint.RecognitionLevel.CITY,
    )
    min_full_time_staff = models.PositiveSmallIntegerField(
        _("minimum full-time staff"),
        default=5,
        help_text=_("第五条: the fewest full-time staff an applying organisation must have."),
    )
    directory = models.ForeignKey(
        "directory.DirectoryIndexPage",
        verbose_name=_("directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where approved points are published; the site's directory when empty."),
    )
    is_active = models.BooleanField(_("takes applications"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        verbose_name = _("recognising office")
        verbose_name_plural = _("recognising offices")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
