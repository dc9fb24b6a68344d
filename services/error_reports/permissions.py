"""Who may see and handle error reports: a point's staff their own points', the office all.

A permission policy rather than Django model permissions, because "only your own point's" is
not a model permission, and because every point's staff group then has the right without a
change to the groups: belonging to a point's staff is what grants it. Nobody adds reports in
the admin (they come from the public form); only the office may delete one (spam).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from directory.lifecycle.access import is_office

from ..models import ErrorReport
from ..staff import is_office_staff, staff_point_ids

STAFF_ACTIONS = {"view", "change"}
OFFICE_ACTIONS = {"view", "change", "delete"}


def is_report_office(user) -> bool:
    return bool(user.is_active and (is_office_staff(user) or is_office(user)))


def visible_reports(user, queryset=None):
    queryset = ErrorReport.objects.all() if queryset is None else queryset
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if is_report_office(user):
        return queryset
    return queryset.filter(point_id__in=staff_point_ids(user))


class ErrorReportPermissionPolicy(BasePermissionPolicy):
    def __init__(self):
        super().__init__(ErrorReport)

    def _actions(self, user) -> set[str]:
        if not user.is_authenticated or not user.is_active:
            return set()
        if is_report_office(user):
            return OFFICE_ACTIONS
        return STAFF_ACTIONS if staff_point_ids(user) else set()

    def user_has_permission(self, user, action):
        return action in self._actions(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return is_report_office(user) or instance.point_id in staff_point_ids(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not set(actions) & self._actions(user):
            return ErrorReport.objects.none()
        return visible_reports(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not set(actions) & OFFICE_ACTIONS:
            return users.none()
        office = Q(is_superuser=True) | Q(
            groups__permissions__codename__in=("handle_all_consultations", "manage_points")
        )
        if set(actions) & STAFF_ACTIONS:
            office |= Q(groups__service_points__isnull=False)
        return users.filter(office).distinct()
