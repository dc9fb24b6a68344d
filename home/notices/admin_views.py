"""Admin: "Notices to repost", where a point's staff repost office notices with one click.

- `admin/notices/repost/` (`notices_to_repost`): the recent live notices, 20 a page, each with a
  "Repost to <point>" button per point the user serves (or "Reposted" and "Remove repost").
  IP-office users (`services.staff.is_office_staff`) choose the point to act for with `?point=`.
  `?pending=1` lists only the notices not yet reposted to every one of those points.
- `admin/notices/repost/<notice id>/` (`notice_repost`, POST only): `point` (id) and
  `action` (`repost` or `remove`). A point the user does not serve, or a notice that is not a
  live default-locale notice, answers 404.

Users with no point and no office role get 403; the menu item is shown only to users who can
use the page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from services.staff import is_office_staff, staff_point_ids

from .models import NoticeRepost
from .reposts import remove_repost, repost, repostable_notices, repostable_points

PER_PAGE = 20


def _may_repost(user) -> bool:

    return bool(staff_point_ids(user)) or is_office_staff(user)


def _require_reposter(user) -> None:
    if not _may_repost(user):
        raise PermissionDenied


class NoticesToRepostView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/admin/notices_to_repost.html"
    page_title = gettext_lazy("Notices to repost")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        _require_reposter(request.user)
        return super().dispatch(request, *args, **kwargs)

    def acting_points(self):
        """(points to show buttons for, all points the user may choose from or None)."""

        user = self.request.user
        own = list(
            repostable_points(user)
            .filter(pk__in=staff_point_ids(user))
            .select_related("city")
            .order_by("title")
        )
        if not is_office_staff(user):
            return own, None
        choices = repostable_points(user).only("pk", "title").order_by("title")
        chosen = self.request.GET.get("point", "")
        if chosen.isdigit():
            point = choices.filter(pk=int(chosen)).first()
            if point is not None:
                return [point], choices
        return own, choices

    def get_context_data(self, **kwargs):

        points, choices = self.acting_points()
        point_ids = [p.pk for p in points]
        notices = repostable_notices().select_related("region")
        pending = self.request.GET.get("pending") == "1"
        if pending and point_ids:
            # Not yet reposted to every one of the points.
            done_everywhere = [
                notice_id
                for notice_id, count in _repost_counts(point_ids).items()
                if count >= len(point_ids)
            ]
            notices = notices.exclude(pk__in=done_everywhere)
        page = Paginator(notices, PER_PAGE).get_page(self.request.GET.get("p"))
        reposts = {
            (r.notice_id, r.point_id): r
            for r in NoticeRepost.objects.filter(
                notice_id__in=[n.pk for n in page], point_id__in=point_ids
            )
        }
        rows = [
            (notice, [(point, reposts.get((notice.pk, point.pk))) for point in points])
            for notice in page
        ]
        keep = {}
        if choices is not None and self.request.GET.get("point", "").isdigit() and points:
            keep["point"] = str(points[0].pk)
        if pending:
            keep["pending"] = "1"
        return super().get_context_data(
            page=page,
            rows=rows,
            points=points,
            point_choices=choices,
            chosen_point=points[0] if choices is not None and "point" in keep else None,
            pending=pending,
            keep_query=urlencode(keep),
            **kwargs,
        )


def _repost_counts(point_ids) -> dict[int, int]:
    from django.db.models import Count

    return dict(
        NoticeRepost.objects.filter(point_id__in=point_ids)
        .values("notice_id")
        .annotate(n=Count("point_id"))
        .values_list("notice_id", "n")
    )


class NoticeRepostView(View):
    """POST: repost a notice to a point, or undo it; then back to the list."""

    http_method_names = ["post"]

    def post(self, request, notice_id):

        _require_reposter(request.user)
        notice = get_object_or_404(repostable_notices(), pk=notice_id)
        point_id = request.POST.get("point", "")
        if not point_id.isdigit():
            raise Http404
        point = get_object_or_404(repostable_points(request.user), pk=int(point_id))
        action = request.POST.get("action", "repost")
        values = {"notice": notice.title, "point": point.title}
        if action == "remove":
            if remove_repost(notice, point):
                messages.success(
                    request, _("“%(notice)s” is no longer reposted by %(point)s.") % values
                )
            else:
                messages.info(request, _("%(point)s had not reposted “%(notice)s”.") % values)
        elif action == "repost":
            _repost, created = repost(notice, point, request.user)
            if created:
                messages.success(request, _("“%(notice)s” is now reposted by %(point)s.") % values)
            else:
                messages.info(request, _("%(point)s had already reposted “%(notice)s”.") % values)
        else:
            raise Http404
        return redirect(_back_url(request))


def _back_url(request) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("notices_to_repost")


class RepostMenuItem(MenuItem):
    def is_shown(self, request):
        return _may_repost(request.user)
