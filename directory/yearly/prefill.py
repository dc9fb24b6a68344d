"""What the site knows of a point's year, copied into its summary: the profile facts (annex 3
part 1) and the figures of every registered provider (figures.py)."""

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import PointOffering, ServicePoint, Tier
from .figures import gather_figures, register_summary_figures

DIRECTORY_LABELS = {
    "services_offered": _("Services offered"),
    "services_by_tier": _("Services offered by tier"),
    "staff_total": _("Staff in total"),
    "staff_full_time": _("Full-time staff"),
    "staff_part_time": _("Part-time staff"),
}


def directory_figures(point: ServicePoint, year: int) -> dict:
    """The directory's own provider: the published service list and the team."""
    rows = (
        PointOffering.objects.filter(point=point)
        .values("tier", "service__tier")
        .annotate(n=Count("pk"))
    )
    by_tier: dict[str, int] = {}
    for row in rows:
        tier = row["tier"] or row["service__tier"]
        by_tier[tier] = by_tier.get(tier, 0) + row["n"]
    labels = dict(Tier.choices)
    return {
        "services_offered": sum(by_tier.values()),
        "services_by_tier": {str(labels.get(tier, tier)): n for tier, n in sorted(by_tier.items())},
        "staff_total": point.staff_total,
        "staff_full_time": point.staff_full_time,
        "staff_part_time": point.staff_part_time,
    }


def register_directory_figures() -> None:
    register_summary_figures("directory", directory_figures, labels=DIRECTORY_LABELS, order=0)


def profile_facts(point: ServicePoint) -> dict:
    """Part 1 of annex 3 (机构基本情况), as plain strings, in the language of the moment."""
    services: dict[str, list[str]] = {}
    for offering in point.offerings.select_related("service").order_by("sort_order"):
        tier = offering.tier or offering.service.tier
        services.setdefault(str(dict(Tier.choices).get(tier, tier)), []).append(
            offering.service.name
        )
    return {
        "name": point.title,
        "nature": point.get_nature_display(),
        "category": point.category.name,
        "qualifications": [q.name for q in point.qualifications.all()],
        "address": point.address,
        "staff_total": point.staff_total,
        "staff_full_time": point.staff_full_time,
        "staff_part_time": point.staff_part_time,
        "contact_person": point.contact_person,
        "phone": point.phone,
        "email": point.email,
        "website": point.website,
        "wechat_account": point.wechat_account,
        "audiences": [a.name for a in point.audiences.all()],
        "services": services,
    }


FACT_LABELS = {
    "name": _("Name"),
    "nature": _("Nature"),
    "category": _("Category"),
    "qualifications": _("Qualifications"),
    "address": _("Address"),
    "staff_total": _("Staff in total"),
    "staff_full_time": _("Full-time staff"),
    "staff_part_time": _("Part-time staff"),
    "contact_person": _("Contact person"),
    "phone": _("Phone"),
    "email": _("Email"),
    "website": _("Website"),
    "wechat_account": _("WeChat official account"),
    "audiences": _("Audiences"),
    "services": _("Services offered"),
}


def take_snapshot(summary) -> None:
    """Copy the point's facts and the year's figures into `summary` (not saved)."""
    summary.facts = profile_facts(summary.point)
    summary.figures = gather_figures(summary.point, summary.year)
    summary.figures_taken_at = timezone.now()
