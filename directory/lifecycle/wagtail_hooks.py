"""Admin wiring of a point's life: screens, menu items, buttons, dashboard, audit-log actions."""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from ..models import ServicePoint
from .access import can_act_for_point, is_office
from .admin.change_reports import ChangeReportViewSet
from .admin.filings import FilingViewSet
from .admin.overdue import OverdueVerificationsView
from .admin.points import ConfirmProfileView, PointDecisionView, PointSummaryView
from .admin.policy import OfficeOnlyPolicy, ReadForStaffPolicy
from .dashboard import homepage_panels
from .models import ChangeReport, Filing
from .reports import after_edit_page

# Model permissions cannot say "only your own point's": the policies ask access.py.
register_permission_policy(ChangeReport, ReadForStaffPolicy(ChangeReport))
register_permission_policy(Filing, OfficeOnlyPolicy(Filing))


@hooks.register("register_admin_viewset")
def register_change_reports():
    return ChangeReportViewSet()


@hooks.register("register_admin_viewset")
def register_filings():
    return FilingViewSet()


@hooks.register("register_admin_urls")
def register_lifecycle_urls():
    return [
        path(
            "lifecycle/points/<int:point_id>/", PointSummaryView.as_view(), name="lifecycle_point"
        ),
        path(
            "lifecycle/points/<int:point_id>/confirm/",
            ConfirmProfileView.as_view(),
            name="lifecycle_confirm",
        ),
        path(
            "lifecycle/points/<int:point_id>/decision/",
            PointDecisionView.as_view(),
            name="lifecycle_point_decision",
        ),
        path(
            "reports/overdue-verifications/",
            OverdueVerificationsView.as_view(),
            name="lifecycle_overdue",
        ),
        path(
            "reports/overdue-verifications/results/",
            OverdueVerificationsView.as_view(results_only=True),
            name="lifecycle_overdue_results",
        ),
    ]


class OfficeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_office(request.user)


@hooks.register("register_reports_menu_item")
def register_overdue_menu_item():
    return OfficeMenuItem(
        _("Overdue verifications"), reverse("lifecycle_overdue"), icon_name="warning", order=1400
    )


hooks.register("after_edit_page", after_edit_page)
hooks.register("construct_homepage_panels", homepage_panels)


def _point_buttons(page, user, next_url=None):
    if not isinstance(page.specific_deferred, ServicePoint) or page.alias_of_id:
        return
    if not can_act_for_point(user, page.pk):
        return
    confirm = reverse("lifecycle_confirm", args=[page.pk])
    yield Button(
        _("Confirm this profile is correct"),
        confirm + ("?" + urlencode({"next": next_url}) if next_url else ""),
        icon_name="tick",
        priority=80,
    )
    yield Button(
        _("Point lifecycle"),
        reverse("lifecycle_point", args=[page.pk]),
        icon_name="history",
        priority=81,
    )
    if is_office(user):
        yield Button(
            _("Revoke / suspend / reinstate"),
            reverse("lifecycle_point_decision", args=[page.pk]),
            icon_name="warning",
            priority=82,
        )


@hooks.register("register_page_header_buttons")
def point_header_buttons(page, user, view_name=None, next_url=None):
    yield from _point_buttons(page, user, next_url)


@hooks.register("register_log_actions")
def register_lifecycle_log_actions(actions):
    actions.register_action(
        "lifecycle.verify", _("Confirm profile"), _("Profile confirmed as correct")
    )
    actions.register_action(
        "lifecycle.decision", _("Status decision"), _("Status decided by the office")
    )
    actions.register_action(
        "lifecycle.change_report.submit", _("Submit change report"), _("Change report submitted")
    )
    actions.register_action(
        "lifecycle.change_report.approve", _("Approve change report"), _("Change report approved")
    )
    actions.register_action(
        "lifecycle.change_report.reject", _("Reject change report"), _("Change report rejected")
    )
