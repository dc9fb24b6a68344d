"""Cross-point isolation in the admin: which pages a point's staff may see, as one policy.

Wagtail separates editors by subtree. Our points' cases and events share one subtree (the case
and event indexes), so a subtree cannot tell point A's draft case from point B's: the scope is
per point. The policy, for a user who belongs to a point's staff group and is not IP-office staff
(office staff, superusers and users without a point keep Wagtail's own rules):

- **own pages**: their points' profiles (every locale) and the pages under them, the cases and
  events that name one of their points (features register how, `register_point_pages`), and the
  pages they created themselves;
- **structure**: the ancestors of their own pages and of the pages their group holds a page
  permission on (home, directory, the case index), so that they can navigate and add cases;
- **public pages**, in the page chooser only (to link to them): live, no unpublished changes
  (so the admin's draft title is the public one) and no view restriction.

Everything else is out of sight: listings, search, reports, the admin API and log entries go
through `ScopedPagePermissionPolicy` (registered for every page model, services/wagtail_hooks.py),
and any admin URL naming another page answers 404 (services/admin_guard.py). Images and
documents follow the same line through Wagtail's collection permissions: one collection per
point (services/staff.py).
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.db.models import Q, QuerySet
from wagtail.models import GroupPagePermission, Page, PageViewRestriction
from wagtail.permission_policies.pages import PagePermissionPolicy

from directory.models import ServicePoint

from .staff import is_office_staff, staff_point_ids

# Filled by the features above this layer: each function takes the ids of a user's points and
# returns the pages (a queryset) that belong to those points, e.g. the cases they did.
PointPages = Callable[[frozenset[int]], QuerySet]
_point_pages: list[PointPages] = []

_OWN_CACHE = "_point_scope_own_page_ids"


def register_point_pages(function: PointPages) -> PointPages:
    """Declare how a feature's pages name their points (usable as a decorator)."""
    if function not in _point_pages:
        _point_pages.append(function)
    return function


def is_scoped(user) -> bool:
    """Whether the point scope applies to `user` (point staff who are not office staff)."""
    if not getattr(settings, "POINT_SCOPE_ENABLED", True):
        return False
    if not user.is_authenticated or not user.is_active or is_office_staff(user):
        return False
    return bool(staff_point_ids(user))


def _ancestor_paths(paths: Iterable[str]) -> set[str]:
    """Every path from the root down to each of `paths`, inclusive."""
    step = Page.steplen
    return {path[:end] for path in paths for end in range(step, len(path) + 1, step)}


def own_page_ids(user) -> frozenset[int]:
    """Ids of the pages a scoped user may open: own pages and the structure above them
    (cached on the user object for the request)."""
    cached = getattr(user, _OWN_CACHE, None)
    if cached is not None:
        return cached
    point_ids = staff_point_ids(user)
    points = ServicePoint.objects.filter(pk__in=point_ids)
    profiles = Page.objects.filter(translation_key__in=points.values("translation_key"))
    profile_paths = list(profiles.values_list("path", flat=True))
    subtree = Q(pk__in=[])
    for path in profile_paths:
        subtree |= Q(path__startswith=path)
    feature_pages = Q(owner=user)
    for function in _point_pages:
        pages = function(point_ids)
        # Their translations and aliases too: the same case in English is still the point's.
        feature_pages |= Q(pk__in=pages.values("pk"))
        feature_pages |= Q(translation_key__in=pages.values("translation_key"))
    own = Page.objects.filter(subtree | feature_pages).values_list("pk", "path")
    own_ids = {pk for pk, _path in own}
    granted = GroupPagePermission.objects.filter(group__user=user).values_list(
        "page__path", flat=True
    )
    structure = _ancestor_paths([path for _pk, path in own] + list(granted))
    structure_ids = set(Page.objects.filter(path__in=structure).values_list("pk", flat=True))
    cached = frozenset(own_ids | structure_ids)
    setattr(user, _OWN_CACHE, cached)
    return cached


def public_pages_q() -> Q:
    """Pages anyone may see on the site, whose admin title is their public title."""
    q = Q(live=True, has_unpublished_changes=False, depth__gt=1)
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        q &= ~Q(path__startswith=path)
    return q


def scope_pages(user, pages: QuerySet) -> QuerySet:
    """`pages` cut to what `user` may see in admin listings, reports, the API and logs."""
    if not is_scoped(user):
        return pages
    return pages.filter(pk__in=own_page_ids(user))


def scope_choosable_pages(user, pages: QuerySet) -> QuerySet:
    """`pages` cut to what `user` may pick in the page chooser: own pages and public ones."""
    if not is_scoped(user):
        return pages
    # A list of ids, not a Q on page fields: the chooser's search filters only on indexed fields.
    public = Page.objects.filter(public_pages_q()).values_list("pk", flat=True)
    return pages.filter(pk__in=own_page_ids(user) | set(public))


def may_open_page(user, page_id) -> bool:
    """Whether an admin URL naming this page may answer `user` (edit, history, preview…)."""
    return not is_scoped(user) or _as_int(page_id) in own_page_ids(user)


def may_choose_page(user, page_id) -> bool:
    """Whether the page chooser may show this page (as a parent) to `user`."""
    if may_open_page(user, page_id):
        return True
    page_id = _as_int(page_id)
    return page_id is not None and Page.objects.filter(public_pages_q(), pk=page_id).exists()


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class ScopedPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, cut to the point scope wherever it lists pages.

    Every admin listing of pages asks the policy: the explorer and page search
    (`explorable_instances`), the admin pages API, the audit log and site history
    (`PageLogEntryManager.viewable_by_user`), the aging, locked-pages and workflow reports, form
    submissions and "choose a parent" (`instances_user_has_permission_for`).
    """

    def instances_user_has_any_permission_for(self, user, actions):
        return scope_pages(user, super().instances_user_has_any_permission_for(user, actions))

    def explorable_instances(self, user):
        return scope_pages(user, super().explorable_instances(user))


def scope_users(user, users: QuerySet) -> QuerySet:
    """`users` cut to those who own or edited a page the scoped `user` may see."""
    if not is_scoped(user):
        return users
    from wagtail.models import PageLogEntry

    own = own_page_ids(user)
    owners = Page.objects.filter(pk__in=own).values("owner_id")
    editors = PageLogEntry.objects.filter(page_id__in=own).values("user_id")
    return users.filter(Q(pk__in=owners) | Q(pk__in=editors) | Q(pk=user.pk))


# Filters of Wagtail's page listings and reports whose choices are every user who owns, edited,
# locked or submitted a page anywhere: other points' staff by name. Wagtail has no hook for
# these choices, so their querysets are wrapped (module, filter set, filter).
USER_FILTERS = (
    ("wagtail.admin.views.pages.listing", "PageFilterSet", ("owner", "edited_by")),
    ("wagtail.admin.views.pages.listing", "GenericPageFilterSet", ("owner", "edited_by")),
    ("wagtail.admin.views.reports.workflows", "WorkflowReportFilterSet", ("requested_by",)),
    ("wagtail.admin.views.reports.locked_pages", "LockedPagesReportFilterSet", ("locked_by",)),
)


def scope_user_filters() -> None:
    """Wrap the USER_FILTERS' querysets with `scope_users` (once, from services/wagtail_hooks.py)."""
    from importlib import import_module

    for module_name, filterset_name, names in USER_FILTERS:
        filterset = getattr(import_module(module_name), filterset_name)
        for name in names:
            user_filter = filterset.base_filters.get(name)
            original = getattr(user_filter, "queryset", None)
            if user_filter is None or getattr(original, "point_scoped", False):
                continue

            def queryset(request, original=original):
                users = original(request) if callable(original) else original
                return scope_users(request.user, users)

            queryset.point_scoped = True
            user_filter.queryset = queryset
