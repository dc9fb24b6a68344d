"""Two of Wagtail's reports, cut to the pages the user may see (services/admin_scope.py).

Wagtail offers no hook for these: the page-types usage report counts every page of each type and
names the last edited one, whoever may see it (for point staff, another point's draft case), and
the site-history report's user filter names every user with a page log entry. The middleware
(services/admin_guard.py) answers those reports' URLs with these subclasses for point staff.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, Subquery
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page

from .admin_scope import scope_pages


class ScopedPageTypesUsageReportView(PageTypesUsageReportView):
    def get_queryset(self):
        # Wagtail's get_queryset, with the annotation below in place of its own.
        queryset = ContentType.objects.filter(model__in=self.page_models)
        page_type = ContentType.objects.get_for_model(Page)
        if not Page.objects.filter(depth__gt=1, content_type=page_type).exists():
            queryset = queryset.exclude(id=page_type.id)
        self.queryset = queryset
        queryset = self.filter_queryset(queryset)
        visible = scope_pages(self.request.user, Page.objects.all())
        language_code = self.filters.form.cleaned_data.get("page_locale", None)
        site_root_path = self.filters.form.cleaned_data.get("site", None)
        latest = visible.filter(content_type=OuterRef("pk"))
        counted = Q(pages__in=visible.values("pk"))
        if language_code:
            latest = latest.filter(locale__language_code=language_code)
            counted &= Q(pages__locale__language_code=language_code)
        if site_root_path:
            latest = latest.filter(path__startswith=site_root_path)
            counted &= Q(pages__path__startswith=site_root_path)
        latest = latest.order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        # Same names as Wagtail's annotation, so that the template and ordering are unchanged.
        return queryset.annotate(
            count=Count("pages", filter=counted, distinct=True),
            last_edited_page_id=Subquery(latest.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        # Wagtail's filter lists every user with a page log entry anywhere: other points'
        # staff by name. Only those of the entries the user may see (Wagtail's own helper).
        return get_users_for_filter(self.request.user)


class ScopedLogEntriesView(LogEntriesView):
    """The site-history report; its entries already come from the scoped page policy."""

    filterset_class = ScopedSiteHistoryFilterSet


# Wagtail's report URL names (namespace wagtailadmin_reports) answered by the scoped views.
SCOPED_REPORTS = {
    "page_types_usage": ScopedPageTypesUsageReportView,
    "site_history": ScopedLogEntriesView,
}
