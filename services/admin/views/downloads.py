"""Files leaving the inbox: a request's attachment and the ledger (台账) of a period."""

import os

from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from ...staff import visible_requests
from ..access import filter_by_point, get_visible_request
from ..forms import ExportForm
from .base import InboxMixin, InboxPageMixin


class AttachmentView(InboxMixin, View):
    """Stream an attachment from private storage, after the scope check; never inline."""

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        obj = get_visible_request(request.user, self.kwargs["pk"])
        if not obj.attachment:
            raise Http404
        try:
            handle = obj.attachment.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        filename = obj.attachment_name or os.path.basename(obj.attachment.name)
        response = FileResponse(handle, as_attachment=True, filename=filename)
        # The asker chose the file: the browser must not guess it is HTML or script, and were it
        # ever shown, it runs nothing and loads nothing (django-csp keeps a header already set).
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        return response


class ExportView(InboxPageMixin, TemplateView):
    """The ledger of the visible requests submitted in a period, as CSV or Excel."""

    template_name = "services/admin/export.html"
    page_title = _("Export ledger")

    def get(self, request, *args, **kwargs):
        if not request.GET:
            return self.render_to_response(
                self.get_context_data(form=ExportForm(user=request.user))
            )
        # A point outside the scope is 404, not an empty file: nothing to learn by probing.
        queryset = filter_by_point(
            request.user, visible_requests(request.user), request.GET.get("point")
        )
        form = ExportForm(request.GET, user=request.user)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        from ...ledger import ledger_response

        start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        queryset = queryset.filter(
            submitted_at__date__gte=start, submitted_at__date__lte=end
        ).order_by("submitted_at", "pk")
        filename = f"consultations-{start:%Y%m%d}-{end:%Y%m%d}"
        return ledger_response(queryset, form.cleaned_data["format"], filename)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_url": self.url("export")}
