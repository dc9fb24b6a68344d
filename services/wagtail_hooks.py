from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ServiceItem


class ServiceItemViewSet(SnippetViewSet):
    model = ServiceItem
    icon = "tasks"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "code", "tier", "sort_order"]
    list_filter = ["tier", "locale"]
    search_fields = ["name", "description"]


register_snippet(ServiceItemViewSet)
