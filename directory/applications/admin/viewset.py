"""The review's routes. A plain ViewSet, not a ModelViewSet: only these routes exist, so no
generic add, edit, delete or copy view of an application can slip past the office check (the
applicant edits through the public form; the office acts only through the actions)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from ..review import can_review
from .offices import RecognisingOfficeViewSet
from .views import actions
from .views.base import URL_NAMESPACE
from .views.detail import ApplicationDetailView
from .views.files import ApplicationFileView
from .views.listing import QueueIndexView


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return can_review(request.user)


class ApplicationReviewViewSet(ViewSet):
    name = URL_NAMESPACE
    url_prefix = "applications"
    icon = "form"
    menu_label = _("Applications")
    menu_name = "recognition_applications_queue"
    menu_item_class = ReviewMenuItem

    def get_urlpatterns(self):
        view = self.construct_view
        return [
            path("", view(QueueIndexView), name="index"),
            path("results/", view(QueueIndexView, results_only=True), name="index_results"),
            path("<int:pk>/", view(ApplicationDetailView), name="detail"),
            path("<int:pk>/file/", view(ApplicationFileView), name="file"),
            path("<int:pk>/start/", view(actions.StartReviewView), name="start_review"),
            path("<int:pk>/site-visit/", view(actions.SiteVisitView), name="site_visit"),
            path("<int:pk>/comment/", view(actions.CommentView), name="comment"),
            path("<int:pk>/return/", view(actions.ReturnView), name="return"),
            path("<int:pk>/approve/", view(actions.ApproveView), name="approve"),
            path("<int:pk>/reject/", view(actions.RejectView), name="reject"),
        ]


class RecognitionViewSetGroup(ViewSetGroup):
    """The office's menu: the review queue and the offices that recognise points."""

    menu_label = _("Recognition applications")
    menu_icon = "form"
    menu_name = "recognition_applications"
    menu_order = 310
    items = (ApplicationReviewViewSet, RecognisingOfficeViewSet)
