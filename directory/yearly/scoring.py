"""Scores, totals and results of the yearly evaluation, and the revocation flag (第十八条).

Result thresholds are documented constants, not settings: they come from the evaluation rules
of the office and change only with them. A total of EXCELLENT_FROM or more is excellent,
PASS_FROM or more is a pass, anything below fails. A point that fails two years running is
flagged for revocation (seed 003 第十八条: 连续两个年度评估不合格的网点，撤销该网点资格).
"""

from decimal import ROUND_HALF_UP, Decimal

from ..models import ServicePoint
from .models import Evaluation, EvaluationCriterion, Measure, Result

EXCELLENT_FROM = Decimal(85)
PASS_FROM = Decimal(60)


def _share(value, target) -> float | None:
    """How much of `target` `value` reaches, between 0 and 1 (None: nothing to measure)."""
    if value is None or not target:
        return None
    return max(0.0, min(1.0, float(value) / float(target)))


def measured_share(measure: str, target, figures: dict, summary=None) -> float | None:
    """The share of full marks the figures earn on one measure; None leaves it to the reviewer."""
    if measure == Measure.SERVICE_VOLUME:
        return _share(figures.get("consultations_total"), target)
    if measure == Measure.ON_TIME:
        return _share(figures.get("answered_on_time_rate"), target)
    if measure == Measure.SATISFACTION:
        return _share(figures.get("mean_rating"), target)
    if measure == Measure.CASES:
        written = len(summary.cases) if summary is not None else 0
        published = figures.get("cases_published") or 0
        return _share(max(written, published), target)
    if measure == Measure.EVENTS:
        return _share(figures.get("events_held"), target)
    if measure == Measure.CHANGE_REPORTING:
        reports = figures.get("change_reports")
        if reports is None:
            return None
        if reports == 0:
            return 1.0  # nothing changed, nothing to report: kept up
        return _share(figures.get("change_reports_approved") or 0, reports)
    if measure == Measure.VERIFICATION:
        overdue = figures.get("verification_overdue_days")
        if overdue is None or not target:
            return None
        return max(0.0, 1.0 - float(overdue) / float(target))
    return None


def suggest_scores(summary, criteria) -> dict[int, float | None]:
    """{criterion id: suggested score (weight × share, one decimal) or None} from the
    summary's figures snapshot."""
    figures = summary.figures if summary is not None else {}
    suggested = {}
    for criterion in criteria:
        share = measured_share(criterion.measure, criterion.target, figures, summary)
        suggested[criterion.pk] = None if share is None else round(criterion.weight * share, 1)
    return suggested


def total_of(scores) -> Decimal:
    total = sum((Decimal(str(score)) for score in scores if score is not None), Decimal(0))
    return total.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def result_for(total: Decimal) -> Result:
    if total >= EXCELLENT_FROM:
        return Result.EXCELLENT
    if total >= PASS_FROM:
        return Result.PASS
    return Result.FAIL


def active_criteria():
    return EvaluationCriterion.objects.filter(active=True)


def flagged_for_revocation(year: int):
    """Active points whose evaluation failed in `year` and in the year before."""
    failed = Evaluation.objects.filter(result=Result.FAIL)
    return (
        ServicePoint.objects.filter(
            pk__in=failed.filter(year=year).values("point_id"),
            status=ServicePoint.Status.ACTIVE,
        )
        .filter(pk__in=failed.filter(year=year - 1).values("point_id"))
        .order_by("title")
    )
