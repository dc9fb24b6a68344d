"""Who reaches the applicant's pages: a signed-in applicant whose e-mail is confirmed, and
only for their own applications (404 for anyone else's: nothing to learn by probing)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from ..accounts import applicant_of
from ..models import Application


def applicant_required(view):
    """Signed in (else the sign-in page), an applicant (else a 403 page), confirmed (else the
    page that resends the link)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("applications:sign_in"))
        applicant = applicant_of(request.user)
        if applicant is None:
            return TemplateResponse(request, "applications/public/not_applicant.html", status=403)
        if not applicant.is_confirmed:
            return redirect("applications:confirm_needed")
        request.applicant = applicant
        return view(request, *args, **kwargs)

    return wrapped


def own_application(request, pk: int) -> Application:
    return get_object_or_404(
        Application.objects.select_related("office"), pk=pk, applicant=request.user
    )
