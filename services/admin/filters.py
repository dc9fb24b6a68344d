"""Filters of the inbox list, read from the query string (status, overdue, point, dates)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from ..models import OPEN_STATUSES, ConsultationRequest, Status
from ..staff import is_office_staff
from .access import source_points


def _points(request):
    return source_points().order_by("title")


class ConsultationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    # "Open" is three statuses (new, in progress, transferred): the dashboard's count links here.
    open = django_filters.BooleanFilter(
        label=_("Open"), method="filter_open", widget=BooleanRadioSelect
    )
    overdue = django_filters.BooleanFilter(
        label=_("Overdue"), method="filter_overdue", widget=BooleanRadioSelect
    )
    # Office staff only (removed for point staff in __init__): point staff see only their own.
    point = django_filters.ModelChoiceFilter(
        label=_("Point"),
        queryset=_points,
        empty_label=_("All"),
        null_label=_("IP office central inbox"),
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Submitted"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ConsultationRequest
        fields = ["status", "open", "overdue", "point", "submitted_at"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is None or not is_office_staff(request.user):
            self.filters.pop("point")

    def filter_open(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.open() if value else queryset.exclude(status__in=OPEN_STATUSES)

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))
