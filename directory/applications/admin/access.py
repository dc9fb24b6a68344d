"""Who may open the review screens, and how one application is looked up.

Only the office reviews. Point staff and applicants (who have no admin access until approved)
are refused before anything is read: PermissionDenied, which the admin turns into its usual
"no permission" redirect. An id that does not exist answers 404.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.permission_policies.base import BasePermissionPolicy

from ..models import Application, ApplicationStatus
from ..review import can_review, reviewers


def require_reviewer(user) -> None:
    if not can_review(user):
        raise PermissionDenied


def review_queryset():
    """What the office works on: every application except drafts (those are only counted)."""
    return Application.objects.exclude(status=ApplicationStatus.DRAFT).select_related(
        "office", "reviewer", "applicant", "category", "province", "city"
    )


def get_application(pk) -> Application:
    return get_object_or_404(review_queryset(), pk=pk)


class OfficeOnlyPolicy(BasePermissionPolicy):
    """Every action on the model for the office (reviewers), none for anyone else.

    The recognising offices are the office's own settings: Django's per-model permissions
    would have to be granted to each group by hand, and point staff must never hold them.
    """

    def user_has_permission(self, user, action):
        return can_review(user)

    def user_has_any_permission(self, user, actions):
        return can_review(user)

    def users_with_any_permission(self, actions):
        return reviewers()

    def users_with_permission(self, action):
        return reviewers()

    def user_has_permission_for_instance(self, user, action, instance):
        return can_review(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return can_review(user)

    def instances_user_has_any_permission_for(self, user, actions):
        objects = self.model._default_manager.all()
        return objects if can_review(user) else objects.none()

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def users_with_any_permission_for_instance(self, actions, instance):
        return reviewers()

    def users_with_permission_for_instance(self, action, instance):
        return reviewers()
