from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeReportQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ChangeReport.Status.PENDING)

    def approved(self):
        return self.filter(status=ChangeReport.Status.APPROVED)


class ChangeReport(models.Model):
    """A point's report of a change of key facts (变更报备), following one revision through
    moderation: approved when that revision (or a later one) is published, rejected with the
    moderator's comment."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    point = models.ForeignKey(
        "directory.ServicePoint",
        verbose_name=_("point"),
        on_delete=models.CASCADE,
        related_name="change_reports",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)
    reason = models.TextField(_("reason for the change"))
    # [{field, label, old, new}] as directory/lifecycle/changes.py computes it.
    changes = models.JSONField(_("changes"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = models.TextField(_("office comment"), blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    objects = ChangeReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("change report")
        verbose_name_plural = _("change reports")
        ordering = ["-submitted_at", "-pk"]
        # The office's right over every point's life (directory/lifecycle/access.py).
        permissions = [("manage_points", "Can manage every point's lifecycle")]

    def __str__(self):
        return f"{self.point} · {self.submitted_at:%Y-%m-%d}"

    @property
    def changed_labels(self) -> list[str]:
        from ..changes import label_of

        return [label_of(change["field"]) for change in self.changes]
