"""What the yearly admin views share: the access check before anything is looked up."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..access import require_office, require_use


def current_year() -> int:
    return timezone.localdate().year


def year_from(request, default: int | None = None) -> int:
    """The ?year= of the request when it is a sensible year, else this year."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return default or current_year()
    return year if 2000 <= year <= current_year() + 1 else (default or current_year())


class YearlyMixin:
    header_icon = "doc-full"
    office_only = False

    def dispatch(self, request, *args, **kwargs):
        (require_office if self.office_only else require_use)(request.user)
        self.setup_object()
        return super().dispatch(request, *args, **kwargs)

    def setup_object(self):
        """Load the view's object (in scope, or 404); views without one do nothing."""


class YearlyPageMixin(YearlyMixin, WagtailAdminTemplateMixin):
    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("yearly_index"), "label": _("Annual summaries")},
            {"url": "", "label": self.get_page_title()},
        ]
