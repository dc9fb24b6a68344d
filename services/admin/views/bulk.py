"""Bulk status changes from the list: all or nothing, and only within the user's scope."""

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request

from ... import handling
from ...staff import can_handle, visible_requests
from ..forms import BulkForm
from .base import InboxMixin


def requests_in_scope(user, raw_ids):
    """The requests named by `raw_ids`, or Http404 if any one is malformed or out of scope.

    One id the user may not handle spoils the whole action: changing the rest would tell
    them which ids exist elsewhere.
    """
    try:
        ids = {int(value) for value in raw_ids}
    except (TypeError, ValueError):
        raise Http404 from None
    found = list(visible_requests(user).filter(pk__in=ids).order_by("pk"))
    if len(found) != len(ids) or not all(can_handle(user, obj) for obj in found):
        raise Http404
    return found


class BulkActionView(InboxMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        found = requests_in_scope(request.user, request.POST.getlist("ids"))
        back = get_valid_next_url_from_request(request) or self.url("index")
        form = BulkForm(request.POST)
        if not found:
            messages.error(request, _("Select at least one request."))
            return redirect(back)
        if not form.is_valid():
            messages.error(request, _("Choose an action for the selected requests."))
            return redirect(back)
        with transaction.atomic():
            changed = sum(
                handling.change_status(obj, form.status, request.user) is not None for obj in found
            )
        messages.success(
            request,
            ngettext(
                "%(count)d request set to “%(status)s”.",
                "%(count)d requests set to “%(status)s”.",
                changed,
            )
            % {"count": changed, "status": form.status.label},
        )
        return redirect(back)
