from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StatusDecision(models.Model):
    """The office revoked, suspended or reinstated a point (seed 003, 第十八条–第二十一条)."""

    class Action(models.TextChoices):
        REVOKE = "revoke", _("revoke")
        SUSPEND = "suspend", _("suspend")
        REINSTATE = "reinstate", _("reinstate")

    class Reason(models.TextChoices):
        FAILED_EVALUATIONS = "failed_evaluations", _("failed the evaluation two years running")
        FALSE_MATERIAL = "false_material", _("false application material")
        COMMERCIAL_ACTIVITY = (
            "commercial_activity",
            _("commercial activity unrelated to the service"),
        )
        OWN_REQUEST = "own_request", _("at the point's own request")
        OTHER = "other", _("other")

    point = models.ForeignKey(
        "directory.ServicePoint",
        verbose_name=_("point"),
        on_delete=models.CASCADE,
        related_name="status_decisions",
    )
    action = models.CharField(_("decision"), max_length=10, choices=Action.choices)
    reason = models.CharField(_("reason"), max_length=30, choices=Reason.choices)
    text = models.TextField(_("explanation"))
    old_status = models.CharField(_("status before"), max_length=12)
    new_status = models.CharField(_("status after"), max_length=12)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)
    effective_on = models.DateField(_("effective on"))
    publish_notice = models.BooleanField(_("publish a public notice"), default=False)
    # 第二十一条: revoked for false material, the organisation may not apply again until then.
    bars_until = models.DateField(_("barred from applying until"), null=True, blank=True)
    # The organisation's name at the decision, normalised (bars.normalise_organisation), so a
    # later application under the same name is matched even after the point is renamed.
    organisation_key = models.CharField(max_length=255, blank=True, db_index=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("status decision")
        verbose_name_plural = _("status decisions")
        ordering = ["-decided_at", "-pk"]

    def __str__(self):
        return f"{self.point} · {self.get_action_display()} · {self.effective_on}"
