from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Filing(models.Model):
    """A 备案 record: the point was filed with an IP office at a level (seeds 002 and 004)."""

    class Level(models.TextChoices):
        NATIONAL = "national", pgettext_lazy("recognition level", "national")
        PROVINCIAL = "provincial", pgettext_lazy("recognition level", "provincial")
        CITY = "city", pgettext_lazy("recognition level", "city")

    point = models.ForeignKey(
        "directory.ServicePoint",
        verbose_name=_("point"),
        on_delete=models.CASCADE,
        related_name="filings",
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    filed_by = models.CharField(
        _("filed by"), max_length=120, help_text=_("Who filed: the office or unit that reported.")
    )
    filed_with = models.CharField(
        _("filed with"), max_length=120, help_text=_("The IP office that holds the filing.")
    )
    filed_on = models.DateField(_("filed on"))
    number = models.CharField(_("filing number"), max_length=60, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        verbose_name = _("filing")
        verbose_name_plural = _("filings")
        ordering = ["-filed_on", "-pk"]

    def __str__(self):
        return f"{self.point} · {self.get_level_display()} · {self.filed_on}"
