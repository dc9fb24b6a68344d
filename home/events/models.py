"""Events (活动): trainings, lectures, exhibitions, salons, open classes, roadshows, and who
registered for them."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from directory.models.reference import in_default_language
from home.core.blocks import BodyBlock
from home.core.models.pages import BasePage
from home.core.page_cache import cache_until


class EventKind(models.TextChoices):
    TRAINING = "training", _("training")  # 培训
    LECTURE = "lecture", _("lecture")  # 讲座
    EXHIBITION = "exhibition", _("exhibition")  # 展览
    SALON = "salon", _("salon")  # 沙龙
    OPEN_CLASS = "open_class", _("open class")  # 公开课
    ROADSHOW = "roadshow", _("roadshow")  # 路演


class EventIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    template = "home/event_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def get_fallback_description(self) -> str:
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from .listing import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(request, self))
        return context

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from .feeds import feed_view

        return feed_view(request, self, "rss")

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from .feeds import feed_view

        return feed_view(request, self, "atom")


class EventPage(RoutablePageMixin, BasePage):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, db_index=True)
    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"))
    online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("online link"), blank=True)
    venue = models.CharField(_("venue"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisers = ParentalManyToManyField(
        "directory.ServicePoint",
        verbose_name=_("organising points"),
        blank=True,
        related_name="events",
    )
    audiences = ParentalManyToManyField(
        "directory.Audience",
        verbose_name=_("audience"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_language,
    )
    services = ParentalManyToManyField(
        "directory.ServiceItem",
        verbose_name=_("catalogue services"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_language,
    )
    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    registration_open = models.BooleanField(_("registration on this site"), default=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("online"), FieldPanel("online_url")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("region")]),
                FieldPanel("address"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("organisers"),
        FieldPanel("audiences"),
        FieldPanel("services"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("registration_open"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("is_demo"),
    ]

    template = "home/event_page.html"
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("An event ends after it starts.")
        if self.online and not self.online_url:
            errors["online_url"] = _("Give the link of an online event.")
        if not self.online and not (self.venue and self.address):
            errors["address"] = _("Give the venue and its address, or mark the event online.")
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = _("Registration closes before the event starts.")
        if errors:
            raise ValidationError(errors)

    def get_fallback_description(self) -> str:
        return self.summary

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def next_change(self):
        """When this page changes by the clock alone: registration closes, it starts, it ends."""
        now = timezone.now()
        moments = (self.registration_deadline, self.start, self.end)
        return min((m for m in moments if m and m > now), default=None)

    def serve(self, request, *args, **kwargs):
        # A cached copy must not say "registration open" or hide "ended" past the moment.
        return cache_until(super().serve(request, *args, **kwargs), self.next_change())

    def get_context(self, request, *args, form=None, state=None, alert="", **kwargs):
        from .pages import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(request, self, form=form, state=state, alert=alert))
        return context

    @path("register/", name="register")
    def register_route(self, request):
        from .pages import register_view

        return register_view(request, self)

    @path("registered/", name="registered")
    def registered_route(self, request):
        from .pages import registered_view

        return registered_view(request, self)

    @path("cancel/<str:token>/", name="cancel")
    def cancel_route(self, request, token):
        from .pages import cancel_view

        return cancel_view(request, self, token)

    @path("ics/", name="ics")
    def ics_route(self, request):
        from .ics import ics_view

        return ics_view(request, self)


def new_cancel_token() -> str:
    """The secret of a registration's cancellation link (`<event url>cancel/<token>/`)."""
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=60)
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    # Normalised (home.core.validation.normalise_phone; e-mail lower-cased) before saving, so
    # that the constraints below recognise the same person written two ways.
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    # The language the registrant used: later e-mails (a place became free) are written in it.
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    consent_version = models.CharField(_("privacy notice version"), max_length=20)
    consented_at = models.DateTimeField(_("consent given at"))
    submission_nonce = models.CharField(max_length=64, unique=True, editable=False)
    # Stored as is, not hashed: every later e-mail (a place became free) and the receipt page
    # carry the same link again, and the outbox keeps those e-mails, link included, in clear
    # until they are purged with the registration. A hash would protect only against someone
    # who reads this table, and who then also reads every registrant's contact details; the
    # token grants nothing but cancelling this one registration. It is never exported (CSV)
    # nor shown in the admin.
    cancel_token = models.CharField(
        max_length=64, unique=True, editable=False, default=new_cancel_token
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # One live registration per phone and per e-mail address and event (a cancelled one
            # does not count: the person may register again). Partial unique indexes, which
            # SQLite and PostgreSQL both have; registrations.register() checks first and says
            # so kindly, these catch what a race would let through.
            models.UniqueConstraint(
                fields=["event", "phone"],
                condition=~Q(status="cancelled") & ~Q(phone=""),
                name="events_registration_one_per_phone",
            ),
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled") & ~Q(email=""),
                name="events_registration_one_per_email",
            ),
        ]

    def __str__(self):
        return f"{self.name} → {self.event}"
