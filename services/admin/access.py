"""Scope checks shared by every inbox view.

Out-of-scope objects answer 404, never 403: a point's staff must not learn that another point's
request exists. A user who may not use the inbox at all gets PermissionDenied, which Wagtail's
admin turns into its usual "no permission" redirect.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.models import Locale

from directory.models import ServicePoint

from ..staff import can_handle, is_office_staff, staff_point_ids, visible_requests

# The query-string value that means "the IP office's central inbox" (requests without a point).
CENTRAL = "central"


def can_use_inbox(user) -> bool:
    return user.is_active and (
        is_office_staff(user) or user.has_perm("services.view_consultationrequest")
    )


def require_inbox(user):
    if not can_use_inbox(user):
        raise PermissionDenied


def scoped_requests(user):
    """Visible requests with what the list and detail pages show fetched in the same query."""
    return visible_requests(user).select_related("point", "service", "city")


def get_visible_request(user, pk):
    return get_object_or_404(scoped_requests(user), pk=pk)


def get_handleable_request(user, pk):
    request_obj = get_visible_request(user, pk)
    if not can_handle(user, request_obj):
        # Visible but read-only (view permission without change): existence is no secret here.
        raise PermissionDenied
    return request_obj


def source_points():
    """Default-locale, non-alias point pages: the ones requests and staff belong to."""
    return ServicePoint.objects.filter(alias_of__isnull=True, locale=Locale.get_default())


def transfer_targets():
    """Points a request may be passed to: live, active, default-locale originals."""
    return (
        source_points()
        .live()
        .filter(status=ServicePoint.Status.ACTIVE)
        .select_related("province")
        .order_by("province__adcode", "title")
    )


def scope_points(user):
    """Points whose requests the user may filter by: every point for the office, else theirs."""
    points = source_points().select_related("province").order_by("province__adcode", "title")
    if is_office_staff(user):
        return points
    return points.filter(pk__in=staff_point_ids(user))


def point_choices(points, *, central=False, all_label=None):
    """Select choices grouped by province; values are point ids as strings."""
    choices = []
    if all_label is not None:
        choices.append(("", all_label))
    if central:
        choices.append((CENTRAL, _("IP office central inbox")))
    groups = {}
    for point in points:
        province = point.province.name if point.province_id else ""
        groups.setdefault(province, []).append((str(point.pk), point.title))
    choices.extend(groups.items())
    return choices


def filter_by_point(user, queryset, raw_value):
    """Narrow `queryset` to one point named in the query string, or 404 if outside the scope.

    An empty value means every point in scope. A point the user does not serve answers 404
    rather than an empty result, so nobody can probe other points' activity.
    """
    raw_value = (raw_value or "").strip()
    if not raw_value:
        return queryset
    if raw_value == CENTRAL:
        if not is_office_staff(user):
            raise Http404
        return queryset.filter(point__isnull=True)
    try:
        point_id = int(raw_value)
    except ValueError:
        raise Http404 from None
    if not scope_points(user).filter(pk=point_id).exists():
        raise Http404
    return queryset.filter(point_id=point_id)
