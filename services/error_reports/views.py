"""The public "report an error" page of a profile (never cached: it carries a form token)."""

import logging

from django.conf import settings
from django.db import DatabaseError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from directory.models import ServicePoint
from home.core import abuse, limits

from ..staff import source_point
from . import handling
from .forms import ErrorReportForm

logger = logging.getLogger(__name__)

SENT_SESSION_KEY = "error_report_sent"


def _limited(request) -> bool:
    """The per-network flood limit of the question form, counted apart from questions."""
    key = "error-report-ip:" + abuse.client_key(abuse.client_ip(request))
    return not limits.hit(
        key, settings.CONSULTATION_RATE_LIMIT_COUNT, settings.CONSULTATION_RATE_LIMIT_WINDOW
    )


@never_cache
def report_error(request, point_id: int):
    page = get_object_or_404(ServicePoint.objects.live().public(), pk=point_id)
    point = source_point(page)
    status = 200
    if request.method == "POST":
        form = ErrorReportForm(request.POST, point=point)
        if form.is_valid():
            try:
                if _limited(request):
                    form.add_error(
                        None,
                        _(
                            "Too many reports came from your network within the hour. Please "
                            "send again in an hour; what you wrote is still here."
                        ),
                    )
                    status = 429
                else:
                    data = form.cleaned_data
                    contact = form.has_contact
                    report, _created = handling.submit(
                        point,
                        handling.ErrorReportSubmission(
                            part=data["part"],
                            text=data["text"],
                            name=data["name"] if contact else "",
                            email=data["email"] if contact else "",
                            phone=data["phone"] if contact else "",
                        ),
                        nonce=form.nonce,
                        consent_version=settings.CONSULTATION_CONSENT_VERSION,
                        language=translation.get_language(),
                    )
                    request.session[SENT_SESSION_KEY] = report.pk
                    return redirect("error_report_sent", point_id=point_id)
            except DatabaseError:
                logger.exception("Error report could not be saved")
                form.add_error(
                    None,
                    _(
                        "Your report could not be saved because of a fault on our side; nothing "
                        "was stored. Your entries are still here: please send again in a few "
                        "minutes."
                    ),
                )
                status = 503
        else:
            status = 400
    else:
        form = ErrorReportForm(point=point)
    return TemplateResponse(
        request,
        "services/error_report.html",
        {
            "form": form,
            "point": page,
            "action": reverse("error_report", args=[point_id]),
        },
        status=status,
    )


@never_cache
def report_sent(request, point_id: int):
    page = get_object_or_404(ServicePoint.objects.live().public(), pk=point_id)
    if not request.session.get(SENT_SESSION_KEY):
        return redirect("error_report", point_id=point_id)
    return TemplateResponse(request, "services/error_report_sent.html", {"point": page})
