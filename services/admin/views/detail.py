"""One request: everything about it, its history and replies, and the forms to act on it.

Each action (reply, status, transfer) posts to its own URL. A valid form calls the matching
`services.handling` function and redirects back; an invalid one renders this page again with
the errors next to the fields and the input kept.
"""

from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages

from directory.models import Tier

from ... import handling
from ...models import ConsultationReply, RequestEvent
from ...staff import can_handle, visible_requests
from ..access import get_handleable_request, get_visible_request
from ..columns import point_label
from ..corrections import correct_service
from ..forms import EditForm, ReplyForm, StatusForm, TransferForm
from .base import InboxPageMixin


class RequestDetailView(InboxPageMixin, TemplateView):
    template_name = "services/admin/detail.html"

    def setup_object(self):
        self.object = get_visible_request(self.request.user, self.kwargs["pk"])

    def get_page_title(self):
        return self.object.formatted_code

    def get_page_subtitle(self):
        return self.object.subject

    @property
    def can_handle(self):
        return can_handle(self.request.user, self.object)

    def action_forms(self, **bound):
        """The three action forms, unbound unless one was posted with errors."""
        if not self.can_handle:
            return {}
        user, obj = self.request.user, self.object
        return {
            "reply_form": bound.get("reply_form") or ReplyForm(),
            "status_form": bound.get("status_form") or StatusForm(request_obj=obj),
            "transfer_form": bound.get("transfer_form") or TransferForm(request_obj=obj, user=user),
        }

    def get_context_data(self, **kwargs):
        bound = {key: kwargs.pop(key) for key in list(kwargs) if key.endswith("_form")}
        context = super().get_context_data(**kwargs)
        obj = self.object
        context.update(
            object=obj,
            request_obj=obj,
            point_label=point_label(obj),
            tier_label=dict(Tier.choices).get(obj.tier, obj.tier),
            overdue=obj.is_overdue(timezone.now()),
            can_handle=self.can_handle,
            events=RequestEvent.objects.filter(request=obj).select_related(
                "actor", "from_point", "to_point"
            ),
            replies=ConsultationReply.objects.filter(request=obj).select_related("author", "point"),
            attachment_url=self.url("attachment", obj.pk) if obj.attachment else None,
            edit_url=self.url("edit", obj.pk),
            reply_url=self.url("reply", obj.pk),
            status_url=self.url("status", obj.pk),
            transfer_url=self.url("transfer", obj.pk),
            **self.action_forms(**bound),
        )
        return context


class RequestActionView(RequestDetailView):
    """POST one action form; on errors show the detail page with that form bound."""

    http_method_names = ["post"]
    form_name = None
    error_message = None

    def setup_object(self):
        self.object = get_handleable_request(self.request.user, self.kwargs["pk"])

    def get_form(self):
        raise NotImplementedError

    def perform(self, form) -> str:
        """Do the action; return the success message."""
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            messages.error(request, self.error_message)
            return self.render_to_response(self.get_context_data(**{self.form_name: form}))
        messages.success(request, self.perform(form))
        # After a transfer a point's staff may no longer see the request: back to the list then.
        if visible_requests(request.user).filter(pk=self.object.pk).exists():
            return redirect(self.url("detail", self.object.pk))
        return redirect(self.url("index"))


class ReplyView(RequestActionView):
    form_name = "reply_form"

    @property
    def error_message(self):
        return _("The reply was not sent. Please correct the errors below.")

    def get_form(self):
        return ReplyForm(self.request.POST)

    def perform(self, form):
        handling.reply(
            self.object,
            form.cleaned_data["body"],
            self.request.user,
            close=form.cleaned_data["close"],
        )
        if form.cleaned_data["close"]:
            return _("Reply sent and request closed.")
        return _("Reply sent.")


class StatusView(RequestActionView):
    form_name = "status_form"

    @property
    def error_message(self):
        return _("The status was not changed. Please correct the errors below.")

    def get_form(self):
        return StatusForm(self.request.POST, request_obj=self.object)

    def perform(self, form):
        handling.change_status(
            self.object, form.cleaned_data["status"], self.request.user, form.cleaned_data["note"]
        )
        return _("Status changed to “%(status)s”.") % {"status": self.object.get_status_display()}


class TransferView(RequestActionView):
    form_name = "transfer_form"

    @property
    def error_message(self):
        return _("The request was not transferred. Please correct the errors below.")

    def get_form(self):
        return TransferForm(self.request.POST, request_obj=self.object, user=self.request.user)

    def perform(self, form):
        target = form.cleaned_data["to_point"]
        handling.transfer(self.object, target, self.request.user, form.cleaned_data["note"])
        return _("Request transferred to %(point)s.") % {"point": point_label(self.object)}


class RequestEditView(InboxPageMixin, FormView):
    """Correct the catalogue service (for the ledger) and the status of a request."""

    template_name = "services/admin/edit.html"
    form_class = EditForm

    def setup_object(self):
        self.object = get_handleable_request(self.request.user, self.kwargs["pk"])

    def get_page_title(self):
        return _("Edit %(code)s") % {"code": self.object.formatted_code}

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        detail = {"url": self.url("detail", self.object.pk), "label": self.object.formatted_code}
        return [*items[:-1], detail, items[-1]]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request_obj": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            action_url=self.url("edit", self.object.pk),
            submit_button_label=_("Save"),
            submit_button_active_label=_("Saving…"),
        )
        return context

    def form_valid(self, form):
        obj, user, note = self.object, self.request.user, form.cleaned_data["note"]
        if not (form.service_changed or form.status_changed):
            messages.info(self.request, _("Nothing was changed."))
            return redirect(self.url("detail", obj.pk))
        if form.service_changed:
            # With a status change too, the note goes with the status line.
            correct_service(
                obj, form.cleaned_data["service"], user, "" if form.status_changed else note
            )
        if form.status_changed:
            handling.change_status(obj, form.cleaned_data["status"], user, note)
        messages.success(
            self.request, _("Request %(code)s updated.") % {"code": obj.formatted_code}
        )
        return redirect(self.url("detail", obj.pk))

    def form_invalid(self, form):
        messages.error(
            self.request, _("The request was not saved. Please correct the errors below.")
        )
        return super().form_invalid(form)
