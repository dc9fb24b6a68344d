"""Reports from the public that a point's profile is wrong (报告信息有误).

The directory must be kept current (seed 003: 名录动态更新); the people who read a profile
notice first when a phone number or an address is out of date. A report reaches the point's
staff and the IP office, who mark it fixed or rejected with a reply. Contact details are
optional and kept only with consent; they are erased after the report is closed
(services/error_reports.py `erase_closed_contacts`, a daily job).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ErrorReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ErrorReport.Status.OPEN)

    def for_points(self, point_ids):
        return self.filter(point_id__in=point_ids)


class ErrorReport(models.Model):
    class Part(models.TextChoices):
        CONTACT = "contact", _("contact details")
        ADDRESS = "address", _("address")
        HOURS = "hours", _("opening hours")
        SERVICES = "services", _("services")
        OTHER = "other", _("something else")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        FIXED = "fixed", _("fixed")
        REJECTED = "rejected", _("rejected")

    point = models.ForeignKey(
        "directory.ServicePoint",
        verbose_name=_("point"),
        on_delete=models.CASCADE,
        related_name="error_reports",
    )
    part = models.CharField(_("what is wrong"), max_length=10, choices=Part.choices)
    text = models.TextField(_("details"))
    # The signed form token's nonce: a double click stores one report.
    submission_nonce = models.CharField(max_length=64, unique=True, editable=False)

    name = models.CharField(_("name"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    consent_version = models.CharField(_("privacy notice version"), max_length=20, blank=True)
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, default="zh-hans")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    reply = models.TextField(
        _("reply"),
        blank=True,
        help_text=_("What was changed, or why the profile stays as it is."),
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    contact_erased_at = models.DateTimeField(_("contact details erased"), null=True, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now, db_index=True)

    objects = ErrorReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("error report")
        verbose_name_plural = _("error reports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["point", "status"])]

    def __str__(self):
        return f"{self.get_part_display()} · {self.created_at:%Y-%m-%d}"

    @property
    def has_contact(self) -> bool:
        return bool(self.name or self.email or self.phone)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
