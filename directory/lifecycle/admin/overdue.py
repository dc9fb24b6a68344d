"""The office's "Overdue verifications" report (Reports menu)."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from ..access import is_office
from ..verification import overdue_points


@dataclass
class OverdueRow:
    pk: int
    title: str
    due: datetime.date
    days_overdue: int
    last_verified_at: datetime.datetime | None

    @property
    def url(self) -> str:
        return reverse("lifecycle_point", args=[self.pk])


class OverdueVerificationsView(ReportView):
    page_title = _("Overdue verifications")
    header_icon = "warning"
    index_url_name = "lifecycle_overdue"
    index_results_url_name = "lifecycle_overdue_results"
    columns = [
        TitleColumn("title", label=_("point"), get_url=lambda row: row.url),
        DateColumn("due", label=_("due date")),
        NumberColumn("days_overdue", label=_("days overdue")),
        DateColumn("last_verified_at", label=_("last confirmed")),
    ]
    list_export = ["title", "due", "days_overdue", "last_verified_at"]
    export_headings = {
        "title": _("point"),
        "due": _("due date"),
        "days_overdue": _("days overdue"),
        "last_verified_at": _("last confirmed"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_office(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        today = timezone.localdate()
        return [
            OverdueRow(p.pk, p.title, due, (today - due).days, p.last_verified_at)
            for p, due in overdue_points(today)
        ]

    def get_filtered_queryset(self):
        return self.get_queryset()
