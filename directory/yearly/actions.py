"""What happens to a summary and an evaluation, as plain functions the views call.

Each step writes Wagtail's audit log (the actions are registered in wagtail_hooks.py), so the
office can see who submitted, returned and evaluated what, and when.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .models import AnnualSummary, Evaluation
from .prefill import take_snapshot


def open_summary(point, year: int) -> AnnualSummary:
    """The point's summary of `year`, created and prefilled on first opening."""
    summary = AnnualSummary.objects.filter(point=point, year=year).first()
    if summary is not None:
        return summary
    summary = AnnualSummary(point=point, year=year)
    take_snapshot(summary)
    with transaction.atomic():
        summary, created = AnnualSummary.objects.get_or_create(
            point=point,
            year=year,
            defaults={
                "facts": summary.facts,
                "figures": summary.figures,
                "figures_taken_at": summary.figures_taken_at,
            },
        )
    return summary


def refresh_figures(summary: AnnualSummary) -> None:
    take_snapshot(summary)
    summary.save(update_fields=["facts", "figures", "figures_taken_at", "updated_at"])


@transaction.atomic
def submit(summary: AnnualSummary, user) -> None:
    """Hand the summary in: the figures are taken again, as of the moment of signing."""
    take_snapshot(summary)
    summary.status = AnnualSummary.Status.SUBMITTED
    summary.submitted_by = user
    summary.submitted_at = timezone.now()
    summary.save()
    log(summary, "yearly.submit", user=user)


@transaction.atomic
def return_summary(summary: AnnualSummary, user, reason: str) -> None:
    summary.status = AnnualSummary.Status.RETURNED
    summary.return_reason = reason
    summary.save(update_fields=["status", "return_reason", "updated_at"])
    log(summary, "yearly.return", user=user, data={"reason": reason})


@transaction.atomic
def save_evaluation(summary: AnnualSummary, user, cleaned: dict) -> Evaluation:
    """Record the office's evaluation of the summary's point and year; accepts the summary."""
    evaluation, _created = Evaluation.objects.update_or_create(
        point=summary.point,
        year=summary.year,
        defaults={
            "summary": summary,
            "scores": cleaned["scores"],
            "total": cleaned["total"],
            "result": cleaned["final_result"],
            "reasons": (cleaned.get("reasons") or "").strip(),
            "reviewer": user,
            "reviewed_at": timezone.now(),
        },
    )
    # A summary never handed in stays a draft: evaluated on the site's figures, not accepted.
    if summary.is_handed_in and summary.status != AnnualSummary.Status.ACCEPTED:
        summary.status = AnnualSummary.Status.ACCEPTED
        summary.save(update_fields=["status", "updated_at"])
    log(evaluation, "yearly.evaluate", user=user, data={"result": evaluation.result})
    return evaluation
