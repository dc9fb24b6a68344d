"""Reports for the office: the most searched queries, and the queries that found nothing.

Both read the query log (models.LoggedQuery, SEARCH_QUERY_LOG_DAYS days at most), summed over
its days; a language filter tells the Chinese site's queries from the English site's. Shown to
the IP office (services.staff.is_office_staff), who act on them: pin results for a popular
query (Settings → Promoted search results), write the page a fruitless query was looking for.
"""

import django_filters
from django.conf import settings
from django.db.models import Max, Sum
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView

from services.staff import is_office_staff

from .models import LoggedQuery


class QueryLogFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All")
    )

    class Meta:
        model = LoggedQuery
        fields = ["language"]


class QueryLogReportView(ReportView):
    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]
    filterset_class = QueryLogFilterSet
    columns = [
        Column("query_string", label=_("Query"), sort_key="query_string"),
        NumberColumn("searches", label=_("Searches"), sort_key="searches"),
        NumberColumn("empty", label=_("Without results"), sort_key="empty"),
        DateColumn("last", label=_("Last searched"), sort_key="last"),
    ]
    list_export = ["query_string", "searches", "empty", "last"]
    export_headings = {
        "query_string": _("Query"),
        "searches": _("Searches"),
        "empty": _("Without results"),
        "last": _("Last searched"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_office_staff(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    def rows(self, queryset):
        return queryset.values("query_string").annotate(
            searches=Sum("searches"), empty=Sum("empty"), last=Max("date")
        )

    def get_base_queryset(self):
        return LoggedQuery.objects.all()

    def get_queryset(self):
        # The language filter (ReportView.get_filtered_queryset) narrows the rows before they
        # are summed: it is not an aggregate, so it stays in WHERE.
        return self.order_queryset(self.rows(self.search_queryset(self.get_base_queryset())))


class PopularQueriesReportView(QueryLogReportView):
    page_title = _("Popular searches")
    default_ordering = "-searches"
    index_url_name = "site_search_popular"
    index_results_url_name = "site_search_popular_results"


class EmptyQueriesReportView(QueryLogReportView):
    page_title = _("Searches without results")
    default_ordering = "-empty"
    index_url_name = "site_search_empty"
    index_results_url_name = "site_search_empty_results"

    def get_base_queryset(self):
        return LoggedQuery.objects.filter(empty__gt=0)
