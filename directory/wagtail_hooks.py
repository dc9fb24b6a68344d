from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

# The office's import and export screens register their own URLs, menu item and log actions.
from .admin_io import hooks as admin_io_hooks  # noqa: F401
from .models import Audience, NodeLevel, PointCategory, Qualification, Region, ServiceItem


class PointCategoryViewSet(SnippetViewSet):
    model = PointCategory
    icon = "folder-open-inverse"
    list_display = ["name", "code", "parent", "sort_order"]
    list_filter = ["locale"]
    search_fields = ["name"]


class QualificationViewSet(SnippetViewSet):
    model = Qualification
    icon = "success"
    list_display = ["name", "code", "sort_order"]
    list_filter = ["locale"]


class NodeLevelViewSet(SnippetViewSet):
    model = NodeLevel
    icon = "site"
    list_display = ["name", "code", "sort_order"]
    list_filter = ["locale"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "code", "sort_order"]
    list_filter = ["locale"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "name_en", "adcode", "level", "parent", "slug"]
    list_filter = ["level", "locale"]
    search_fields = ["name", "name_en"]
    list_per_page = 50


class DirectoryReferenceGroup(SnippetViewSetGroup):
    menu_label = _("Directory vocabularies")
    menu_icon = "list-ul"
    menu_order = 300
    items = (
        PointCategoryViewSet,
        QualificationViewSet,
        NodeLevelViewSet,
        AudienceViewSet,
        RegionViewSet,
    )


register_snippet(DirectoryReferenceGroup)


class ServiceItemViewSet(SnippetViewSet):
    model = ServiceItem
    icon = "tasks"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "code", "tier", "sort_order"]
    list_filter = ["tier", "locale"]
    search_fields = ["name", "description"]


register_snippet(ServiceItemViewSet)
