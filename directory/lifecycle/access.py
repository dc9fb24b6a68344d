"""Who may see and decide what in a point's life: the IP office, a point's staff, applicants.

The office (the Editors and Moderators groups, and superusers) holds `lifecycle.manage_points`
and sees every point's change reports, verifications, summaries, evaluations and decisions.
A point's staff are the members of its staff group (ServicePoint.staff_group) and see only their
own points' records. The rules are plain functions so that every admin view, chooser, report
and API asks the same question.
"""

from django.db.models import QuerySet

from ..models import ServicePoint

OFFICE_GROUPS = ("Editors", "Moderators")
OFFICE_PERMISSION = "lifecycle.manage_points"


def is_office(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(OFFICE_PERMISSION))
    )


def user_point_ids(user) -> frozenset[int]:
    """Ids of the (default-locale, non-alias) points whose staff group `user` is in."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_lifecycle_point_ids", None)
    if cached is None:
        cached = frozenset(
            ServicePoint.objects.filter(staff_group__user=user, alias_of__isnull=True).values_list(
                "pk", flat=True
            )
        )
        user._lifecycle_point_ids = cached
    return cached


def scope_to_points(user, queryset: QuerySet, field: str = "point") -> QuerySet:
    """`queryset` cut to what `user` may see: all for the office, own points' for staff."""
    if is_office(user):
        return queryset
    return queryset.filter(**{f"{field}_id__in": user_point_ids(user)})


def can_act_for_point(user, point_id: int | None) -> bool:
    return is_office(user) or (point_id is not None and point_id in user_point_ids(user))
