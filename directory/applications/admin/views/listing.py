"""The review queue: priority applications first (第六条), then the longest waiting."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.base import BaseListingView

from ...models import ApplicationStatus
from ...review import queue_counts
from ..access import review_queryset
from ..columns import queue_columns
from ..filters import ApplicationFilterSet
from .base import ReviewMixin

DEFAULT_ORDER = ("-priority", "submitted_at", "pk")


class QueueIndexView(ReviewMixin, BaseListingView):
    template_name = "applications/admin/index.html"
    results_template_name = "applications/admin/index_results.html"
    page_title = _("Recognition applications")
    paginate_by = 25
    is_searchable = True
    filterset_class = ApplicationFilterSet
    verbose_name = _("recognition application")
    verbose_name_plural = _("recognition applications")
    # Only a clicked column header changes the order; without one it is the queue's.
    default_ordering = ""

    @cached_property
    def counts(self):
        return queue_counts()

    @cached_property
    def columns(self):
        return queue_columns(self.url_namespace + ":detail")

    def get_index_url(self):
        return self.url("index")

    def get_index_results_url(self):
        return self.url("index_results")

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "counts": self.counts}

    def get_base_queryset(self):
        return review_queryset()

    def order_queryset(self, queryset):
        if not self.ordering:
            return queryset.order_by(*DEFAULT_ORDER)
        tiebreak = "-pk" if self.ordering.startswith("-") else "pk"
        return queryset.order_by(self.ordering, tiebreak)

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(organisation__icontains=self.search_query.strip())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["draft_count"] = self.counts.get(ApplicationStatus.DRAFT, 0)
        return context
