"""Admin: the query log reports under Reports, in place of Wagtail's superuser-only one."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from services.staff import is_office_staff

from .admin_views import EmptyQueriesReportView, PopularQueriesReportView


@hooks.register("register_admin_urls")
def register_query_report_urls():
    return [
        path("reports/searches/", PopularQueriesReportView.as_view(), name="site_search_popular"),
        path(
            "reports/searches/results/",
            PopularQueriesReportView.as_view(results_only=True),
            name="site_search_popular_results",
        ),
        path(
            "reports/searches-without-results/",
            EmptyQueriesReportView.as_view(),
            name="site_search_empty",
        ),
        path(
            "reports/searches-without-results/results/",
            EmptyQueriesReportView.as_view(results_only=True),
            name="site_search_empty_results",
        ),
    ]


class OfficeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_office_staff(request.user)


@hooks.register("register_reports_menu_item")
def register_popular_queries_menu_item():
    return OfficeMenuItem(
        _("Popular searches"), reverse("site_search_popular"), icon_name="search", order=1310
    )


@hooks.register("register_reports_menu_item")
def register_empty_queries_menu_item():
    return OfficeMenuItem(
        _("Searches without results"), reverse("site_search_empty"), icon_name="search", order=1320
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms(request, menu_items):
    # Wagtail's "Search terms" counts hits this site does not record (the log is ours, without
    # personal data); two reports of the same thing would disagree.
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
