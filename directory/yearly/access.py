"""The yearly views' questions to directory/lifecycle/access.py, in one place."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from ..lifecycle.access import can_act_for_point, is_office, scope_to_points, user_point_ids
from ..models import ServicePoint
from .models import AnnualSummary, Evaluation


def may_use(user) -> bool:
    """Office, or staff of at least one point."""
    return is_office(user) or bool(user_point_ids(user))


def require_use(user) -> None:
    if not may_use(user):
        raise PermissionDenied


def require_office(user) -> None:
    if not is_office(user):
        raise PermissionDenied


def visible_summaries(user):
    return scope_to_points(user, AnnualSummary.objects.select_related("point"))


def visible_evaluations(user):
    return scope_to_points(user, Evaluation.objects.select_related("point", "summary"))


def get_summary(user, pk) -> AnnualSummary:
    """The summary, or 404 when it is not the user's to see (no hint that it exists)."""
    return get_object_or_404(visible_summaries(user), pk=pk)


def get_point(user, point_id) -> ServicePoint:
    if not can_act_for_point(user, int(point_id)):
        raise_404()
    return get_object_or_404(ServicePoint, pk=point_id, alias_of__isnull=True)


def raise_404():
    from django.http import Http404

    raise Http404
