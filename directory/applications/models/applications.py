"""The recognition application (申报书, seed 003 annex 1) and where it stands in its review."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import ServicePoint
from directory.models.reference import in_default_language
from home.core.storage import private_storage


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned for correction")
    UNDER_REVIEW = "under_review", _("under review")
    SITE_VISIT = "site_visit", _("site visit / expert review")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


# States in which the applicant may edit; the office reviews the others until a decision.
EDITABLE_STATUSES = (ApplicationStatus.DRAFT, ApplicationStatus.RETURNED)
WAITING_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.UNDER_REVIEW,
    ApplicationStatus.SITE_VISIT,
)
DECIDED_STATUSES = (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED)


class Section(models.TextChoices):
    """The parts of annex 1, each a page of the online form and a place for review comments."""

    BASIC = "basic", _("Basic facts")
    CATEGORY = "category", _("Category")
    QUALIFICATIONS = "qualifications", _("Qualifications held")
    AUDIENCES = "audiences", _("Audiences")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")
    RULES = "rules", _("Working rules")
    SERVICES = "services", _("Services offered")
    STRENGTHS = "strengths", _("Foundation and strengths")
    TEAM = "team", _("Service team")
    PLAN = "plan", _("Development plan")
    CASES = "cases", _("Typical cases")
    ATTACHMENTS = "attachments", _("Attachments")
    DECLARATION = "declaration", _("Declaration")


class Application(models.Model):
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="point_applications",
    )
    office = models.ForeignKey(
        "applications.RecognisingOffice",
        verbose_name=_("recognising office"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
        db_index=True,
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    round = models.PositiveSmallIntegerField(
        _("submission round"),
        default=0,
        help_text=_("1 on the first submission, +1 on each resubmission."),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    point = models.ForeignKey(
        "directory.ServicePoint",
        verbose_name=_("point created"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    priority = models.BooleanField(
        _("priority"),
        default=False,
        help_text=_("第六条: already recognised at national or provincial level."),
    )
    is_demo = models.BooleanField(_("demo content"), default=False)

    # 1. Basic facts (基本情况)
    organisation = models.CharField(_("organisation name"), max_length=120, blank=True)
    nature = models.CharField(
        _("nature"), max_length=30, choices=ServicePoint.Nature.choices, blank=True
    )
    province = models.ForeignKey(
        "directory.Region",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": 1},
    )
    city = models.ForeignKey(
        "directory.Region",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": 2},
    )
    district = models.ForeignKey(
        "directory.Region",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": 3},
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    head_name = models.CharField(_("head of the organisation"), max_length=60, blank=True)
    head_title = models.CharField(_("head's position"), max_length=60, blank=True)
    staff_total = models.PositiveIntegerField(_("staff in total"), null=True, blank=True)
    staff_full_time = models.PositiveIntegerField(_("full-time staff"), null=True, blank=True)
    staff_part_time = models.PositiveIntegerField(_("part-time staff"), null=True, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=60, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    wechat_account = models.CharField(_("WeChat official account"), max_length=80, blank=True)

    # 2. Category (机构类别) and sub-kind
    category = models.ForeignKey(
        "directory.PointCategory",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_language,
    )
    subkind = models.ForeignKey(
        "directory.PointCategory",
        verbose_name=_("sub-kind"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_language,
    )

    # 4. Audiences (服务对象)
    audiences = models.ManyToManyField(
        "directory.Audience",
        verbose_name=_("audiences"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_language,
    )

    # 5. Infrastructure (基础设施)
    service_area_m2 = models.PositiveIntegerField(_("service area (m²)"), null=True, blank=True)
    has_network = models.BooleanField(_("network access for the service"), null=True, blank=True)
    has_hardware = models.BooleanField(_("computers and equipment"), null=True, blank=True)
    databases = models.TextField(
        _("databases bought"),
        blank=True,
        help_text=_("Patent and literature databases, one per line."),
    )

    # 6. Working rules (工作制度)
    rules_name = models.CharField(_("name of the rules document"), max_length=200, blank=True)
    rules_file = models.FileField(
        _("rules document"),
        upload_to="applications/rules/%Y/%m/",
        storage=private_storage,
        blank=True,
    )

    # 8. Foundation and strengths (工作基础和优势特点), 10. development plan (未来发展思路)
    strengths = models.TextField(_("foundation and strengths"), blank=True)
    development_plan = models.TextField(_("development plan"), blank=True)

    # 13. Declaration of truth
    declaration_accepted = models.BooleanField(_("declaration accepted"), default=False)
    declared_by = models.CharField(_("declared by"), max_length=60, blank=True)
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)

    class Meta:
        verbose_name = _("recognition application")
        verbose_name_plural = _("recognition applications")
        ordering = ["-priority", "submitted_at", "pk"]
        permissions = [("review_application", _("Can review recognition applications"))]

    def __str__(self):
        return self.organisation or str(_("Application #%(pk)s") % {"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_waiting(self) -> bool:
        return self.status in WAITING_STATUSES
