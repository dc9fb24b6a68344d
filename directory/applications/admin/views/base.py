"""What every review view shares: the office check before anything is read, the URL names."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..access import require_reviewer

URL_NAMESPACE = "applications_review"


class ReviewMixin:
    url_namespace = URL_NAMESPACE
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        require_reviewer(request.user)
        self.setup_object()
        return super().dispatch(request, *args, **kwargs)

    def setup_object(self):
        """Load the view's application (404 when missing); views without one do nothing."""

    def url(self, name, *args):
        return reverse(f"{self.url_namespace}:{name}", args=args)


class ReviewPageMixin(ReviewMixin, WagtailAdminTemplateMixin):
    """An admin page below "Recognition applications" in the breadcrumbs."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.url("index"), "label": _("Recognition applications")},
            {"url": "", "label": self.get_page_title()},
        ]
