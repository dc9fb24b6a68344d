"""The office's "Change reports" screen: every point's reports, old → new, approve or reject.

Point staff see their own points' reports here, read-only.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from ...models import ServicePoint
from ..access import is_office, scope_to_points, user_point_ids
from ..models import ChangeReport
from ..reports import ReportActionError, approve_report, reject_report


def visible_points(request):
    points = ServicePoint.objects.filter(alias_of__isnull=True).order_by("title")
    if is_office(request.user):
        return points
    return points.filter(pk__in=user_point_ids(request.user))


class ChangeReportFilterSet(WagtailFilterSet):
    point = django_filters.ModelChoiceFilter(label=_("point"), queryset=visible_points)
    status = django_filters.ChoiceFilter(
        label=_("status"), choices=ChangeReport.Status.choices, empty_label=_("All")
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("submitted at"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ChangeReport
        fields = ["point", "status", "submitted_at"]


class ChangedFactsColumn(Column):
    def get_value(self, instance):
        return "、".join(instance.changed_labels)


class ChangeReportIndexView(IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("point", "submitted_by")
        return scope_to_points(self.request.user, queryset)


class ChangeReportInspectView(InspectView):
    template_name = "lifecycle/admin/change_report.html"

    def get_object(self, queryset=None):
        reports = scope_to_points(self.request.user, ChangeReport.objects.select_related("point"))
        return get_object_or_404(reports, pk=self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        page = report.point.specific
        office = is_office(self.request.user)
        context.update(
            {
                "report": report,
                "can_decide": office and report.status == ChangeReport.Status.PENDING,
                "can_publish": office
                and page.permissions_for_user(self.request.user).can_publish(),
                "approve_url": reverse("lifecycle_change_reports:approve", args=[report.pk]),
                "reject_url": reverse("lifecycle_change_reports:reject", args=[report.pk]),
                "summary_url": reverse("lifecycle_point", args=[report.point_id]),
            }
        )
        return context


class DecideView(View):
    """POST only; office only. Errors come back as messages on the report's page."""

    http_method_names = ["post"]

    def post(self, request, pk):
        if not is_office(request.user):
            raise PermissionDenied
        report = get_object_or_404(ChangeReport.objects.select_related("point"), pk=pk)
        detail = reverse("lifecycle_change_reports:inspect", args=[report.pk])
        try:
            self.decide(request, report)
        except ReportActionError as error:
            messages.error(request, str(error))
        return redirect(detail)


class ApproveView(DecideView):
    def decide(self, request, report):
        approve_report(report, request.user)
        messages.success(request, _("Approved: the change is published."))


class RejectView(DecideView):
    def decide(self, request, report):
        comment = request.POST.get("comment", "").strip()
        if not comment:
            raise ReportActionError(_("Say why the change is rejected: the point reads it."))
        reject_report(report, request.user, comment)
        messages.success(request, _("Rejected: the point's staff see your comment."))


class ChangeReportViewSet(ModelViewSet):
    model = ChangeReport
    name = "lifecycle_change_reports"
    url_prefix = "lifecycle/change-reports"
    icon = "doc-full"
    menu_label = _("Change reports")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = ChangeReportIndexView
    inspect_view_class = ChangeReportInspectView
    inspect_view_enabled = True
    filterset_class = ChangeReportFilterSet
    # No add or edit view is routed (get_urlpatterns); ModelViewSet still asks for a form.
    form_fields = ["comment"]
    list_display = [
        "point",
        ChangedFactsColumn("changes", label=_("changed facts")),
        Column("status", label=_("status"), accessor="get_status_display"),
        DateColumn("submitted_at", label=_("submitted at"), sort_key="submitted_at"),
        Column("submitted_by", label=_("submitted by"), accessor="submitted_by"),
    ]
    ordering = ["-submitted_at"]

    # Only the listing, the report and the two actions: records change by moderation, not by
    # a generic edit form, and their history is the page's own (the audit log).
    KEPT = frozenset({"index", "index_results", "inspect"})

    def get_urlpatterns(self):
        kept = [p for p in super().get_urlpatterns() if p.name in self.KEPT]
        return [
            *kept,
            path("<int:pk>/approve/", ApproveView.as_view(), name="approve"),
            path("<int:pk>/reject/", RejectView.as_view(), name="reject"),
        ]
