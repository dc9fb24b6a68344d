"""The landing page (/apply/), the applicant's applications, and starting a new one."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ..accounts import applicant_of
from ..defaults import ensure_default_office
from ..models import Application, ApplicationStatus, RecognisingOffice, Section
from .access import applicant_required
from .form import open_comments


class StartForm(forms.Form):
    office = forms.ModelChoiceField(
        label=gettext_lazy("Recognising office"),
        queryset=RecognisingOffice.objects.filter(is_active=True),
        empty_label=None,
        error_messages={"invalid_choice": gettext_lazy("Choose an office from the list.")},
    )


def landing(request):
    offices = list(RecognisingOffice.objects.filter(is_active=True))
    if not offices:  # a fresh site before its first migrate of this app
        offices = [office] if (office := ensure_default_office()) else []
    return TemplateResponse(
        request,
        "applications/public/landing.html",
        {
            "offices": offices,
            "minimum": min((o.min_full_time_staff for o in offices), default=5),
            "applicant": applicant_of(request.user),
        },
    )


@applicant_required
def my_applications(request):
    applications = list(
        Application.objects.filter(applicant=request.user)
        .select_related("office")
        .order_by("-updated_at")
    )
    for application in applications:
        application.open_comments = list(open_comments(application))
    return TemplateResponse(
        request,
        "applications/public/my.html",
        {"applications": applications, "start_form": StartForm()},
    )


@applicant_required
@require_POST
def start(request):
    form = StartForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an office from the list."))
        return redirect("applications:my")
    application = Application.objects.create(
        applicant=request.user,
        office=form.cleaned_data["office"],
        organisation=request.applicant.organisation,
        email=request.user.email,
        contact_person=request.user.first_name,
        status=ApplicationStatus.DRAFT,
    )
    messages.success(request, _("Your application is started. Save a draft whenever you like."))
    return redirect("applications:section", pk=application.pk, section=Section.BASIC)
