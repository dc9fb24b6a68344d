"""The recognising offices (认定机构) as a snippet, for the office only."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import RecognisingOffice


class RecognisingOfficeViewSet(SnippetViewSet):
    model = RecognisingOffice
    icon = "site"
    menu_label = _("Recognising offices")
    menu_name = "recognising_offices"
    url_prefix = "applications/offices"
    list_display = ["name", "region", "level", "min_full_time_staff", "directory", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("region"), FieldPanel("level")]),
        FieldPanel("min_full_time_staff"),
        FieldPanel("directory"),
        FieldRowPanel([FieldPanel("is_active"), FieldPanel("sort_order")]),
    ]
