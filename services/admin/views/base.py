"""What every inbox view shares: the inbox permission check and the viewset's URL names."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..access import require_inbox


class InboxMixin:
    """Refuse users who may not use the inbox before anything is looked up."""

    url_namespace = "consultations"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        require_inbox(request.user)
        self.setup_object()
        return super().dispatch(request, *args, **kwargs)

    def setup_object(self):
        """Load the view's request (in scope, or 404); views without one do nothing."""

    def url(self, name, *args):
        return reverse(f"{self.url_namespace}:{name}", args=args)


class InboxPageMixin(InboxMixin, WagtailAdminTemplateMixin):
    """An admin page below "Consultations" in the breadcrumbs."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.url("index"), "label": _("Consultations")},
            {"url": "", "label": self.get_page_title()},
        ]
