"""Admin: the annual summaries (point staff and office), the board, the criteria snippets,
the audit-log actions and the dashboard panels."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ..lifecycle.access import is_office
from .access import may_use
from .dashboard import office_panel, point_panel
from .models import EvaluationCriterion
from .views.office import (
    BoardView,
    EvaluateView,
    EvaluationView,
    ExportView,
    FlaggedView,
)
from .views.summary import (
    AttachmentView,
    OpenSummaryView,
    PrintView,
    ReturnView,
    SummaryListView,
    SummaryView,
)


@hooks.register("register_admin_urls")
def register_yearly_urls():
    return [
        path("annual-summaries/", SummaryListView.as_view(), name="yearly_index"),
        path("annual-summaries/board/", BoardView.as_view(), name="yearly_board"),
        path(
            "annual-summaries/board/results/",
            BoardView.as_view(results_only=True),
            name="yearly_board_results",
        ),
        path("annual-summaries/export/", ExportView.as_view(), name="yearly_export"),
        path("annual-summaries/flagged/", FlaggedView.as_view(), name="yearly_flagged"),
        path(
            "annual-summaries/point/<int:point_id>/",
            OpenSummaryView.as_view(),
            name="yearly_open",
        ),
        path("annual-summaries/<int:pk>/", SummaryView.as_view(), name="yearly_summary"),
        path("annual-summaries/<int:pk>/print/", PrintView.as_view(), name="yearly_print"),
        path("annual-summaries/<int:pk>/return/", ReturnView.as_view(), name="yearly_return"),
        path("annual-summaries/<int:pk>/evaluate/", EvaluateView.as_view(), name="yearly_evaluate"),
        path(
            "annual-summaries/<int:pk>/attachments/<int:attachment_id>/",
            AttachmentView.as_view(),
            name="yearly_attachment",
        ),
        path(
            "annual-summaries/evaluations/<int:pk>/",
            EvaluationView.as_view(),
            name="yearly_evaluation",
        ),
    ]


class SummariesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use(request.user)


class OfficeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_office(request.user)


@hooks.register("register_admin_menu_item")
def register_summaries_menu_item():
    return SummariesMenuItem(
        _("Annual summaries"), reverse("yearly_index"), icon_name="doc-full", order=350
    )


@hooks.register("register_reports_menu_item")
def register_board_menu_item():
    return OfficeMenuItem(
        _("Annual summary board"), reverse("yearly_board"), icon_name="table", order=1400
    )


@hooks.register("register_reports_menu_item")
def register_flagged_menu_item():
    return OfficeMenuItem(
        _("Points flagged for revocation"),
        reverse("yearly_flagged"),
        icon_name="warning",
        order=1410,
    )


class EvaluationCriterionViewSet(SnippetViewSet):
    """The office edits the criteria; each evaluation keeps a copy of what it scored against."""

    model = EvaluationCriterion
    icon = "list-ol"
    menu_label = _("Evaluation criteria")
    list_display = ["name", "measure", "weight", "target", "active"]
    list_filter = ["measure", "active"]
    ordering = ["sort_order", "pk"]


register_snippet(EvaluationCriterionViewSet)


@hooks.register("register_log_actions")
def register_yearly_log_actions(actions):
    actions.register_action(
        "yearly.submit", _("Submit annual summary"), _("Annual summary submitted")
    )
    actions.register_action(
        "yearly.return", _("Return annual summary"), _("Annual summary returned for changes")
    )
    actions.register_action("yearly.evaluate", _("Evaluate point"), _("Evaluation recorded"))


@hooks.register("construct_homepage_panels")
def add_yearly_panels(request, panels):
    for panel in (point_panel(request.user), office_panel(request.user)):
        if panel is not None:
            panels.append(panel)
