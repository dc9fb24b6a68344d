"""Point staff: the group each point gets, and what a user may see of consultation requests.

A point's staff are the members of its group. The group holds page permissions on the point's
own profile page (add and change: their edits go to the IP office for publishing), admin
access, the inbox permissions and the point's own collection of images and documents. What
else they see in the admin is cut to their points by services/admin_scope.py. Which requests they see is decided here, not by Django
model permissions: model permissions cannot say "only your own point's".
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.dispatch import Signal
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale

from directory.lifecycle.access import user_point_ids
from directory.models import ServicePoint
from home.core.locales import source_page

from .models import ConsultationRequest

# Sent with `group` and `point` whenever a point's staff group is made or repaired, so that
# features (the case library) grant their own permissions without this module knowing them.
staff_group_ready = Signal()

PAGE_PERMISSIONS = ("add_page", "change_page")
MODEL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("services", "view_consultationrequest"),
    ("services", "change_consultationrequest"),
)
# On the point's own collection only (Wagtail's collection permissions): staff upload, choose
# and edit their images and documents, and see no other point's. Deleting stays with the office.
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "change_document"),
)


def group_name(point: ServicePoint) -> str:
    # Group names are unique and at most 150 characters; the id keeps renamed twins apart.
    return f"网点工作人员 #{point.pk} {point.title}"[:150]


def collection_name(point: ServicePoint) -> str:
    return f"网点 #{point.pk} {point.title}"[:255]


def ensure_collection(group: Group, point: ServicePoint) -> Collection:
    """The point's collection: the one its staff group holds permissions on, or a new one
    under the root collection (found by permission, so a renamed point keeps it)."""
    collection = Collection.objects.filter(group_permissions__group=group).order_by("pk").first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=collection_name(point))
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )
    return collection


def source_point(point: ServicePoint) -> ServicePoint:
    """The default-locale page a point's staff and requests belong to (not an alias)."""
    return source_page(point)


@transaction.atomic
def ensure_staff_group(point: ServicePoint) -> Group:
    """Create (or repair) the point's staff group and its permissions; safe to call again."""
    point = source_point(point)
    group = point.staff_group
    if group is None:
        group, _ = Group.objects.get_or_create(name=group_name(point))
        # update(), not save(): a save of a page would start a revision and re-index it.
        ServicePoint.objects.filter(pk=point.pk).update(staff_group=group)
        point.staff_group = group
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=point.page_ptr,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in={app for app, _ in MODEL_PERMISSIONS},
            codename__in={codename for _, codename in MODEL_PERMISSIONS},
        )
    )
    ensure_collection(group, point)
    # Features above this layer add their own rights (cases: home/cases/permissions.py).
    staff_group_ready.send(sender=ServicePoint, group=group, point=point)
    return group


def is_office_staff(user) -> bool:
    """IP-office staff handle every point's requests and the central inbox."""
    return bool(
        user.is_active and (user.is_superuser or user.has_perm("services.handle_all_consultations"))
    )


def staff_point_ids(user) -> frozenset[int]:
    """Ids of the points whose staff group the user belongs to (cached on the user object);
    the directory's rule (directory/lifecycle/access.py), so every layer asks the same one."""
    return user_point_ids(user)


def visible_requests(user, queryset=None):
    """The consultation requests `user` may see: all for the office, their points' otherwise."""

    queryset = ConsultationRequest.objects.all() if queryset is None else queryset
    if is_office_staff(user):
        return queryset
    if not user.has_perm("services.view_consultationrequest"):
        return queryset.none()
    return queryset.filter(point_id__in=staff_point_ids(user))


def can_handle(user, request_obj) -> bool:
    if is_office_staff(user):
        return True
    return (
        user.has_perm("services.change_consultationrequest")
        and request_obj.point_id is not None
        and request_obj.point_id in staff_point_ids(user)
    )


def create_group_for_new_point(sender, instance, created, raw=False, **kwargs):
    """post_save: a new point (not an alias or translation) gets its staff group at once."""
    if raw or not created or instance.alias_of_id:
        return
    if instance.locale_id != Locale.get_default().pk:
        return
    ensure_staff_group(instance)
