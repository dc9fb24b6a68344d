"""Filters of the review queue (status with counts, priority, office, reviewer, submitted)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from ..models import Application, ApplicationStatus, RecognisingOffice
from ..review import queue_counts, reviewers

# Drafts are the applicant's work in progress: counted for the office, never listed.
QUEUE_STATUSES = [
    (value, label) for value, label in ApplicationStatus.choices if value != ApplicationStatus.DRAFT
]


def _reviewers(request):
    return reviewers()


def status_choices(counts: dict[str, int]) -> list[tuple[str, str]]:
    """Each state with its number of applications: "submitted (3)"."""
    return [(value, f"{label} ({counts.get(value, 0)})") for value, label in QUEUE_STATUSES]


class ApplicationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=QUEUE_STATUSES, empty_label=_("All"), widget=forms.RadioSelect
    )
    priority = django_filters.BooleanFilter(label=_("Priority"), widget=BooleanRadioSelect)
    office = django_filters.ModelChoiceFilter(
        label=_("Recognising office"),
        queryset=RecognisingOffice.objects.all(),
        empty_label=_("All"),
    )
    reviewer = django_filters.ModelChoiceFilter(
        label=_("Reviewer"), queryset=_reviewers, empty_label=_("All"), null_label=_("Nobody")
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Submitted"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Application
        fields = ["status", "priority", "office", "reviewer", "submitted_at"]

    def __init__(self, *args, counts=None, **kwargs):
        super().__init__(*args, **kwargs)
        counts = queue_counts() if counts is None else counts
        self.filters["status"].extra["choices"] = status_choices(counts)
