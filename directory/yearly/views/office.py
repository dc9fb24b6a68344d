"""The office's side: the board of a year, the export, the evaluation, the revocation report."""

import django_filters
from django.contrib import messages
from django.db.models import IntegerField, Value
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from ...models import ServicePoint
from .. import actions
from ..access import get_summary, require_office, visible_evaluations
from ..board import board_rows, evaluations_to_do, state_counts
from ..dates import State, can_be_evaluated, due_date
from ..export import summaries_workbook
from ..forms import EvaluationForm
from ..models import Result
from ..scoring import (
    EXCELLENT_FROM,
    PASS_FROM,
    active_criteria,
    flagged_for_revocation,
    suggest_scores,
)
from .base import YearlyMixin, YearlyPageMixin, current_year, year_from


def _years():
    return [(year, str(year)) for year in range(current_year(), current_year() - 6, -1)]


def _year_choices():
    return [(str(year), label) for year, label in _years()]


class BoardFilterSet(WagtailFilterSet):
    # The year chooses the annotation (board_rows), not a WHERE: the filter only shows it.
    year = django_filters.ChoiceFilter(
        label=gettext_lazy("Year"), choices=_year_choices, method="keep", empty_label=None
    )
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("Summary"), choices=State.choices, empty_label=gettext_lazy("All")
    )
    evaluated = django_filters.ChoiceFilter(
        label=gettext_lazy("Evaluation"),
        choices=[("no", gettext_lazy("to do")), ("yes", gettext_lazy("done"))],
        method="filter_evaluated",
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = ServicePoint
        fields = ["year", "state", "evaluated"]

    def keep(self, queryset, name, value):
        return queryset

    def filter_evaluated(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(evaluation_id__isnull=False)
        return queryset.filter(evaluation_id__isnull=True, state=State.SUBMITTED)


def _summary_url(row):
    if row.summary_id:
        return reverse("yearly_summary", args=[row.summary_id])
    # No summary yet: opening it creates the prefilled draft, so that a late point can still be
    # evaluated on what the site knows (and fail, for 第十八条) without handing anything in.
    return f"{reverse('yearly_open', args=[row.pk])}?year={row.board_year}"


class StateColumn(Column):
    def get_value(self, instance):
        return State(instance.state).label


class ResultColumn(Column):
    def get_value(self, instance):
        if not instance.evaluation_result:
            return "—"
        return f"{Result(instance.evaluation_result).label} ({instance.evaluation_total})"


class BoardView(YearlyMixin, ReportView):
    """Every active point of a year with its summary submitted, late or missing."""

    office_only = True
    page_title = gettext_lazy("Annual summary board")
    header_icon = "table"
    template_name = "yearly/admin/board.html"
    index_url_name = "yearly_board"
    index_results_url_name = "yearly_board_results"
    filterset_class = BoardFilterSet
    is_searchable = True
    search_fields = ["title"]
    columns = [
        TitleColumn("title", label=gettext_lazy("Service point"), get_url=_summary_url),
        Column("category", label=gettext_lazy("Category")),
        StateColumn("state", label=gettext_lazy("Summary")),
        DateColumn("submitted_at", label=gettext_lazy("Submitted")),
        ResultColumn("evaluation_result", label=gettext_lazy("Evaluation")),
    ]
    list_export = ["title", "state", "submitted_at", "evaluation_result", "evaluation_total"]

    def get_base_queryset(self):
        self.year = year_from(self.request)
        return (
            board_rows(self.year, timezone.localdate())
            .select_related("category")
            .annotate(board_year=Value(self.year, output_field=IntegerField()))
        )

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        data = kwargs.get("data")
        if data is not None and "year" not in data:
            data = data.copy()
            data["year"] = str(self.year)
            kwargs["data"] = data
        return kwargs

    def get_queryset(self):
        return self.search_queryset(self.get_base_queryset())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.year
        board = reverse("yearly_board")
        counts = state_counts(self.get_base_queryset())
        context.update(
            year=year,
            due=due_date(year),
            counts=[
                (State(state).label, count, f"{board}?year={year}&state={state}", state)
                for state, count in counts.items()
            ],
            to_evaluate=evaluations_to_do(year),
            to_evaluate_url=f"{board}?year={year}&evaluated=no",
            export_url=f"{reverse('yearly_export')}?year={year}",
            flagged_url=f"{reverse('yearly_flagged')}?year={year}",
        )
        return context


class ExportView(YearlyMixin, View):
    """Every summary of a year, one row per point, as an XLSX workbook (office only)."""

    office_only = True
    http_method_names = ["get"]

    def get(self, request):
        year = year_from(request)
        content = summaries_workbook(year)
        response = HttpResponse(
            content,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="annual-summaries-{year}.xlsx"'
        return response


class EvaluateView(YearlyPageMixin, TemplateView):
    """The office scores a handed-in summary against the criteria and records the result."""

    office_only = True
    template_name = "yearly/admin/evaluate.html"

    def setup_object(self):
        self.summary = get_summary(self.request.user, self.kwargs["pk"])
        self.criteria = list(active_criteria())
        self.suggested = suggest_scores(self.summary, self.criteria)
        self.evaluation = self.summary.point.evaluations.filter(year=self.summary.year).first()

    def get_page_title(self):
        return _("Evaluate %(year)s") % {"year": self.summary.year}

    def get_page_subtitle(self):
        return self.summary.point.title

    def form(self, data=None):
        return EvaluationForm(
            data, criteria=self.criteria, suggested=self.suggested, evaluation=self.evaluation
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request, *args, **kwargs):
        if not can_be_evaluated(self.summary, timezone.localdate()):
            messages.error(
                request,
                _(
                    "Only a submitted summary, or one not handed in by its due date, can be evaluated."
                ),
            )
            return redirect("yearly_summary", self.summary.pk)
        form = self.form(request.POST)
        if not form.is_valid():
            messages.error(
                request, _("The evaluation could not be saved. Please correct the errors below.")
            )
            return self.render_to_response(self.get_context_data(form=form))
        evaluation = actions.save_evaluation(self.summary, request.user, form.cleaned_data)
        messages.success(
            request,
            _("Evaluation saved: %(result)s (%(total)s).")
            % {"result": evaluation.get_result_display(), "total": evaluation.total},
        )
        return redirect("yearly_evaluation", evaluation.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            summary=self.summary,
            excellent_from=EXCELLENT_FROM,
            pass_from=PASS_FROM,
            weights=sum(c.weight for c in self.criteria),
            **kwargs,
        )


class EvaluationView(YearlyPageMixin, TemplateView):
    """An evaluation, read-only: the point's staff see their own, the office every one."""

    template_name = "yearly/admin/evaluation.html"

    def setup_object(self):
        from django.shortcuts import get_object_or_404

        self.evaluation = get_object_or_404(
            visible_evaluations(self.request.user), pk=self.kwargs["pk"]
        )

    def get_page_title(self):
        return _("Evaluation %(year)s") % {"year": self.evaluation.year}

    def get_page_subtitle(self):
        return self.evaluation.point.title

    def get_context_data(self, **kwargs):
        scores = sorted(
            self.evaluation.scores.values(),
            key=lambda row: (row.get("order", 0), row.get("name", "")),
        )
        return super().get_context_data(evaluation=self.evaluation, scores=scores, **kwargs)


def decision_url(point) -> str | None:
    """The lifecycle's decision page for `point`, once that app provides it."""
    try:
        return reverse("lifecycle_point_decision", args=[point.pk])
    except NoReverseMatch:
        return None


class FlaggedView(YearlyPageMixin, TemplateView):
    """Points that failed their evaluation two years running (第十八条), for a decision."""

    office_only = True
    template_name = "yearly/admin/flagged.html"
    page_title = gettext_lazy("Points flagged for revocation")

    def get_context_data(self, **kwargs):
        require_office(self.request.user)
        year = year_from(self.request)
        points = [
            {"point": point, "decision_url": decision_url(point)}
            for point in flagged_for_revocation(year).select_related("category")
        ]
        return super().get_context_data(
            year=year, previous=year - 1, points=points, years=_years(), **kwargs
        )
