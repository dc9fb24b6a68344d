"""A point's annual work summary (工作总结表, seed 003 annex 3) and its proof attachments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.core.storage import private_storage

MAX_CASES = 3


class SummaryQuerySet(models.QuerySet):
    def for_year(self, year: int):
        return self.filter(year=year)

    def handed_in(self):
        """Summaries the office has received (submitted, or already accepted)."""
        return self.filter(status__in=AnnualSummary.HANDED_IN)


class AnnualSummary(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned for changes")
        ACCEPTED = "accepted", _("accepted")

    HANDED_IN = (Status.SUBMITTED, Status.ACCEPTED)
    # The point may change its summary only while the office does not hold it.
    EDITABLE = (Status.DRAFT, Status.RETURNED)

    point = models.ForeignKey(
        "directory.ServicePoint",
        verbose_name=_("service point"),
        on_delete=models.CASCADE,
        related_name="annual_summaries",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # Snapshots: what the site knew when the summary was prefilled, taken again on submit, so
    # the office reads the figures the point signed off even after the ledger moves on.
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    facts = models.JSONField(_("profile facts"), default=dict, blank=True)
    figures_taken_at = models.DateTimeField(_("figures taken at"), null=True, blank=True)

    service_delivery = models.TextField(
        _("service delivery"),
        blank=True,
        help_text=_(
            "Basic, low-cost professional and value-added services of the year and their "
            "results (about 2,000 characters)."
        ),
    )
    highlights = models.TextField(
        _("innovation and highlights"),
        blank=True,
        help_text=_("New service models and distinctive services (about 1,000 characters)."),
    )
    # 1–3 typical cases, each {"title", "date", "text"}: a fixed, short list that is only ever
    # read and written with its summary, so a JSON list rather than a related model.
    cases = models.JSONField(_("typical cases"), default=list, blank=True)
    lessons = models.TextField(
        _("lessons and suggestions"),
        blank=True,
        help_text=_(
            "Feedback from those served, improvements, difficulties and needs, suggestions "
            "(about 2,000 characters)."
        ),
    )
    next_year_plan = models.TextField(
        _("plan for the coming year"),
        blank=True,
        help_text=_("Facilities, team, funding, services and operation (about 1,000 characters)."),
    )
    return_reason = models.TextField(_("reason for return"), blank=True)

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    objects = SummaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual work summary")
        verbose_name_plural = _("annual work summaries")
        ordering = ["-year", "point__title"]
        constraints = [
            models.UniqueConstraint(fields=["point", "year"], name="one_summary_per_point_year")
        ]

    def __str__(self):
        return f"{self.point.title} {self.year}"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def is_handed_in(self) -> bool:
        return self.status in self.HANDED_IN


class SummaryAttachment(models.Model):
    """A proof document (证明材料) of a summary, kept in private storage."""

    class Kind(models.TextChoices):
        SERVICES = "services", _("services given (project list, ledger, deliverables)")
        FACILITIES = "facilities", _("premises, equipment and data resources")
        TEAM = "team", _("team and training")
        RULES = "rules", _("working rules")
        FEEDBACK = "feedback", _("feedback of those served")
        OTHER = "other", _("other")

    summary = models.ForeignKey(AnnualSummary, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind of proof"), max_length=12, choices=Kind.choices)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to="yearly/%Y/", max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("proof attachment")
        verbose_name_plural = _("proof attachments")
        ordering = ["kind", "pk"]

    def __str__(self):
        return self.original_name


class ReminderSent(models.Model):
    """One reminder stage sent for a point's year: the unique key makes the job idempotent."""

    class Stage(models.TextChoices):
        BEFORE = "before", _("before the due date")
        LATE = "late", _("late")

    point = models.ForeignKey("directory.ServicePoint", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    stage = models.CharField(max_length=8, choices=Stage.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("summary reminder")
        verbose_name_plural = _("summary reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["point", "year", "stage"], name="one_summary_reminder_per_stage"
            )
        ]

    def __str__(self):
        return f"{self.point_id} {self.year} {self.stage}"
