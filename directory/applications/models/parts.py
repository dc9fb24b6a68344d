"""The repeated parts of an application: qualifications with proof, services, team, cases,
attachments, and the office's review comments per section."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import FeeKind, Tier
from directory.models.reference import in_default_language
from home.core.storage import private_storage

from .applications import Section

PROOF_PATH = "applications/proof/%Y/%m/"


class ApplicationQualification(models.Model):
    """3. A qualification already held (已获资质), with its proof."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="qualifications"
    )
    qualification = models.ForeignKey(
        "directory.Qualification",
        verbose_name=_("qualification"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_language,
    )
    awarded_on = models.DateField(_("awarded on"), null=True, blank=True)
    proof = models.FileField(_("proof"), upload_to=PROOF_PATH, storage=private_storage, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("qualification held")
        verbose_name_plural = _("qualifications held")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "qualification"], name="application_qualification_once"
            )
        ]

    def __str__(self):
        return str(self.qualification)


class ApplicationService(models.Model):
    """7. A service the organisation will offer, picked from the catalogue (服务事项)."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="services"
    )
    service = models.ForeignKey(
        "directory.ServiceItem",
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_language,
    )
    tier = models.CharField(_("tier"), max_length=20, choices=Tier.choices)
    fee = models.CharField(_("fee"), max_length=12, choices=FeeKind.choices, default=FeeKind.FREE)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("service to offer")
        verbose_name_plural = _("services to offer")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "service"], name="application_service_once"
            )
        ]

    def __str__(self):
        return str(self.service)


class ApplicationStaffMember(models.Model):
    """9. One person of the service team (服务团队人员情况)."""

    class Role(models.TextChoices):
        HEAD = "head", _("head of the point")
        FULL_TIME = "full_time", _("full-time staff")
        PART_TIME = "part_time", _("part-time staff")

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="team"
    )
    name = models.CharField(_("name"), max_length=60)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    position = models.CharField(_("position"), max_length=60, blank=True)
    education = models.CharField(_("education"), max_length=60, blank=True)
    certificates = models.CharField(
        _("certificates"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 专利代理师资格证, 专利信息分析人员证书."),
    )
    experience = models.TextField(_("experience"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name


class ApplicationCase(models.Model):
    """11. A typical case (典型案例): name, date, content and effect."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="typical_cases"
    )
    title = models.CharField(_("case name"), max_length=120)
    date = models.DateField(_("date"), null=True, blank=True)
    content = models.TextField(_("content"))
    effect = models.TextField(_("effect"), blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("typical case")
        verbose_name_plural = _("typical cases")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title


class ApplicationAttachment(models.Model):
    """12. An attachment of the list (附件清单)."""

    class Kind(models.TextChoices):
        LICENCE = "licence", _("business licence or registration certificate")
        RULES = "rules", _("working rules")
        SERVICE_RECORD = "service_record", _("service record of the last two years")
        STAFF_CERTIFICATES = "staff_certificates", _("staff certificates")
        OTHER = "other", _("other proof")

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=PROOF_PATH, storage=private_storage)
    description = models.CharField(_("description"), max_length=200, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["kind", "pk"]

    def __str__(self):
        return self.description or self.get_kind_display()


class ReviewComment(models.Model):
    """A reviewer's comment on one section, shown to the applicant when returned."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="comments"
    )
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    round = models.PositiveSmallIntegerField(_("submission round"), default=0)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_section_display()}: {self.text[:40]}"
