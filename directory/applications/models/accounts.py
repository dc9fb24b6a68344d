from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Applicant(models.Model):
    """An organisation's account for applying: a site user whose e-mail is confirmed here.

    The user has no admin access until an approved application makes them the point's staff.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="applicant",
    )
    organisation = models.CharField(_("organisation"), max_length=120)
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    # Personal data (the contact's name and e-mail) are kept only with this consent.
    consented_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_version = models.CharField(_("consent version"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("applicant")
        verbose_name_plural = _("applicants")

    def __str__(self):
        return self.organisation

    @property
    def is_confirmed(self) -> bool:
        return self.email_confirmed_at is not None
