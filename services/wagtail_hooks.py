from wagtail import hooks
from wagtail.models import AbstractPage
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_scope import (
    ScopedPagePermissionPolicy,
    scope_choosable_pages,
    scope_user_filters,
)
from .error_reports.permissions import ErrorReportPermissionPolicy
from .models import CalendarDay, ErrorReport

# The point scope (services/admin_scope.py) for every page model: replaces Wagtail's default
# page policy, which every admin listing, report, the admin API and the audit log ask.
register_permission_policy(AbstractPage, ScopedPagePermissionPolicy())
register_permission_policy(ErrorReport, ErrorReportPermissionPolicy())
scope_user_filters()


@hooks.register("construct_page_chooser_queryset")
def choose_only_visible_pages(pages, request):
    """The page chooser (browse and search): own pages and public ones, for point staff."""
    return scope_choosable_pages(request.user, pages)


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    icon = "date"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["date", "name", "is_working_day"]
    list_filter = ["is_working_day"]
    ordering = ["-date"]


register_snippet(CalendarDayViewSet)


@hooks.register("register_admin_viewset")
def register_consultation_inbox():
    from .admin.viewset import ConsultationInboxViewSet

    return ConsultationInboxViewSet()


@hooks.register("register_admin_urls")
def register_point_staff_urls():
    from django.urls import path

    from .staff_admin import PointStaffView, StaffIndexView

    return [
        path("point-staff/", StaffIndexView.as_view(), name="point_staff_index"),
        path("point-staff/<int:point_id>/", PointStaffView.as_view(), name="point_staff"),
    ]


@hooks.register("register_settings_menu_item")
def register_point_staff_menu_item():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.menu import MenuItem

    from .staff import is_office_staff

    class OfficeOnlyMenuItem(MenuItem):
        def is_shown(self, request):
            return is_office_staff(request.user)

    return OfficeOnlyMenuItem(
        _("Point staff"), reverse("point_staff_index"), icon_name="group", order=250
    )


@hooks.register("register_admin_viewset")
def register_error_reports():
    from .error_reports.admin import ErrorReportViewSet

    return ErrorReportViewSet()


@hooks.register("register_admin_viewset")
def register_point_chooser():
    # The directory's chooser, registered here: the directory's own hooks belong to its team.
    from directory.choosers import point_chooser_viewset

    return point_chooser_viewset


@hooks.register("register_log_actions")
def register_error_report_actions(actions):
    from django.utils.translation import gettext_lazy as _

    from .error_reports.handling import FIXED_ACTION, REJECTED_ACTION, REPORTED_ACTION

    actions.register_action(REPORTED_ACTION, _("Error reported"), _("Error reported by a visitor"))
    actions.register_action(FIXED_ACTION, _("Marked fixed"), _("Error report marked fixed"))
    actions.register_action(REJECTED_ACTION, _("Marked rejected"), _("Error report rejected"))


@hooks.register("construct_homepage_panels")
def add_consultation_panels(request, panels):
    from .dashboard import add_panels

    add_panels(request, panels)
