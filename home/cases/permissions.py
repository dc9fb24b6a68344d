"""Who may write cases, granted in this one place.

Every point's staff group may add cases under the case indexes (the default locale's own
pages): "add" is enough, because Wagtail lets the owner of a page edit it with the add
permission alone, and without "publish" every case goes through the moderation workflow. The
IP office's Editors and Moderators may also mark a case as excellent practice (优秀实践).

Grants happen when a staff group is made (`services.staff.staff_group_ready`), when a case
index is made after the groups (post_save), and after `migrate` for the office groups.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission, Locale

from services.staff import is_office_staff

from .models import CaseIndexPage

OFFICE_GROUPS = ("Editors", "Moderators")


def case_indexes():
    """The case indexes staff write under: the default locale's own pages, not aliases."""
    return CaseIndexPage.objects.filter(alias_of__isnull=True, locale=Locale.get_default())


def _add_page_permission():
    return Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")


def grant_case_permissions(group: Group, indexes=None) -> int:
    """Let `group` add cases under the case index(es); returns how many grants were new."""
    permission = _add_page_permission()
    created = 0
    for index in case_indexes() if indexes is None else indexes:
        _obj, new = GroupPagePermission.objects.get_or_create(
            group=group, page_id=index.pk, permission=permission
        )
        created += new
    return created


def staff_groups():
    """Every point's staff group (services/staff.py)."""
    return Group.objects.filter(service_points__isnull=False).distinct()


def grant_case_permissions_to_all_staff(indexes=None) -> int:
    """`grant_case_permissions` for every point's staff group; returns the new grants."""
    indexes = list(case_indexes() if indexes is None else indexes)
    return sum(grant_case_permissions(group, indexes) for group in staff_groups())


def grant_on_staff_group_ready(sender, group, **kwargs) -> None:
    """services.staff.staff_group_ready: a new (or repaired) staff group may add cases."""
    grant_case_permissions(group)


def grant_staff_on_new_case_index(sender, instance, created, raw=False, **kwargs) -> None:
    """post_save of a CaseIndexPage: an index made after the staff groups lets them add cases."""
    if raw or not created or instance.alias_of_id:
        return
    if case_indexes().filter(pk=instance.pk).exists():
        grant_case_permissions_to_all_staff(indexes=[instance])


def grant_office_feature_permission(sender, using="default", **kwargs) -> None:
    """post_migrate of the cases app: the office groups may mark excellent practice."""
    from django.contrib.auth.management import create_permissions

    # auth's own post_migrate handler may not have run for this app yet.
    create_permissions(sender, verbosity=0, using=using)
    feature = Permission.objects.using(using).get(
        content_type__app_label="cases", codename="feature_case"
    )
    for group in Group.objects.using(using).filter(name__in=OFFICE_GROUPS):
        group.permissions.add(feature)


def visible_case_pages(parent_page, pages, user):
    """In the case library's admin listing, point staff see the live cases and their own
    drafts, not the unpublished work of other points."""
    if not issubclass(parent_page.specific_class or type(parent_page), CaseIndexPage):
        return pages
    if is_office_staff(user):
        return pages
    return pages.filter(Q(live=True) | Q(owner=user))
