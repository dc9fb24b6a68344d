"""Admin: "Draft a publicity notice", the office's start of a 公示 of recognised points.

`admin/notices/publicity/new/` (`notices_draft_publicity`): a form asks for the recognition
dates to include, the issuing authority, the length of the period in working days and the
objection channel; it drafts an unpublished NoticePage listing every point recognised in those
dates (publicity.draft_recognition_notice) and opens it in the page editor for review. Only the
IP office (directory.lifecycle.access.is_office) may use it; anyone else gets 403, and the menu
item and the notice index's header button are shown only to the office.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from directory.applications.models import RecognisingOffice
from directory.lifecycle.access import is_office

from .publicity import (
    DEFAULT_WORKING_DAYS,
    ObjectionChannel,
    draft_recognition_notice,
    notice_index,
    recognised_points,
)


class PublicityNoticeForm(forms.Form):
    office = forms.ModelChoiceField(
        label=gettext_lazy("Recognising office"),
        queryset=RecognisingOffice.objects.all(),
        required=False,
        help_text=gettext_lazy("Its name is the issuing authority and its region the scope."),
    )
    issuing_authority = forms.CharField(
        label=gettext_lazy("Issuing authority"),
        max_length=120,
        required=False,
        help_text=gettext_lazy("When no office is chosen, or to name it otherwise."),
    )
    recognised_from = forms.DateField(
        label=gettext_lazy("Points recognised from"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    recognised_until = forms.DateField(
        label=gettext_lazy("Points recognised until"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    working_days = forms.IntegerField(
        label=gettext_lazy("Publicity period (working days)"),
        min_value=1,
        max_value=30,
        initial=DEFAULT_WORKING_DAYS,
        help_text=gettext_lazy(
            "From today, in working days of the working calendar (public holidays skipped)."
        ),
    )
    objection_contact = forms.CharField(
        label=gettext_lazy("Objections: contact"), max_length=120, required=False
    )
    objection_email = forms.EmailField(label=gettext_lazy("Objections: e-mail"), required=False)
    objection_phone = forms.CharField(
        label=gettext_lazy("Objections: phone"), max_length=40, required=False
    )
    objection_address = forms.CharField(
        label=gettext_lazy("Objections: address"), max_length=255, required=False
    )

    def clean(self):
        data = super().clean()
        first, last = data.get("recognised_from"), data.get("recognised_until")
        if first and last and last < first:
            self.add_error("recognised_until", _("The last recognition date is before the first."))
        if not (data.get("office") or (data.get("issuing_authority") or "").strip()):
            self.add_error(
                "issuing_authority", _("Choose the recognising office or name the authority.")
            )
        channel = ("objection_contact", "objection_email", "objection_phone", "objection_address")
        given = any((data.get(name) or "").strip() for name in channel)
        if not given and not any(name in self.errors for name in channel):
            self.add_error(
                "objection_contact",
                _(
                    "Give at least one way to raise an objection: contact, e-mail, phone or address."
                ),
            )
        if first and last and not self.errors:
            self.points = list(recognised_points(first, last))
            if not self.points:
                self.add_error(
                    "recognised_from",
                    _("No point was recognised from %(first)s to %(last)s.")
                    % {"first": first.isoformat(), "last": last.isoformat()},
                )
        return data


class DraftPublicityNoticeView(WagtailAdminTemplateMixin, FormView):
    form_class = PublicityNoticeForm
    template_name = "home/admin/draft_publicity_notice.html"
    page_title = gettext_lazy("Draft a publicity notice")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not is_office(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        today = timezone.localdate()
        office = RecognisingOffice.objects.filter(is_active=True).first()
        return {
            "office": office,
            "recognised_from": today.replace(day=1),
            "recognised_until": today,
            "working_days": DEFAULT_WORKING_DAYS,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=reverse("notices_draft_publicity"),
            submit_button_label=_("Draft the notice"),
            submit_button_active_label=_("Drafting…"),
            has_index=notice_index() is not None,
        )
        return context

    def form_invalid(self, form):
        messages.error(self.request, _("The notice could not be drafted: see the errors below."))
        return super().form_invalid(form)

    def form_valid(self, form):
        if notice_index() is None:
            form.add_error(None, _("There is no notice index to add the notice to."))
            return self.form_invalid(form)
        data = form.cleaned_data
        office = data.get("office")
        notice = draft_recognition_notice(
            form.points,
            issuing_authority=data["issuing_authority"].strip() or office.name,
            channel=ObjectionChannel(
                contact=data["objection_contact"].strip(),
                email=data["objection_email"].strip(),
                phone=data["objection_phone"].strip(),
                address=data["objection_address"].strip(),
            ),
            working_days=data["working_days"],
            region=office.region if office else None,
            user=self.request.user,
        )
        messages.success(
            self.request,
            _("Drafted “%(title)s” with %(count)s points: review it, then publish.")
            % {"title": notice.title, "count": len(form.points)},
        )
        return redirect("wagtailadmin_pages:edit", notice.pk)


class OfficeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_office(request.user)
