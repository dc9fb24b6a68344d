from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Verification(models.Model):
    """A point's staff (or the office) confirmed that the profile is correct."""

    point = models.ForeignKey(
        "directory.ServicePoint",
        verbose_name=_("point"),
        on_delete=models.CASCADE,
        related_name="verifications",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("confirmed at"), default=timezone.now, db_index=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.point} · {self.at:%Y-%m-%d}"


class Reminder(models.Model):
    """One reminder sent: the unique key makes the daily job idempotent across runs and
    workers (the row is created before the mail is queued, in one transaction)."""

    class Kind(models.TextChoices):
        VERIFICATION = "verification", _("profile confirmation")

    class Stage(models.TextChoices):
        BEFORE = "before", _("before the due date")
        OVERDUE = "overdue", _("overdue")

    point = models.ForeignKey(
        "directory.ServicePoint", on_delete=models.CASCADE, related_name="lifecycle_reminders"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    due_date = models.DateField()
    stage = models.CharField(max_length=10, choices=Stage.choices)
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["point", "kind", "due_date", "stage"], name="lifecycle_reminder_once"
            )
        ]

    def __str__(self):
        return f"{self.point} · {self.kind} · {self.due_date} · {self.stage}"
