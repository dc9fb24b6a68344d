"""Public consultation pages: ask (anywhere or one point), the receipt, tracking, rating.

Views stay thin: forms validate, services.handling does the work.
"""

import hmac
import logging

from django.contrib import messages
from django.db import DatabaseError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from directory.models import ServicePoint
from home.core import abuse
from services import handling

from .abuse import CONTACT, lookup_allowed, refused_by_limit, token_nonce
from .forms import ConsultationForm, DeletionForm, RatingForm, TrackingLookupForm
from .models import ConsultationRequest, RequestEvent
from .staff import source_point

logger = logging.getLogger(__name__)

SENT_SESSION_KEY = "consultation_sent"
# Nonces of the form tokens this browser session was served (newest last): a second post of one
# of them is this person's double click, which shows the receipt again; the same token posted
# from any other session is a replay and learns nothing (see _already_received).
SERVED_SESSION_KEY = "consultation_served"
SERVED_KEEP = 20
TRACKED_SESSION_KEY = "consultation_tracked"


@never_cache
def ask(request):
    """The general page: the question is routed to the right point automatically."""
    return _ask(request, point=None, action=reverse("consultation_ask"))


@never_cache
def ask_point(request, point_id: int):
    page = get_object_or_404(ServicePoint.objects.live(), pk=point_id)
    point = source_point(page)
    if point.status != ServicePoint.Status.ACTIVE:
        return TemplateResponse(
            request, "services/point_unavailable.html", {"point": page}, status=410
        )
    return _ask(
        request,
        point=point,
        action=reverse("consultation_ask_point", args=[point_id]),
        page_point=page,
    )


@never_cache
@require_GET
def ask_point_form(request, point_id: int):
    """The profile's question form alone, fetched by the profile when it is shown.

    The profile itself is one page for every visitor and is served from the page cache; the
    form carries a CSRF token and a signed one-submission token (home/core/bot_checks.py),
    which must be new for each visitor, so it comes from here (static/js/ask-on-demand.js).
    Without JavaScript the profile links to the ask page instead, which holds the same form.
    """
    page = get_object_or_404(ServicePoint.objects.live().public(), pk=point_id)
    point = source_point(page)
    if point.status != ServicePoint.Status.ACTIVE:
        return TemplateResponse(
            request, "services/point_unavailable.html", {"point": page}, status=410
        )
    form = ConsultationForm(point=point, action=reverse("consultation_ask_point", args=[point_id]))
    _remember_served(request, form)
    return TemplateResponse(request, "services/includes/consultation_form.html", {"form": form})


def _ask(request, *, point, action, page_point=None):
    status = 200
    if request.method == "POST":
        form = ConsultationForm(request.POST, request.FILES, point=point, action=action)
        if form.is_valid():
            existing = ConsultationRequest.objects.filter(submission_nonce=form.nonce).first()
            if existing is not None:
                return _already_received(request, existing, form.nonce, action)
            refused = None
            try:
                # The counters are writes too: a locked database ends here, in the 503 below.
                refused = refused_by_limit(
                    abuse.client_ip(request),
                    form.cleaned_data["phone"],
                    form.cleaned_data["email"],
                )
                if not refused:
                    request_obj, created = handling.submit(
                        _submission(form),
                        nonce=form.nonce,
                        consent_version=_consent_version(),
                        language=translation.get_language(),
                        client_key=abuse.client_key(abuse.client_ip(request)),
                        point=point,
                    )
            except DatabaseError:
                logger.exception("Consultation request could not be saved")
                form.add_error(
                    None,
                    _(
                        "Your question could not be saved because of a fault on our side; "
                        "nothing was stored. Your entries are still here: please send again "
                        "in a few minutes."
                    ),
                )
                status = 503
            else:
                if refused:
                    form.add_error(None, _limit_message(refused))
                    status = 429
                elif not created:  # the same form posted twice at once: the other one won
                    return _already_received(request, request_obj, form.nonce, action)
                else:
                    request.session[SENT_SESSION_KEY] = request_obj.tracking_code
                    return redirect("consultation_sent")
        else:
            status = 400
    else:
        form = ConsultationForm(point=point, action=action, city_hint=request.GET.get("city"))
    return _ask_page(request, form, page_point, status)


def _ask_page(request, form, page_point, status):
    _remember_served(request, form)
    return TemplateResponse(
        request,
        "services/ask.html",
        {
            "form": form,
            "point": page_point,
            "attachment_lost": bool(request.FILES) and not form.is_valid(),
        },
        status=status,
    )


def _remember_served(request, form) -> None:
    """Note the nonce of a token this response serves, if we issued it just now.

    A token that came in with the post is not noted: it may be someone else's, and noting it
    would let a replay through on its second try.
    """
    token = form.data.get("form_token") if form.is_bound else form.initial.get("form_token")
    if not token or (form.is_bound and token == request.POST.get("form_token")):
        return
    nonce = token_nonce(token)
    served = [n for n in request.session.get(SERVED_SESSION_KEY, []) if n != nonce]
    request.session[SERVED_SESSION_KEY] = [*served, nonce][-SERVED_KEEP:]


def _already_received(request, request_obj, nonce, action):
    """A second post of one form: this session's double click gets its receipt again; a replay
    from another session is told the question arrived, and nothing about it."""
    if nonce in request.session.get(SERVED_SESSION_KEY, []) or (
        request.session.get(SENT_SESSION_KEY) == request_obj.tracking_code
    ):
        request.session[SENT_SESSION_KEY] = request_obj.tracking_code
        return redirect("consultation_sent")
    messages.info(
        request,
        _(
            "This question was already received. Its tracking code is shown only in the browser "
            "that sent it and in the confirmation sent to the asker."
        ),
    )
    return redirect(action)


def _limit_message(reason: str) -> str:
    if reason == CONTACT:
        return _(
            "Too many questions were sent with this phone number or e-mail address within the "
            "hour. Please wait for the replies, or send again in an hour; to add to a question "
            "you sent, follow it with its tracking code."
        )
    return _(
        "Too many questions came from your network within the hour, so we cannot take more "
        "from it just now. Please send again in an hour, or call the point."
    )


def ask_after_csrf_failure(request, point_id: int | None = None):
    """The ask page again after a failed CSRF check (home/core/views.py `csrf_failure`): what
    was typed is filled in, with a fresh form token, and nothing is stored."""
    page_point = point = None
    if point_id is not None:
        page_point = ServicePoint.objects.live().filter(pk=point_id).first()
        point = source_point(page_point) if page_point else None
        if point is None or point.status != ServicePoint.Status.ACTIVE:
            return None
        action = reverse("consultation_ask_point", args=[point_id])
    else:
        action = reverse("consultation_ask")
    typed = {
        name: request.POST.get(name)
        for name in ConsultationForm.base_fields
        if name not in {"form_token", "website", "attachment"} and name in request.POST
    }
    form = ConsultationForm(initial=typed, point=point, action=action)
    messages.warning(
        request,
        _(
            "Your question was not sent: the page had been open too long or your browser did not "
            "send its security cookie. What you typed is filled in below; check it and send again."
        ),
    )
    return _ask_page(request, form, page_point, 403).render()


ask.csrf_recovery = ask_after_csrf_failure
ask_point.csrf_recovery = ask_after_csrf_failure


def _consent_version() -> str:
    from django.conf import settings

    return settings.CONSULTATION_CONSENT_VERSION


def _submission(form) -> handling.Submission:
    data = form.cleaned_data
    upload = data.get("attachment")
    return handling.Submission(
        subject=data["subject"],
        question=data["question"],
        name=data["name"],
        organisation=data["organisation"],
        phone=data["phone"],
        email=data["email"],
        reply_channel=data["reply_channel"],
        city=data["city"],
        service=data["service"],
        attachment=upload or None,
        attachment_name=upload.name if upload else "",
    )


@never_cache
def sent(request):
    code = request.session.get(SENT_SESSION_KEY)
    request_obj = (
        ConsultationRequest.objects.select_related("point").filter(tracking_code=code or "").first()
    )
    if request_obj is None:
        return redirect("consultation_ask")
    return TemplateResponse(request, "services/sent.html", {"request_obj": request_obj})


def _matches(request_obj: ConsultationRequest, secret: str) -> bool:
    """The last four digits of the phone, or the whole e-mail address."""
    secret = "".join(secret.split()).lower()
    phone_digits = "".join(ch for ch in request_obj.phone if ch.isdigit())
    candidates = []
    if len(phone_digits) >= 4:
        candidates.append(phone_digits[-4:])
    if request_obj.email:
        candidates.append(request_obj.email.lower())
    return any(hmac.compare_digest(secret, candidate) for candidate in candidates)


@never_cache
def track(request):
    """Find a request with its code and a second factor, then follow it in this session."""
    if request.method == "POST":
        form = TrackingLookupForm(request.POST)
        if form.is_valid():
            try:
                allowed = lookup_allowed(abuse.client_ip(request))
            except DatabaseError:
                logger.exception("Tracking lookup could not be counted")
                form.add_error(
                    None,
                    _(
                        "Your question cannot be looked up just now because of a fault on our "
                        "side. Please try again in a few minutes."
                    ),
                )
                return TemplateResponse(
                    request, "services/track_lookup.html", {"form": form}, status=503
                )
            if not allowed:
                form.add_error(None, _("Too many attempts. Please try again in 15 minutes."))
                return TemplateResponse(
                    request, "services/track_lookup.html", {"form": form}, status=429
                )
            request_obj = ConsultationRequest.objects.filter(
                tracking_code=form.cleaned_data["code"], anonymised_at__isnull=True
            ).first()
            if request_obj and _matches(request_obj, form.cleaned_data["secret"]):
                request.session[TRACKED_SESSION_KEY] = request_obj.pk
                return redirect("consultation_track")
            form.add_error(
                None,
                _(
                    "No question matches this tracking code and these digits. Check both; the "
                    "code is in your confirmation."
                ),
            )
        return TemplateResponse(request, "services/track_lookup.html", {"form": form}, status=400)

    request_obj = _tracked(request)
    if request_obj is None:
        initial = {"code": request.GET.get("code", "")[:20]}
        return TemplateResponse(
            request, "services/track_lookup.html", {"form": TrackingLookupForm(initial=initial)}
        )
    return _detail(request, request_obj)


def _tracked(request) -> ConsultationRequest | None:
    pk = request.session.get(TRACKED_SESSION_KEY)
    if not pk:
        return None
    return (
        ConsultationRequest.objects.select_related("point", "service", "city")
        .filter(pk=pk, anonymised_at__isnull=True)
        .first()
    )


PUBLIC_EVENTS = (
    RequestEvent.Kind.SUBMITTED,
    RequestEvent.Kind.TRANSFERRED,
    RequestEvent.Kind.STATUS,
    RequestEvent.Kind.REPLIED,
    RequestEvent.Kind.RATED,
)


def _detail(request, request_obj, *, rating_form=None, deletion_form=None, status=200):
    events = request_obj.events.filter(kind__in=PUBLIC_EVENTS).select_related(
        "from_point", "to_point"
    )
    return TemplateResponse(
        request,
        "services/track_detail.html",
        {
            "request_obj": request_obj,
            "events": events,
            "replies": request_obj.replies.select_related("point"),
            "rating_form": rating_form or (RatingForm() if request_obj.can_be_rated else None),
            "deletion_form": deletion_form or DeletionForm(),
        },
        status=status,
    )


@never_cache
@require_POST
def rate(request):
    request_obj = _tracked(request)
    if request_obj is None:
        return redirect("consultation_track")
    form = RatingForm(request.POST)
    if not request_obj.can_be_rated:
        messages.info(request, _("You have already rated this answer. Thank you."))
        return redirect("consultation_track")
    if not form.is_valid():
        return _detail(request, request_obj, rating_form=form, status=400)
    try:
        handling.rate(request_obj, form.cleaned_data["rating"], form.cleaned_data["comment"])
    except handling.AlreadyRated:
        messages.info(request, _("You have already rated this answer. Thank you."))
    else:
        messages.success(request, _("Thank you for your rating."))
    return redirect("consultation_track")


@never_cache
@require_POST
def request_deletion(request):
    request_obj = _tracked(request)
    if request_obj is None:
        return redirect("consultation_track")
    form = DeletionForm(request.POST)
    if not form.is_valid():
        return _detail(request, request_obj, deletion_form=form, status=400)
    handling.request_deletion(request_obj)
    request.session.pop(TRACKED_SESSION_KEY, None)
    messages.success(request, _("Your personal data was erased and your question closed."))
    return redirect("consultation_track")


@never_cache
@require_POST
def stop_tracking(request):
    request.session.pop(TRACKED_SESSION_KEY, None)
    return redirect("consultation_track")


def privacy_policy(request):
    from django.conf import settings

    return TemplateResponse(
        request,
        "services/privacy_policy.html",
        {
            "retention_years": settings.CONSULTATION_RETENTION_DAYS // 365,
            "consent_version": settings.CONSULTATION_CONSENT_VERSION,
        },
    )
