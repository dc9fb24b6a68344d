"""备案 filing records: office-only, listed on each point's lifecycle summary."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Filing


class FilingCreateView(CreateView):
    def get_initial(self):
        # ?point= from the lifecycle summary's "Add a filing" link.
        initial = super().get_initial()
        if self.request.GET.get("point", "").isdigit():
            initial["point"] = int(self.request.GET["point"])
        return initial


class FilingViewSet(ModelViewSet):
    model = Filing
    name = "lifecycle_filings"
    url_prefix = "lifecycle/filings"
    icon = "folder-open-inverse"
    menu_label = _("Filings")
    menu_order = 311
    add_to_admin_menu = True
    form_fields = ["point", "level", "filed_by", "filed_with", "filed_on", "number", "note"]
    list_display = ["point", "level", "filed_with", "filed_on", "number"]
    list_filter = ["level", "filed_on"]
    search_fields = ["number", "filed_with", "filed_by"]
    ordering = ["-filed_on"]
    copy_view_enabled = False
    add_view_class = FilingCreateView
