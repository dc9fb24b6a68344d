"""Consultation requests (咨询), their history and replies.

A request is saved before anything is sent, so a point sees it in its inbox whatever happens to
e-mail. `point` empty means the IP office's central inbox.
"""

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models.reference import in_default_language

from ..storage import private_storage

# No 0/O or 1/I/L: people read codes aloud over the phone.
TRACKING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
TRACKING_LENGTH = 12  # 31**12 ≈ 2**59: not guessable, and still short enough to type


def new_tracking_code() -> str:
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))


def attachment_path(instance, filename: str) -> str:
    # The stored name never reveals the asker's file name; that is kept in a field.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"consultations/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{suffix}"


class Status(models.TextChoices):
    NEW = "new", _("new")
    IN_PROGRESS = "in_progress", _("in progress")
    ANSWERED = "answered", _("answered")
    CLOSED = "closed", _("closed")
    TRANSFERRED = "transferred", _("transferred")


# A transferred request waits at its new point just like a new one.
OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS, Status.TRANSFERRED)


class ReplyChannel(models.TextChoices):
    EMAIL = "email", _("e-mail")
    PHONE = "phone", _("phone")


class Origin(models.TextChoices):
    PROFILE = "profile", _("a point's profile")
    GENERAL = "general", _("the general question page")


class RoutingRule(models.TextChoices):
    PROFILE = "profile", _("asked on the point's profile")
    SAME_CITY = "same_city", _("offers the service in the asker's city")
    SAME_PROVINCE = "same_province", _("offers the service in the asker's province")
    PROVINCIAL_NODE = "provincial_node", _("provincial node")
    CENTRAL = "central", _("IP office's central inbox")
    TRANSFER = "transfer", _("transferred by staff")


class ConsultationRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, now=None):
        now = now or timezone.now()
        return self.filter(first_response_at__isnull=True, due_at__lt=now).exclude(
            status=Status.CLOSED
        )

    def for_points(self, point_ids):
        return self.filter(point_id__in=point_ids)


class ConsultationRequest(models.Model):
    tracking_code = models.CharField(
        _("tracking code"), max_length=TRACKING_LENGTH, unique=True, default=new_tracking_code
    )
    # The signed form token's nonce: a second POST of the same form finds this request.
    submission_nonce = models.CharField(max_length=64, unique=True, editable=False)
    origin = models.CharField(_("asked on"), max_length=10, choices=Origin.choices)
    point = models.ForeignKey(
        "directory.ServicePoint",
        verbose_name=_("point"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_requests",
        help_text=_("Empty: the IP office's central inbox."),
    )
    service = models.ForeignKey(
        "directory.ServiceItem",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_language,
    )
    tier = models.CharField(_("tier"), max_length=20, blank=True)
    subject = models.CharField(_("subject"), max_length=120)
    question = models.TextField(_("question"))

    name = models.CharField(_("name"), max_length=60)
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    reply_channel = models.CharField(
        _("preferred reply channel"), max_length=10, choices=ReplyChannel.choices
    )
    city = models.ForeignKey(
        "directory.Region",
        verbose_name=_("city"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    attachment = models.FileField(
        _("attachment"), upload_to=attachment_path, storage=private_storage, blank=True
    )
    attachment_name = models.CharField(_("attachment file name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=10, default="zh-hans")

    consent_version = models.CharField(_("privacy notice version"), max_length=20)
    consented_at = models.DateTimeField(_("consent given at"))
    # A keyed hash of the client IP, for the rate limit only; erased with the personal data.
    client_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    routing_rule = models.CharField(_("routing rule"), max_length=20, choices=RoutingRule.choices)
    routing_reason = models.TextField(_("routing reason"))

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    due_at = models.DateTimeField(_("first reply due"))
    first_response_at = models.DateTimeField(_("first reply"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    rating = models.PositiveSmallIntegerField(
        _("satisfaction"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    rating_comment = models.TextField(_("asker's comment"), blank=True)
    rated_at = models.DateTimeField(_("rated"), null=True, blank=True)

    deletion_requested_at = models.DateTimeField(_("deletion requested"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation request")
        verbose_name_plural = _("consultation requests")
        ordering = ["-submitted_at"]
        permissions = [
            ("handle_all_consultations", _("Can handle every point's consultation requests")),
        ]
        indexes = [models.Index(fields=["point", "status", "submitted_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="consultation_rating_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.formatted_code} {self.subject}"

    @property
    def formatted_code(self) -> str:
        code = self.tracking_code
        return "-".join(code[i : i + 4] for i in range(0, len(code), 4))

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, now=None) -> bool:
        now = now or timezone.now()
        return self.first_response_at is None and self.status != Status.CLOSED and self.due_at < now

    @property
    def answered_on_time(self) -> bool | None:
        if self.first_response_at is None:
            return None
        return self.first_response_at <= self.due_at

    @property
    def can_be_rated(self) -> bool:
        return self.rating is None and self.first_response_at is not None


class RequestEvent(models.Model):
    """One line of a request's history: who did what, when."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        STATUS = "status", _("status changed")
        TRANSFERRED = "transferred", _("transferred")
        REPLIED = "replied", _("replied")
        RATED = "rated", _("rated")
        DELETION_REQUESTED = "deletion_requested", _("deletion requested")
        ANONYMISED = "anonymised", _("personal data erased")
        EDITED = "edited", _("corrected")

    request = models.ForeignKey(
        ConsultationRequest, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    from_point = models.ForeignKey(
        "directory.ServicePoint", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_point = models.ForeignKey(
        "directory.ServicePoint", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("request event")
        verbose_name_plural = _("request events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"


class ConsultationReply(models.Model):
    request = models.ForeignKey(
        ConsultationRequest, on_delete=models.CASCADE, related_name="replies"
    )
    point = models.ForeignKey(
        "directory.ServicePoint",
        verbose_name=_("answered by point"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("reply"))
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request.formatted_code} {self.created_at:%Y-%m-%d %H:%M}"
