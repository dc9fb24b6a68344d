"""The inbox list: the user's requests, newest first, overdue ones marked and counted."""

import re

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.widgets.button import HeaderButton

from ...models import TRACKING_LENGTH
from ..access import scoped_requests
from ..columns import InboxColumns, InboxTable
from ..filters import ConsultationFilterSet
from ..forms import BulkForm
from .base import InboxMixin

BULK_FORM_ID = "consultation-bulk"


def search_requests(queryset, query: str):
    """Tracking code (typed with or without dashes, any case) or words of the subject."""
    query = query.strip()
    code = re.sub(r"[\s-]", "", query).upper()
    condition = Q(subject__icontains=query)
    if code and len(code) <= TRACKING_LENGTH:
        condition |= Q(tracking_code__contains=code)
    return queryset.filter(condition)


class InboxIndexView(InboxMixin, BaseListingView):
    template_name = "services/admin/index.html"
    results_template_name = "services/admin/index_results.html"
    page_title = _("Consultations")
    paginate_by = 25
    is_searchable = True
    filterset_class = ConsultationFilterSet
    default_ordering = "-submitted_at"
    verbose_name = _("consultation request")
    verbose_name_plural = _("consultation requests")

    @cached_property
    def now(self):
        return timezone.now()

    @cached_property
    def columns(self):
        return InboxColumns(self.url_namespace + ":detail", BULK_FORM_ID).columns

    def get_index_url(self):
        return self.url("index")

    def get_index_results_url(self):
        return self.url("index_results")

    def get_base_queryset(self):
        return scoped_requests(self.request.user)

    def order_queryset(self, queryset):
        # The pk breaks ties so that pages never repeat or skip a row.
        tiebreak = "-pk" if self.ordering.startswith("-") else "pk"
        return queryset.order_by(self.ordering, tiebreak)

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search_requests(queryset, self.search_query)

    def get_table(self, object_list):
        return InboxTable(
            self.columns,
            object_list,
            now=self.now,
            attrs={"id": "consultations-table"},
            **self.get_table_kwargs(),
        )

    @property
    def header_buttons(self):
        return [
            HeaderButton(_("Export ledger"), url=self.url("export"), icon_name="download"),
            HeaderButton(_("Statistics"), url=self.url("statistics"), icon_name="table"),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            overdue_count=scoped_requests(self.request.user).overdue(self.now).count(),
            overdue_url=self.url("index") + "?overdue=true",
            bulk_url=self.url("bulk"),
            bulk_form_id=BULK_FORM_ID,
            bulk_actions=BulkForm.base_fields["action"].choices,
            next_url=self.list_url_with_query(),
        )
        return context

    def list_url_with_query(self):
        """The full list's URL with the current filters: where a bulk action returns to."""
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        return self.url("index") + (f"?{query.urlencode()}" if query else "")
