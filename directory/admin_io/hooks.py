"""Wagtail wiring of the import and export screens (imported by directory/wagtail_hooks.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ..lifecycle.access import is_office
from .views import EXPORT_ACTION, IMPORT_ACTION, PointsExportView, PointsImportView


@hooks.register("register_admin_urls")
def register_points_io_urls():
    return [
        path("directory/points/io/", PointsImportView.as_view(), name="directory_points_io"),
        path(
            "directory/points/export/", PointsExportView.as_view(), name="directory_points_export"
        ),
    ]


class OfficeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_office(request.user)


@hooks.register("register_admin_menu_item")
def register_points_io_menu_item():
    return OfficeMenuItem(
        _("Import and export points"),
        reverse("directory_points_io"),
        icon_name="table",
        order=305,
    )


@hooks.register("register_log_actions")
def register_points_io_log_actions(actions):
    actions.register_action(IMPORT_ACTION, _("Import points"), _("Points imported from a file"))
    actions.register_action(EXPORT_ACTION, _("Export points"), _("Points exported to a file"))
