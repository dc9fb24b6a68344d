"""The office's review of recognition applications in the admin (directory/applications/admin)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin.access import OfficeOnlyPolicy
from .admin.panels import ApplicationsPanel
from .admin.viewset import RecognitionViewSetGroup
from .models import RecognisingOffice
from .review import LOG_ACTIONS, can_review

# Before the snippet viewset registers: it would otherwise make Django's model-permission
# policy, which point staff could be granted by mistake.
register_permission_policy(RecognisingOffice, OfficeOnlyPolicy(RecognisingOffice))


@hooks.register("register_admin_viewset")
def register_review_viewsets():
    return RecognitionViewSetGroup()


@hooks.register("register_log_actions")
def register_application_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("construct_homepage_panels")
def add_applications_panel(request, panels):
    if can_review(request.user):
        panels.append(ApplicationsPanel())
