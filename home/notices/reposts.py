"""Reposting: point staff repost office notices to their point's profile; the notice lists its reposting points."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from directory.models import ServicePoint
from directory.panels import register_profile_panel as register
from home.core.locales import localized_pages, source_page
from services.staff import is_office_staff, staff_point_ids

from .models import NoticePage, NoticeRepost

# --- Reposting -------------------------------------------------------------------------------


def repostable_notices():
    """The live notices points may repost: the default-locale originals, newest first."""
    return (
        NoticePage.objects.live()
        .filter(locale=Locale.get_default(), alias_of__isnull=True)
        .order_by("-publication_date", "-first_published_at", "-pk")
    )


def repostable_points(user):
    """The points `user` may repost for: every point for the office, their own otherwise."""

    points = ServicePoint.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
    if is_office_staff(user):
        return points
    return points.filter(pk__in=staff_point_ids(user))


def can_repost(user, point: ServicePoint) -> bool:
    return repostable_points(user).filter(pk=source_page(point).pk).exists()


def repost(notice: NoticePage, point: ServicePoint, user=None) -> tuple[NoticeRepost, bool]:
    """Repost `notice` to `point` (idempotent); returns (repost, created).

    Permission is the caller's business (see `can_repost`); only a live notice can be reposted.
    """
    notice, point = source_page(notice), source_page(point)
    if not notice.live:
        raise ValidationError(_("Only a published notice can be reposted."))
    existing = NoticeRepost.objects.filter(notice=notice, point=point).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            return NoticeRepost.objects.create(notice=notice, point=point, reposted_by=user), True
    except IntegrityError:  # a double click that raced past the check above
        return NoticeRepost.objects.get(notice=notice, point=point), False


def remove_repost(notice: NoticePage, point: ServicePoint) -> bool:
    """Undo a repost; True if there was one."""
    deleted, _ = NoticeRepost.objects.filter(
        notice=source_page(notice), point=source_page(point)
    ).delete()
    return bool(deleted)


def reposted_notices(point: ServicePoint, limit: int = 10) -> list[NoticePage]:
    """The live notices `point` reposted, newest publication first, in the point's locale."""
    source = source_page(point)
    notices = (
        NoticePage.objects.live()
        .public()
        .filter(reposts__point=source)
        .select_related("region")
        .order_by("-publication_date", "-reposts__reposted_at", "-pk")[:limit]
    )
    return localized_pages(notices, point.locale)


def reposting_points(notice: NoticePage) -> list[ServicePoint]:
    """The live points that reposted `notice`, earliest repost first, in the notice's locale."""
    points = (
        ServicePoint.objects.live()
        .filter(notice_reposts__notice=source_page(notice))
        .order_by("notice_reposts__reposted_at", "pk")
    )
    return localized_pages(points, notice.locale)


def register_profile_panel() -> None:
    """A point's profile lists the notices it reposted (directory/panels.py)."""

    def context(point, request):
        notices = reposted_notices(point)
        return {"point_notices": notices} if notices else None

    register(
        "point-notices",
        slot="main",
        template="home/includes/point_notices.html",
        context=context,
        order=30,
    )
