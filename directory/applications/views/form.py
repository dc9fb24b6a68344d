"""The applicant's own application: overview, one page per section, submission, files.

A draft is saved whatever it lacks; a format error re-shows the page with everything typed,
and the fields that were fine (files included) are kept, so nothing entered is lost.
"""

from django.contrib import messages
from django.db import transaction
from django.forms.models import construct_instance
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import ModelLogEntry

from .. import conditions, sections, submission
from ..files import application_files, serve_private_file
from ..forms.widgets import link_files
from ..models import Application, ApplicationStatus, ReviewComment
from .access import applicant_required, own_application

# The office's internal steps stay internal: the applicant sees what happened to them.
PUBLIC_ACTIONS = {
    "applications.submit",
    "applications.resubmit",
    "applications.start_review",
    "applications.site_visit",
    "applications.return",
    "applications.approve",
    "applications.reject",
}


def open_comments(application: Application):
    """The office's comments the applicant is asked to answer (this round's, unresolved)."""
    if application.status != ApplicationStatus.RETURNED:
        return ReviewComment.objects.none()
    return application.comments.filter(round=application.round, resolved=False)


def _url_for(application):
    return lambda name: reverse("applications:file", args=[application.pk, name])


def _build(page, application, data=None, files=None):
    form = formset = None
    if page.form is not None:
        form = page.form(data, files, application=application)
        link_files(form, _url_for(application))
    if page.formset is not None:
        formset = page.formset(data, files, instance=application, prefix=page.section.value)
        if not application.is_editable:
            formset.extra = 0
        for part in formset.forms:
            link_files(part, _url_for(application))
    return form, formset


def _read_only(form, formset) -> None:
    for each in ([form] if form else []) + (list(formset.forms) if formset else []):
        for field in each.fields.values():
            field.disabled = True


def _render(request, application, page, form, formset, *, status=200, files_lost=False):
    comments = open_comments(application).filter(section=page.section)
    following = sections.next_section(page.section)
    return TemplateResponse(
        request,
        "applications/public/section.html",
        {
            "application": application,
            "page": page,
            "section": page.section,
            "form": form,
            "formset": formset,
            "comments": comments,
            "next_section": following,
            "pages": sections.PAGES,
            "editable": application.is_editable,
            "has_errors": bool(
                (form is not None and form.errors)
                or (formset is not None and (formset.total_error_count()))
            ),
            "files_lost": files_lost,
        },
        status=status,
    )


@applicant_required
@require_http_methods(["GET", "POST"])
def section(request, pk: int, section: str):
    application = own_application(request, pk)
    page = sections.page_for(section)
    if page is None:
        raise Http404
    if request.method == "POST":
        if not application.is_editable:
            messages.error(request, _("This application is with the office and cannot be changed."))
            return redirect("applications:overview", pk=application.pk)
        return _save(request, application, page)
    form, formset = _build(page, application)
    if not application.is_editable:
        _read_only(form, formset)
    return _render(request, application, page, form, formset)


def _save(request, application, page):
    form, formset = _build(page, application, request.POST, request.FILES)
    form_ok = form is None or form.is_valid()
    formset_ok = formset is None or formset.is_valid()
    if form_ok and formset_ok:
        with transaction.atomic():
            if form is not None:
                form.save()
            if formset is not None:
                formset.save()
            application.save(update_fields=["updated_at"])
        following = sections.next_section(page.section)
        if request.POST.get("action") == "continue":
            messages.success(request, _("Saved."))
            if following is not None:
                return redirect("applications:section", pk=application.pk, section=following)
            return redirect("applications:submit", pk=application.pk)
        messages.success(request, _("Draft saved. You can come back to it at any time."))
        return redirect("applications:section", pk=application.pk, section=page.section)
    if form is not None:
        form = _keep_what_is_valid(request, application, page, form, form_ok)
    files_lost = bool(formset is not None and not formset_ok and request.FILES)
    fresh = Application.objects.select_related("office").get(pk=application.pk)
    return _render(request, fresh, page, form, formset, status=400, files_lost=files_lost)


def _keep_what_is_valid(request, application, page, form, form_ok):
    """Save the fields that passed their checks; the returned form shows the rest as typed.

    The form is built again on the saved application, without the uploads just stored, so a
    stored file is listed as stored rather than asked for again.
    """
    kept = form.valid_fields()
    fresh = Application.objects.get(pk=application.pk)
    if hasattr(form, "save") and not hasattr(form, "_meta"):
        form.save(fields=kept)  # the services form replaces the tiers whose choice is valid
    else:
        many = {field.name for field in Application._meta.many_to_many}
        construct_instance(form, fresh, fields=[name for name in kept if name not in many])
        fresh.save()
        for name in kept:
            if name in many:
                getattr(fresh, name).set(form.cleaned_data[name])
    if form_ok:
        return form
    files = request.FILES.copy()
    for name in kept:
        files.pop(form.add_prefix(name), None)
    again = page.form(request.POST, files, application=fresh)
    link_files(again, _url_for(fresh))
    again.is_valid()
    return again


@applicant_required
def overview(request, pk: int):
    application = own_application(request, pk)
    comments = list(open_comments(application))
    found = conditions.problems(application)
    rows = [
        {
            "page": page,
            "problems": found.get(page.section, []),
            "comments": [c for c in comments if c.section == page.section],
        }
        for page in sections.PAGES
    ]
    history = (
        ModelLogEntry.objects.for_instance(application)
        .filter(action__in=PUBLIC_ACTIONS)
        .order_by("timestamp", "pk")
    )
    return TemplateResponse(
        request,
        "applications/public/overview.html",
        {
            "application": application,
            "rows": rows,
            "ready": not found,
            "comments": comments,
            "return_note": _return_note(application),
            "history": history,
            "decided": application.status
            in (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED),
        },
    )


def _return_note(application) -> str:
    if application.status != ApplicationStatus.RETURNED:
        return ""
    entry = (
        ModelLogEntry.objects.for_instance(application)
        .filter(action="applications.return")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return (entry.data or {}).get("note", "") if entry else ""


@applicant_required
@require_http_methods(["GET", "POST"])
def submit(request, pk: int):
    application = own_application(request, pk)
    if not application.is_editable:
        return redirect("applications:overview", pk=application.pk)
    status = 200
    found = conditions.problems(application)
    if request.method == "POST":
        try:
            submission.submit(application, user=request.user)
        except submission.NotReady as error:
            found = error.problems
            status = 400
        else:
            messages.success(
                request,
                _("Your application is submitted. We sent a receipt to your e-mail address."),
            )
            return redirect("applications:overview", pk=application.pk)
    groups = [(page, found[page.section]) for page in sections.PAGES if page.section in found]
    return TemplateResponse(
        request,
        "applications/public/submit.html",
        {"application": application, "groups": groups, "ready": not found},
        status=status,
    )


@applicant_required
def download(request, pk: int, name: str):
    application = own_application(request, pk)
    field_file = application_files(application).get(name)
    if field_file is None:
        raise Http404
    return serve_private_file(request, field_file)
