"""Exceptions to the Monday–Friday working week: public holidays and make-up working days (调休)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class CalendarDay(models.Model):
    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(
        _("working day"),
        default=False,
        help_text=_("Tick for a weekend day that is worked (调休); leave empty for a holiday."),
    )
    name = models.CharField(_("name"), max_length=60, help_text=_("E.g. 春节 or 国庆节调休上班."))

    panels = [FieldPanel("date"), FieldPanel("is_working_day"), FieldPanel("name")]

    class Meta:
        verbose_name = _("holiday or make-up working day")
        verbose_name_plural = _("working calendar")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"
