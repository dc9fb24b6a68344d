"""The notices' share of a point's annual work summary (directory/yearly/figures.py)."""

from django.utils.translation import gettext_lazy as _

from directory.yearly.figures import register_summary_figures

from .models import NoticeRepost

LABELS = {"notices_reposted": _("Notices reposted")}


def notice_figures(point, year: int) -> dict:
    """Office notices `point` reposted in `year` (seed 003 第十三条: points repost them)."""
    reposts = NoticeRepost.objects.filter(point=point, reposted_at__year=year)
    return {"notices_reposted": reposts.count()}


def register() -> None:
    register_summary_figures("notices", notice_figures, labels=LABELS, order=50)
