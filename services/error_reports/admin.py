"""The error reports in the admin: a ModelViewSet whose every view is cut to the point scope.

Staff of a point see, filter, export and handle their own points' reports; the office sees all.
A report outside the scope answers 404 from every view (edit, delete, history, usage), as the
consultation inbox does: a point's staff must not learn that another point's report exists.
"""

from django import forms
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import ErrorReport
from . import handling
from .permissions import visible_reports

CLOSING_STATUSES = [
    (ErrorReport.Status.FIXED, ErrorReport.Status.FIXED.label),
    (ErrorReport.Status.REJECTED, ErrorReport.Status.REJECTED.label),
]


class HandleForm(forms.ModelForm):
    """Close a report: fixed or rejected, always with a reply (the reporter may read it)."""

    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=CLOSING_STATUSES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose fixed or rejected.")},
    )
    reply = forms.CharField(
        label=_("Reply"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What was changed, or why the profile stays as it is. Sent to the reporter "
            "when they gave an e-mail address."
        ),
        error_messages={"required": _("Write a reply: say what was changed or why not.")},
    )

    class Meta:
        model = ErrorReport
        fields = ["status", "reply"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        if self.instance.is_open:
            self.initial.pop("status", None)

    def clean_reply(self):
        reply = self.cleaned_data["reply"].strip()
        if not reply:
            raise forms.ValidationError(
                _("Write a reply: say what was changed or why not."), code="required"
            )
        return reply


class ScopedObjectMixin:
    """The object named in the URL, from the user's scope only (else 404)."""

    def get_queryset(self):
        return visible_reports(self.request.user).select_related("point", "handled_by")

    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        pk = self.kwargs.get(self.pk_url_kwarg) or self.kwargs.get("pk")
        return get_object_or_404(self.get_queryset(), pk=pk)

    def get_base_object_queryset(self):
        return self.get_queryset()


class ErrorReportIndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_reports(self.request.user).select_related("point")


class ErrorReportEditView(ScopedObjectMixin, generic.EditView):
    template_name = "services/admin/error_reports/edit.html"

    def get_object(self, queryset=None):
        return ScopedObjectMixin.get_object(self, queryset)

    def save_instance(self):
        data = self.form.cleaned_data
        # Fresh from the database: the form has already written the posted values on it.
        report = ErrorReport.objects.get(pk=self.object.pk)
        return handling.handle(report, data["status"], data["reply"], self.request.user)

    def get_success_message(self):
        return _("Report on “%(point)s” marked %(status)s.") % {
            "point": self.object.point.title,
            "status": self.object.get_status_display(),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = self.object
        return context


class ErrorReportDeleteView(ScopedObjectMixin, generic.DeleteView):
    def get_object(self, queryset=None):
        return ScopedObjectMixin.get_object(self, queryset)


class ErrorReportHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ErrorReportUsageView(ScopedObjectMixin, UsageView):
    pass


def _point_title(report):
    return report.point.title


class ErrorReportViewSet(ModelViewSet):
    model = ErrorReport
    name = "error_reports"
    url_prefix = "error-reports"
    icon = "warning"
    menu_label = _("Error reports")
    menu_order = 305
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = ErrorReportIndexView
    edit_view_class = ErrorReportEditView
    delete_view_class = ErrorReportDeleteView
    history_view_class = ErrorReportHistoryView
    usage_view_class = ErrorReportUsageView
    list_filter = ["status", "part"]
    search_fields = ["text", "point__title"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    list_export = ["point", "part", "text", "status", "reply", "created_at", "handled_at"]
    export_headings = {
        "point": _("Point"),
        "part": _("What is wrong"),
        "text": _("Details"),
        "status": _("Status"),
        "reply": _("Reply"),
        "created_at": _("Reported"),
        "handled_at": _("Handled"),
    }
    export_filename = "error-reports"

    @property
    def list_display(self):
        return [
            TitleColumn(
                "point",
                label=_("Point"),
                accessor=_point_title,
                get_url=lambda report: reverse(self.get_url_name("edit"), args=[report.pk]),
            ),
            Column("part", label=_("What is wrong"), accessor="get_part_display"),
            Column("status", label=_("Status"), accessor="get_status_display"),
            DateColumn("created_at", label=_("Reported"), sort_key="created_at"),
        ]

    def get_form_class(self, for_update=False):
        return HandleForm

    @property
    def permission_policy(self):
        from .permissions import ErrorReportPermissionPolicy

        return ErrorReportPermissionPolicy()
