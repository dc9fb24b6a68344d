"""The inbox's routes. A plain ViewSet, not a ModelViewSet: only the routes below exist, so no
generic add, delete, copy, history, usage or inspect view can slip past the scope checks.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from .access import can_use_inbox
from .views.bulk import BulkActionView
from .views.detail import (
    ReplyView,
    RequestDetailView,
    RequestEditView,
    StatusView,
    TransferView,
)
from .views.downloads import AttachmentView, ExportView
from .views.listing import InboxIndexView
from .views.reports import StatisticsView


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_inbox(request.user)


class ConsultationInboxViewSet(ViewSet):
    name = "consultations"
    icon = "mail"
    menu_label = _("Consultations")
    menu_name = "consultations"
    menu_order = 300
    add_to_admin_menu = True
    menu_item_class = InboxMenuItem

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(url_namespace=self.url_namespace, **kwargs)

    def get_urlpatterns(self):
        view = self.construct_view
        return [
            path("", view(InboxIndexView), name="index"),
            path("results/", view(InboxIndexView, results_only=True), name="index_results"),
            path("bulk/", view(BulkActionView), name="bulk"),
            path("export/", view(ExportView), name="export"),
            path("statistics/", view(StatisticsView), name="statistics"),
            path("<int:pk>/", view(RequestDetailView), name="detail"),
            path("<int:pk>/edit/", view(RequestEditView), name="edit"),
            path("<int:pk>/reply/", view(ReplyView), name="reply"),
            path("<int:pk>/status/", view(StatusView), name="status"),
            path("<int:pk>/transfer/", view(TransferView), name="transfer"),
            path("<int:pk>/attachment/", view(AttachmentView), name="attachment"),
        ]
