"""Columns of the review queue."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn


def queue_columns(detail_url_name: str) -> list:
    return [
        TitleColumn(
            "organisation",
            label=_("Organisation"),
            accessor=str,
            get_url=lambda obj: reverse(detail_url_name, args=[obj.pk]),
            get_title_id=lambda obj: f"application_{obj.pk}_title",
        ),
        Column(
            "priority",
            label=_("Priority"),
            accessor=lambda obj: _("Priority (第六条)") if obj.priority else "",
        ),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda obj: obj.is_waiting,
        ),
        Column("office", label=_("Recognising office")),
        DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
        Column("round", label=_("Round")),
        Column("reviewer", label=_("Reviewer"), accessor=lambda obj: obj.reviewer or "—"),
    ]
