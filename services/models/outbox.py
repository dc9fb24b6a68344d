"""E-mail waits here until it is sent: a mail server being down loses nothing."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxEmailQuerySet(models.QuerySet):
    def pending(self, now=None):
        now = now or timezone.now()
        return self.filter(sent_at__isnull=True, next_attempt_at__lte=now)


class OutboxEmail(models.Model):
    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("request received")
        REPLY = "reply", _("reply")
        TRANSFER = "transfer", _("request transferred")
        REGISTRATION = "registration", _("registration")
        ACCOUNT = "account", _("staff account")
        # The point lifecycle (directory/applications, directory/lifecycle via home/core/mail.py).
        APPLICATION = "application", _("recognition application")
        REMINDER = "reminder", _("reminder")
        DECISION = "decision", _("decision")
        ERROR_REPORT = "error_report", _("error report")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    request = models.ForeignKey(
        "services.ConsultationRequest",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="emails",
    )
    to_address = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))
    created_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, db_index=True)

    objects = OutboxEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outbox")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.to_address}"
