from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CalendarDay, ServiceItem


class ServiceItemViewSet(SnippetViewSet):
    model = ServiceItem
    icon = "tasks"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "code", "tier", "sort_order"]
    list_filter = ["tier", "locale"]
    search_fields = ["name", "description"]


register_snippet(ServiceItemViewSet)


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    icon = "date"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["date", "name", "is_working_day"]
    list_filter = ["is_working_day"]
    ordering = ["-date"]


register_snippet(CalendarDayViewSet)
