"""The office's yearly evaluation of a point (效能评价) and the criteria it scores against."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Measure(models.TextChoices):
    """What a criterion's suggested score is computed from (directory/yearly/scoring.py)."""

    SERVICE_VOLUME = "service_volume", _("service volume (consultations)")
    ON_TIME = "on_time", _("answers on time")
    SATISFACTION = "satisfaction", _("satisfaction")
    CASES = "cases", _("typical cases")
    EVENTS = "events", _("training and events")
    CHANGE_REPORTING = "change_reporting", _("change reporting kept up")
    VERIFICATION = "verification", _("verification kept up")
    MANUAL = "manual", _("scored by the reviewer")


class Result(models.TextChoices):
    EXCELLENT = "excellent", _("excellent")
    PASS = "pass", _("pass")
    FAIL = "fail", _("fail")


class EvaluationCriterion(models.Model):
    name = models.CharField(_("name"), max_length=120)
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Points this criterion gives at full marks; active weights should sum to 100."),
    )
    measure = models.CharField(_("measure"), max_length=20, choices=Measure.choices)
    target = models.FloatField(
        _("target for full marks"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "E.g. 100 consultations, 0.9 answered on time, 4.5 mean rating, 3 cases, 4 events, "
            "90 days of overdue verification that take all marks away. Empty for manual ones."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("weight"), FieldPanel("measure"), FieldPanel("target")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("active")]),
    ]

    class Meta:
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name


class Evaluation(models.Model):
    point = models.ForeignKey(
        "directory.ServicePoint",
        verbose_name=_("service point"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.ForeignKey(
        "yearly.AnnualSummary",
        verbose_name=_("annual work summary"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evaluations",
    )
    # {criterion_id (str): {"name", "weight", "score", "suggested", "note"}}: the criterion's
    # name and weight are copied so that a later change of the criteria does not rewrite it.
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    total = models.DecimalField(_("total score"), max_digits=5, decimal_places=1, default=0)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)
    reasons = models.TextField(_("reasons"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-year", "point__title"]
        constraints = [
            models.UniqueConstraint(fields=["point", "year"], name="one_evaluation_per_point_year")
        ]

    def __str__(self):
        return f"{self.point.title} {self.year}: {self.get_result_display()}"
