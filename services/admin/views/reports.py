"""Yearly statistics of a point's consultations (or of all the user's points)."""

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from ...staff import visible_requests
from ..access import filter_by_point
from ..forms import StatisticsForm
from .base import InboxPageMixin


def first_year(queryset):
    first = queryset.aggregate(first=Min("submitted_at"))["first"]
    return timezone.localtime(first).year if first else None


class StatisticsView(InboxPageMixin, TemplateView):
    template_name = "services/admin/statistics.html"
    page_title = _("Consultation statistics")

    def get(self, request, *args, **kwargs):
        user = request.user
        scope = visible_requests(user)
        # Out-of-scope point: 404 before anything is counted.
        queryset = filter_by_point(user, scope, request.GET.get("point"))
        form = StatisticsForm(self.form_data(), user=user, first_year=first_year(scope))
        stats = year = None
        if form.is_valid():
            from ...statistics import point_year_statistics

            year = form.cleaned_data["year"]
            stats = point_year_statistics(queryset, year)
        context = self.get_context_data(
            form=form,
            year=year,
            stats=stats,
            scope_label=self.scope_label(form) if stats else "",
            on_time_percent=round(stats.on_time_share * 100)
            if stats and stats.on_time_share is not None
            else None,
            action_url=self.url("statistics"),
        )
        return self.render_to_response(context)

    def form_data(self):
        """The query string, with this year when none is given (the page's first view)."""
        data = self.request.GET.copy()
        data.setdefault("year", str(timezone.localdate().year))
        return data

    @staticmethod
    def scope_label(form):
        """The chosen point's name (or "all points") from the form's own choices."""
        chosen = form.cleaned_data.get("point", "")
        for value, label in form.fields["point"].choices:
            options = label if isinstance(label, list | tuple) else [(value, label)]
            for option_value, option_label in options:
                if option_value == chosen:
                    return option_label
        return ""
