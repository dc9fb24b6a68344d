"""The office's board of one year: every point owing a summary, and where it stands."""

import datetime

from django.db.models import Case, CharField, Count, OuterRef, Subquery, Value, When

from .dates import State, due_date
from .models import AnnualSummary, Evaluation
from .population import summary_points


def board_rows(year: int, today: datetime.date):
    """The points of `year`, annotated with their summary, its state and their evaluation."""
    summaries = AnnualSummary.objects.filter(point=OuterRef("pk"), year=year)
    evaluations = Evaluation.objects.filter(point=OuterRef("pk"), year=year)
    not_handed_in = State.LATE if today > due_date(year) else State.MISSING
    return summary_points(year).annotate(
        summary_id=Subquery(summaries.values("pk")[:1]),
        summary_status=Subquery(summaries.values("status")[:1]),
        submitted_at=Subquery(summaries.values("submitted_at")[:1]),
        evaluation_id=Subquery(evaluations.values("pk")[:1]),
        evaluation_result=Subquery(evaluations.values("result")[:1]),
        evaluation_total=Subquery(evaluations.values("total")[:1]),
        state=Case(
            When(summary_status__in=AnnualSummary.HANDED_IN, then=Value(State.SUBMITTED.value)),
            default=Value(not_handed_in.value),
            output_field=CharField(),
        ),
    )


def state_counts(rows) -> dict[str, int]:
    counts = dict(rows.order_by().values_list("state").annotate(n=Count("pk")))
    return {state.value: counts.get(state.value, 0) for state in State}


def evaluations_to_do(year: int) -> int:
    """Handed-in summaries of `year` without an evaluation."""
    evaluated = Evaluation.objects.filter(year=year).values("point_id")
    return (
        AnnualSummary.objects.for_year(year)
        .handed_in()
        .filter(point__in=summary_points(year))
        .exclude(point_id__in=evaluated)
        .count()
    )
