"""Register, confirm the e-mail address, sign in and out, reset the password."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from home.core import abuse, limits

from .. import accounts
from ..forms.accounts import QueuedPasswordResetForm, RegisterForm, ResendForm, SignInForm

REGISTER_LIMIT = (5, 3600)  # per network and hour: a flood stops, an office with many can wait
RESEND_LIMIT = (5, 3600)  # per network and per address and hour


def _limit(name: str, default: tuple[int, int]) -> tuple[int, int]:
    return getattr(settings, name, default)


def _allowed(request, scope: str, limit: tuple[int, int], *extra: str) -> bool:
    """Count one use from this client (and of each `extra` value); False past the limit."""
    count, window = limit
    keys = [f"apply-{scope}-ip:" + abuse.client_key(abuse.client_ip(request))]
    keys += [f"apply-{scope}:" + abuse.client_key(value) for value in extra if value]
    # Every key is counted (no short-circuit), so each counter sees every attempt.
    results = [limits.hit(key, count, window) for key in keys]
    return all(results)


TOO_MANY = gettext_lazy(
    "Too many attempts from your network or for this address within the hour. Please try "
    "again in an hour."
)


@require_http_methods(["GET", "POST"])
def register(request):
    status = 200
    if request.method == "POST":
        form = RegisterForm(request.POST)
        if form.is_valid():
            if _allowed(
                request, "register", _limit("APPLICATION_REGISTER_RATE_LIMIT", REGISTER_LIMIT)
            ):
                accounts.register(form.registration())
                request.session["apply_registered_email"] = form.cleaned_data["email"]
                return redirect("applications:register_done")
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            status = 400
    else:
        form = RegisterForm()
    return TemplateResponse(
        request, "applications/public/register.html", {"form": form}, status=status
    )


def register_done(request):
    return TemplateResponse(
        request,
        "applications/public/register_done.html",
        {"email": request.session.get("apply_registered_email", "")},
    )


def confirm(request, token: str):
    try:
        applicant = accounts.confirm(token)
    except accounts.ConfirmationError as error:
        return TemplateResponse(
            request,
            "applications/public/confirm_failed.html",
            {"expired": error.expired},
            status=400,
        )
    messages.success(request, _("Your e-mail address is confirmed."))
    if request.user.is_authenticated and request.user.pk == applicant.user_id:
        return redirect("applications:my")
    return redirect("applications:sign_in")


@require_http_methods(["GET", "POST"])
def confirm_needed(request):
    """Resend the confirmation link; says the same whether or not the address has an account."""
    status = 200
    if request.method == "POST":
        form = ResendForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"]
            if _allowed(
                request, "resend", _limit("APPLICATION_RESEND_RATE_LIMIT", RESEND_LIMIT), email
            ):
                applicant = (
                    accounts.Applicant.objects.select_related("user")
                    .filter(user__username__iexact=email, email_confirmed_at__isnull=True)
                    .first()
                )
                if applicant is not None:
                    accounts.send_confirmation(applicant.user)
                messages.success(
                    request,
                    _(
                        "If an unconfirmed account has this address, a new link is on its way "
                        "to it."
                    ),
                )
                return redirect("applications:confirm_needed")
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            status = 400
    else:
        initial = {"email": request.user.email} if request.user.is_authenticated else {}
        form = ResendForm(initial=initial)
    return TemplateResponse(
        request, "applications/public/confirm_needed.html", {"form": form}, status=status
    )


class SignInView(auth_views.LoginView):
    """Django's sign-in: django-axes (an authentication backend) counts every failure."""

    form_class = SignInForm
    template_name = "applications/public/sign_in.html"
    redirect_authenticated_user = False

    def get_default_redirect_url(self):
        return reverse("applications:my")


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]
    next_page = reverse_lazy("applications:landing")


class PasswordResetView(auth_views.PasswordResetView):
    form_class = QueuedPasswordResetForm
    template_name = "applications/public/password_reset_form.html"
    email_template_name = "applications/public/email/password_reset.txt"
    subject_template_name = "applications/public/email/password_reset_subject.txt"
    success_url = reverse_lazy("applications:password_reset_done")

    def form_valid(self, form):
        if not _allowed(
            self.request,
            "reset",
            _limit("APPLICATION_RESEND_RATE_LIMIT", RESEND_LIMIT),
            form.cleaned_data["email"].lower(),
        ):
            form.add_error(None, TOO_MANY)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)

    @property
    def extra_email_context(self):
        # The link in the mail uses the site's own address, never the request's Host header.
        return {"site_url": settings.SITE_BASE_URL.rstrip("/")}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "applications/public/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "applications/public/password_reset_confirm.html"
    success_url = reverse_lazy("applications:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "applications/public/password_reset_complete.html"
