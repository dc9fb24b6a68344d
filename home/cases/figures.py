"""The case library's share of a point's annual work summary (directory/yearly/figures.py)."""

from django.utils.translation import gettext_lazy as _

from directory.yearly.figures import register_summary_figures

from .models import CasePage

LABELS = {"cases_published": _("Cases published")}


def case_figures(point, year: int) -> dict:
    """Live cases of `point` (as the point that did the work) first published in `year`; the
    pages of the point's own language, not their translations or aliases."""
    published = CasePage.objects.live().filter(
        point=point,
        locale_id=point.locale_id,
        alias_of__isnull=True,
        first_published_at__year=year,
    )
    return {"cases_published": published.count()}


def register() -> None:
    register_summary_figures("cases", case_figures, labels=LABELS, order=40)
