"""Who may do what on the lifecycle's admin screens, as Wagtail permission policies.

Model permissions cannot say "only your own point's", so the policies ask
directory/lifecycle/access.py; the views scope their querysets with `scope_to_points` as well.
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from ..access import is_office, user_point_ids


class ReadForStaffPolicy(ModelPermissionPolicy):
    """The office and point staff may view (their own, by the views' scoping); nobody adds,
    edits or deletes through the generic views: records change by their own actions."""

    def user_has_permission(self, user, action):
        if action == "view":
            return is_office(user) or bool(user_point_ids(user))
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class OfficeOnlyPolicy(ModelPermissionPolicy):
    """Office only (the filing records, 备案)."""

    def user_has_permission(self, user, action):
        return is_office(user)

    def user_has_any_permission(self, user, actions):
        return is_office(user)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions)
